// Checks an .xlsx package before ExcelJS loads it, so a damaged or foreign file is one plain sentence instead of a
// crash deep in the loader: not a zip, another program's zip (.ods), parts missing, a zip bomb (refused by the sizes
// its directory states before anything is inflated, and again if a part inflates past what it stated), or a part
// holding characters XML forbids (named by sheet). No fs here: this module also runs in the browser bundle.
import JSZip from "jszip";

/** What is wrong with a file, as a sentence that follows its name ("… is not an .xlsx workbook."). */
export class PackageProblem extends Error {
  constructor(
    message: string,
    /** The sheet the problem is in, when it is known. */
    readonly sheet?: string,
  ) {
    super(message);
    this.name = "PackageProblem";
  }
}

/** No real workbook part comes near this; the largest string a JS engine holds is about 512 MB. */
export const MAX_PART_BYTES = 200 * 1024 * 1024;
/** The whole package, unpacked. */
export const MAX_PACKAGE_BYTES = 400 * 1024 * 1024;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": an .xlsx is a zip package
const EMPTY_ZIP_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0]; // old binary .xls, or a password-protected workbook
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

interface DirectoryEntry {
  name: string;
  /** The unpacked size the directory states (the check while inflating holds a part to it). */
  size: number;
}

/** The zip's central directory: every part's name and stated size, read without inflating anything. */
function readDirectory(bytes: Uint8Array): DirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes, plus a comment of up to 64 KB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new PackageProblem("is damaged: its zip directory is missing (was it copied completely?).");
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    throw new PackageProblem("is too large to be a workbook this tool reads (a ZIP64 package).");
  }
  if (offset + directorySize > end) throw new PackageProblem("is damaged: its zip directory points outside the file.");
  const entries: DirectoryEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw new PackageProblem("is damaged: its zip directory is cut short.");
    }
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = utf8Text(bytes.subarray(at + 46, Math.min(end, at + 46 + nameLength)));
    entries.push({ name, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** UTF-8 bytes as text, without TextDecoder (which some test hosts lack); bytes that are not UTF-8 as Latin-1. */
function utf8Text(bytes: Uint8Array): string {
  const latin1 = Array.from(bytes, (byte) => String.fromCharCode(byte)).join("");
  if (!/[\x80-\xff]/.test(latin1)) return latin1;
  try {
    return decodeURIComponent(Array.from(bytes, (byte) => `%${byte.toString(16).padStart(2, "0")}`).join(""));
  } catch {
    return latin1;
  }
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Refuses a package whose stated sizes are too large, before anything is inflated. */
function checkSizes(entries: DirectoryEntry[]): void {
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  const largest = entries.reduce((big, entry) => (entry.size > big.size ? entry : big), entries[0]);
  if (largest && largest.size > MAX_PART_BYTES) {
    throw new PackageProblem(
      `is refused: its part ${largest.name} unpacks to ${megabytes(largest.size)}, more than the ${megabytes(MAX_PART_BYTES)} a workbook part may hold (it may be a zip bomb).`,
    );
  }
  if (total > MAX_PACKAGE_BYTES) {
    throw new PackageProblem(
      `is refused: it unpacks to ${megabytes(total)}, more than the ${megabytes(MAX_PACKAGE_BYTES)} a workbook may hold (it may be a zip bomb).`,
    );
  }
}

/** What kind of file a zip without a workbook part is, for the message. */
function foreignZip(names: Set<string>): PackageProblem {
  if (names.has("mimetype") && names.has("content.xml")) {
    return new PackageProblem(
      "is an OpenDocument file (.ods), not an .xlsx workbook: save it as an Excel Workbook (.xlsx) and try again.",
    );
  }
  if (names.has("word/document.xml")) return new PackageProblem("is a Word document, not an .xlsx workbook.");
  if (names.has("ppt/presentation.xml")) return new PackageProblem("is a PowerPoint file, not an .xlsx workbook.");
  return new PackageProblem("is a zip file but not an .xlsx workbook (it has no xl/workbook.xml).");
}

/** Worksheet parts by sheet name, from the workbook part and its relationships (small files, read as text). */
function sheetParts(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(match[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
    const id = /\br:id="([^"]*)"|\b\w+:id="([^"]*)"/.exec(match[0]);
    const target = id ? targets.get(id[1] ?? id[2]) : undefined;
    if (name !== undefined && target) parts.set(target, unescapeXml(name));
  }
  return parts;
}

/** The worksheet parts the workbook's relationships name (not chart sheets or other parts). */
function worksheetParts(relsXml: string): Set<string> {
  const parts = new Set<string>();
  for (const match of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = /\bType="([^"]*)"/.exec(match[0])?.[1] ?? "";
    const target = /\bTarget="([^"]*)"/.exec(match[0])?.[1];
    if (target && type.endsWith("/worksheet")) parts.add(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return parts;
}

/** XML text with its five escapes undone (&amp; last, so "&amp;lt;" stays "&lt;"). */
export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Characters XML 1.0 never allows raw (tab, line feed and carriage return are allowed). */
// Finding them is the point of this pattern.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\x00-\x08\x0b\x0c\x0e-\x1f]/;

/** The problem of a part holding a control character (`where`: "the sheet "Actuals"" or "its part …"). */
export function controlCharacterProblem(character: string, where: string, sheet?: string): PackageProblem {
  const code = `0x${character.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`;
  return new PackageProblem(
    `is damaged: ${where} holds a control character (${code}) that Excel files cannot hold.`,
    sheet,
  );
}

/** The problem of a part that inflates past the size its zip directory states. */
export function oversizeProblem(where: string, sheet?: string): PackageProblem {
  return new PackageProblem(
    `is refused: ${where} unpacks to more than its zip directory says (it may be a zip bomb).`,
    sheet,
  );
}

/** The problem of a sheet with shared-text cells in a package without its shared text. */
export function missingSharedStringsProblem(sheet: string): PackageProblem {
  return new PackageProblem(
    `is damaged: the sheet "${sheet}" refers to shared text (xl/sharedStrings.xml) that the file does not hold.`,
    sheet,
  );
}

/** Each part's unpacked size as the zip directory states it (the package is assumed checked). */
export function statedSizes(bytes: Uint8Array): Map<string, number> {
  return new Map(readDirectory(bytes).map((entry) => [entry.name, entry.size]));
}

/** The stream jszip gives for one part (not in its type declarations). */
interface ChunkStream {
  on(event: "data", listener: (chunk: string) => void): ChunkStream;
  on(event: "error", listener: (error: unknown) => void): ChunkStream;
  on(event: "end", listener: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}
type StreamingEntry = JSZip.JSZipObject & { internalStream(type: "string"): ChunkStream };

interface PartScan {
  /** The part's text, when asked to keep it (the small workbook and relationship parts). */
  text: string;
  sharedStringCells: boolean;
}

/**
 * Inflates one part chunk by chunk, holding it to its stated size (a lying directory cannot smuggle a bomb past
 * checkSizes), refusing raw control characters, and noting whether it has shared-string cells (t="s").
 */
function scanPart(entry: JSZip.JSZipObject, stated: number, keepText: boolean, sheet?: string): Promise<PartScan> {
  const where = sheet === undefined ? `its part ${entry.name}` : `the sheet "${sheet}"`;
  const limit = Math.min(stated, MAX_PART_BYTES);
  return new Promise((resolve, reject) => {
    let text = "";
    let seen = 0;
    let tail = "";
    let sharedStringCells = false;
    let done = false;
    // Text chunks (jszip decodes UTF-8): a character is at least a byte, so counting characters against the
    // stated bytes still catches a part that inflates past its size.
    const stream = (entry as StreamingEntry).internalStream("string");
    const fail = (problem: PackageProblem) => {
      if (done) return;
      done = true;
      stream.pause();
      reject(problem);
    };
    stream
      .on("data", (chunk) => {
        if (done) return;
        seen += chunk.length;
        if (seen > limit) {
          fail(oversizeProblem(where, sheet));
          return;
        }
        const control = CONTROL_CHARACTER.exec(chunk);
        if (control !== null) {
          fail(controlCharacterProblem(control[0], where, sheet));
          return;
        }
        const piece = chunk;
        if (keepText) text += piece;
        if (!sharedStringCells) {
          sharedStringCells = /\bt="s"/.test(tail + piece);
          tail = piece.slice(-8);
        }
      })
      .on("error", (error) => {
        const reason = error instanceof Error ? error.message : String(error);
        fail(new PackageProblem(`is damaged: ${where} cannot be unpacked (${reason.split("\n")[0]}).`, sheet));
      })
      .on("end", () => {
        if (done) return;
        done = true;
        resolve({ text, sharedStringCells });
      })
      .resume();
  });
}

/**
 * Throws a PackageProblem unless the bytes look like an .xlsx package that ExcelJS can load safely. With
 * `worksheetsReadAfter`, the worksheet parts are left to the reader that follows (streamSheets), which makes the
 * same checks on them as it reads them, so they are inflated once, not twice.
 */
export async function checkXlsxPackage(
  bytes: Uint8Array,
  options: { worksheetsReadAfter?: boolean } = {},
): Promise<void> {
  if (bytes.length === 0) throw new PackageProblem("is empty, not an .xlsx workbook.");
  if (startsWith(bytes, OLE_SIGNATURE)) {
    throw new PackageProblem(
      "is an old .xls or a password-protected workbook: save it as an unprotected .xlsx and try again.",
    );
  }
  if (startsWith(bytes, EMPTY_ZIP_SIGNATURE)) throw new PackageProblem("is an empty zip file, not an .xlsx workbook.");
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw new PackageProblem("is not an .xlsx workbook.");
  const entries = readDirectory(bytes);
  checkSizes(entries);
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has("xl/workbook.xml")) throw foreignZip(names);
  if (!names.has("[Content_Types].xml")) {
    throw new PackageProblem("is damaged: it has no [Content_Types].xml, which every .xlsx package holds.");
  }

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PackageProblem(`is damaged: its zip structure cannot be read (${reason.split("\n")[0]}).`);
  }
  const stated = new Map(entries.map((entry) => [entry.name, entry.size]));
  const scan = (name: string, keepText: boolean, sheet?: string) => {
    const entry = zip.file(name);
    return entry ? scanPart(entry, stated.get(name) ?? 0, keepText, sheet) : Promise.resolve(null);
  };
  const workbook = await scan("xl/workbook.xml", true);
  const rels = await scan("xl/_rels/workbook.xml.rels", true);
  if (!rels) {
    throw new PackageProblem("is damaged: it has no xl/_rels/workbook.xml.rels, so its sheets cannot be found.");
  }
  const sheets = sheetParts(workbook?.text ?? "", rels.text);
  const readAfter = options.worksheetsReadAfter ? worksheetParts(rels.text) : new Set<string>();
  const listed = [...(workbook?.text ?? "").matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) =>
    unescapeXml(m[1]),
  );
  for (const name of listed) {
    const part = [...sheets].find(([, sheet]) => sheet === name)?.[0];
    if (part === undefined || !names.has(part)) {
      throw new PackageProblem(
        `is damaged: the sheet "${name}" is listed but its part is missing from the file.`,
        name,
      );
    }
  }
  let sharedStringCells: string | null = null;
  for (const entry of entries) {
    if (entry.name === "xl/workbook.xml" || entry.name === "xl/_rels/workbook.xml.rels") continue;
    if (!/\.(xml|rels)$/i.test(entry.name) || !zip.file(entry.name)) continue;
    const sheet = sheets.get(entry.name);
    if (readAfter.has(entry.name)) continue;
    const part = await scan(entry.name, false, sheet);
    if (part?.sharedStringCells && sheet !== undefined) sharedStringCells ??= sheet;
  }
  if (sharedStringCells !== null && !names.has("xl/sharedStrings.xml")) {
    throw missingSharedStringsProblem(sharedStringCells);
  }
}
