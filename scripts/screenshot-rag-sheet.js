#!/usr/bin/env node
// The README's picture of the RAG sheet: the first printed page of "RAG <period>" in the demo's report copy, as a
// reader of the meeting papers sees it. Runs `npm run demo` first when out/ has no report copy, prints the copy to
// PDF with LibreOffice's headless converter, finds the RAG sheet's first page by its title and saves it as
// assets/screenshots/rag-sheet.png. Needs LibreOffice (soffice) and poppler-utils (pdftotext, pdftoppm).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "assets", "screenshots", "rag-sheet.png");

function reportCopy() {
  const dir = path.join(ROOT, "out");
  const find = () =>
    fs.existsSync(dir)
      ? fs.readdirSync(dir).find((name) => /^example-consortium-\d{4}-\d{2}-Q\d\.xlsx$/.test(name))
      : undefined;
  if (!find()) execFileSync("npm", ["run", "demo"], { cwd: ROOT, stdio: "inherit" });
  const name = find();
  if (!name) throw new Error("npm run demo wrote no report copy into out/");
  return path.join(dir, name);
}

function main() {
  const copy = reportCopy();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ct-rag-"));
  try {
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", work, copy], { stdio: "ignore" });
    const pdf = path.join(work, path.basename(copy).replace(/\.xlsx$/, ".pdf"));
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    const page = pages.findIndex((text) => /^\s*RAG status \d{4}-\d{2} Q\d/m.test(text)) + 1;
    if (page === 0) throw new Error("No page of the PDF starts the RAG sheet");
    const prefix = path.join(work, "rag");
    execFileSync("pdftoppm", ["-png", "-r", "110", "-f", String(page), "-l", String(page), "-singlefile", pdf, prefix]);
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.copyFileSync(`${prefix}.png`, OUT);
    process.stdout.write(`Wrote ${path.relative(ROOT, OUT)} (page ${page} of ${path.basename(pdf)})\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
