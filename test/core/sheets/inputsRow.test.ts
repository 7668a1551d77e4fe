import { claimSheet } from "../../../src/core/sheets/claimSheet";
import { riskRegisterSheet } from "../../../src/core/sheets/riskRegisterSheet";
import type { SheetSpec } from "../../../src/core/sheets/spec";
import { yearOnYearSheet } from "../../../src/core/sheets/yearOnYearSheet";
import { q2Report, smallConsortium } from "./fixtures";

const preparedOn = { year: 2009, month: 10, day: 16 };

const withProblems = {
  ...q2Report(),
  problems: [
    { sheet: "Targets", cell: "H9", severity: "error" as const, message: "x" },
    { sheet: "Targets", cell: "H10", severity: "error" as const, message: "y" },
    { sheet: "Risks", cell: "D4", severity: "warning" as const, message: "z" },
  ],
};

const sheets: [string, (report: typeof withProblems) => SheetSpec][] = [
  ["Claim", (report) => claimSheet(smallConsortium(), report, { preparedOn })],
  ["Year on year", (report) => yearOnYearSheet(smallConsortium(), report, { preparedOn })],
  ["Risk register", (report) => riskRegisterSheet(smallConsortium(), report, { preparedOn })],
];

describe.each(sheets)("the %s sheet states its inputs under its title", (_name, sheetFor) => {
  it("says how many read problems there are (see Check data) and whose figures are in, across the sheet", () => {
    const sheet = sheetFor(withProblems);
    const line = sheet.cells.find((c) => typeof c.value === "string" && c.value.startsWith("Read problems:"));
    expect(line?.value).toMatch(
      /^Read problems: 2 errors, 1 warning \(see Check data\)\. Figures in for 2009-10 Q2 from /,
    );
    expect(line!.row).toBeLessThanOrEqual(3);
    // Bold dark red while anything is unread or missing; alone on its row, so its text runs on across the sheet.
    expect(line!.style).toMatchObject({ bold: true, fontColor: "#8B1A1A" });
    expect(sheet.cells.filter((c) => c.row === line!.row)).toHaveLength(1);
  });

  it("says 'Read problems: none.' plainly when there are none", () => {
    const sheet = sheetFor(q2Report());
    const line = sheet.cells.find((c) => typeof c.value === "string" && c.value.startsWith("Read problems:"));
    expect(String(line?.value)).toMatch(/^Read problems: none\. /);
    expect(line?.style?.bold).toBeUndefined();
  });
});
