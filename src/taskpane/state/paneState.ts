// The pane's state as one reducer: what the pane is doing (activity), the workbook it shows (data) and what it
// has said (messages). The hook (useConsortium) only runs the use cases and dispatches what came of them.
import type { Problem } from "../../core/model";
import type { Period } from "../../core/periods";
import type { PushOutcome } from "../../workbook/port";
import type { PaneData, PeriodPane, WorkbookSession } from "./session";

export type Section =
  "file" | "start" | "check" | "push" | "claim" | "settings" | "makeReturns" | "importReturns" | "reviewReturns";
export type Activity =
  | "reading"
  /** Working out the figures of another period. */
  | "viewing"
  | "opening"
  | "downloading"
  | "inserting"
  | "checking"
  | "pushing"
  | "claiming"
  | "saving"
  | "makingReturns"
  | "readingReturns"
  | "applyingReturns"
  | "reviewingReturns";

export interface Message {
  intent: "success" | "warning" | "error" | "info";
  title: string;
  lines: string[];
  /** Offered as a Retry button: reads the workbook again after a write whose re-read failed. */
  retry?: () => void;
}

export interface PaneState {
  session: WorkbookSession | null;
  data: PaneData | null;
  activity: Activity | null;
  messages: Partial<Record<Section, Message>>;
  chosenPeriod: Period | null;
  /** The problems of the last Check data, kept up to date by later reads; null before the first check. */
  checked: Problem[] | null;
  selectedProblem: Problem | null;
  lastPush: PushOutcome | null;
  /** Standalone mode: changes not downloaded yet. */
  unsaved: boolean;
  /** Claims marked submitted in this session (an adapter need not hand its hidden registry back with the grids). */
  submittedHere: string[];
}

export type PaneAction =
  /** A workbook becomes the pane's: everything said or shown of the previous one goes. */
  | { type: "adopted"; session: WorkbookSession }
  | { type: "read"; data: PaneData }
  /** The view of another period, of the data already read. */
  | { type: "viewed"; view: PeriodPane }
  | { type: "activity"; activity: Activity | null }
  | { type: "say"; section: Section; message: Message | null }
  | { type: "checked"; problems: Problem[] }
  | { type: "problemSelected"; problem: Problem }
  | { type: "pushed"; outcome: PushOutcome }
  | { type: "written" }
  | { type: "downloaded" }
  | { type: "claimSubmitted"; sheet: string }
  | { type: "periodChosen"; period: Period | null };

export const initialPaneState: PaneState = {
  session: null,
  data: null,
  activity: null,
  messages: {},
  chosenPeriod: null,
  checked: null,
  selectedProblem: null,
  lastPush: null,
  unsaved: false,
  submittedHere: [],
};

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "adopted":
      return {
        ...initialPaneState,
        chosenPeriod: state.chosenPeriod,
        session: action.session,
        activity: state.activity,
      };
    case "read":
      // A check's list follows the workbook as read again, so it never shows problems already put right.
      return { ...state, data: action.data, checked: state.checked ? action.data.problems : null };
    case "viewed":
      return state.data ? { ...state, data: { ...state.data, view: action.view } } : state;
    case "activity":
      return { ...state, activity: action.activity };
    case "say": {
      const messages = { ...state.messages };
      if (action.message) messages[action.section] = action.message;
      else delete messages[action.section];
      return { ...state, messages };
    }
    case "checked":
      return { ...state, checked: action.problems, selectedProblem: null };
    case "problemSelected":
      return { ...state, selectedProblem: action.problem };
    case "pushed":
      return { ...state, lastPush: action.outcome, unsaved: true };
    case "written":
      return { ...state, unsaved: true };
    case "downloaded":
      return { ...state, unsaved: false };
    case "claimSubmitted":
      return { ...state, unsaved: true, submittedHere: [...state.submittedHere, action.sheet] };
    case "periodChosen":
      return { ...state, chosenPeriod: action.period };
  }
}
