/** @jest-environment jsdom */
// The Returns tab on a fake workbook: the core test master (test/core/returns/kit.ts), reporting 2009-10 Q3 (due
// 15 Jan 2010). Returns for Q3 go to OCVA (T2.1; P2 Salaries), Oxford Volunteer Centre (T1.1, T1.2, T1.3; P1
// Salaries and Running costs) and Banbury CVS (T1.4). On a return, J23 is the first target's Actual, J24 the second's.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { CellValue, WorkbookGrids } from "../../src/core/grid";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { gridOfSpec } from "../../src/core/returns/batch";
import { importLogSheet, logRowValues, readImportLog } from "../../src/core/returns/importLog";
import { IMPORT_LOG_COLUMNS } from "../../src/core/returns/layout";
import { partnerReturnSheets } from "../../src/core/returns/returnSheets";
import type { ImportLogEntry } from "../../src/core/returns/types";
import { bedfordshireGrids } from "../core/returns/bedfordshireKit";
import { BANBURY, OVC, Q3, masterGrids, setCell } from "../core/returns/kit";
import { FakePort } from "./fakePort";
import { FakeFiles, bytesOf, openTab, renderInExcel } from "./renderPane";

const PREPARED = { masterName: "master.xlsx", preparedOn: { year: 2009, month: 12, day: 20 } };

/** A partner's Q3 return as its grids, with the given Return cells typed in. */
function filledReturn(master: WorkbookGrids, partner: string, cells: Record<string, CellValue>): WorkbookGrids {
  const grids = partnerReturnSheets(importWorkbook(master).consortium, partner, Q3, PREPARED).map(gridOfSpec);
  for (const [address, value] of Object.entries(cells)) setCell(grids, "Return", address, value);
  return grids;
}

function chooseReturnFiles(names: string[]) {
  const input = document.querySelector('input[type="file"][multiple]') as HTMLInputElement;
  const files = names.map((name) => new File([new Uint8Array([80, 75, 3, 4])], name));
  fireEvent.change(input, { target: { files } });
}

async function ready(name: string): Promise<HTMLElement> {
  const button = await screen.findByRole("button", { name });
  await waitFor(() => expect(button.getAttribute("aria-disabled")).not.toBe("true"));
  return button;
}

function logGrid(entries: ImportLogEntry[]) {
  const grid = gridOfSpec(importLogSheet());
  for (const entry of entries) {
    const values = logRowValues(entry);
    grid.rows.push(IMPORT_LOG_COLUMNS.map((column) => values[column.key] as CellValue));
  }
  return grid;
}

function logEntry(partner: string, receivedOn: { year: number; month: number; day: number }, fileName: string) {
  return {
    importedAt: "2010-01-25 09:00",
    receivedOn,
    fileName,
    partner,
    period: Q3,
    rowsAdded: 1,
    valuesChanged: 0,
    contentHash: `hash-${partner}`,
  };
}

describe("Returns tab: create partner returns", () => {
  it("makes one file per partner with returns for the period, each offered as a download", async () => {
    const files = new FakeFiles();
    const save = jest.fn();
    renderInExcel(new FakePort(masterGrids()), { files, save });
    await openTab("Returns");
    expect(screen.getByText(/^Returns due next: 2009-10 Q3\./)).toBeTruthy();
    fireEvent.click(await ready("Create partner returns"));
    // Q3 already has Oxford Volunteer Centre's T1.1: the pane asks before asking again.
    const dialog = await screen.findByRole("alertdialog", { name: "Figures for 2009-10 Q3 are already in" });
    expect(within(dialog).getByText(/already has 2009-10 Q3 figures from Oxford Volunteer Centre/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Create returns for 2009-10 Q3" }));

    expect(await screen.findByText("3 returns made for 2009-10 Q3")).toBeTruthy();
    expect(screen.getByText(/^Due back by 15 Jan 2010\./)).toBeTruthy();
    const list = screen.getByRole("list", { name: "Returns for 2009-10 Q3" });
    const buttons = within(list).getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual([
      "Download 2009-10 Q3 return - OCVA.xlsx",
      "Download 2009-10 Q3 return - Oxford Volunteer Centre.xlsx",
      "Download 2009-10 Q3 return - Banbury CVS.xlsx",
    ]);
    expect(within(list).getByText("Oxford Volunteer Centre: 3 targets, 2 budget lines")).toBeTruthy();
    expect(within(list).getByText("Banbury CVS: 1 target, 0 budget lines")).toBeTruthy();
    // Each file is a whole return: its Return and Return info sheets.
    expect(files.drawn.map((d) => d.sheetNames)).toEqual([
      ["Return", "Return info"],
      ["Return", "Return info"],
      ["Return", "Return info"],
    ]);

    fireEvent.click(buttons[1]);
    expect(save).toHaveBeenCalledWith(
      bytesOf("2009-10 Q3 return - Oxford Volunteer Centre.xlsx"),
      "2009-10 Q3 return - Oxford Volunteer Centre.xlsx",
    );
    fireEvent.click(screen.getByRole("button", { name: "Download all returns" }));
    expect(save.mock.calls.slice(1).map((call) => call[1])).toEqual([
      "2009-10 Q3 return - OCVA.xlsx",
      "2009-10 Q3 return - Oxford Volunteer Centre.xlsx",
      "2009-10 Q3 return - Banbury CVS.xlsx",
    ]);
  });

  it("in Excel, writes each partner's two sheets into the workbook under names of their own, never over one", async () => {
    const earlier = { sheet: "Return OCVA 2009-10 Q3", rows: [["kept"]], firstRow: 1, firstColumn: 1 };
    const port = new FakePort([...masterGrids(), earlier]);
    renderInExcel(port);
    await openTab("Returns");
    fireEvent.click(await ready("Write returns as sheets"));
    fireEvent.click(await screen.findByRole("button", { name: "Create returns for 2009-10 Q3" }));

    expect(await screen.findByText("Wrote 3 partners' returns as sheets")).toBeTruthy();
    const names = port.calls.insertSheets[0].map((spec) => spec.name);
    expect(names).toEqual([
      "Return OCVA 2009-10 Q3 (2)",
      "Return info OCVA 2009-10 Q3",
      "Return Oxford Volunt 2009-10 Q3",
      "Return info Oxford V 2009-10 Q3",
      "Return Banbury CVS 2009-10 Q3",
      "Return info Banbury 2009-10 Q3",
    ]);
    expect(names.every((name) => name.length <= 31)).toBe(true);
    expect(port.sheets.find((s) => s.sheet === "Return OCVA 2009-10 Q3")?.rows).toEqual([["kept"]]);
  });
});

describe("Returns tab: the quarter the returns ask for", () => {
  it("proposes the quarter after the latest every partner has returned, not the quarter on screen", async () => {
    // Every Bedfordshire partner's Q2 figures are in: the pane shows Q2, but Q3's returns are the ones due.
    const files = new FakeFiles();
    renderInExcel(new FakePort(bedfordshireGrids()), { files });
    await openTab("Returns");
    expect(
      screen.getByText(
        "Returns due next: 2009-10 Q3. 2009-10 Q3: every partner's figures are in for 2009-10 Q2, the latest quarter with figures.",
      ),
    ).toBeTruthy();
    fireEvent.click(await ready("Create partner returns"));
    // No figures for Q3 yet: nothing to ask about.
    expect(await screen.findByText("4 returns made for 2009-10 Q3")).toBeTruthy();
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("asks before sending returns for a quarter chosen by hand that is already in, and sends nothing on Cancel", async () => {
    const files = new FakeFiles();
    renderInExcel(new FakePort(bedfordshireGrids()), { files });
    await openTab("Returns");
    fireEvent.change(screen.getByRole("combobox", { name: "Ask partners for" }), {
      target: { value: "2009-10 Q2" },
    });
    fireEvent.click(await ready("Create partner returns"));
    const dialog = await screen.findByRole("alertdialog", { name: "Figures for 2009-10 Q2 are already in" });
    expect(within(dialog).getByText(/from Bedford CVS, Luton CVS, VC Central Beds, BRCC/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(files.drawn).toEqual([]);
  });
});

describe("Returns tab: import partner returns", () => {
  function setUp(master = masterGrids()) {
    const files = new FakeFiles();
    // Oxford Volunteer Centre: T1.1 28 → 30 (the master has 28 for Q3), T1.2 84% (a new row).
    files.byName.set("ovc.xlsx", filledReturn(master, OVC, { J23: 30, J24: 0.84 }));
    // Banbury CVS: an Actual that is not a number.
    files.byName.set("banbury.xlsx", filledReturn(master, BANBURY, { J23: "lots" }));
    const port = new FakePort(master);
    renderInExcel(port, { files });
    return port;
  }

  it("previews each file (rows added, values changed old → new, problems) and applies only the good ones", async () => {
    const port = setUp();
    await openTab("Returns");
    await ready("Choose return files");
    chooseReturnFiles(["ovc.xlsx", "banbury.xlsx", "notes.xlsx"]);

    expect(await screen.findByText("1 return ready to apply")).toBeTruthy();
    const ovc = screen.getByRole("article", { name: "ovc.xlsx" });
    expect(within(ovc).getByText("Ready to apply")).toBeTruthy();
    expect(within(ovc).getByText("Oxford Volunteer Centre, 2009-10 Q3")).toBeTruthy();
    const added = within(ovc).getByRole("list", { name: "Rows to add: 1" });
    expect(
      within(added)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Actuals T1.2 2009-10 Q3: Actual 84%"]);
    const changed = within(ovc).getByRole("list", { name: "Values to change: 2" });
    expect(
      within(changed)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Actuals!E5 T1.1 2009-10 Q3 Actual: 28 → 30",
      'Actuals!D5 T1.1 2009-10 Q3 Partner: blank → "Oxford Volunteer Centre"',
    ]);

    const banbury = screen.getByRole("article", { name: "banbury.xlsx" });
    expect(within(banbury).getByText("Not applied: errors")).toBeTruthy();
    const problems = within(banbury).getByRole("list", { name: /^Problems: 1 error/ });
    expect(within(problems).getAllByRole("listitem")[0].textContent).toMatch(/^Error Return!J23 — /);

    const notes = screen.getByRole("article", { name: "notes.xlsx" });
    expect(within(notes).getByText("Not read as a partner return.")).toBeTruthy();
    expect(within(notes).getByText(/notes.xlsx could not be opened as an .xlsx workbook/)).toBeTruthy();
    // Nothing is written before Apply.
    expect(port.calls.applyEdits).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Apply returns" }));
    expect(await screen.findByText("Applied 1 return")).toBeTruthy();
    expect(screen.getByText("Oxford Volunteer Centre (ovc.xlsx): 1 row added, 2 values changed.")).toBeTruthy();
    expect(screen.getByText("banbury.xlsx: not applied because of its errors.")).toBeTruthy();

    expect(port.calls.applyEdits).toHaveLength(1);
    const after = await port.readInputSheets();
    expect(readImportLog(after).map((entry) => [entry.fileName, entry.partner, entry.importedAt])).toEqual([
      ["ovc.xlsx", OVC, "2009-10-20 14:05"],
    ]);
    const q3 = importWorkbook(after).consortium.actuals.filter((a) => a.fy === "2009-10" && a.quarter === 3);
    expect(q3.map((a) => [a.targetId, a.amount])).toEqual([
      ["T1.1", 30],
      ["T1.2", 0.84],
    ]);
    // The data was read again: the tracker now counts the return.
    expect(await screen.findByText("1 of 3 returned, 2 not yet due.")).toBeTruthy();
  });

  it("records the day the returns came in, so the tracker can tell a late one", async () => {
    const port = setUp();
    await openTab("Returns");
    fireEvent.change(screen.getByLabelText("Date received"), { target: { value: "2010-01-20" } });
    await ready("Choose return files");
    chooseReturnFiles(["ovc.xlsx"]);
    fireEvent.click(await ready("Apply returns"));
    await screen.findByText("Applied 1 return");

    const [entry] = readImportLog(await port.readInputSheets());
    expect(entry.receivedOn).toEqual({ year: 2010, month: 1, day: 20 });
    expect(entry.importedAt).toBe("2009-10-20 14:05");
    // Due by 15 Jan 2010: five days late.
    const list = screen.getByRole("list", { name: "Partner returns for 2009-10 Q3" });
    expect(within(list).getByText("Late")).toBeTruthy();
    expect(within(list).getByText("Returned on 20 Jan 2010: ovc.xlsx")).toBeTruthy();
  });

  it("says a return already in the Import log would change nothing, and has nothing to apply", async () => {
    const master = masterGrids();
    const port = setUp(master);
    await openTab("Returns");
    await ready("Choose return files");
    chooseReturnFiles(["ovc.xlsx"]);
    fireEvent.click(await ready("Apply returns"));
    await screen.findByText("Applied 1 return");

    chooseReturnFiles(["ovc.xlsx"]);
    const article = await screen.findByRole("article", { name: "ovc.xlsx" });
    expect(within(article).getByText("Already imported")).toBeTruthy();
    expect(within(article).getByText(/imported 2009-10-20 14:05 from ovc.xlsx/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Apply returns" }).getAttribute("aria-disabled")).toBe("true");
    expect(port.calls.applyEdits).toHaveLength(1);
  });

  it("changes nothing and says so when the workbook refuses the edits", async () => {
    const master = masterGrids();
    const port = setUp(master);
    port.failApply = new Error("Excel could not add the sheet");
    await openTab("Returns");
    await ready("Choose return files");
    chooseReturnFiles(["ovc.xlsx"]);
    fireEvent.click(await ready("Apply returns"));

    expect(await screen.findByText("The returns were not applied")).toBeTruthy();
    expect(screen.getByText("Excel could not add the sheet.")).toBeTruthy();
    expect(screen.getByText("The workbook was left as it was.")).toBeTruthy();
    expect(await port.readInputSheets()).toEqual(master);
  });

  it("applies nothing when the workbook changed since the preview, and shows the new preview", async () => {
    const port = setUp();
    await openTab("Returns");
    await ready("Choose return files");
    chooseReturnFiles(["ovc.xlsx"]);
    await screen.findByRole("list", { name: "Values to change: 2" });
    // Someone types T1.1's Q3 figure into the workbook meanwhile.
    setCell(port.sheets, "Actuals", "E5", 29);

    fireEvent.click(await ready("Apply returns"));
    expect(await screen.findByText("The workbook changed since the preview")).toBeTruthy();
    expect(port.calls.applyEdits).toHaveLength(0);
    expect(screen.getByText("Actuals!E5 T1.1 2009-10 Q3 Actual: 29 → 30")).toBeTruthy();
  });
});

describe("Returns tab: tracker", () => {
  it("shows who has returned (and when), who was late and who is missing, after the due date", async () => {
    const master = [
      ...masterGrids(),
      logGrid([
        logEntry(OVC, { year: 2010, month: 1, day: 12 }, "ovc.xlsx"),
        logEntry(BANBURY, { year: 2010, month: 1, day: 20 }, "banbury.xlsx"),
      ]),
    ];
    renderInExcel(new FakePort(master), { today: { year: 2010, month: 1, day: 25 } });
    await openTab("Returns");

    expect(await screen.findByText("2 of 3 returned (1 late), 1 missing.")).toBeTruthy();
    const list = screen.getByRole("list", { name: "Partner returns for 2009-10 Q3" });
    const rows = within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(rows).toEqual([
      "OCVAMissingNo return imported yet.",
      "Oxford Volunteer CentreReturnedReturned on 12 Jan 2010: ovc.xlsx",
      "Banbury CVSLateReturned on 20 Jan 2010: banbury.xlsx",
    ]);
    // Status is a word with a shape and a colour, never colour alone.
    expect(within(list).getByText("Late").closest("[data-rag]")?.getAttribute("data-rag")).toBe("Amber");
    expect(within(list).getByText("Missing").closest("[data-rag]")?.querySelector("svg")).toBeTruthy();
  });

  it("before any import, lists whose returns are expected instead of calling everyone missing", async () => {
    renderInExcel(new FakePort(masterGrids()));
    await openTab("Returns");
    expect(await screen.findByText(/Returns expected from: OCVA, Oxford Volunteer Centre, Banbury CVS\./)).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Partner returns for 2009-10 Q3" })).toBeNull();
  });

  it("Update summary sheets adds the Partner returns section to the RAG sheet once there is an Import log", async () => {
    const withLog = new FakePort([...masterGrids(), logGrid([logEntry(OVC, { year: 2010, month: 1, day: 12 }, "a")])]);
    renderInExcel(withLog);
    await openTab("Data");
    fireEvent.click(await ready("Update summary sheets"));
    await waitFor(() => expect(withLog.calls.pushSummarySheets).toHaveLength(1));
    const rag = withLog.calls.pushSummarySheets[0].find((spec) => spec.name === "RAG 2009-10 Q3")!;
    expect(rag.cells.some((cell) => cell.value === "Partner returns 2009-10 Q3")).toBe(true);
  });

  it("Update summary sheets leaves the section out while no return has been imported", async () => {
    const port = new FakePort(masterGrids());
    renderInExcel(port);
    await openTab("Data");
    fireEvent.click(await ready("Update summary sheets"));
    await waitFor(() => expect(port.calls.pushSummarySheets).toHaveLength(1));
    const rag = port.calls.pushSummarySheets[0].find((spec) => spec.name === "RAG 2009-10 Q3")!;
    expect(rag.cells.some((cell) => String(cell.value).startsWith("Partner returns"))).toBe(false);
  });
});
