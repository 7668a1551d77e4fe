import { Spinner } from "@fluentui/react-components";
import type { Activity } from "../state/paneState";

/** What the pane says while it works, for the actions whose section shows no progress of its own. */
const SAID: Partial<Record<Activity, string>> = {
  viewing: "Working out the period's figures…",
  opening: "Opening the workbook…",
  downloading: "Preparing the download…",
  claiming: "Marking the claim as submitted…",
  saving: "Saving the settings…",
  reviewingReturns: "Recording the decision…",
};

/**
 * Progress for every action that may take a while: a spinner with its label, in a polite live region that is always
 * there, so a screen reader announces it when it appears. "Reading" shows here once the pane already shows a
 * workbook (before that, the pane says it in its place).
 */
export function ActivityStatus({ activity, hasData }: { activity: Activity | null; hasData: boolean }) {
  const label =
    activity === "reading"
      ? hasData
        ? "Reading the workbook again…"
        : "Reading the workbook…"
      : activity && SAID[activity];
  return (
    <div role="status" aria-live="polite">
      {label && <Spinner size="small" label={label} />}
    </div>
  );
}
