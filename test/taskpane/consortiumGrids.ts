// A small consortium as grids, for the task pane tests. Headers come from the templates.
//   Plan 2008-09 and 2009-10; actuals up to 2009-10 Q2, so the default period is 2009-10 Q2.
//   P1 Volunteering: T1.1 volunteers placed, Annual 100 / 200. 2009-10 Q1+Q2 = 60 + 40 = 100 of 200 x 2/4 = 100
//     expected: ratio 100%, Green. Last year at Q2: 25 + 25 = 50 of 50: 100%, so the trend is level.
//   P2 Outreach: T2.1 outreach points, Level 4 / 8. 2009-10 Q2 = 4 of 8: ratio 50%, Red.
//     T2.2 has "lots" as its 2009-10 target: a problem at Targets!I4.
//   Actuals row 7 has quarter "Q5": a problem at Actuals!C7.
//   Risks: R1 (P1) 5 x 4 = 20, Red; R2 programme-wide 2 x 2 = 4, Green; R3 (P2) 3 x 3 = 9, Amber.
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import { SETTINGS_KEYS, templateFor, type TemplateSheetName } from "../../src/core/templates";

function sheet(name: TemplateSheetName, rows: CellValue[][], extraHeaders: string[] = []): SheetGrid {
  const headers = templateFor(name).columns.map((c) => c.header);
  return { sheet: name, rows: [[...headers, ...extraHeaders], ...rows], firstRow: 1, firstColumn: 1 };
}

const setting = (field: keyof typeof SETTINGS_KEYS, value: CellValue): CellValue[] => [SETTINGS_KEYS[field].key, value];

export function consortiumGrids(): WorkbookGrids {
  return [
    sheet("Settings", [
      setting("consortium", "Testshire Partnership"),
      setting("accountableBody", "OCVA"),
      setting("greenThreshold", 0.95),
      setting("amberThreshold", 0.75),
    ]),
    sheet("Partners", [
      ["OCVA", "Accountable body", ""],
      ["ORCC", "Lead partner", ""],
    ]),
    sheet("Projects", [
      ["P1", "Volunteering", "Volunteering", "OCVA", ""],
      ["P2", "Outreach", "Access", "ORCC", ""],
    ]),
    sheet(
      "Targets",
      [
        ["T1.1", "P1", "Volunteers placed", "Number", "Higher", "Annual", "", 100, 200],
        ["T2.1", "P2", "Outreach points operational", "Number", "Higher", "Level", "", 4, 8],
        ["T2.2", "P2", "Groups supported", "Number", "Higher", "Annual", "", 10, "lots"],
      ],
      ["2008-09", "2009-10"],
    ),
    sheet("Actuals", [
      ["T1.1", "2008-09", "Q1", 25, "", "", "OCVA"],
      ["T1.1", "2008-09", "Q2", 25, "", "", "OCVA"],
      ["T1.1", "2009-10", "Q1", 60, "", "", "OCVA"],
      ["T1.1", "2009-10", "Q2", 40, "", "", "OCVA"],
      ["T2.1", "2009-10", "Q2", 4, "", "", "ORCC"],
      ["T2.1", "2009-10", "Q5", 5, "", "", "ORCC"],
    ]),
    sheet("Risks", [
      ["R1", "P1", "Too few volunteers come forward", 5, 4, "", "", "Open", null],
      ["R2", "", "Partners fall out", 2, 2, "", "", "Open", null],
      ["R3", "P2", "Venues close", 3, 3, "", "", "Open", null],
    ]),
  ];
}
