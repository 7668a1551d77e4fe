// The use cases over the ExcelJS adapter and the example workbook, through a saved file and back: what a finance
// officer's workbook holds after an update, a claim marked submitted and settings saved.
import { submitClaim } from "../../src/app/claim";
import { saveSettings } from "../../src/app/settings";
import { updateSummarySheets } from "../../src/app/summary";
import { loadWorkbook } from "../../src/app/workbook";
import { readAudit } from "../../src/core/returns/audit";
import { XlsxWorkbook } from "../../src/file/xlsxWorkbook";
import { exampleBytes } from "../support/exampleXlsx";

const NOW = () => new Date("2009-10-20T09:00:00Z");
const TODAY = { year: 2009, month: 10, day: 20 };

async function reopened(workbook: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBytes(await workbook.toBytes(), workbook.label, { now: NOW });
}

describe("the use cases on the example workbook", () => {
  it("updates, marks the claim submitted and saves settings, each kept in the saved file", async () => {
    let workbook = await XlsxWorkbook.fromBytes(await exampleBytes(), "example.xlsx", { now: NOW });
    const update = await updateSummarySheets(workbook, { chosen: null, today: TODAY });
    if (update.kind !== "updated") throw new Error("expected an update");
    const claimName = `Claim ${update.period.fy} Q${update.period.quarter}`;
    expect(update.push.sheets.find((s) => s.requested === claimName)?.action).toBe("created");

    const claim = await submitClaim(workbook, {
      period: update.period,
      submittedOn: "20/10/2009",
      at: "2009-10-20 10:00",
      command: "submit",
      by: "finance",
    });
    expect(claim).toEqual({ ok: true, sheet: claimName, submittedOn: "20/10/2009" });
    await saveSettings(workbook, { greenThreshold: 0.9 });
    workbook = await reopened(workbook);

    const sheet = (await workbook.excel()).getWorksheet(claimName)!;
    const stamp = sheet.getColumn(1).values.find((v) => typeof v === "string" && v.startsWith("Submitted on"));
    expect(stamp).toBe("Submitted on 20/10/2009");
    expect(workbook.registry().find((e) => e.sheet === claimName)?.status).toBe("submitted");
    const data = await loadWorkbook(workbook);
    expect(readAudit(data.grids)).toEqual([
      expect.objectContaining({ sheet: claimName, by: "finance", command: "submit" }),
    ]);
    expect(data.consortium.settings.greenThreshold).toBe(0.9);

    // A later update never writes the submitted claim again.
    const later = await updateSummarySheets(workbook, { chosen: update.period, today: TODAY });
    if (later.kind !== "updated") throw new Error("expected an update");
    expect(later.push.sheets.find((s) => s.requested === claimName)?.action).not.toBe("replaced");
  }, 30_000);
});
