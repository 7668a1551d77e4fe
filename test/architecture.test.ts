// The direction of dependency, read from the import statements themselves: the core imports nothing above it, the
// use cases (src/app) stand between the shells and the core, and the sheets and the returns do not import each
// other in a cycle.
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Every module a file names in an import or export statement, or a dynamic import(). */
export function importedSpecifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']/gms,
    /^\s*import\s+["']([^"']+)["']/gm,
    /\bimport\(\s*(?:\/\*.*?\*\/\s*)?["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found;
}

interface Import {
  /** The importing file, relative to src/ ("core/report.ts"). */
  from: string;
  specifier: string;
  /** The imported module relative to src/ ("core/grid"), or null for a package. */
  to: string | null;
}

function importsOf(file: string): Import[] {
  const from = path.relative(SRC, file).split(path.sep).join("/");
  return importedSpecifiers(fs.readFileSync(file, "utf8")).map((specifier) => ({
    from,
    specifier,
    to: specifier.startsWith(".")
      ? path
          .relative(SRC, path.resolve(path.dirname(file), specifier))
          .split(path.sep)
          .join("/")
      : null,
  }));
}

const allImports = sourceFiles(SRC).flatMap(importsOf);
const under = (module: string | null, dir: string) =>
  module !== null && (module === dir || module.startsWith(`${dir}/`));
const show = (imports: Import[]) => imports.map((i) => `${i.from} imports ${i.specifier}`);

describe("the direction of dependency", () => {
  it("reads the imports of every kind of statement", () => {
    const text = [
      'import { a } from "./a";',
      "import type {\n  B,\n  C,\n} from '../b';",
      'export { d } from "./d";',
      'import "./side-effect";',
      'const e = await import(/* webpackChunkName: "e" */ "./e");',
    ].join("\n");
    expect(importedSpecifiers(text)).toEqual(["./a", "../b", "./d", "./side-effect", "./e"]);
    expect(allImports.length).toBeGreaterThan(500);
  });

  it("the core imports nothing outside src/core: no shell, no package", () => {
    const outside = allImports.filter((i) => under(i.from, "core") && !under(i.to, "core"));
    expect(show(outside)).toEqual([]);
  });

  it("the use cases import only the core and the workbook port", () => {
    const app = allImports.filter((i) => under(i.from, "app"));
    expect(app.length).toBeGreaterThan(0);
    const wrong = app.filter((i) => !["core", "workbook", "app"].some((dir) => under(i.to, dir)));
    expect(show(wrong)).toEqual([]);
  });

  it("nothing below the shells imports a shell", () => {
    const wrong = allImports.filter(
      (i) =>
        ["core", "app", "workbook"].some((dir) => under(i.from, dir)) &&
        ["cli", "taskpane", "excel", "file"].some((dir) => under(i.to, dir)),
    );
    expect(show(wrong)).toEqual([]);
  });

  it("core/sheets and core/returns do not import each other", () => {
    const sheetsToReturns = allImports.filter((i) => under(i.from, "core/sheets") && under(i.to, "core/returns"));
    const returnsToSheets = allImports.filter((i) => under(i.from, "core/returns") && under(i.to, "core/sheets"));
    const cycle = sheetsToReturns.length > 0 && returnsToSheets.length > 0 ? show(sheetsToReturns) : [];
    expect(cycle).toEqual([]);
  });
});
