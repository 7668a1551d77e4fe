import { Text } from "@fluentui/react-components";
import { periodLabel } from "../../core/periods";
import type { ConsortiumModel } from "../state/useConsortium";
import { InputsNote } from "./InputsNote";
import { ProjectOverview, UnreadList } from "./ProjectOverview";
import { RiskOverview } from "./RiskOverview";
import { Section } from "./Section";
import { StatusMessage } from "./StatusMessage";

/** The RAG overview of the chosen period: projects (expanding to targets), then risks. */
export function OverviewTab({ model }: { model: ConsortiumModel }) {
  const view = model.view?.overview ?? null;
  const inputs = model.view?.inputs ?? null;
  const risks = model.view?.risks ?? null;
  const period = view?.period ?? null;
  const projects = view?.projects ?? [];

  if (model.reportError) {
    return (
      <Section id="overview-error" title="Overview">
        <StatusMessage
          message={{ intent: "error", title: "The report could not be made", lines: [`${model.reportError}.`] }}
        />
      </Section>
    );
  }
  if (!view || !period || projects.length === 0) {
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
