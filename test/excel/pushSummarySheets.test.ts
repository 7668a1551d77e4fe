// OfficeWorkbook.pushSummarySheets against the in-memory fake of Excel (see fakeExcel.ts for what it emulates).
import { REGISTRY_SHEET } from "../../src/core/sheets/registry";
import { NUMBER_FORMATS, RAG_STYLE, type SheetSpec } from "../../src/core/sheets/spec";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { requestBudgetFor, WRITE_BUDGET_BYTES } from "../../src/excel/syncBudget";
import { FakeExcel, REQUEST_LIMIT_BYTES, type FakeSheet } from "./fakeExcel";
import { syntheticSpecs, syntheticSummarySheets } from "./syntheticConsortium";
import { claimStampEdits } from "../../src/core/sheets/claimStamp";
import { claimAsSubmitted, claimWithCorrectedSpend, sameClaimLater } from "../support/claimScenario";

const HYPERLINK = '=HYPERLINK("http://example.org/evidence")';

function claimSpec(name = "Claim 2009-10 Q2"): SheetSpec {
  return {
    name,
    kind: "claim",
    cells: [
      { row: 1, column: 1, value: "Claim 2009-10 Q2", style: { bold: true, fontSize: 14 } },
      { row: 3, column: 1, value: "Spend", style: { bold: true, bottomBorder: "medium" } },
      { row: 3, column: 2, value: "Comment", style: { bold: true, bottomBorder: "medium" } },
      { row: 4, column: 1, value: 1250.5, style: { numberFormat: NUMBER_FORMATS.money } },
      { row: 4, column: 2, value: HYPERLINK },
      { row: 5, column: 1, value: "1,250" },
      { row: 5, column: 2, value: "2009-10" },
      {
        row: 6,
        column: 1,
        value: { formula: "SUM(A4:A4)", result: 1250.5 },
        style: { numberFormat: NUMBER_FORMATS.money },
      },
      {
        row: 6,
        column: 2,
        value: "Amber",
        style: { fill: RAG_STYLE.Amber.fill, fontColor: RAG_STYLE.Amber.fontColor },
        note: "Spend is 15% under profile: Amber",
      },
    ],
    columnWidths: [20, 40],
    rowHeights: [
      { row: 4, height: 30 },
      { row: 5, height: 30 },
      { row: 6, height: 45 },
    ],
    merges: [{ firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 2 }],
    freeze: { rows: 3, columns: 0 },
    conditionalFormats: [
      {
        type: "textEquals",
        range: { firstRow: 6, firstColumn: 2, lastRow: 6, lastColumn: 2 },
        text: "Amber",
        style: { fill: RAG_STYLE.Amber.fill },
      },
    ],
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: { first: 3, last: 3 },
      pageBreaksBefore: [5],
    },
  };
}

function ragSpec(): SheetSpec {
  return { ...claimSpec("RAG 2009-10 Q2"), kind: "rag" };
}

/** A fake that calculates the one formula the claim spec holds (the fake does not calculate by itself). */
function excel(apiVersion?: string): FakeExcel {
  return new FakeExcel({ apiVersion, calculate: (formula) => (formula === "=SUM(A4:A4)" ? 1250.5 : 0) });
}

function workbook(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: fake.run, probe: fake.probe, now: () => new Date("2009-10-20T10:00:00Z") });
}

/** Everything a user could see or the add-in relies on: sheet order, visibility, protection and every value. */
function snapshot(fake: FakeExcel) {
  return fake.sheets.map((sheet: FakeSheet) => ({
    name: sheet.name,
    visibility: sheet.visibility,
    protected: sheet.protection !== null,
    values: sheet.table(),
  }));
}

describe("pushing summary sheets", () => {
  it("writes partner text that starts with = as text, and only the core's formula as a formula", async () => {
    const fake = excel();
    fake.addSheet("Settings", [["Key", "Value"]]);
    await workbook(fake).pushSummarySheets([claimSpec()]);

    const claim = fake.sheet("Claim 2009-10 Q2");
    expect(claim.at("B4")).toMatchObject({ value: HYPERLINK, numberFormat: "@" });
    expect(claim.at("B4").formula).toBeUndefined();
    expect(claim.at("A5").value).toBe("1,250"); // not the number 1250
    expect(claim.at("B5").value).toBe("2009-10");
    expect(claim.at("A4")).toMatchObject({ value: 1250.5, numberFormat: NUMBER_FORMATS.money });
    expect(claim.at("A6").formula).toBe("=SUM(A4:A4)");
  });

  it("would have turned the same text into a formula without the text format (the fake is strict)", async () => {
    const fake = excel();
    const sheet = fake.addSheet("Sheet1");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[HYPERLINK]];
      await context.sync();
    });
    expect(sheet.at("A1").formula).toBe(HYPERLINK);
  });

  it("draws the spec's styles, merges, widths, heights, freeze panes, rules, notes and print settings", async () => {
    const fake = excel("1.20");
    fake.addSheet("Settings");
    await workbook(fake).pushSummarySheets([claimSpec()]);

    const claim = fake.sheet("Claim 2009-10 Q2");
    expect(claim.at("A3").format).toMatchObject({ "font.bold": true, "border.bottom.weight": "Medium" });
    expect(claim.at("B6").format).toMatchObject({ "fill.color": RAG_STYLE.Amber.fill });
    expect(claim.merges).toEqual(["A1:B1"]);
    expect([claim.columnWidths.get(1), claim.columnWidths.get(2)]).toEqual([140, 280]); // characters × 7 points
    expect([...claim.rowHeights]).toEqual([
      [4, 30],
      [5, 30],
      [6, 45],
    ]);
    expect(claim.freeze).toEqual([{ rows: 3 }]);
    expect(claim.conditionalFormats).toHaveLength(1);
    expect(claim.conditionalFormats[0].props).toMatchObject({
      type: "CellValue",
      "cellValue.rule": { formula1: '="Amber"', operator: "EqualTo" },
    });
    expect(claim.notes.get("B6")).toBe("Spend is 15% under profile: Amber");
    expect(claim.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      "setPrintTitleRows()": ["$3:$3"],
    });
    expect(claim.pageBreaks).toEqual(["A5"]); // row 5 starts a printed page
  });

  it("on a host with only the declared ExcelApi 1.4, writes the sheet without the newer niceties", async () => {
    // The fake host throws ApiNotFound for anything newer than 1.4, so the push succeeding shows the guards work.
    const fake = excel("1.4");
    fake.addSheet("Settings");
    await workbook(fake).pushSummarySheets([claimSpec()]);

    const claim = fake.sheet("Claim 2009-10 Q2");
    expect(claim.at("B4").value).toBe(HYPERLINK);
    expect(claim.at("B6").format).toMatchObject({ "fill.color": RAG_STYLE.Amber.fill }); // the static fill remains
    expect(claim.rowHeights.get(6)).toBe(45);
    expect([claim.conditionalFormats, claim.freeze, claim.pageLayout, [...claim.notes]]).toEqual([[], [], {}, []]);
    expect(claim.pageBreaks).toEqual([]);
  });

  it("keeps a summary sheet edited since the add-in wrote it, and writes the new one as (2)", async () => {
    const fake = excel();
    fake.addSheet("Settings");
    const port = workbook(fake);
    await port.pushSummarySheets([claimSpec(), ragSpec()]);
    fake.sheet("Claim 2009-10 Q2").cell(4, 1).value = 999; // the user corrects a figure by hand

    const outcome = await port.pushSummarySheets([claimSpec(), ragSpec()]);

    expect(outcome.sheets).toEqual([
      {
        requested: "Claim 2009-10 Q2",
        writtenAs: "Claim 2009-10 Q2 (2)",
        action: "keptExisting",
        reason: '"Claim 2009-10 Q2" was edited since the add-in wrote it',
      },
      { requested: "RAG 2009-10 Q2", writtenAs: "RAG 2009-10 Q2", action: "replaced" },
    ]);
    expect(fake.sheet("Claim 2009-10 Q2").at("A4").value).toBe(999);
    expect(fake.sheet("Claim 2009-10 Q2 (2)").at("A4").value).toBe(1250.5);
    expect(fake.names()).toEqual([
      "Settings",
      "Claim 2009-10 Q2",
      "RAG 2009-10 Q2",
      REGISTRY_SHEET,
      "Claim 2009-10 Q2 (2)",
    ]);
  });

  it("replaces an unedited summary sheet where it stood among the tabs, leaving no temporary sheets and the user on it", async () => {
    const fake = excel();
    fake.addSheet("Settings");
    const port = workbook(fake);
    await port.pushSummarySheets([claimSpec(), ragSpec()]);
    // The user drags the RAG sheet to the front.
    const rag = fake.sheet("RAG 2009-10 Q2");
    fake.sheets.splice(fake.sheets.indexOf(rag), 1);
    fake.sheets.unshift(rag);
    const before = fake.names();
    fake.active = rag; // and is looking at it

    const outcome = await port.pushSummarySheets([claimSpec(), ragSpec()]);

    expect(outcome.sheets.map((s) => s.action)).toEqual(["replaced", "replaced"]);
    expect(fake.names()).toEqual(before);
    expect(fake.sheet("RAG 2009-10 Q2")).not.toBe(rag); // a new sheet in the old one's place...
    expect(fake.active).toBe(fake.sheet("RAG 2009-10 Q2")); // ...still in front of the user
  });

  it("never writes a second claim once one is submitted: nothing when unchanged, an adjustment when changed", async () => {
    const fake = excel();
    fake.addSheet("Settings");
    const port = workbook(fake);
    await port.pushSummarySheets([claimAsSubmitted()]);
    const [claim] = await port.readSheets(["Claim 2009-10 Q2"]);
    await port.applyEdits(claimStampEdits(claim, "20/10/2009"));
    const submitted = fake.sheet("Claim 2009-10 Q2").table();
    expect(submitted.flat()).toContain("Submitted on 20/10/2009");

    const unchanged = await port.pushSummarySheets([sameClaimLater()]);
    expect(unchanged.sheets).toEqual([
      {
        requested: "Claim 2009-10 Q2",
        writtenAs: "Claim 2009-10 Q2",
        action: "notWritten",
        reason: "Claim 2009-10 Q2 was submitted on 20/10/2009 and no figure has changed",
      },
    ]);
    expect(fake.names()).not.toContain("Claim 2009-10 Q2 (2)");

    const changed = await port.pushSummarySheets([claimWithCorrectedSpend()]);
    expect(changed.sheets[0]).toMatchObject({ writtenAs: "Adjustment 2009-10 Q2", action: "adjustment" });
    expect(changed.sheets[0].reason).toMatch(/£100.00 more to claim$/);
    expect(fake.sheet("Adjustment 2009-10 Q2").table().flat()).toContain("Difference: more to claim");
    // Again: the same adjustment is refreshed, and the submitted claim is as it was sent.
    await port.pushSummarySheets([claimWithCorrectedSpend()]);
    expect(fake.names().filter((name) => name.startsWith("Adjustment") || name.startsWith("Claim"))).toEqual([
      "Claim 2009-10 Q2",
      "Adjustment 2009-10 Q2",
    ]);
    expect(fake.sheet("Claim 2009-10 Q2").table()).toEqual(submitted);
    expect(fake.sheet("Claim 2009-10 Q2").protection).not.toBeNull();
  });

  it("refreshes the one (2) copy of an edited sheet on later updates", async () => {
    const fake = excel();
    fake.addSheet("Settings");
    const port = workbook(fake);
    await port.pushSummarySheets([ragSpec()]);
    fake.sheet("RAG 2009-10 Q2").cell(4, 1).value = 7;
    await port.pushSummarySheets([ragSpec()]);
    const again = await port.pushSummarySheets([ragSpec()]);
    expect(again.sheets[0]).toMatchObject({ writtenAs: "RAG 2009-10 Q2 (2)", action: "keptExisting" });
    expect(fake.names().filter((name) => name.startsWith("RAG"))).toEqual(["RAG 2009-10 Q2", "RAG 2009-10 Q2 (2)"]);
  });

  describe("a failure part-way leaves the workbook as it was", () => {
    async function workbookWithAnEarlierPush() {
      const fake = excel();
      fake.addSheet("Settings", [
        ["Key", "Value"],
        ["Consortium", "OVSDP"],
      ]);
      const port = workbook(fake);
      await port.pushSummarySheets([claimSpec(), ragSpec()]);
      fake.sheet("RAG 2009-10 Q2").cell(4, 1).value = 7; // edited: the next push keeps it and writes "(2)"
      return { fake, port, before: snapshot(fake) };
    }

    it("while drawing the new sheets", async () => {
      const { fake, port, before } = await workbookWithAnEarlierPush();
      fake.failOnce((call) => call.kind === "values" && call.sheet === "~tracker 2");

      await expect(port.pushSummarySheets([claimSpec(), ragSpec()])).rejects.toThrow(/injected failure/);

      expect(snapshot(fake)).toEqual(before);
    });

    it("while swapping them in", async () => {
      const { fake, port, before } = await workbookWithAnEarlierPush();
      // The claim has already been renamed to its backup and its replacement named when this rename fails.
      fake.failOnce((call) => call.kind === "rename" && call.sheet === "~tracker 2");

      await expect(port.pushSummarySheets([claimSpec(), ragSpec()])).rejects.toThrow(/injected failure/);

      expect(snapshot(fake)).toEqual(before);
    });

    it("while rewriting the registry", async () => {
      const { fake, port, before } = await workbookWithAnEarlierPush();
      fake.failOnce((call) => call.kind === "values" && call.sheet === REGISTRY_SHEET);

      await expect(port.pushSummarySheets([claimSpec(), ragSpec()])).rejects.toThrow(/injected failure/);

      expect(snapshot(fake)).toEqual(before);
    });

    it("when the first push of all fails (no registry yet)", async () => {
      const fake = excel();
      fake.addSheet("Settings");
      const before = snapshot(fake);
      fake.failOnce((call) => call.kind === "visibility"); // hiding the new registry sheet, the swap's last step

      await expect(workbook(fake).pushSummarySheets([claimSpec()])).rejects.toThrow(/injected failure/);

      expect(snapshot(fake)).toEqual(before);
    });
  });
});

describe("context.sync() calls per push", () => {
  /**
   * Syncs of one push into a workbook that has only a Settings sheet: on Excel on the web (the default outside
   * Office), or on desktop Excel, which has no request size limit.
   */
  async function syncsFor(specs: SheetSpec[], apiVersion = "1.20", platform: "web" | "desktop" = "web") {
    const desktop = platform === "desktop";
    const fake = new FakeExcel({ apiVersion, ...(desktop ? { requestLimitBytes: Infinity } : {}) });
    fake.addSheet("Settings");
    const port = new OfficeWorkbook({
      run: fake.run,
      probe: fake.probe,
      ...(desktop ? { requestBudgetBytes: requestBudgetFor("PC") } : {}),
    });
    await port.pushSummarySheets(specs);
    return { syncs: fake.syncs, largestRequest: Math.max(...fake.syncLog.map((s) => s.requestBytes)) };
  }

  it("is 2 (read, then draw and swap in one batch) for the core's own summary sheets of 100 and 1,000 targets", async () => {
    expect((await syncsFor(syntheticSummarySheets(100))).syncs).toBe(2);
    expect((await syncsFor(syntheticSummarySheets(1000))).syncs).toBe(2);
  }, 30_000);

  // The RAG sheet now also gives why beside every Amber, Red and Awaiting target, a meeting page and each project's
  // RAG over time: at 10,000 targets its payload passes 8 MB, so one more 4 MB batch (still each under 5 MB).
  it("is at most 5 for the core's own summary sheets of 10,000 targets on Excel on the web, each request under 5 MB", async () => {
    const large = await syncsFor(syntheticSummarySheets(10_000));
    expect(large.syncs).toBeLessThanOrEqual(5);
    expect(large.largestRequest).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
  }, 60_000);

  it("is 2 on desktop Excel whatever the size, even without RangeAreas (there is no request limit to split for)", async () => {
    expect((await syncsFor(syntheticSpecs(10_000), "1.4", "desktop")).syncs).toBe(2);
  }, 60_000);

  it("does not grow with the number of targets until the sheets outgrow one 4 MB request", async () => {
    const small = await syncsFor(syntheticSpecs(100));
    const medium = await syncsFor(syntheticSpecs(1000));
    const large = await syncsFor(syntheticSpecs(10_000));
    expect([small.syncs, medium.syncs]).toEqual([2, 2]);
    // 10,000 targets hold about 5.4 MB of cell values alone: Excel on the web refuses a request over 5 MB, so
    // the draw takes a second request. Every request stays under the limit.
    expect(large.syncs).toBe(3);
    expect(large.largestRequest).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
  }, 60_000);

  it("keeps every request under 5 MB on a host without RangeAreas too (formats cost one write per rectangle)", async () => {
    const medium = await syncsFor(syntheticSpecs(1000), "1.4");
    expect(medium.syncs).toBe(2);
    const large = await syncsFor(syntheticSpecs(10_000), "1.4");
    expect(large.largestRequest).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
  }, 60_000);
});

describe("the request budget", () => {
  it("keeps a batch under Excel on the web's 5 MB, also where the platform is unknown, and never splits elsewhere", () => {
    expect(requestBudgetFor("OfficeOnline")).toBe(WRITE_BUDGET_BYTES);
    expect(requestBudgetFor(undefined)).toBe(WRITE_BUDGET_BYTES);
    expect(WRITE_BUDGET_BYTES).toBeLessThan(REQUEST_LIMIT_BYTES);
    for (const platform of ["PC", "Mac", "iOS"]) expect(requestBudgetFor(platform)).toBe(Infinity);
  });
});
