import * as React from "react";
import { Text } from "@fluentui/react-components";
import { periodLabel } from "../../core/periods";
import { paperInputs } from "../../core/inputs";
import { periodView } from "../../core/periodView";
import { riskSummary } from "../state/overview";
import type { ConsortiumModel } from "../state/useConsortium";
import { InputsNote } from "./InputsNote";
import { ProjectOverview, UnreadList } from "./ProjectOverview";
import { RiskOverview } from "./RiskOverview";
import { Section } from "./Section";
import { StatusMessage } from "./StatusMessage";

/** The RAG overview of the chosen period: projects (expanding to targets), then risks. */
export function OverviewTab({ model }: { model: ConsortiumModel }) {
  const { consortium, report, lastYearReport, period } = model;
  const unreadTargets = model.data?.unreadTargets;
  const view = React.useMemo(
    () =>
      consortium && report
        ? periodView(consortium, report, { sameQuarterLastYear: lastYearReport }, unreadTargets ?? [])
        : null,
    [consortium, report, lastYearReport, unreadTargets],
  );
  const inputs = React.useMemo(
    () => (consortium && report ? paperInputs(consortium, report) : null),
    [consortium, report],
  );
  const projects = view?.projects ?? [];
  const risks = React.useMemo(
    () => (consortium && report ? riskSummary(consortium, report) : null),
    [consortium, report],
  );

  if (model.reportError) {
    return (
      <Section id="overview-error" title="Overview">
        <StatusMessage
          message={{ intent: "error", title: "The report could not be made", lines: [`${model.reportError}.`] }}
        />
      </Section>
    );
  }
  if (!consortium || !report || !period || projects.length === 0) {
    return (
      <Section id="overview-empty" title="Overview">
        <Text>
          {model.session
            ? "There are no projects to show yet. On the Data tab, insert the standard templates and fill them in, or load the example."
            : model.mode === "standalone"
              ? "Open a workbook, or load the example from the Data tab, to see its projects here."
              : model.activity === "reading"
                ? "Reading the workbook…"
                : "The workbook could not be read."}
        </Text>
      </Section>
    );
  }
  return (
    <>
      <Section
        id="projects"
        title={`Projects at ${periodLabel(period)}`}
        intro="Ratio of actual to expected to date, and the trend on the same quarter last year, as the workbook was last read (Check data reads it again). Expand a project to see its targets."
      >
        {inputs && view && <InputsNote inputs={inputs} view={view} />}
        <ProjectOverview projects={projects} />
        {view && view.unreadElsewhere.length > 0 && <UnreadList unread={view.unreadElsewhere} />}
      </Section>
      {risks && (
        <Section id="risks" title="Risks">
          <RiskOverview summary={risks} />
        </Section>
      )}
    </>
  );
}
