// Opening and saving .xlsx files on disk (Node only: the CLI). Every failure becomes a one-line, plain-English
// FileProblem instead of a stack trace.
import { promises as fs } from "fs";
import * as path from "path";
import { PackageProblem } from "./xlsxPackage";
import { XlsxWorkbook, type XlsxWorkbookOptions } from "./xlsxWorkbook";

/** A file that cannot be opened or saved, with a message fit to show the user as it is. */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileProblem";
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0];
}

/** Reads a file's bytes, or throws a FileProblem saying why not. */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new FileProblem(`${file} is a folder, not an .xlsx workbook.`);
    return new Uint8Array(await fs.readFile(file));
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    switch (errorCode(error)) {
      case "ENOENT":
      case "ENOTDIR":
        throw new FileProblem(`${file} does not exist.`);
      case "EACCES":
      case "EPERM":
        throw new FileProblem(`${file} cannot be read: permission denied.`);
      case "EBUSY":
        throw new FileProblem(`${file} is locked by another program (close it in Excel and try again).`);
      default:
        throw new FileProblem(`${file} cannot be read: ${reason(error)}`);
    }
  }
}

/** Opens an .xlsx file as a workbook, or throws a FileProblem naming what is wrong with the file. */
export async function openWorkbookFile(file: string, options: XlsxWorkbookOptions = {}): Promise<XlsxWorkbook> {
  const bytes = await readFileBytes(file);
  try {
    return await XlsxWorkbook.fromBytes(bytes, path.basename(file), options);
  } catch (error) {
    if (error instanceof PackageProblem) throw new FileProblem(`${file} ${error.message}`);
    throw new FileProblem(`${file} is damaged or not an .xlsx workbook (${reason(error)}).`);
  }
}

/** Writes the bytes, creating the folder if needed, or throws a FileProblem. */
export async function writeFileBytes(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.writeFile(file, bytes);
  } catch (error) {
    switch (errorCode(error)) {
      case "EACCES":
      case "EPERM":
        throw new FileProblem(`${file} cannot be written: permission denied (is it open in Excel?).`);
      case "EBUSY":
        throw new FileProblem(`${file} is locked by another program (close it in Excel and try again).`);
      case "EISDIR":
        throw new FileProblem(`${file} is a folder: give a file name ending in .xlsx.`);
      case "ENOTDIR":
      case "EEXIST":
        throw new FileProblem(`${file} cannot be written: part of its folder path is a file.`);
      default:
        throw new FileProblem(`${file} cannot be written: ${reason(error)}`);
    }
  }
}

/**
 * Saves a workbook to a file, creating the folder if needed. With `keepInputs`, the sheets it was opened with are
 * copied byte for byte and only the sheets written since are added (see XlsxWorkbook.toBytesKeepingInputs).
 */
export async function saveWorkbookFile(
  workbook: XlsxWorkbook,
  file: string,
  options: { keepInputs?: boolean } = {},
): Promise<void> {
  await writeFileBytes(file, await (options.keepInputs ? workbook.toBytesKeepingInputs() : workbook.toBytes()));
}
