/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/file/xlsxWorkbook";
import { consortiumGrids } from "./consortiumGrids";
import { FakePort } from "./fakePort";
import { renderStandalone } from "./renderPane";

function chooseFile(file: File) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
}

describe("standalone mode (outside Excel)", () => {
  it("opens the chosen .xlsx file and downloads it under the same name", async () => {
    const opened = new FakePort(consortiumGrids(), "Testshire Q2.xlsx");
    const open = jest.fn(async () => opened);
    const save = jest.fn();
    renderStandalone({ open, save });
    expect(screen.getByRole("button", { name: "Download workbook" }).getAttribute("aria-disabled")).toBe("true");

    chooseFile(new File([new Uint8Array([80, 75, 3, 4])], "Testshire Q2.xlsx"));
    expect(await screen.findByText("Opened Testshire Q2.xlsx")).toBeTruthy();
    expect(open).toHaveBeenCalledWith(new Uint8Array([80, 75, 3, 4]), "Testshire Q2.xlsx");
    expect(await screen.findByRole("button", { name: /^P1 Volunteering/ })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Download workbook" }));
    await waitFor(() => expect(save).toHaveBeenCalledWith(new Uint8Array([1, 2, 3]), "Testshire Q2.xlsx"));
  });

  it("shows what it is doing while a workbook opens and while it downloads, in a polite live region", async () => {
    const opened = new FakePort(consortiumGrids(), "Large.xlsx");
    let letOpen: () => void = () => undefined;
    const opening = new Promise<void>((resolve) => (letOpen = resolve));
    let letDownload: () => void = () => undefined;
    const downloading = new Promise<void>((resolve) => (letDownload = resolve));
    const toBytes = opened.toBytes.bind(opened);
    opened.toBytes = async () => {
      await downloading;
      return toBytes();
    };
    renderStandalone({
      open: async () => {
        await opening;
        return opened;
      },
    });
    chooseFile(new File([new Uint8Array([80, 75, 3, 4])], "Large.xlsx"));
    const status = await screen.findByText("Opening the workbook…");
    expect(status.closest('[role="status"]')?.getAttribute("aria-live")).toBe("polite");
    letOpen();
    expect(await screen.findByText("Opened Large.xlsx")).toBeTruthy();
    expect(screen.queryByText("Opening the workbook…")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Download workbook" }));
    expect(await screen.findByText("Preparing the download…")).toBeTruthy();
    letDownload();
    expect(await screen.findByText("Downloaded Large.xlsx")).toBeTruthy();
    expect(screen.queryByText("Preparing the download…")).toBeNull();
  });

  it("says plainly when a file cannot be opened", async () => {
    renderStandalone({
      open: async () => {
        throw new Error("Can't find end of central directory : is this a zip file ?");
      },
    });
    chooseFile(new File(["not a workbook"], "notes.txt"));
    expect(await screen.findByText("Could not open notes.txt")).toBeTruthy();
    expect(screen.getByText(/^Choose an Excel workbook saved as .xlsx/)).toBeTruthy();
  });

  it("names what is wrong with a damaged or foreign file, as the command line does", async () => {
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    zip.file("content.xml", "<office:document-content/>");
    const ods = await zip.generateAsync({ type: "uint8array" });
    renderStandalone({ open: (bytes, label) => XlsxWorkbook.fromBytes(bytes, label) });
    chooseFile(new File([ods as Uint8Array<ArrayBuffer>], "consortium.xlsx"));
    expect(await screen.findByText("Could not open consortium.xlsx")).toBeTruthy();
    expect(
      screen.getByText(
        "consortium.xlsx is an OpenDocument file (.ods), not an .xlsx workbook: save it as an Excel Workbook (.xlsx) and try again.",
      ),
    ).toBeTruthy();
  });

  it("opens the example as a new workbook, and asks before dropping changes not yet downloaded", async () => {
    const created: FakePort[] = [];
    renderStandalone({
      create: async (label) => {
        const port = new FakePort([], label);
        created.push(port);
        return port;
      },
    });
    fireEvent.click(screen.getByRole("button", { name: "Load example" }));
    expect(await screen.findByText("Example opened")).toBeTruthy();
    expect(created.map((p) => p.label)).toEqual(["example-consortium.xlsx"]);
    expect(created[0].sheets.length).toBeGreaterThan(0);
    expect(screen.getByText("Working on example-consortium.xlsx (changes not downloaded yet).")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Open workbook" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Open another workbook?", hidden: true });
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(screen.getByText(/^Working on example-consortium.xlsx/)).toBeTruthy();
  });

  it("shows which cell a problem is in, since there is no Excel selection to move", async () => {
    const opened = new FakePort(consortiumGrids(), "Testshire.xlsx");
    renderStandalone({ open: async () => opened });
    chooseFile(new File([new Uint8Array([1])], "Testshire.xlsx"));
    await screen.findByText("Opened Testshire.xlsx");
    fireEvent.click(screen.getByRole("tab", { name: "Data" }));
    fireEvent.click(screen.getByRole("button", { name: "Check data" }));
    const group = await screen.findByRole("group", { name: "Targets (1 error)" });
    fireEvent.click(within(group).getByRole("button"));
    expect(
      await screen.findByText("The cell is Targets!I4: fix it there in Excel, then open the workbook here again."),
    ).toBeTruthy();
    expect(opened.calls.selectCell).toEqual([{ sheet: "Targets", cell: "I4" }]);
  });
});
