#!/usr/bin/env node
// Offline checks of manifest.xml: what the XML schema cannot see, then the schema itself when it is at hand.
//   - every resid used is defined in <Resources> (and every resource is used), ids are unique;
//   - every URL is https, and every URL on the development server maps to a file that `npm run build` put in
//     dist/ (icons of the size their id or element says);
//   - the ExcelApi MinVersion is DECLARED_EXCEL_API of src/excel/requirements.ts (the set the code assumes);
//   - <Id> is a GUID, <Version> is n.n.n.n;
//   - dist/manifest.xml is a copy of manifest.xml;
//   - xmllint against Microsoft's manifest schema (OfficeAppManifestV1_1.xsd), when a copy is at hand: in the
//     folder OFFICE_MANIFEST_XSD names, or in an "office-manifest-xsd" folder beside the repository or inside
//     one of its neighbours. The schemas are not shipped with the project.
// Builds dist/ first when it is missing. `npm run validate:online` runs Microsoft's online validator instead.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { declaredExcelApi } = require("./check-api");

const repoRoot = path.resolve(__dirname, "..");
const manifestPath = path.join(repoRoot, "manifest.xml");
const distDir = path.join(repoRoot, "dist");
const DEV_BASE = "https://localhost:3000/";
const SCHEMA_FILE = "OfficeAppManifestV1_1.xsd";
const schemaPath = findSchema();

/** The manifest schema's path, or "" when no copy is at hand (see the header). */
function findSchema() {
  if (process.env.OFFICE_MANIFEST_XSD) return path.join(process.env.OFFICE_MANIFEST_XSD, SCHEMA_FILE);
  const parent = path.dirname(repoRoot);
  const beside = path.join(parent, "office-manifest-xsd", SCHEMA_FILE);
  if (fs.existsSync(beside)) return beside;
  let neighbours = [];
  try {
    neighbours = fs.readdirSync(parent, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  } catch {
    return "";
  }
  for (const entry of neighbours) {
    const candidate = path.join(parent, entry.name, "office-manifest-xsd", SCHEMA_FILE);
    if (fs.existsSync(candidate)) return candidate;
  }
  return "";
}

const passed = [];
const failed = [];
function check(ok, what, detail = "") {
  (ok ? passed : failed).push(ok ? what : `${what}${detail ? `: ${detail}` : ""}`);
}

function attributes(xml, element, attribute) {
  const re = new RegExp(`<${element}\\b[^>]*\\b${attribute}="([^"]*)"`, "g");
  return [...xml.matchAll(re)].map((m) => m[1]);
}

/** Width and height of a PNG from its IHDR chunk, or null when the file is not a PNG. */
function pngSize(file) {
  const bytes = fs.readFileSync(file);
  if (bytes.length < 24 || bytes.toString("latin1", 1, 4) !== "PNG") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Why dist/ needs building before its files can be checked, or null when it is up to date. */
function staleReason() {
  const copied = path.join(distDir, "manifest.xml");
  if (!fs.existsSync(path.join(distDir, "taskpane.html"))) return "dist/ has not been built yet";
  if (!fs.existsSync(copied)) return "dist/ was built before manifest.xml existed";
  const builtAt = fs.statSync(copied).mtimeMs;
  const assets = path.join(repoRoot, "assets");
  const assetFiles = fs.existsSync(assets)
    ? fs
        .readdirSync(assets, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(assets, entry.name))
    : [];
  const sources = [manifestPath, ...assetFiles];
  const newer = sources.find((file) => fs.statSync(file).mtimeMs > builtAt);
  return newer ? `${path.relative(repoRoot, newer)} changed since dist/ was built` : null;
}

function ensureBuilt() {
  const reason = staleReason();
  if (!reason) return;
  console.log(`${reason}: running \`npm run build\` first.\n`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const build = spawnSync(npm, ["run", "build"], { cwd: repoRoot, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("\n`npm run build` failed, so the manifest's URLs cannot be checked against dist/.");
    process.exit(1);
  }
}

function main() {
  ensureBuilt();
  const xml = fs.readFileSync(manifestPath, "utf8");
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");

  // Resources.
  const resourcesBlock = (/<Resources>([\s\S]*?)<\/Resources>/.exec(body) || [])[1] || "";
  const defined = [...resourcesBlock.matchAll(/<bt:(Image|Url|String)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[2]);
  const used = [...new Set([...body.matchAll(/\bresid="([^"]+)"/g)].map((m) => m[1]))];
  const duplicates = defined.filter((id, i) => defined.indexOf(id) !== i);
  check(duplicates.length === 0, "resource ids are unique", duplicates.join(", "));
  const missing = used.filter((id) => !defined.includes(id));
  check(
    missing.length === 0,
    `every resid used (${used.length}) is defined in <Resources>`,
    `undefined: ${missing.join(", ")}`,
  );
  const unused = defined.filter((id) => !used.includes(id));
  check(unused.length === 0, "every resource in <Resources> is used", `unused: ${unused.join(", ")}`);

  // URLs.
  const urls = [
    ...[...body.matchAll(/\bDefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]),
    ...[...body.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1].trim()),
  ];
  const insecure = urls.filter((url) => !url.startsWith("https://"));
  check(insecure.length === 0, `every URL (${urls.length}) is https`, insecure.join(", "));
  const pages = [...new Set(urls.filter((url) => url.startsWith(DEV_BASE)))];
  const absent = pages.filter((url) => {
    const relative = decodeURIComponent(url.slice(DEV_BASE.length).split(/[?#]/)[0]);
    return !fs.existsSync(path.join(distDir, relative));
  });
  check(
    absent.length === 0,
    `every development URL (${pages.length}) maps to a file in dist/ after the build`,
    `missing in dist/: ${absent.join(", ")}`,
  );

  // Icons of the right size.
  const wanted = [];
  for (const m of resourcesBlock.matchAll(/<bt:Image\b[^>]*\bid="[^"]*?(\d+)x\1"[^>]*DefaultValue="([^"]+)"/g)) {
    wanted.push({ url: m[2], size: Number(m[1]) });
  }
  const iconUrl = attributes(body, "IconUrl", "DefaultValue")[0];
  const highRes = attributes(body, "HighResolutionIconUrl", "DefaultValue")[0];
  if (iconUrl) wanted.push({ url: iconUrl, size: 32 });
  if (highRes) wanted.push({ url: highRes, size: 64 });
  const wrongSize = wanted
    .filter(({ url }) => url.startsWith(DEV_BASE))
    .map(({ url, size }) => {
      const file = path.join(distDir, url.slice(DEV_BASE.length));
      const actual = fs.existsSync(file) ? pngSize(file) : null;
      return actual && actual.width === size && actual.height === size ? null : `${url} is not a ${size}×${size} PNG`;
    })
    .filter(Boolean);
  check(
    wrongSize.length === 0,
    `every icon (${wanted.length}) is a PNG of the size it is declared as`,
    wrongSize.join("; "),
  );

  // Requirement set.
  const declared = declaredExcelApi(repoRoot);
  const sets = [...body.matchAll(/<Set\b[^>]*Name="ExcelApi"[^>]*MinVersion="([^"]+)"/g)].map((m) => m[1]);
  check(
    sets.length === 1 && sets[0] === declared,
    `ExcelApi MinVersion is ${declared}, the DECLARED_EXCEL_API the code assumes`,
    `manifest says ${sets.join(", ") || "nothing"}`,
  );

  // Identity.
  const id = (/<Id>([^<]*)<\/Id>/.exec(body) || [])[1] || "";
  check(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id), "Id is a GUID", id);
  const version = (/<Version>([^<]*)<\/Version>/.exec(body) || [])[1] || "";
  check(/^\d{1,5}(\.\d{1,5}){3}$/.test(version), "Version has four parts (n.n.n.n)", version);
  check(/<Host Name="Workbook"\s*\/>/.test(body), "the add-in is for Excel (Host Workbook)");

  // The build ships the same manifest.
  const copied = path.join(distDir, "manifest.xml");
  check(
    fs.existsSync(copied) && fs.readFileSync(copied, "utf8") === xml,
    "dist/manifest.xml is a copy of manifest.xml",
    fs.existsSync(copied) ? "it differs: rebuild" : "it is missing",
  );

  // The XML schema.
  if (!schemaPath || !fs.existsSync(schemaPath)) {
    passed.push("XML schema check skipped: no copy of the manifest schema is at hand (see OFFICE_MANIFEST_XSD)");
  } else {
    const lint = spawnSync("xmllint", ["--noout", "--schema", schemaPath, manifestPath], { encoding: "utf8" });
    if (lint.error)
      check(
        false,
        "xmllint validates manifest.xml against the Office XSD",
        `xmllint not found (${lint.error.message})`,
      );
    else
      check(
        lint.status === 0,
        "manifest.xml is valid against the Office add-in XSD (xmllint)",
        (lint.stderr || "").trim(),
      );
  }

  for (const line of passed) console.log(`  ✓ ${line}`);
  for (const line of failed) console.log(`  ✗ ${line}`);
  console.log(
    failed.length
      ? `\nmanifest.xml: ${failed.length} check(s) failed.`
      : `\nmanifest.xml: all ${passed.length} checks passed.`,
  );
  process.exitCode = failed.length ? 1 : 0;
}

main();
