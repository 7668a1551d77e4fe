// Review and lock over the Bedfordshire-style consortium: a return received is accepted (its figures lock), sent
// back with a reason, reopened with a reason; every decision and every imported value lands on the Audit sheet.
import type { WorkbookGrids } from "../../../src/core/grid";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { AUDIT_SHEET } from "../../../src/core/returns/audit";
import { importReturnFiles, type ReturnFile } from "../../../src/core/returns/incoming";
import { outgoingReturns } from "../../../src/core/returns/outgoing";
import {
  RETURNS_STATUS_SHEET,
  changeStatus,
  returnsStatuses,
  sentEdits,
  statusText,
  type StatusRequest,
} from "../../../src/core/returns/status";
import { REGISTRY_SHEET, registryRows } from "../../../src/core/sheets/registry";
import { buildSummarySheets } from "../../../src/core/summarySheets";
import { BEDFORD, BRCC, LUTON, Q3, VC, bedfordshireGrids } from "./bedfordshireKit";
import { applyEdits, setCell, specToGrid } from "./kit";

const PREPARED = { masterName: "master.xlsx", preparedOn: { year: 2009, month: 12, day: 20 } };

/** `partner`'s Q3 return with `value` in every target's Actual and on-budget spend. */
function filledReturn(master: WorkbookGrids, partner: string, value: number): ReturnFile {
  const book = outgoingReturns(importWorkbook(master).consortium, Q3, PREPARED).returns.find(
    (b) => b.partner === partner,
  );
  if (!book) throw new Error(partner);
  const grids = book.sheets.map(specToGrid);
  const rows = grids.find((grid) => grid.sheet === "Return")?.rows ?? [];
  rows.forEach((row, index) => {
    if (typeof row[0] === "string" && /^T\d/.test(row[0])) setCell(grids, "Return", `J${index + 1}`, value);
    if (typeof row[0] === "string" && /^P\d$/.test(row[0]) && typeof row[6] === "number") {
      setCell(grids, "Return", `H${index + 1}`, Number(row[5]) - Number(row[6]));
    }
  });
  return { fileName: `${partner} Q3 (${value}).xlsx`, grids };
}

function imported(master: WorkbookGrids, file: ReturnFile, at = "2010-01-12 10:30") {
  const result = importReturnFiles(master, [file], { period: Q3, importedAt: at, by: "finance officer" });
  return { result: result.returns[0], grids: applyEdits(master, result.edits) };
}

function change(grids: WorkbookGrids, request: Omit<StatusRequest, "period" | "command">) {
  return changeStatus(importWorkbook(grids).consortium, grids, { ...request, period: Q3, command: "test" });
}

function statuses(grids: WorkbookGrids): string[] {
  return returnsStatuses(importWorkbook(grids).consortium, Q3, grids).map((s) => `${s.partner}: ${statusText(s)}`);
}

function sheetRows(grids: WorkbookGrids, sheet: string) {
  return grids.find((grid) => grid.sheet === sheet)?.rows ?? [];
}

describe("review and lock", () => {
  const master = bedfordshireGrids();
  const afterLuton = imported(master, filledReturn(master, LUTON, 5)).grids;

  it("says Received for a partner whose return is in and Not sent for the others", () => {
    expect(statuses(afterLuton)).toEqual([
      `${BEDFORD}: Not sent`,
      `${LUTON}: Received (2010-01-12 10:30)`,
      `${VC}: Not sent`,
      `${BRCC}: Not sent`,
    ]);
  });

  it("records every imported value on the Audit sheet: when, what, old → new, the file and its hash, who", () => {
    const audit = sheetRows(afterLuton, AUDIT_SHEET);
    expect(audit[0].slice(0, 8)).toEqual([
      "When",
      "Command",
      "Sheet",
      "Cell",
      "Row",
      "Field",
      "Old value",
      "New value",
    ]);
    const t12 = audit.find((row) => row[4] === "T1.2 2009-10 Q3" && row[5] === "Actual");
    expect(t12).toEqual([
      "2010-01-12 10:30",
      "import",
      "Actuals",
      "D2",
      "T1.2 2009-10 Q3",
      "Actual",
      null,
      5,
      `${LUTON} Q3 (5).xlsx`,
      expect.stringMatching(/^[0-9a-f]{28}$/),
      LUTON,
      "2009-10 Q3",
      null,
      "finance officer",
    ]);
  });

  it("says Sent once returns are recorded as sent, and never lets a later sending undo a stage", () => {
    const sent = applyEdits(master, sentEdits(master, [LUTON, VC], Q3, "2009-12-20 09:00", "test"));
    expect(statuses(sent).slice(1, 3)).toEqual([`${LUTON}: Sent (2009-12-20 09:00)`, `${VC}: Sent (2009-12-20 09:00)`]);
    const resent = applyEdits(afterLuton, sentEdits(afterLuton, [LUTON], Q3, "2010-01-13 09:00", "test"));
    expect(statuses(resent)[1]).toBe(`${LUTON}: Received (2010-01-12 10:30)`);
  });

  it("refuses to accept a return not received, and to send one back without a reason", () => {
    expect(change(afterLuton, { partner: VC, action: "Accepted", at: "2010-01-20 09:00" })).toEqual({
      ok: false,
      reason: `${VC}'s 2009-10 Q3 return is not sent: only figures received can be accepted`,
    });
    expect(change(afterLuton, { partner: LUTON, action: "Returned for revision", at: "2010-01-20 09:00" })).toEqual({
      ok: false,
      reason: "Say why the return goes back (--reason): the partner sees it in its next return",
    });
  });

  describe("once Luton CVS's figures are accepted", () => {
    const accepting = change(afterLuton, { partner: LUTON, action: "Accepted", at: "2010-01-20 09:00", by: "Sam" });
    if (!accepting.ok) throw new Error(accepting.reason);
    const accepted = applyEdits(afterLuton, accepting.edits);

    it("shows Accepted on the visible Returns status sheet, and audits the decision", () => {
      expect(statuses(accepted)[1]).toBe(`${LUTON}: Accepted (2010-01-20 09:00)`);
      expect(sheetRows(accepted, RETURNS_STATUS_SHEET)[1].slice(0, 7)).toEqual([
        "2010-01-20 09:00",
        "2009-10 Q3",
        LUTON,
        "Accepted",
        null,
        "Sam",
        "test",
      ]);
      const last = sheetRows(accepted, AUDIT_SHEET).at(-1) ?? [];
      expect([last[1], last[2], last[6], last[7], last[13]]).toEqual([
        "test",
        RETURNS_STATUS_SHEET,
        "Received",
        "Accepted",
        "Sam",
      ]);
    });

    it("refuses a later import of its figures, saying how to reopen", () => {
      const again = imported(accepted, filledReturn(master, LUTON, 7), "2010-01-21 10:00");
      expect(again.result.outcome).toBe("refused");
      expect(again.result.preview?.problems).toContainEqual({
        sheet: "Return",
        cell: "B5",
        severity: "error",
        message: `${LUTON}'s 2009-10 Q3 figures were accepted at 2010-01-20 09:00 and are locked: reopen the quarter with a reason first (Reopen on the Returns tab, or consortium-tracker reopen)`,
      });
    });

    it("sees an edit by hand to the accepted figures", () => {
      const edited = accepted.map((grid) => ({ ...grid, rows: grid.rows.map((row) => [...row]) }));
      setCell(edited, "Actuals", "D2", 6); // T1.2 Q3: 5 → 6
      expect(statuses(edited)[1]).toBe(
        `${LUTON}: Accepted (2010-01-20 09:00) — figures changed since they were accepted`,
      );
    });

    it("reopens only with a reason, and then takes the import", () => {
      expect(change(accepted, { partner: LUTON, action: "Reopened", at: "2010-01-22 09:00" })).toMatchObject({
        ok: false,
      });
      const reopening = change(accepted, {
        partner: LUTON,
        action: "Reopened",
        reason: "T1.2 was under-reported",
        at: "2010-01-22 09:00",
      });
      if (!reopening.ok) throw new Error(reopening.reason);
      const reopened = applyEdits(accepted, reopening.edits);
      expect(statuses(reopened)[1]).toBe(`${LUTON}: Received, reopened (2010-01-22 09:00): T1.2 was under-reported`);
      const again = imported(reopened, filledReturn(master, LUTON, 7), "2010-01-22 10:00");
      expect(again.result.outcome).toBe("ready");
      const t12 = importWorkbook(again.grids).consortium.actuals.find((a) => a.targetId === "T1.2");
      expect(t12?.amount).toBe(7);
    });
  });

  it("sends a return back with its reason; a revised return makes it Received again", () => {
    const afterVc = imported(afterLuton, filledReturn(master, VC, 3), "2010-01-13 10:00").grids;
    const sending = change(afterVc, {
      partner: VC,
      action: "Returned for revision",
      reason: "No evidence for T1.1",
      at: "2010-01-14 09:00",
    });
    if (!sending.ok) throw new Error(sending.reason);
    const sentBack = applyEdits(afterVc, sending.edits);
    expect(statuses(sentBack)[2]).toBe(`${VC}: Returned for revision (2010-01-14 09:00): No evidence for T1.1`);
    const revised = imported(sentBack, filledReturn(master, VC, 4), "2010-01-15 10:00").grids;
    expect(statuses(revised)[2]).toBe(`${VC}: Received (2010-01-15 10:00)`);
  });
});

describe("the RAG sheet's review of returns", () => {
  const rows = (grids: WorkbookGrids) => {
    const rag = buildSummarySheets(
      importWorkbook(grids).consortium,
      [],
      Q3,
      { year: 2010, month: 1, day: 25 },
      { grids },
    )[1];
    const title = rag.cells.find((cell) => cell.value === "Review of returns 2009-10 Q3")?.row;
    if (title === undefined) return null;
    const byRow = new Map<number, unknown[]>();
    for (const cell of rag.cells.filter((c) => c.row > title + 2)) {
      byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell.value]);
    }
    return [...byRow.values()];
  };

  it("lists each partner's review status once a decision is recorded, and is absent before", () => {
    const master = bedfordshireGrids();
    expect(rows(master)).toBeNull();
    const sent = applyEdits(master, sentEdits(master, [LUTON], Q3, "2009-12-20 09:00", "test"));
    expect(rows(sent)?.slice(0, 2)).toEqual([
      [BEDFORD, "Not sent", null], // never sent: no "since" cell; the reason cell is blank
      [LUTON, "Sent", "2009-12-20 09:00", null],
    ]);
  });
});

describe("restatements on the year-on-year sheet", () => {
  const master = bedfordshireGrids();
  const yearOnYear = (grids: WorkbookGrids) =>
    buildSummarySheets(importWorkbook(grids).consortium, [], Q3, { year: 2010, month: 1, day: 25 }, { grids })[2];
  const flags = (grids: WorkbookGrids) =>
    yearOnYear(grids)
      .cells.map((cell) => cell.value)
      .filter((value): value is string => typeof value === "string" && value.startsWith("Restatement:"));

  it("flags a figure imported after its quarter's claim was submitted, and nothing before", () => {
    const submitted = (on: string): WorkbookGrids => [
      ...master,
      {
        sheet: REGISTRY_SHEET,
        rows: [[...registryRows([])[0]], ["Claim 2009-10 Q3", "claim", "", "", "submitted", on]],
        firstRow: 1,
        firstColumn: 1,
      },
    ];
    const after = imported(submitted("2010-01-10"), filledReturn(master, VC, 3), "2010-01-12 10:30").grids;
    expect(flags(after)).toEqual([
      "Restatement: T1.1 2009-10 Q3 Actual: blank → 3 (changed 2010-01-12 10:30; claim submitted 2010-01-10)",
      "Restatement: T1.1 2009-10 Q3 Partner: blank → VC Central Beds (changed 2010-01-12 10:30; claim submitted 2010-01-10)",
      "Restatement: P1 Salaries 2009-10 Q3 Partner: blank → VC Central Beds (changed 2010-01-12 10:30; claim submitted 2010-01-10)",
      "Restatement: P1 Salaries 2009-10 Q3 Amount: blank → 2000 (changed 2010-01-12 10:30; claim submitted 2010-01-10)",
    ]);
    const before = imported(submitted("2010-01-20"), filledReturn(master, VC, 3), "2010-01-12 10:30").grids;
    expect(flags(before)).toEqual([]);
  });
});
