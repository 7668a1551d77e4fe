// Writing a copy of a workbook that keeps its input sheets byte for byte. The sheets the tool wrote (summary
// sheets, the registry) are rendered on their own into a small package (written directly as XML by sheetXml.ts,
// or by ExcelJS), which is then laid into the original
// package: the original's sheet parts, shared strings and everything else are copied as they are (still
// compressed), and only the workbook's sheet list, its relationships, content types and styles are rewritten to
// take the new sheets. So a large workbook is never rewritten cell by cell, and an input sheet in the copy is the
// very part that was read.
//
// Returns null when the package holds something this does not lay in safely (e.g. a written sheet with a table
// or a drawing): the caller then writes the whole workbook the ordinary way.
import JSZip from "jszip";
import { attr, dirOf, escapeRegExp, REL_TYPE, relativePath, relsPathOf, resolvePath, targetOf } from "./packageParts";
import { unescapeXml } from "./xlsxPackage";

/** One sheet of the copy, in tab order: the original's part, or the newly written one of that name. */
export interface KeptSheet {
  name: string;
  from: "original" | "written";
}

interface SheetEntry {
  /** The <sheet .../> element as written in its workbook.xml. */
  element: string;
  name: string;
  sheetId: number;
  relId: string;
  /** Zip path of the sheet part, e.g. "xl/worksheets/sheet3.xml". */
  part: string;
}

interface Package {
  zip: JSZip;
  workbookPath: string;
  workbookXml: string;
  relsPath: string;
  relsXml: string;
  sheets: SheetEntry[];
}

const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";
const DEFLATE_LEVEL = 1;
/** What a written sheet may refer to and still be laid in: its notes. */
const LAYABLE_RELS = new Set([`${REL_TYPE}/comments`, `${REL_TYPE}/vmlDrawing`]);
/** What a replaced original sheet may own and still be dropped cleanly with it. */
const DROPPABLE_RELS = new Set([...LAYABLE_RELS, `${REL_TYPE}/printerSettings`]);

/**
 * How far the indexes of styles written for this original will move when laid after its own (see mergeStyles), so
 * a writer can write its sheets with them moved already; null when the package cannot be laid into.
 */
export async function styleOffsetsOf(original: Uint8Array): Promise<StyleOffsets | null> {
  const a = await openPackage(original);
  const stylesPath = a && targetOf(a.relsXml, `${REL_TYPE}/styles`, dirOf(a.workbookPath));
  const styles = stylesPath ? await text(a.zip, stylesPath) : null;
  return styles === null ? null : (mergeStyles(styles, "<styleSheet/>")?.offsets ?? null);
}

/**
 * `moved`: the written package's sheets already have their style indexes moved by these offsets (and hold no
 * shared strings), so their parts are copied as they are.
 */
export async function copyKeepingInputs(
  original: Uint8Array,
  written: Uint8Array | JSZip,
  sheets: readonly KeptSheet[],
  moved?: StyleOffsets,
): Promise<Uint8Array | null> {
  const a = await openPackage(original);
  const b = await openPackage(written);
  if (!a || !b) return null;

  const byName = (list: SheetEntry[], name: string) => list.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const plan = sheets.map((sheet) => ({
    sheet,
    entry: byName(sheet.from === "original" ? a.sheets : b.sheets, sheet.name),
  }));
  if (plan.some((p) => !p.entry)) return null;
  const keptParts = new Set(plan.filter((p) => p.sheet.from === "original").map((p) => p.entry!.part));
  const dropped = a.sheets.filter((s) => !keptParts.has(s.part));

  const out = a.zip;
  const contentTypes = await text(out, "[Content_Types].xml");
  const stylesPath = targetOf(a.relsXml, `${REL_TYPE}/styles`, dirOf(a.workbookPath));
  const bStylesPath = targetOf(b.relsXml, `${REL_TYPE}/styles`, dirOf(b.workbookPath));
  if (contentTypes === null || !stylesPath || !bStylesPath) return null;
  const stylesA = await text(out, stylesPath);
  const stylesB = await text(b.zip, bStylesPath);
  if (stylesA === null || stylesB === null) return null;
  const merged = mergeStyles(stylesA, stylesB);
  if (!merged) return null;
  if (moved && (moved.xf !== merged.offsets.xf || moved.dxf !== merged.offsets.dxf)) return null;
  const sharedB = await sharedStrings(b);

  // Parts the dropped sheets own go with them.
  const removedParts: string[] = [];
  for (const sheet of dropped) {
    const rels = await sheetRels(out, sheet.part);
    if (rels.some((rel) => !DROPPABLE_RELS.has(rel.type) || rel.external)) return null;
    removedParts.push(sheet.part, relsPathOf(sheet.part), ...rels.map((rel) => rel.target));
  }

  const used = new Set(Object.keys(out.files).map((p) => p.toLowerCase()));
  // Names of removed parts are not reused: they are removed from the zip only at the end.
  const freshPart = (make: (n: number) => string) => {
    for (let n = 1; ; n++) {
      const candidate = make(n);
      if (!used.has(candidate.toLowerCase())) {
        used.add(candidate.toLowerCase());
        return candidate;
      }
    }
  };

  const xlDir = dirOf(a.workbookPath);
  const overrides: string[] = [];
  let addedVml = false;
  let relsXml = a.relsXml;
  const droppedRelIds = new Set(dropped.map((s) => s.relId));
  relsXml = relsXml.replace(/<Relationship\b[^>]*\/>/g, (rel) => (droppedRelIds.has(attr(rel, "Id") ?? "") ? "" : rel));
  const relIds = new Set([...relsXml.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let nextSheetId = Math.max(0, ...a.sheets.map((s) => s.sheetId)) + 1;

  const sheetElements: string[] = [];
  const newIndexOf = new Map<string, number>();
  for (const [index, { sheet, entry }] of plan.entries()) {
    newIndexOf.set(`${sheet.from}:${entry!.name.toLowerCase()}`, index);
    if (sheet.from === "original") {
      sheetElements.push(entry!.element);
      continue;
    }
    const part = freshPart((n) => `${xlDir}worksheets/sheet${n}.xml`);
    let xml: string | Uint8Array | null;
    if (moved) xml = (await b.zip.file(entry!.part)?.async("uint8array")) ?? null;
    else {
      xml = await text(b.zip, entry!.part);
      if (xml !== null) xml = inlineSharedStrings(remapSheetStyles(xml, merged.offsets), sharedB);
    }
    if (xml === null) return null;
    const rels = await sheetRels(b.zip, entry!.part);
    if (rels.some((rel) => !LAYABLE_RELS.has(rel.type) || rel.external)) return null;
    let sheetRelsXml = rels.length > 0 ? await text(b.zip, relsPathOf(entry!.part)) : null;
    for (const rel of rels) {
      const isVml = rel.type.endsWith("/vmlDrawing");
      const newPart = isVml
        ? freshPart((n) => `${xlDir}drawings/vmlDrawing${n}.vml`)
        : freshPart((n) => `${xlDir}comments${n}.xml`);
      const content = await b.zip.file(rel.target)?.async("uint8array");
      if (!content) return null;
      out.file(newPart, content);
      sheetRelsXml = (sheetRelsXml ?? "").replace(
        new RegExp(`(<Relationship\\b[^>]*\\bId="${escapeRegExp(rel.id)}"[^>]*\\bTarget=")[^"]*(")`),
        `$1${relativePath(dirOf(part), newPart)}$2`,
      );
      addedVml ||= isVml;
      if (!isVml) overrides.push(`<Override PartName="/${newPart}" ContentType="${COMMENTS_TYPE}"/>`);
    }
    out.file(part, xml);
    if (sheetRelsXml) out.file(relsPathOf(part), sheetRelsXml);
    overrides.push(`<Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/>`);
    let relId = "";
    for (let n = 1; !relId || relIds.has(relId); n++) relId = `rIdKept${n}`;
    relIds.add(relId);
    relsXml = relsXml.replace(
      "</Relationships>",
      `<Relationship Id="${relId}" Type="${REL_TYPE}/worksheet" Target="${relativePath(xlDir, part)}"/></Relationships>`,
    );
    const element = entry!.element
      .replace(/\bsheetId="\d+"/, `sheetId="${nextSheetId++}"`)
      .replace(/\br:id="[^"]*"/, `r:id="${relId}"`);
    sheetElements.push(element);
  }

  // The calculation chain names cells of the sheets it was made for: with any sheet gone, Excel rebuilds it.
  if (dropped.length > 0) {
    const calcChain = targetOf(relsXml, `${REL_TYPE}/calcChain`, xlDir);
    if (calcChain) {
      removedParts.push(calcChain);
      relsXml = relsXml.replace(/<Relationship\b[^>]*\/calcChain"[^>]*\/>/g, "");
    }
  }

  for (const part of removedParts) out.remove(part);
  let types = contentTypes;
  for (const part of removedParts) {
    types = types.replace(new RegExp(`<Override PartName="/${escapeRegExp(part)}"[^>]*/>`, "i"), "");
  }
  // vml parts are typed by their extension.
  if (addedVml && !/Extension="vml"/i.test(types)) {
    types = types.replace("</Types>", `<Default Extension="vml" ContentType="${VML_TYPE}"/></Types>`);
  }
  types = types.replace("</Types>", `${overrides.join("")}</Types>`);

  const workbookXml = rewriteWorkbook(a, b, sheetElements, newIndexOf, plan.length);
  out.file(a.workbookPath, workbookXml);
  out.file(a.relsPath, relsXml);
  out.file("[Content_Types].xml", types);
  out.file(stylesPath, merged.xml);
  // The kept parts go as they were compressed; only the new ones are deflated, at a fast level (a few per cent
  // larger than the default, in a fraction of the time).
  return out.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: DEFLATE_LEVEL },
  });
}

async function openPackage(bytes: Uint8Array | JSZip): Promise<Package | null> {
  let zip: JSZip;
  try {
    zip = bytes instanceof JSZip ? bytes : await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  const rootRels = await text(zip, "_rels/.rels");
  if (rootRels === null) return null;
  const workbookPath = targetOf(rootRels, `${REL_TYPE}/officeDocument`, "");
  if (!workbookPath) return null;
  const workbookXml = await text(zip, workbookPath);
  const relsPath = relsPathOf(workbookPath);
  const relsXml = await text(zip, relsPath);
  if (workbookXml === null || relsXml === null) return null;
  const sheets: SheetEntry[] = [];
  for (const element of workbookXml.match(/<sheet\b[^>]*\/>/g) ?? []) {
    const name = attr(element, "name");
    const relId = attr(element, "r:id");
    const sheetId = Number(attr(element, "sheetId"));
    if (name === null || relId === null) return null;
    const rel = (relsXml.match(/<Relationship\b[^>]*\/>/g) ?? []).find((r) => attr(r, "Id") === relId);
    const target = rel && attr(rel, "Target");
    if (!target) return null;
    sheets.push({ element, name: unescapeXml(name), sheetId, relId, part: resolvePath(dirOf(workbookPath), target) });
  }
  return { zip, workbookPath, workbookXml, relsPath, relsXml, sheets };
}

/** The workbook's sheet list replaced; each print title and other sheet-scoped name follows its sheet. */
function rewriteWorkbook(
  a: Package,
  b: Package,
  sheetElements: string[],
  newIndexOf: Map<string, number>,
  sheetCount: number,
): string {
  const scoped = (pkg: Package, from: KeptSheet["from"]) =>
    (pkg.workbookXml.match(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g) ?? []).flatMap((element) => {
      const local = attr(element, "localSheetId");
      if (local === null) return from === "original" ? [element] : [];
      const sheet = pkg.sheets[Number(local)];
      const index = sheet && newIndexOf.get(`${from}:${sheet.name.toLowerCase()}`);
      return index === undefined ? [] : [element.replace(/\blocalSheetId="\d+"/, `localSheetId="${index}"`)];
    });
  const names = [...scoped(a, "original"), ...scoped(b, "written")];
  let xml = a.workbookXml.replace(
    /<sheets>[\s\S]*?<\/sheets>|<sheets\/>/,
    `<sheets>${sheetElements.join("")}</sheets>`,
  );
  xml = xml.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, "");
  if (names.length > 0) {
    const definedNames = `<definedNames>${names.join("")}</definedNames>`;
    // definedNames follows sheets (and functionGroups/externalReferences, which follow sheets too).
    xml = /<\/externalReferences>/.test(xml)
      ? xml.replace("</externalReferences>", `</externalReferences>${definedNames}`)
      : xml.replace("</sheets>", `</sheets>${definedNames}`);
  }
  // A tab index past the new end would make the workbook open on no sheet.
  return xml.replace(/\b(activeTab|firstSheet)="(\d+)"/g, (match, key: string, value: string) =>
    Number(value) >= sheetCount ? `${key}="0"` : match,
  );
}

export interface StyleOffsets {
  font: number;
  fill: number;
  border: number;
  xf: number;
  dxf: number;
}

/** The written package's styles appended to the original's; returns the offsets its indexes move by. */
export function mergeStyles(original: string, written: string): { xml: string; offsets: StyleOffsets } | null {
  const block = (xml: string, tag: string) =>
    new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`).exec(xml)?.[0] ?? null;
  const children = (xml: string | null, tag: string) =>
    xml === null ? [] : (xml.match(new RegExp(`<${tag}(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, "g")) ?? []);

  const blocksA = {
    numFmts: block(original, "numFmts"),
    fonts: block(original, "fonts"),
    fills: block(original, "fills"),
    borders: block(original, "borders"),
    cellXfs: block(original, "cellXfs"),
    dxfs: block(original, "dxfs"),
  };
  if (!blocksA.fonts || !blocksA.fills || !blocksA.borders || !blocksA.cellXfs) return null;
  const offsets: StyleOffsets = {
    font: children(blocksA.fonts, "font").length,
    fill: children(blocksA.fills, "fill").length,
    border: children(blocksA.borders, "border").length,
    xf: children(blocksA.cellXfs, "xf").length,
    dxf: children(blocksA.dxfs, "dxf").length,
  };
  let nextNumFmt =
    Math.max(163, ...[...(blocksA.numFmts ?? "").matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  const numFmtMap = new Map<string, string>();
  const newNumFmts = children(block(written, "numFmts"), "numFmt").map((numFmt) => {
    const id = attr(numFmt, "numFmtId") ?? "";
    const mapped = String(nextNumFmt++);
    numFmtMap.set(id, mapped);
    return numFmt.replace(/numFmtId="\d+"/, `numFmtId="${mapped}"`);
  });
  const newXfs = children(block(written, "cellXfs"), "xf").map((xf) =>
    xf
      .replace(/\bnumFmtId="(\d+)"/, (_m: string, id: string) => `numFmtId="${numFmtMap.get(id) ?? id}"`)
      .replace(/\bfontId="(\d+)"/, (_m: string, id: string) => `fontId="${Number(id) + offsets.font}"`)
      .replace(/\bfillId="(\d+)"/, (_m: string, id: string) => `fillId="${Number(id) + offsets.fill}"`)
      .replace(/\bborderId="(\d+)"/, (_m: string, id: string) => `borderId="${Number(id) + offsets.border}"`)
      .replace(/\bxfId="\d+"/, 'xfId="0"'),
  );

  let xml = original;
  const append = (
    tag: string,
    child: string,
    existing: string | null,
    added: string[],
    create: (blockXml: string) => void,
  ) => {
    if (added.length === 0) return;
    if (existing === null) {
      create(`<${tag} count="${added.length}">${added.join("")}</${tag}>`);
      return;
    }
    const count = children(existing, child).length + added.length;
    const opening = /^<[^>]*?(\/?)>/.exec(existing)![0];
    const openTag = opening.replace(/\s*\/>$/, ">").replace(/\bcount="\d+"/, `count="${count}"`);
    const withCount = /\bcount="/.test(openTag) ? openTag : openTag.replace(/>$/, ` count="${count}">`);
    const inner = opening.endsWith("/>") ? "" : existing.slice(opening.length, existing.length - `</${tag}>`.length);
    xml = xml.replace(existing, `${withCount}${inner}${added.join("")}</${tag}>`);
  };
  append("numFmts", "numFmt", blocksA.numFmts, newNumFmts, (created) => {
    xml = xml.replace(/(<styleSheet\b[^>]*>)/, `$1${created}`);
  });
  append("fonts", "font", blocksA.fonts, children(block(written, "fonts"), "font"), () => undefined);
  append("fills", "fill", blocksA.fills, children(block(written, "fills"), "fill"), () => undefined);
  append("borders", "border", blocksA.borders, children(block(written, "borders"), "border"), () => undefined);
  append("cellXfs", "xf", blocksA.cellXfs, newXfs, () => undefined);
  append("dxfs", "dxf", blocksA.dxfs, children(block(written, "dxfs"), "dxf"), (created) => {
    const after = block(xml, "cellStyles") ?? block(xml, "cellXfs")!;
    xml = xml.replace(after, `${after}${created}`);
  });
  return { xml, offsets };
}

/** A written sheet's style indexes moved to where its styles now sit. */
export function remapSheetStyles(xml: string, offsets: StyleOffsets): string {
  const shift = (by: number) => (_m: string, head: string, n: string, tail: string) =>
    `${head}${Number(n) + by}${tail}`;
  return xml
    .replace(/(<c\b[^>]*?\bs=")(\d+)(")/g, shift(offsets.xf))
    .replace(/(<row\b[^>]*?\bs=")(\d+)(")/g, shift(offsets.xf))
    .replace(/(<col\b[^>]*?\bstyle=")(\d+)(")/g, shift(offsets.xf))
    .replace(/(\bdxfId=")(\d+)(")/g, shift(offsets.dxf));
}

/** Shared-string cells rewritten as inline strings, so the original's shared strings need not change. */
export function inlineSharedStrings(xml: string, strings: readonly string[]): string {
  return xml.replace(
    /<c\b([^>]*?)\bt="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g,
    (match, before: string, after: string, index: string) => {
      const si = strings[Number(index)];
      return si === undefined ? match : `<c${before}t="inlineStr"${after}><is>${si}</is></c>`;
    },
  );
}

async function sharedStrings(pkg: Package): Promise<string[]> {
  const path = targetOf(pkg.relsXml, `${REL_TYPE}/sharedStrings`, dirOf(pkg.workbookPath));
  const xml = path ? await text(pkg.zip, path) : null;
  if (xml === null) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

async function sheetRels(zip: JSZip, part: string): Promise<Rel[]> {
  const xml = await text(zip, relsPathOf(part));
  if (xml === null) return [];
  return (xml.match(/<Relationship\b[^>]*\/>/g) ?? []).map((rel) => ({
    id: attr(rel, "Id") ?? "",
    type: attr(rel, "Type") ?? "",
    external: attr(rel, "TargetMode") === "External",
    target: resolvePath(dirOf(part), attr(rel, "Target") ?? ""),
  }));
}

async function text(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? file.async("string") : null;
}
