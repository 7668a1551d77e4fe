// LibreOffice's headless converter, where it is installed (CI installs it when Debian's package arrives in time):
// a workbook it prints to PDF is one a second spreadsheet program opens.
import { execFileSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((file) => existsSync(file));

/** `it` when LibreOffice is here, `it.skip` (said in the report) when it is not. */
export const withLibreOffice: jest.It = SOFFICE ? it : it.skip;

/** The workbook printed to PDF by LibreOffice: the PDF's bytes. */
export async function printedByLibreOffice(workbook: Uint8Array): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "libreoffice-"));
  try {
    await fs.writeFile(path.join(dir, "copy.xlsx"), workbook);
    execFileSync(SOFFICE!, ["--headless", "--convert-to", "pdf", "--outdir", dir, path.join(dir, "copy.xlsx")], {
      timeout: 90_000,
      stdio: "ignore",
      env: { ...process.env, HOME: dir },
    });
    return await fs.readFile(path.join(dir, "copy.pdf"));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
