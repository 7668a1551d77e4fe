// XlsxWorkbook.readWorkbook: the snapshot the use cases read before a push, in standalone mode.
import { REGISTRY_SHEET } from "../../src/core/sheets/registry";
import type { SheetSpec } from "../../src/core/sheets/spec";
import { XlsxWorkbook } from "../../src/file/xlsxWorkbook";
import type { WorkbookPort } from "../../src/workbook/port";

function rag(name: string, figure: number): SheetSpec {
  return {
    name,
    kind: "rag",
    cells: [
      { row: 1, column: 1, value: name, style: { bold: true } },
      { row: 2, column: 2, value: figure },
    ],
    columnWidths: [24, 14],
    merges: [],
    conditionalFormats: [],
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true },
  };
}

describe("XlsxWorkbook.readWorkbook", () => {
  it("holds every sheet with its tab, the hidden registry too, and a push from it acts as one without", async () => {
    const workbook = XlsxWorkbook.blank("consortium.xlsx", { now: () => new Date("2009-10-20T09:00:00Z") });
    await workbook.pushSummarySheets([rag("RAG 2009-10 Q2", 1)]);

    const snapshot = await workbook.readWorkbook();

    const names = snapshot.sheets.map((sheet) => sheet.name);
    expect(names).toContain("RAG 2009-10 Q2");
    expect(snapshot.sheets.find((sheet) => sheet.name === REGISTRY_SHEET)?.visible).toBe(false);
    expect(snapshot.sheets.map((sheet) => sheet.position)).toEqual(names.map((_, i) => i));
    expect(snapshot.grids.map((grid) => grid.sheet)).toEqual(
      expect.arrayContaining(["RAG 2009-10 Q2", REGISTRY_SHEET]),
    );
    expect(names).toContain(snapshot.active);

    // Through the port, as the use cases call it (everything is in memory: the basis spares nothing here).
    const port: WorkbookPort = workbook;
    const outcome = await port.pushSummarySheets([rag("RAG 2009-10 Q2", 2)], snapshot);
    expect(outcome.sheets).toEqual([{ requested: "RAG 2009-10 Q2", writtenAs: "RAG 2009-10 Q2", action: "replaced" }]);
  });
});
