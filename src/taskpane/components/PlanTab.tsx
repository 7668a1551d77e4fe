import * as React from "react";
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentTextRegular, TableAddRegular, TableSearchRegular } from "@fluentui/react-icons";
import type { PlanProposal } from "../../core/plan/planTypes";
import { planRowsFromGrid, planRowsFromText, proposePlan, type PlanRows } from "../../core/plan/proposePlan";
import type { ConsortiumModel, Message } from "../state/useConsortium";
import { PlanReview } from "./PlanReview";
import { ButtonRow, Section } from "./Section";
import { StatusMessage } from "./StatusMessage";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Import plan: paste the business plan's key-target and risk tables, review what is proposed, then write it. */
export function PlanTab({ model }: { model: ConsortiumModel }) {
  const styles = useStyles();
  const [text, setText] = React.useState("");
  const [proposal, setProposal] = React.useState<PlanProposal | null>(null);
  const [message, setMessage] = React.useState<Message | undefined>(undefined);
  const [writing, setWriting] = React.useState(false);

  const propose = (rows: PlanRows) => {
    setMessage(undefined);
    const settings = model.settings;
    const next = proposePlan(rows, {
      yearStartMonth: settings?.yearStartMonth ?? 4,
      ...(settings?.planStart ? { planStart: settings.planStart } : {}),
    });
    setProposal(next);
    if (next.targets.length === 0 && next.risks.length === 0) {
      setMessage({
        intent: "warning",
        title: "No key targets or risks found",
        lines: ["Paste the table with its project and year headings (e.g. Project 1 …, 2008 – 2009)."],
      });
    }
  };

  const readSelection = async () => {
    const session = model.session;
    if (!session?.canReadSelection) return;
    try {
      propose(planRowsFromGrid(await session.readSelection()));
    } catch (error) {
      setMessage({ intent: "error", title: "Could not read the selected cells", lines: [`${errorText(error)}.`] });
    }
  };

  const write = async () => {
    const session = model.session;
    if (!proposal || !session) return;
    setWriting(true);
    try {
      // Commit then refresh: a failed re-read after the rows went in is said as such, with a Retry.
      const done = await model.write(
        null,
        session,
        async () => {
          const done = await session.addPlan(proposal);
          model.markUnsaved();
          return done;
        },
        (merge): Message => ({
          intent: merge.leftOut.length > 0 ? "warning" : "success",
          title: "Plan added to the workbook",
          lines: [...merge.added.map((line) => `Added ${line}`), ...merge.leftOut.map((line) => `Left out: ${line}`)],
        }),
      );
      setProposal(null);
      setMessage(done.message ?? undefined);
    } catch (error) {
      setMessage({ intent: "error", title: "The plan was not added", lines: [`${errorText(error)}.`] });
    } finally {
      setWriting(false);
    }
  };

  return (
    <>
      <Section
        id="import-plan"
        title="Import plan"
        intro="Paste the business plan's key-target and risk tables (cells from a sheet, or text from the plan), or select them in the workbook. Nothing is written until you add it."
      >
        <div className={styles.form}>
          <Field label="Plan tables">
            <Textarea
              value={text}
              onChange={(_, data) => setText(data.value)}
              resize="vertical"
              rows={6}
              placeholder={"Project 1 Support for volunteering\n2008 – 2009\n900 potential volunteers make contact"}
            />
          </Field>
          <ButtonRow>
            <Button
              icon={<DocumentTextRegular />}
              onClick={() => propose(planRowsFromText(text))}
              disabled={text.trim() === ""}
            >
              Read plan
            </Button>
            {model.mode === "excel" && model.session?.canReadSelection && (
              <Button icon={<TableSearchRegular />} onClick={() => void readSelection()} disabled={model.busy}>
                Read the selected cells
              </Button>
            )}
            {proposal && (proposal.targets.length > 0 || proposal.risks.length > 0) && (
              <Button
                appearance="primary"
                icon={<TableAddRegular />}
                onClick={() => void write()}
                disabled={writing || model.busy || !model.session}
              >
                Add {proposal.targets.length} targets and {proposal.risks.length} risks to the workbook
              </Button>
            )}
          </ButtonRow>
          <StatusMessage message={message} onDismiss={() => setMessage(undefined)} />
        </div>
      </Section>
      {proposal && (proposal.targets.length > 0 || proposal.unread.length > 0) && (
        <Section
          id="plan-review"
          title="Review the proposed targets"
          intro="Highlighted years (⚠) were worked out from the plan's words: check them. Edit any figure or wording before adding."
        >
          <PlanReview proposal={proposal} onChange={setProposal} />
        </Section>
      )}
    </>
  );
}
