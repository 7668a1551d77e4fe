// A synthetic consortium written as an .xlsx file (with ExcelJS's streaming writer, so large ones are quick to
// make): the same workbook as syntheticGrids, for benchmarks of the file path.
import ExcelJS from "exceljs";
import { syntheticGrids } from "./syntheticConsortium";

export async function writeSyntheticWorkbook(
  file: string,
  targets: number,
  seed = 2008,
  name?: string,
): Promise<number> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  let cells = 0;
  for (const grid of syntheticGrids(targets, seed)) {
    const sheet = writer.addWorksheet(grid.sheet);
    for (const row of grid.rows) {
      const values = row.map((value) => value ?? null);
      if (name && grid.sheet === "Settings" && values[0] === "Consortium") values[1] = name;
      cells += values.filter((value) => value !== null).length;
      sheet.addRow(values).commit();
    }
    sheet.commit();
  }
  await writer.commit();
  return cells;
}
