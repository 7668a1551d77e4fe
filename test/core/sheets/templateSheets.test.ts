import { NUMBER_FORMATS, type SheetSpec } from "../../../src/core/sheets/spec";
import {
  INSTRUCTIONS_SHEET,
  inputSheetSpec,
  settingsRows,
  templateSheets,
} from "../../../src/core/sheets/templateSheets";
import {
  ACTUALS_TEMPLATE,
  MEASURES,
  QUARTER_OPTIONS,
  RATING_OPTIONS,
  ROLLUP_MODES,
  SETTINGS_KEYS,
  SETTINGS_TEMPLATE,
  TARGETS_TEMPLATE,
  TEMPLATES,
} from "../../../src/core/templates";
import { cellAt, cellWithText, rightOf, rowValues, valueAt } from "./sheetTestKit";

function sheet(name: string, specs = templateSheets()): SheetSpec {
  const found = specs.find((s) => s.name === name);
  if (!found) throw new Error(`No sheet ${name}`);
  return found;
}

/** The validation covering the first input cell below a header. */
function validationUnder(spec: SheetSpec, header: string) {
  const column = cellWithText(spec, header).column;
  return spec.validations?.find(
    (v) =>
      v.range.firstColumn <= column && v.range.lastColumn >= column && v.range.firstRow <= 2 && v.range.lastRow >= 2,
  );
}

describe("blank templates", () => {
  it("are Instructions first, then one sheet per template in order", () => {
    const specs = templateSheets();
    expect(specs.map((s) => s.name)).toEqual([INSTRUCTIONS_SHEET, ...TEMPLATES.map((t) => t.name)]);
    expect(specs[0].kind).toBe("instructions");
    expect(specs.slice(1).every((s) => s.kind === "template")).toBe(true);
  });

  it("write exactly the schema's headers, bold on a fill with a bottom border, at the schema's widths", () => {
    for (const template of TEMPLATES.filter((t) => !t.hasYearColumns)) {
      const spec = sheet(template.name);
      expect(rowValues(spec, 1)).toEqual(template.columns.map((c) => c.header));
      expect(spec.columnWidths).toEqual(template.columns.map((c) => c.width));
      const first = cellAt(spec, 1, 1);
      expect(first?.style).toMatchObject({ bold: true, bottomBorder: "thin" });
      expect(first?.style?.fill).toMatch(/^#[0-9A-F]{6}$/i);
      expect(spec.freeze).toEqual({ rows: 1, columns: 0 });
    }
  });

  it("give Targets a column per financial year, 2008-09 to 2010-11 unless asked otherwise, then Baseline and Aim", () => {
    const targets = sheet("Targets");
    const fixed = TARGETS_TEMPLATE.columns.map((c) => c.header);
    // Baseline and Aim come after the years, so a row written as the columns then the years reads as before.
    expect(rowValues(targets, 1)).toEqual([...fixed, "2008-09", "2009-10", "2010-11", "Baseline", "Aim"]);
    const asked = sheet("Targets", templateSheets({ years: ["2024-25", "2025-26"] }));
    expect(rowValues(asked, 1)).toEqual([...fixed, "2024-25", "2025-26", "Baseline", "Aim"]);
    expect(asked.columnWidths).toHaveLength(fixed.length + 4);
  });

  it("offer drop-downs on the enumerated columns", () => {
    expect(validationUnder(sheet("Targets"), "Measure")?.list).toEqual(MEASURES);
    expect(validationUnder(sheet("Targets"), "Direction")?.list).toEqual(["Higher", "Lower"]);
    expect(validationUnder(sheet("Targets"), "Basis")?.list).toEqual(["Annual", "Cumulative", "Level"]);
    // Type is the kind of organisation, free text: what a partner does comes from Projects.
    expect(validationUnder(sheet("Partners"), "Type")).toBeUndefined();
    expect(validationUnder(sheet("Actuals"), "Quarter")?.list).toEqual(QUARTER_OPTIONS);
    expect(validationUnder(sheet("Spend"), "Quarter")?.list).toEqual(QUARTER_OPTIONS);
    expect(validationUnder(sheet("Targets"), "Measure")?.allowOther).toBeFalsy();
    // Ratings are offered as words but real plans write "Medium to high": other entries are allowed after a warning.
    const impact = validationUnder(sheet("Risks"), "Impact");
    expect(impact?.list).toEqual(RATING_OPTIONS);
    expect(impact?.allowOther).toBe(true);
    expect(validationUnder(sheet("Risks"), "Probability")?.list).toEqual(RATING_OPTIONS);
    expect(validationUnder(sheet("Risks"), "Risk")).toBeUndefined();
  });

  it("check money columns are numbers and format them as pounds", () => {
    const budget = sheet("Budget");
    for (const quarter of ["Q1", "Q4"]) {
      expect(validationUnder(budget, quarter)?.decimal).toEqual({ min: 0 });
      const column = cellWithText(budget, quarter).column;
      const style = budget.rangeStyles?.find((r) => r.range.firstColumn === column && r.range.firstRow === 2);
      expect(style?.style.numberFormat).toBe(NUMBER_FORMATS.money);
    }
    expect(validationUnder(sheet("Spend"), "Amount")?.decimal).toEqual({ min: 0 });
  });

  it("keep financial years as typed: FY columns are text, so Excel does not turn 2009-10 into a date", () => {
    const actuals = sheet("Actuals");
    const fy = cellWithText(actuals, "FY").column;
    expect(actuals.rangeStyles?.find((r) => r.range.firstColumn === fy)?.style.numberFormat).toBe("@");
  });

  it("pre-fill Settings with every key and its default, percentages as numbers shown as %", () => {
    const settings = sheet("Settings");
    const keys = Object.values(SETTINGS_KEYS).map((k) => k.key);
    expect(keys.map((_, i) => valueAt(settings, i + 2, 1))).toEqual(keys);
    expect(rightOf(settings, "Funder")?.value).toBe("Capacitybuilders");
    expect(rightOf(settings, "Year start month")?.value).toBe(4);
    expect(rightOf(settings, "Year start month")?.style?.numberFormat).toBe("General");
    expect(rightOf(settings, "Green threshold")?.value).toBe(0.95);
    expect(rightOf(settings, "Green threshold")?.style?.numberFormat).toBe("0%");
    expect(rightOf(settings, "Amber threshold")?.value).toBe(0.75);
    expect(rightOf(settings, "Spend amber tolerance")?.value).toBe(0.25);
    expect(rightOf(settings, "Grant rate")?.value).toBe(1);
    expect(rightOf(settings, "Grant rate")?.style?.numberFormat).toBe("0%");
    expect(rightOf(settings, "Project rollup")?.value).toBe("Average");
    expect(rightOf(settings, "Returns due")?.value).toBe(15);
    expect(rightOf(settings, "Consortium")?.value ?? null).toBeNull();
    expect(cellWithText(settings, "Consortium").note).toMatch(/^Required\./);
  });

  it("check Settings values: Average or Worst, a month 1-12, percentages 0-100%", () => {
    const settings = sheet("Settings");
    const at = (key: string) => {
      const row = cellWithText(settings, key).row;
      return settings.validations?.find((v) => v.range.firstRow === row && v.range.firstColumn === 2);
    };
    expect(at("Project rollup")?.list).toEqual(ROLLUP_MODES);
    expect(at("Year start month")?.whole).toEqual({ min: 1, max: 12 });
    expect(at("Green threshold")?.decimal).toEqual({ min: 0, max: 1 });
  });

  it("contain no formulas", () => {
    for (const spec of templateSheets()) {
      expect(spec.cells.filter((c) => typeof c.value === "object" && c.value !== null)).toEqual([]);
    }
  });
});

describe("Instructions sheet", () => {
  it("explains every sheet and every column from the schema's purpose and help", () => {
    const instructions = sheet(INSTRUCTIONS_SHEET);
    for (const template of TEMPLATES) {
      const heading = cellsIn(instructions, template.name).find((c) => c.column === 1 && c.style?.fontSize === 12);
      expect(heading).toBeDefined();
      expect(valueAt(instructions, heading!.row, 3)).toBe(template.purpose);
      for (const column of template.columns) {
        const row = instructions.cells.find(
          (c) => c.row > heading!.row && c.column === 1 && c.value === column.header,
        )!.row;
        expect(valueAt(instructions, row, 3)).toBe(column.help);
      }
    }
    const measure = instructions.cells.find((c) => c.value === "Measure" && c.column === 1)!;
    expect(valueAt(instructions, measure.row, 4)).toBe("Number, Percentage, Currency, Milestone (default Number)");
  });

  it("lists each setting with its default in plain words", () => {
    const instructions = sheet(INSTRUCTIONS_SHEET);
    expect(rightOf(instructions, "Green threshold")?.value).toBe("95%");
    expect(rightOf(instructions, "Consortium")?.value).toBe("(required)");
    expect(rightOf(instructions, "Green threshold", 2)?.value).toBe(SETTINGS_KEYS.greenThreshold.help);
  });
});

function cellsIn(spec: SheetSpec, text: string) {
  return spec.cells.filter((c) => c.value === text);
}

describe("input sheets with data", () => {
  it("lay out rows under the template's header, strings as text even when they look like formulas", () => {
    const spec = inputSheetSpec(ACTUALS_TEMPLATE, [
      ["T1.1", "2009-10", "Q2", 25, "Register", '=HYPERLINK("x")', "OCVA"],
      ["T1.3", "2009-10", "Q3", "Done", null, null, "OCVA"],
    ]);
    expect(rowValues(spec, 1)).toEqual(ACTUALS_TEMPLATE.columns.map((c) => c.header));
    expect(rowValues(spec, 2)).toEqual(["T1.1", "2009-10", "Q2", 25, "Register", '=HYPERLINK("x")', "OCVA"]);
    expect(valueAt(spec, 3, 4)).toBe("Done");
    expect(cellAt(spec, 2, 2)?.style?.numberFormat).toBe("@");
    expect(validationUnder(spec, "Quarter")?.range.lastRow).toBeGreaterThanOrEqual(3);
  });

  it("keep a data cell's own format, e.g. a percentage target", () => {
    const spec = inputSheetSpec(
      TARGETS_TEMPLATE,
      [
        [
          "T1.2",
          "P1",
          "Satisfaction",
          "Percentage",
          "Higher",
          "Level",
          null,
          { value: 0.8, style: { numberFormat: "0%" } },
        ],
      ],
      ["2009-10"],
    );
    expect(rowValues(spec, 1).slice(-3)).toEqual(["2009-10", "Baseline", "Aim"]);
    expect(cellAt(spec, 2, 8)?.value).toBe(0.8);
    expect(cellAt(spec, 2, 8)?.style?.numberFormat).toBe("0%");
  });

  it("format given Settings values by their key", () => {
    const spec = inputSheetSpec(
      SETTINGS_TEMPLATE,
      settingsRows({ consortium: "Oxfordshire VSDP", greenThreshold: 0.9 }),
    );
    expect(rightOf(spec, "Consortium")?.value).toBe("Oxfordshire VSDP");
    expect(rightOf(spec, "Green threshold")?.value).toBe(0.9);
    expect(rightOf(spec, "Green threshold")?.style?.numberFormat).toBe("0%");
  });
});
