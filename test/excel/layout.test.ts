import type { SheetCell, SheetSpec } from "../../src/core/sheets/spec";
import {
  addressLists,
  encodeCell,
  rangeFormatBlocks,
  rangeOrigin,
  styleRects,
  valueBlocks,
  widthRuns,
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
      { row: 5, column: 3, value: "x" },
    ];
    const blocks = valueBlocks(spec(cells), 6); // 3 columns wide: 2 rows a block
    expect(blocks.map((b) => b.address)).toEqual(["B2:D3", "B4:D5"]);
    expect(blocks[0].values).toEqual([
      ["Ref", "", 3],
      ["", "", ""],
    ]);
    expect(blocks[1].numberFormats).toEqual([
      ["General", "General", "General"],
      ["General", "@", "General"],
    ]);
  });

  it("gives blank cells the number format of the range style beneath them", () => {
    const blocks = valueBlocks(
      spec(
        [
          { row: 1, column: 1, value: "FY" },
          { row: 3, column: 1, value: 2009 },
        ],
        {
          rangeStyles: [
            { range: { firstRow: 2, firstColumn: 1, lastRow: 3, lastColumn: 1 }, style: { numberFormat: "@" } },
          ],
        },
      ),
    );
    expect(blocks[0].numberFormats).toEqual([["@"], ["@"], ["General"]]);
  });
});

describe("rangeFormatBlocks", () => {
  it("writes a range style's number format over its whole range, in blocks", () => {
    const blocks = rangeFormatBlocks(
      spec([], {
        rangeStyles: [
          { range: { firstRow: 2, firstColumn: 3, lastRow: 11, lastColumn: 3 }, style: { numberFormat: "@" } },
        ],
      }),
      4,
    );
    expect(blocks.map((b) => b.address)).toEqual(["C2:C5", "C6:C9", "C10:C11"]);
    expect(blocks[2].numberFormats).toEqual([["@"], ["@"]]);
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
