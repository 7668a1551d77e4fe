import {
  adjustmentSheetName,
  compareClaims,
  differenceText,
  ukDateText,
} from "../../../src/core/sheets/claimAdjustment";
import { gridOfSpec, readClaimFigures } from "../../../src/core/sheets/claimFigures";
import {
  fingerprintOfSpec,
  markSubmitted,
  planSummaryPush,
  pushedSheets,
  type RegistryEntry,
} from "../../../src/core/sheets/registry";
import type { SheetSpec } from "../../../src/core/sheets/spec";
import { claimAsSubmitted, claimWithCorrectedSpend, sameClaimLater } from "../../support/claimScenario";
import { cellWithText, rowValues } from "./sheetTestKit";

const figuresOf = (spec: SheetSpec) => readClaimFigures(gridOfSpec(spec))!;

describe("reading a claim sheet's figures back", () => {
  it("reads each project's spend lines and the claim as a whole, in pence", () => {
    const figures = figuresOf(claimAsSubmitted());
    expect(figures.consortium).toBe("Oxfordshire VSDP");
    expect(figures.lines).toEqual([
      {
        projectId: "P1",
        line: "Salaries",
        figures: { budgetToDate: 1000000, spendToDate: 900000, claimThisQuarter: 450000 },
      },
      {
        projectId: "P1",
        line: "Running costs",
        figures: { budgetToDate: 200000, spendToDate: 260000, claimThisQuarter: 130000 },
      },
      {
        projectId: "P2",
        line: "Salaries",
        figures: { budgetToDate: 300000, spendToDate: 300000, claimThisQuarter: 75000 },
      },
    ]);
    expect(figures.totals).toEqual({
      totalAward: 4000000,
      claimedBefore: 805000,
      claimThisQuarter: 655000,
      claimedToDate: 1460000,
      remaining: 2540000,
    });
  });

  it("is null for a sheet that is not a claim", () => {
    expect(readClaimFigures({ sheet: "Notes", rows: [["Hello", 3]], firstRow: 1, firstColumn: 1 })).toBeNull();
  });
});

describe("comparing the submitted claim with the claim now", () => {
  it("finds no change when only the date prepared differs", () => {
    expect(compareClaims(figuresOf(claimAsSubmitted()), figuresOf(sameClaimLater()))).toEqual({
      changes: [],
      difference: 0,
    });
  });

  it("lists each changed figure, per line and the totals, and the difference in the money claimed to date", () => {
    const comparison = compareClaims(figuresOf(claimAsSubmitted()), figuresOf(claimWithCorrectedSpend()));
    expect(comparison.changes.map((c) => [c.projectId, c.line, c.figure, c.submitted, c.now])).toEqual([
      ["P1", "Running costs", "Spend to date", 260000, 280000],
      ["P1", "Running costs", "Claim this quarter", 130000, 140000],
      [null, null, "Total claim this quarter", 655000, 665000],
      [null, null, "Claimed to date", 1460000, 1470000],
      [null, null, "Remaining", 2540000, 2530000],
    ]);
    expect(comparison.difference).toBe(10000);
    expect(differenceText(comparison.difference)).toBe("£100.00 more to claim");
    expect(differenceText(-2550)).toBe("£25.50 to repay");
  });
});

describe("names and dates", () => {
  it("names the adjustment for the claim's period, and writes dates UK style", () => {
    expect(adjustmentSheetName("Claim 2009-10 Q2")).toBe("Adjustment 2009-10 Q2");
    expect(ukDateText("2009-10-20")).toBe("20/10/2009");
    expect(ukDateText("20/10/2009")).toBe("20/10/2009");
  });
});

describe("pushing after a claim is submitted", () => {
  const NAME = "Claim 2009-10 Q2";
  function submittedWorkbook() {
    const spec = claimAsSubmitted();
    const written: RegistryEntry = {
      sheet: NAME,
      kind: "claim",
      fingerprint: fingerprintOfSpec(spec),
      writtenAt: "2009-10-16T09:00:00Z",
      status: "current",
      submittedOn: "",
    };
    // The sheet as read back carries the stamp too; the figures are what matter.
    const grid = gridOfSpec(spec);
    grid.rows.push([], ["Submitted on 20/10/2009"]);
    return {
      existing: new Map<string, string | null>([[NAME, "fingerprint with the stamp"]]),
      registry: markSubmitted([written], NAME, "20/10/2009"),
      grids: new Map([[NAME.toLowerCase(), grid]]),
    };
  }

  it("writes nothing for the claim when no figure changed, and says so", () => {
    const { existing, registry, grids } = submittedWorkbook();
    const plan = planSummaryPush([sameClaimLater()], existing, registry, "2009-10-23", grids);
    expect(plan.writes).toEqual([]);
    expect(pushedSheets(plan)).toEqual([
      {
        requested: NAME,
        writtenAs: NAME,
        action: "notWritten",
        reason: "Claim 2009-10 Q2 was submitted on 20/10/2009 and no figure has changed",
      },
    ]);
    expect(plan.registry.find((e) => e.sheet === NAME)?.status).toBe("submitted");
  });

  it("reports the sheets in the order asked, the claim not written among them", () => {
    const { existing, registry, grids } = submittedWorkbook();
    const rag = { ...sameClaimLater(), name: "RAG 2009-10 Q2", kind: "rag" as const };
    const plan = planSummaryPush([sameClaimLater(), rag], existing, registry, "2009-10-23", grids);
    expect(pushedSheets(plan).map((s) => [s.requested, s.action])).toEqual([
      [NAME, "notWritten"],
      ["RAG 2009-10 Q2", "created"],
    ]);
  });

  it("writes Adjustment <period> when a figure changed: each change, submitted -> now, and the difference", () => {
    const { existing, registry, grids } = submittedWorkbook();
    const plan = planSummaryPush([claimWithCorrectedSpend()], existing, registry, "2009-10-23", grids);
    expect(plan.writes.map((w) => [w.writeAs, w.replaces])).toEqual([["Adjustment 2009-10 Q2", false]]);
    const [pushed] = pushedSheets(plan);
    expect(pushed).toEqual({
      requested: NAME,
      writtenAs: "Adjustment 2009-10 Q2",
      action: "adjustment",
      reason:
        "Claim 2009-10 Q2 was submitted on 20/10/2009 and 5 figures have changed since: Adjustment 2009-10 Q2 " +
        "shows each change, £100.00 more to claim",
    });
    const sheet = plan.writes[0].spec;
    expect(sheet.kind).toBe("adjustment");
    const spendRow = cellWithText(sheet, "Spend to date").row;
    expect(rowValues(sheet, spendRow)).toEqual(["P1", "Running costs", "Spend to date", 2600, 2800, 200]);
    const difference = cellWithText(sheet, "Difference: more to claim").row;
    expect(rowValues(sheet, difference)[5]).toBe(100);
    expect(plan.registry.find((e) => e.sheet === NAME)?.status).toBe("submitted");
  });

  it("refreshes the same adjustment on the next update rather than adding another", () => {
    const { existing, registry, grids } = submittedWorkbook();
    const first = planSummaryPush([claimWithCorrectedSpend()], existing, registry, "2009-10-23", grids);
    const adjustment = first.writes[0].spec;
    existing.set("Adjustment 2009-10 Q2", fingerprintOfSpec(adjustment));
    const second = planSummaryPush([claimWithCorrectedSpend()], existing, first.registry, "2009-10-24", grids);
    expect(second.writes.map((w) => [w.writeAs, w.replaces])).toEqual([["Adjustment 2009-10 Q2", true]]);
  });

  it("writes no new claim when the submitted sheet was deleted, and says so", () => {
    const { registry } = submittedWorkbook();
    const plan = planSummaryPush([sameClaimLater()], new Map([["Targets", null]]), registry, "2009-10-23");
    expect(plan.writes).toEqual([]);
    expect(pushedSheets(plan)[0]).toMatchObject({ action: "notWritten" });
    expect(pushedSheets(plan)[0].reason).toMatch(
      /^Claim 2009-10 Q2 was submitted on 20\/10\/2009 and its sheet is no longer/,
    );
    expect(plan.registry.find((e) => e.sheet === NAME)?.status).toBe("submitted");
  });

  it("says so, and writes nothing, when the submitted sheet's figures cannot be read", () => {
    const { existing, registry } = submittedWorkbook();
    const grids = new Map([[NAME.toLowerCase(), { sheet: NAME, rows: [["Cleared"]], firstRow: 1, firstColumn: 1 }]]);
    const plan = planSummaryPush([claimWithCorrectedSpend()], existing, registry, "2009-10-23", grids);
    expect(plan.writes).toEqual([]);
    expect(pushedSheets(plan)[0].reason).toMatch(/could not be read back/);
  });
});

describe("a claim with no spend at all", () => {
  it("still reads the claim as a whole, so an unchanged claim is recognised", () => {
    const grid = {
      sheet: "Claim 2009-10 Q2",
      rows: [
        ["Consortium", "Testshire"],
        [null, "Total award", null, null, null, null, null, 0],
        [null, "Total claim this quarter", null, null, null, null, null, 0],
      ],
      firstRow: 1,
      firstColumn: 1,
    };
    expect(readClaimFigures(grid)).toEqual({
      consortium: "Testshire",
      lines: [],
      totals: { totalAward: 0, claimThisQuarter: 0 },
    });
  });
});

describe("a claim submitted from an earlier layout (no claim-as-a-whole block, no Explanation column)", () => {
  it("compares only the figures it shows", () => {
    const grid = gridOfSpec(claimAsSubmitted());
    const dropped = ["Total award", "Claimed before this quarter", "Claimed to date", "Remaining", "Explanation"];
    grid.rows = grid.rows.map((row) => row.map((value) => (dropped.includes(value as string) ? null : value)));
    const old = readClaimFigures(grid)!;
    expect(Object.keys(old.totals)).toEqual(["claimThisQuarter"]);
    expect(compareClaims(old, figuresOf(sameClaimLater())).changes).toEqual([]);
    const changed = compareClaims(old, figuresOf(claimWithCorrectedSpend()));
    expect(changed.changes.map((c) => c.figure)).toEqual([
      "Spend to date",
      "Claim this quarter",
      "Total claim this quarter",
    ]);
    expect(changed.difference).toBe(10000); // by the claim this quarter, as claimed to date is not on it
  });
});
