import { SheetBuilder, STYLES } from "../../../src/core/sheets/sheetBuilder";

const build = (builder: SheetBuilder) =>
  builder.build({
    name: "RAG 2009-10 Q2",
    kind: "rag",
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true },
  });

describe("row heights for wrapped text", () => {
  it("gives a row room for each line a long wrapped target needs in its column", () => {
    const builder = new SheetBuilder([8, 20]);
    builder.addRow([
      "T1.1",
      { value: "Potential volunteers make contact with a volunteer centre", style: STYLES.wrap },
    ]);
    builder.addRow(["T1.2", { value: "Short one", style: STYLES.wrap }]);
    const spec = build(builder);
    // Wrapped at whole words in a 20-character column: "Potential" / "volunteers make" / "contact with a" /
    // "volunteer centre": four lines of 15 points.
    expect(spec.rowHeights).toEqual([{ row: 1, height: 60 }]);
  });

  it("leaves single-line rows and unwrapped text at the default height", () => {
    const builder = new SheetBuilder([40]);
    builder.addRow([{ value: "Potential volunteers make contact with a volunteer centre" }]);
    builder.addRow([{ value: "Fits", style: STYLES.wrap }]);
    expect(build(builder).rowHeights).toBeUndefined();
  });

  it("counts line breaks in the text", () => {
    const builder = new SheetBuilder([40]);
    builder.addRow([{ value: "This quarter\n2009-10 Q2", style: STYLES.wrap }]);
    expect(build(builder).rowHeights).toEqual([{ row: 1, height: 30 }]);
  });
});
