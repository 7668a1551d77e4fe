import fc from "fast-check";
import { parseCellAddress } from "../../src/core/grid";
import type { SheetCell, SheetSpec } from "../../src/core/sheets/spec";
import {
  addressLists,
  effectiveStyle,
  encodeCell,
  numberFormatWrites,
  rowRuns,
  rangeOrigin,
  styleRects,
  valueBlocks,
  widthRuns,
  type FormatWrite,
} from "../../src/excel/layout";

function spec(cells: SheetCell[], extra: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name: "Test",
    kind: "rag",
    cells,
    columnWidths: [],
    merges: [],
    conditionalFormats: [],
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: false },
    ...extra,
  };
}

describe("encodeCell", () => {
  it("writes every string as text, whatever it looks like", () => {
    for (const text of ['=HYPERLINK("x")', "1,250", "85%", "01/02/2010", "2009-10", "TRUE", "+44 1865"]) {
      expect(encodeCell(text, { numberFormat: '"£"#,##0.00' })).toEqual({ value: text, numberFormat: "@" });
    }
  });

  it("keeps a number's format, but never lets '@' turn it into text", () => {
    expect(encodeCell(1250.5, { numberFormat: '"£"#,##0.00' })).toEqual({ value: 1250.5, numberFormat: '"£"#,##0.00' });
    expect(encodeCell(12, { numberFormat: "@" })).toEqual({ value: 12, numberFormat: "General" });
  });

  it("writes a core-built formula with its leading =", () => {
    expect(encodeCell({ formula: "SUM(A1:A3)", result: 6 }, undefined)).toEqual({
      value: "=SUM(A1:A3)",
      numberFormat: "General",
    });
  });
});

describe("valueBlocks", () => {
  it("covers the cells' rectangle, blank between them, in blocks of whole rows", () => {
    const cells: SheetCell[] = [
      { row: 2, column: 2, value: "Ref" },
      { row: 2, column: 4, value: 3 },
      { row: 5, column: 3, value: { formula: "SUM(B2:D2)", result: 3 } },
    ];
    const blocks = valueBlocks(spec(cells), 6); // 3 columns wide: 2 rows a block
    expect(blocks.map((b) => b.address)).toEqual(["B2:D3", "B4:D5"]);
    expect(blocks[0].values).toEqual([
      ["Ref", "", 3],
      ["", "", ""],
    ]);
    expect(blocks[1].values).toEqual([
      ["", "", ""],
      ["", "=SUM(B2:D2)", ""],
    ]);
  });
});

describe("numberFormatWrites", () => {
  const money = '"£"#,##0.00';

  it("writes a column of one format once, however long, and leaves General (a new sheet's format) alone", () => {
    const cells: SheetCell[] = [];
    for (let row = 2; row <= 1_001; row++) {
      cells.push({ row, column: 1, value: `T${row}` });
      cells.push({ row, column: 2, value: row * 10 });
      cells.push({ row, column: 3, value: row / 2_000, style: { numberFormat: "0%" } });
    }
    expect(numberFormatWrites(spec(cells))).toEqual([
      { address: "A2:A1001", numberFormat: "@" },
      { address: "C2:C1001", numberFormat: "0%" },
    ]);
  });

  it("fixes a lone exception with a one-cell write, not an array over the whole block", () => {
    const cells: SheetCell[] = [];
    for (let row = 1; row <= 1_000; row++) {
      cells.push({ row, column: 1, value: row === 500 ? "n/a" : 0.9, style: { numberFormat: "0%" } });
    }
    expect(numberFormatWrites(spec(cells))).toEqual([
      { address: "A1:A1000", numberFormat: "0%" },
      { address: "A500", numberFormat: "@" },
    ]);
  });

  it("makes every string text, even in a money column, and keeps a blank cell's own format", () => {
    const cells: SheetCell[] = [
      { row: 1, column: 1, value: 1250.5, style: { numberFormat: money } },
      { row: 2, column: 1, value: "=HYPERLINK(1)", style: { numberFormat: money } },
      { row: 3, column: 1, value: null, style: { numberFormat: money, fill: "#FFFFFF" } },
    ];
    // Money down the column (2 of 3 cells), then A2 as text.
    expect(numberFormatWrites(spec(cells))).toEqual([
      { address: "A1:A3", numberFormat: money },
      { address: "A2", numberFormat: "@" },
    ]);
  });

  it("sends many scattered exceptions as one array over just their columns, null where a cell is right", () => {
    const cells: SheetCell[] = [];
    for (let row = 1; row <= 6; row++) {
      cells.push({ row, column: 1, value: `T${row}` });
      // Every other row is money in B:C, the rest whole numbers.
      const numberFormat = row % 2 === 0 ? money : "#,##0";
      cells.push({ row, column: 2, value: row, style: { numberFormat } });
      cells.push({ row, column: 3, value: row, style: { numberFormat } });
    }
    // Three one-format rectangles (B2:C2, B4:C4, B6:C6) would cost more than one 2 × 5 array.
    expect(numberFormatWrites(spec(cells))).toEqual([
      { address: "A1:A6", numberFormat: "@" },
      { address: "B1:C6", numberFormat: "#,##0" },
      {
        address: "B2:C6",
        numberFormats: [
          [money, money],
          [null, null],
          [money, money],
          [null, null],
          [money, money],
        ],
      },
    ]);
  });

  it("writes a range style's format over its whole range first, then only the cells that differ from it", () => {
    const writes = numberFormatWrites(
      spec(
        [
          { row: 1, column: 3, value: "FY" },
          { row: 2, column: 3, value: "2009-10" },
          { row: 3, column: 3, value: 2009 },
        ],
        {
          rangeStyles: [
            { range: { firstRow: 2, firstColumn: 3, lastRow: 500, lastColumn: 3 }, style: { numberFormat: "@" } },
          ],
        },
      ),
    );
    // C1 (outside the range) needs "@"; C2 has it from the range; a number in C3 must not be text. One 3-cell
    // array costs less than two one-cell writes.
    expect(writes).toEqual([
      { address: "C2:C500", numberFormat: "@" },
      { address: "C1:C3", numberFormats: [["@"], [null], ["General"]] },
    ]);
  });
});

describe("rowRuns", () => {
  it("sets neighbouring rows of one height in one range, whatever order they come in", () => {
    const runs = rowRuns([
      { row: 9, height: 30 },
      { row: 5, height: 30 },
      { row: 6, height: 30 },
      { row: 7, height: 45 },
    ]);
    expect(runs).toEqual([
      { address: "A5:A6", height: 30 },
      { address: "A7", height: 45 },
      { address: "A9", height: 30 },
    ]);
  });
});

describe("styleRects", () => {
  it("draws a table's shared properties as one rectangle and only the changing one row by row", () => {
    const rag = (row: number, fill: string): SheetCell => ({
      row,
      column: 2,
      value: "x",
      style: { fill, bold: true, border: "thin" },
    });
    const ref = (row: number): SheetCell => ({ row, column: 1, value: "T", style: { border: "thin" } });
    const rects = styleRects(spec([ref(5), rag(5, "#C6E7D8"), ref(6), rag(6, "#C6E7D8"), ref(7), rag(7, "#F5C0C0")]));
    const text = rects.map(
      (r) => `${r.key} ${r.range.firstRow}:${r.range.firstColumn}-${r.range.lastRow}:${r.range.lastColumn}`,
    );
    expect(text).toEqual([
      '{"fill":"#C6E7D8"} 5:2-6:2',
      '{"fill":"#F5C0C0"} 7:2-7:2',
      '{"bold":true} 5:2-7:2',
      '{"border":"thin"} 5:1-7:2',
    ]);
  });

  it("draws range styles first, so a cell's own style wins", () => {
    const rects = styleRects(
      spec([{ row: 2, column: 1, value: "x", style: { bold: false } }], {
        rangeStyles: [{ range: { firstRow: 1, firstColumn: 1, lastRow: 3, lastColumn: 1 }, style: { bold: true } }],
      }),
    );
    expect(rects.map((r) => r.style)).toEqual([{ bold: true }, { bold: false }]);
  });

  it("draws a bottom border after the all-round border it refines", () => {
    const rects = styleRects(
      spec([{ row: 1, column: 1, value: "x", style: { bottomBorder: "medium", border: "thin" } }]),
    );
    expect(rects.map((r) => Object.keys(r.style)[0])).toEqual(["border", "bottomBorder"]);
  });
});

describe("small helpers", () => {
  it("turns widths in characters into runs of columns in points", () => {
    expect(widthRuns([10, 10, 50, 0, 12])).toEqual([
      { columns: "A:B", points: 70 },
      { columns: "C:C", points: 350 },
      { columns: "E:E", points: 84 },
    ]);
  });

  it("reads where a used range starts from its address", () => {
    expect(rangeOrigin("'Risk register'!C4:F20")).toEqual({ firstRow: 4, firstColumn: 3 });
    expect(rangeOrigin("Targets!AB12")).toEqual({ firstRow: 12, firstColumn: 28 });
  });

  it("joins addresses into lists no longer than asked", () => {
    expect(addressLists(["A1", "B2:B9", "C3", "D4"], 8)).toEqual(["A1,B2:B9", "C3,D4"]);
  });
});

describe("numberFormatWrites, for any sheet", () => {
  const FORMATS = ["@", "0%", "#,##0", '"£"#,##0.00', "General"] as const;
  const value = fc.oneof(
    fc.constant(null),
    fc.constantFrom("=HYPERLINK(1)", "1,250", "Amber", ""),
    fc.integer({ min: -5, max: 5000 }),
    fc.constant({ formula: "SUM(A1:A2)" }),
  );
  const cell = fc.record({
    row: fc.integer({ min: 1, max: 12 }),
    column: fc.integer({ min: 1, max: 5 }),
    value,
    format: fc.option(fc.constantFrom(...FORMATS), { nil: undefined }),
  });
  const rangeStyle = fc.record({
    firstRow: fc.integer({ min: 1, max: 12 }),
    column: fc.integer({ min: 1, max: 5 }),
    rows: fc.integer({ min: 0, max: 6 }),
    format: fc.constantFrom(...FORMATS),
  });

  /** The format of every cell after the writes land on a new ("General") sheet, as Office.js applies them. */
  function applied(writes: FormatWrite[]): Map<string, string> {
    const formats = new Map<string, string>();
    for (const write of writes) {
      const [from, to = from] = write.address.split(":").map((a) => parseCellAddress(a)!);
      for (let row = from.row; row <= to.row; row++) {
        for (let column = from.column; column <= to.column; column++) {
          const format =
            "numberFormats" in write ? write.numberFormats[row - from.row][column - from.column] : write.numberFormat;
          if (format !== null) formats.set(`${row},${column}`, format);
        }
      }
    }
    return formats;
  }

  it("gives every written cell its format (text always \"@\") and every range style's empty cell the range's", () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), fc.array(rangeStyle, { maxLength: 2 }), (cells, ranges) => {
        const unique = new Map(cells.map((c) => [`${c.row},${c.column}`, c]));
        const sheet = spec(
          [...unique.values()].map(({ row, column, value, format }) => ({
            row,
            column,
            value,
            ...(format ? { style: { numberFormat: format } } : {}),
          })),
          {
            rangeStyles: ranges.map((r) => ({
              range: {
                firstRow: r.firstRow,
                firstColumn: r.column,
                lastRow: r.firstRow + r.rows,
                lastColumn: r.column,
              },
              style: { numberFormat: r.format },
            })),
          },
        );
        const formats = applied(numberFormatWrites(sheet, 7));
        const formatAt = (row: number, column: number) => formats.get(`${row},${column}`) ?? "General";
        for (const c of sheet.cells) {
          const style = effectiveStyle(sheet, c.row, c.column, c.style);
          if (c.value === null && style?.numberFormat === undefined) continue; // any format will do
          const expected = encodeCell(c.value, style).numberFormat;
          expect(formatAt(c.row, c.column)).toBe(expected);
          if (typeof c.value === "string") expect(formatAt(c.row, c.column)).toBe("@");
        }
        for (const { range, style } of sheet.rangeStyles ?? []) {
          for (let row = range.firstRow; row <= range.lastRow; row++) {
            if (unique.has(`${row},${range.firstColumn}`)) continue;
            const beneath = effectiveStyle(sheet, row, range.firstColumn, undefined)?.numberFormat;
            expect(formatAt(row, range.firstColumn)).toBe(beneath ?? style.numberFormat);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
