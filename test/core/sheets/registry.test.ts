import fc from "fast-check";
import type { SheetGrid } from "../../../src/core/grid";
import {
  fingerprintOfGrid,
  fingerprintOfSpec,
  markSubmitted,
  planSummaryPush,
  pushedSheets,
  readRegistry,
  registryRows,
  type RegistryEntry,
} from "../../../src/core/sheets/registry";
import type { SheetSpec } from "../../../src/core/sheets/spec";

function claimSpec(name = "Claim 2009-10 Q2", total = 1250): SheetSpec {
  return {
    name,
    kind: "claim",
    cells: [
      { row: 1, column: 1, value: "Claim" },
      { row: 3, column: 2, value: total },
      { row: 4, column: 2, value: { formula: "B3*2", result: total * 2 } },
    ],
    columnWidths: [20, 12],
    merges: [],
    conditionalFormats: [],
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true },
  };
}

/** The sheet as Excel would give it back: empty cells as "" and formulas as their results. */
function asReadBack(firstRow: number, rows: (string | number)[][]): SheetGrid {
  return { sheet: "Claim 2009-10 Q2", rows, firstRow, firstColumn: 1 };
}

const written: RegistryEntry = {
  sheet: "Claim 2009-10 Q2",
  kind: "claim",
  fingerprint: fingerprintOfSpec(claimSpec()),
  writtenAt: "2009-10-20",
  status: "current",
  submittedOn: "",
};

describe("fingerprints", () => {
  it("match between a spec and the same sheet read back, whatever the used range and blanks", () => {
    const grid = asReadBack(1, [
      ["Claim", ""],
      ["", ""],
      ["", 1250],
      ["", 2500],
    ]);
    expect(fingerprintOfGrid(grid)).toBe(fingerprintOfSpec(claimSpec()));
  });

  it("change when a user edits a figure", () => {
    const grid = asReadBack(1, [
      ["Claim", ""],
      ["", ""],
      ["", 1300],
      ["", 2500],
    ]);
    expect(fingerprintOfGrid(grid)).not.toBe(fingerprintOfSpec(claimSpec()));
  });
});

/**
 * The fingerprint as defined when registries were first written (and so as every existing workbook holds it):
 * FNV-1a, two seeds, over the sheet's "row,column=text" parts sorted as text and joined by U+0001.
 */
function fingerprintAsDefined(grid: SheetGrid): string {
  const parts: string[] = [];
  grid.rows.forEach((values, r) =>
    values.forEach((value, c) => {
      if (value === null || value === "") return;
      const text = typeof value === "number" ? `n:${Number(value.toPrecision(12))}` : `s:${String(value)}`;
      parts.push(`${grid.firstRow + r},${grid.firstColumn + c}=${text}`);
    }),
  );
  const joined = parts.sort().join("\u0001");
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < joined.length; i++) {
    a = Math.imul(a ^ joined.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ joined.charCodeAt(i), 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

describe("fingerprints kept in existing workbooks", () => {
  it("are the ones written before, so a sheet nobody edited is still seen as unedited", () => {
    // Rows and columns of one, two and three digits, where "10," sorts before "2," and "10=" before "1=".
    const cell = fc.oneof(
      fc.constant(""),
      fc.integer({ min: -5000, max: 5000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string({ maxLength: 6 }),
    );
    const grid = fc.record({
      firstRow: fc.integer({ min: 1, max: 120 }),
      firstColumn: fc.integer({ min: 1, max: 12 }),
      rows: fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 30 }),
    });
    fc.assert(
      fc.property(grid, ({ firstRow, firstColumn, rows }) => {
        const sheet: SheetGrid = { sheet: "Claim 2009-10 Q2", rows, firstRow, firstColumn };
        expect(fingerprintOfGrid(sheet)).toBe(fingerprintAsDefined(sheet));
      }),
      { numRuns: 300 },
    );
  });

  it("match a spec whose cells are listed in any order", () => {
    const spec = claimSpec();
    const reversed = { ...spec, cells: [...spec.cells].reverse() };
    expect(fingerprintOfSpec(reversed)).toBe(fingerprintOfSpec(spec));
    expect(fingerprintOfSpec(spec)).toBe(
      fingerprintAsDefined(
        asReadBack(1, [
          ["Claim", ""],
          ["", ""],
          ["", 1250],
          ["", 2500],
        ]),
      ),
    );
  });
});

describe("planning a push of summary sheets", () => {
  it("creates a sheet that is not there yet", () => {
    const plan = planSummaryPush([claimSpec()], new Map([["Targets", null]]), [], "2009-10-21");
    expect(plan.writes).toEqual([expect.objectContaining({ writeAs: "Claim 2009-10 Q2", replaces: false })]);
    expect(plan.registry.map((e) => e.sheet)).toEqual(["Claim 2009-10 Q2"]);
  });

  it("replaces a sheet the add-in wrote and nobody has changed", () => {
    const existing = new Map([["Claim 2009-10 Q2", written.fingerprint]]);
    const plan = planSummaryPush([claimSpec("Claim 2009-10 Q2", 1400)], existing, [written], "2009-10-21");
    expect(plan.writes[0]).toMatchObject({ writeAs: "Claim 2009-10 Q2", replaces: true });
    expect(plan.registry[0].fingerprint).toBe(fingerprintOfSpec(claimSpec("Claim 2009-10 Q2", 1400)));
  });

  it("keeps an edited sheet and writes the new one beside it, saying why", () => {
    const existing = new Map([["Claim 2009-10 Q2", "edited"]]);
    const plan = planSummaryPush([claimSpec()], existing, [written], "2009-10-21");
    expect(plan.writes[0]).toMatchObject({ writeAs: "Claim 2009-10 Q2 (2)", replaces: false });
    expect(plan.writes[0].keptReason).toMatch(/edited since the add-in wrote it/);
  });

  it("never overwrites nor copies a submitted claim it cannot compare (see claimAdjustment.test.ts)", () => {
    const submitted = markSubmitted([written], "Claim 2009-10 Q2", "2009-10-25");
    const existing = new Map([["Claim 2009-10 Q2", written.fingerprint]]);
    const plan = planSummaryPush([claimSpec()], existing, submitted, "2009-10-26");
    expect(plan.writes).toEqual([]);
    expect(plan.skipped[0].reason).toMatch(/^Claim 2009-10 Q2 was submitted on 25\/10\/2009, but its figures/);
    expect(plan.registry.find((e) => e.sheet === "Claim 2009-10 Q2")?.status).toBe("submitted");
  });

  it("refreshes the one (2) copy of a kept sheet on later updates, never adding (3), (4)...", () => {
    const existing = new Map([["Claim 2009-10 Q2", "edited"]]);
    const first = planSummaryPush([claimSpec("Claim 2009-10 Q2", 1300)], existing, [written], "2009-10-21");
    expect(first.writes[0]).toMatchObject({ writeAs: "Claim 2009-10 Q2 (2)", replaces: false });
    existing.set("Claim 2009-10 Q2 (2)", fingerprintOfSpec(claimSpec("Claim 2009-10 Q2", 1300)));

    const second = planSummaryPush([claimSpec("Claim 2009-10 Q2", 1400)], existing, first.registry, "2009-10-22");
    expect(second.writes[0]).toMatchObject({ writeAs: "Claim 2009-10 Q2 (2)", replaces: true });
    expect(second.writes[0].keptReason).toMatch(/edited since/);
    expect(pushedSheets(second)[0]).toMatchObject({ action: "keptExisting", writtenAs: "Claim 2009-10 Q2 (2)" });

    // Only when the copy itself was edited does a further number appear.
    existing.set("Claim 2009-10 Q2 (2)", "edited too");
    const third = planSummaryPush([claimSpec("Claim 2009-10 Q2", 1500)], existing, second.registry, "2009-10-23");
    expect(third.writes[0]).toMatchObject({ writeAs: "Claim 2009-10 Q2 (3)", replaces: false });
  });

  it("keeps a user's own sheet that happens to have the summary's name", () => {
    const plan = planSummaryPush([claimSpec()], new Map([["claim 2009-10 q2", "x"]]), [], "2009-10-21");
    expect(plan.writes[0].replaces).toBe(false);
    expect(plan.writes[0].keptReason).toMatch(/did not write/);
  });
});

describe("the registry sheet", () => {
  it("round-trips through its rows", () => {
    const entries = markSubmitted([written], "Claim 2009-10 Q2", "2009-10-25");
    const rows = registryRows(entries);
    expect(readRegistry({ sheet: "Tracker registry", rows, firstRow: 1, firstColumn: 1 })).toEqual(entries);
  });
});
