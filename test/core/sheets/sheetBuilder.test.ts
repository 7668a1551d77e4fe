// Cells keep the look they were placed with: the house styles are shared by many cells and cannot change, and a
// style a caller made is copied, so the caller may reuse or change its object.
import { SheetBuilder, STYLES, landscapePrint, ragCell } from "../../../src/core/sheets/sheetBuilder";
import type { SheetSpec } from "../../../src/core/sheets/spec";

const build = (b: SheetBuilder): SheetSpec =>
  b.build({ name: "Test", kind: "claim", print: landscapePrint(undefined, "Test") });

describe("SheetBuilder styles", () => {
  it("a cell keeps the style it was placed with when the caller changes its object afterwards", () => {
    const b = new SheetBuilder([10, 10]);
    const look = { bold: true };
    b.put(1, 1, { value: "Total", style: look });
    look.bold = false;
    b.put(1, 2, { value: "Note", style: look });
    expect(build(b).cells.map((cell) => cell.style)).toEqual([{ bold: true }, { bold: false }]);
  });

  it("the house styles and RAG looks cannot be changed, so sharing them between cells is safe", () => {
    expect(Object.values(STYLES).every((style) => Object.isFrozen(style))).toBe(true);
    expect(Reflect.set(STYLES.header, "bold", false)).toBe(false);
    expect(STYLES.header.bold).toBe(true);
    const green = ragCell("Green").style;
    expect(green && Reflect.set(green, "fill", "#000000")).toBe(false);
  });

  it("a row's style under a cell's own: the cell's wins, and the row's is left as it was", () => {
    const b = new SheetBuilder([10]);
    b.addRow([{ value: "Heading", style: { fill: "#FFFFFF" } }], STYLES.header);
    expect(build(b).cells[0].style).toEqual({ ...STYLES.header, fill: "#FFFFFF" });
    expect(STYLES.header.fill).toBe("#DDEBF7");
  });
});
