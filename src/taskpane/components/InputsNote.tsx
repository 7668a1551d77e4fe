import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import { partnersSentence, problemsSentence, type PaperInputs } from "../../core/inputs";
import type { PeriodView } from "../../core/periodView";
import { plural } from "../../core/words";

const useStyles = makeStyles({ line: { margin: 0 } });

/**
 * What the overview rests on, above it: read problems (see Check data), whose figures for the quarter are in, and
 * how many targets await their figure or could not be read. A warning when anything is missing or unread, so the
 * RAG below never looks more certain than its inputs.
 */
export function InputsNote({ inputs, view }: { inputs: PaperInputs; view: PeriodView }) {
  const styles = useStyles();
  const awaited = view.awaiting.length;
  const unread = view.unread.length;
  const incomplete =
    inputs.errors + inputs.warnings > 0 ||
    inputs.partners.some((p) => !p.figuresIn) ||
    awaited + unread + view.toBeSet.length > 0;
  const lines = [problemsSentence(inputs), partnersSentence(inputs)];
  if (awaited > 0) {
    lines.push(
      `${awaited} target${awaited === 1 ? " awaits its" : "s await their"} figure for the quarter ` +
        `(${view.awaiting.map((t) => t.id).join(", ")}): shown as Awaiting, not counted in its project.`,
    );
  }
  const toBeSet = view.toBeSet.length;
  if (toBeSet > 0) {
    lines.push(
      `${plural(toBeSet, "target")} ${toBeSet === 1 ? "is" : "are"} set on a baseline not yet entered ` +
        `(${view.toBeSet.map((t) => t.id).join(", ")}): shown as Target to be set, not rated.`,
    );
  }
  if (unread > 0) {
    lines.push(`${unread} target${unread === 1 ? "" : "s"} could not be read: shown as Not read (see Check data).`);
  }
  return (
    <section aria-label="What these figures rest on">
      <MessageBar intent={incomplete ? "warning" : "info"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{incomplete ? "Figures incomplete" : "Figures in"}</MessageBarTitle>
          {lines.map((line) => (
            <p key={line} className={styles.line}>
              {line}
            </p>
          ))}
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
