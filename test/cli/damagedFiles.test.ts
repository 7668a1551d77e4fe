// Damaged or foreign files: one plain sentence naming what is wrong (and the sheet where it can be known), exit 2,
// nothing written, and a zip bomb refused by size before it is inflated.
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../src/cli/main";
import { exampleBytes } from "../support/exampleXlsx";

jest.setTimeout(60_000);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "damaged-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Runs `report` on the bytes; the output copy must not appear and the input must not change. */
async function report(name: string, bytes: Uint8Array): Promise<{ code: number; stderr: string; file: string }> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  let stderr = "";
  const out = path.join(dir, `${name}-out.xlsx`);
  const started = Date.now();
  const code = await runCli(["report", file, "--period", "2009-10 Q2", "--out", out], {
    stdout: () => undefined,
    stderr: (text) => void (stderr += text),
  });
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(fs.access(out)).rejects.toThrow();
  expect(new Uint8Array(await fs.readFile(file))).toEqual(bytes);
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/unexpected|undefined|\bat \w/);
  return { code, stderr, file };
}

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The example with its parts changed. */
async function exampleWith(change: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await exampleBytes());
  await change(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The worksheet part the workbook part names for a sheet. */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  return `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
}

describe("damaged or foreign files", () => {
  it("an .ods renamed .xlsx says it is an OpenDocument file", async () => {
    const ods = await zipOf({
      mimetype: "application/vnd.oasis.opendocument.spreadsheet",
      "content.xml": "<office:document-content/>",
      "META-INF/manifest.xml": "<manifest/>",
    });
    const result = await report("consortium.xlsx", ods);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `consortium-tracker: ${result.file} is an OpenDocument file (.ods), not an .xlsx workbook: save it as an Excel Workbook (.xlsx) and try again.\n`,
    );
  });

  it("any other zip renamed .xlsx says it is a zip but not a workbook", async () => {
    const result = await report("photos.xlsx", await zipOf({ "photo.txt": "not a workbook" }));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is a zip file but not an \.xlsx workbook/);
  });

  it("a package missing sharedStrings.xml names the sheet whose text is lost", async () => {
    const bytes = await exampleWith(async (zip) => {
      zip.remove("xl/sharedStrings.xml");
    });
    const result = await report("no-strings.xlsx", bytes);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is damaged: the sheet "Settings" refers to shared text/);
  });

  it("a raw control character names its sheet", async () => {
    const bytes = await exampleWith(async (zip) => {
      const part = await sheetPart(zip, "Actuals");
      const xml = await zip.file(part)!.async("string");
      zip.file(part, xml.replace("<sheetData>", "<sheetData>\u0001"));
    });
    const result = await report("control.xlsx", bytes);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is damaged: the sheet "Actuals" holds a control character \(0x01\)/);
  });

  it("a zip bomb is refused by the sizes its directory states, before inflating", async () => {
    const bytes = await exampleWith(async (zip) => {
      zip.file("xl/media/padding.bin", new Uint8Array(1024));
    });
    // Patch the stated unpacked size of that part to 3 GB, as a bomb would state it.
    const patched = new Uint8Array(bytes);
    const view = new DataView(patched.buffer);
    const name = new TextEncoder().encode("xl/media/padding.bin");
    for (let at = 0; at + 46 < patched.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      if (length === name.length && name.every((byte, i) => patched[at + 46 + i] === byte)) {
        view.setUint32(at + 24, 3 * 1024 * 1024 * 1024, true);
      }
    }
    const result = await report("bomb.xlsx", patched);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is refused: its part xl\/media\/padding\.bin unpacks to 3072 MB.*zip bomb/);
  });

  it("a part that inflates past the size its directory states is refused while inflating", async () => {
    const bytes = await exampleWith(async (zip) => {
      zip.file("xl/bomb.xml", new Uint8Array(20 * 1024 * 1024));
    });
    const patched = new Uint8Array(bytes);
    const view = new DataView(patched.buffer);
    const name = new TextEncoder().encode("xl/bomb.xml");
    for (let at = 0; at + 46 < patched.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      if (length === name.length && name.every((byte, i) => patched[at + 46 + i] === byte)) {
        view.setUint32(at + 24, 1000, true);
      }
    }
    const result = await report("lying-bomb.xlsx", patched);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is refused: its part xl\/bomb\.xml unpacks to more than its zip directory says/);
  });

  it("a file cut short says its zip directory is missing", async () => {
    const bytes = (await exampleBytes()).slice(0, 4000);
    const result = await report("cut.xlsx", bytes);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is damaged: its zip directory is missing/);
  });
});
