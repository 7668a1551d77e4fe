// The pane's reducer: what each event does to activity, data and messages.
import { workbookData } from "../../src/app/workbook";
import { paneData } from "../../src/taskpane/state/paneView";
import { PaneSession } from "../../src/taskpane/state/session";
import { initialPaneState, paneReducer, type PaneState } from "../../src/taskpane/state/paneState";
import { consortiumGrids } from "./consortiumGrids";
import { FakePort } from "./fakePort";

const data = paneData(workbookData(consortiumGrids(), ["Settings"]), {
  chosen: null,
  today: { year: 2009, month: 10, day: 20 },
});
const said = { intent: "success" as const, title: "Done", lines: [] };

describe("paneReducer", () => {
  it("forgets everything of the previous workbook when another is adopted, but keeps the chosen period", () => {
    let state: PaneState = paneReducer(initialPaneState, {
      type: "periodChosen",
      period: { fy: "2009-10", quarter: 1 },
    });
    state = paneReducer(state, { type: "read", data });
    state = paneReducer(state, { type: "say", section: "push", message: said });
    state = paneReducer(state, { type: "claimSubmitted", sheet: "Claim 2009-10 Q1" });
    const session = new PaneSession(new FakePort([]));
    const adopted = paneReducer(state, { type: "adopted", session });
    expect(adopted).toEqual({ ...initialPaneState, session, chosenPeriod: { fy: "2009-10", quarter: 1 } });
  });

  it("keeps a check's problem list up to date with each read, and starts none before a check", () => {
    const read = paneReducer(initialPaneState, { type: "read", data });
    expect(read.checked).toBeNull();
    const checked = paneReducer(read, { type: "checked", problems: [] });
    expect(paneReducer(checked, { type: "read", data }).checked).toEqual(data.problems);
  });

  it("says and unsays per section, and tracks unsaved changes until downloaded", () => {
    const saying = paneReducer(initialPaneState, { type: "say", section: "claim", message: said });
    expect(saying.messages).toEqual({ claim: said });
    expect(paneReducer(saying, { type: "say", section: "claim", message: null }).messages).toEqual({});
    const written = paneReducer(initialPaneState, { type: "written" });
    expect(written.unsaved).toBe(true);
    expect(paneReducer(written, { type: "downloaded" }).unsaved).toBe(false);
  });
});
