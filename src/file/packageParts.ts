// Small helpers for finding parts inside an .xlsx package by their relationships (shared by the streaming reader
// and the copy that keeps input sheets). Plain text work on the small parts: no XML parser.

export const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** An attribute's raw (still escaped) value in one XML element, or null. */
export function attr(element: string, name: string): string | null {
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${escapeRegExp(name)}="([^"]*)"`);
    ATTRIBUTES.set(name, pattern);
  }
  return pattern.exec(element)?.[1] ?? null;
}
const ATTRIBUTES = new Map<string, RegExp>();

/** The part a relationship of this type points to, resolved against `baseDir`. */
export function targetOf(relsXml: string, type: string, baseDir: string): string | null {
  const rel = (relsXml.match(/<Relationship\b[^>]*\/>/g) ?? []).find((r) => attr(r, "Type") === type);
  const target = rel && attr(rel, "Target");
  return target ? resolvePath(baseDir, target) : null;
}

export function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

export function relsPathOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
}

/** A relationship target resolved against its source's folder ("../comments1.xml" from xl/worksheets/). */
export function resolvePath(baseDir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : baseDir + target).split("/");
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "..") resolved.pop();
    else if (part !== "." && part !== "") resolved.push(part);
  }
  return resolved.join("/");
}

export function relativePath(fromDir: string, to: string): string {
  const from = fromDir.split("/").filter(Boolean);
  const target = to.split("/");
  let common = 0;
  while (common < from.length && from[common] === target[common]) common++;
  return [...from.slice(common).map(() => ".."), ...target.slice(common)].join("/");
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Text for XML content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}
