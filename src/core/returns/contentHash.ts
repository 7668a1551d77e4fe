// A stable hash of what a return says (not of the file's bytes): the same figures re-saved, renamed or sent twice
// hash the same, so importing them again changes nothing.
import { normaliseName } from "../grid";
import { isoDate, periodLabel } from "../periods";
import type { PartnerReturn, ReturnedActual } from "./types";

export type HashedContent = Pick<PartnerReturn, "consortium" | "partner" | "period" | "targets" | "spend">;

export function contentHash(content: HashedContent): string {
  const text = canonicalText(content);
  return cyrb53(text, 0) + cyrb53(text, 1);
}

/** One line per fact, rows sorted by key, numbers to 12 significant figures. */
export function canonicalText(content: HashedContent): string {
  const targets = content.targets
    .map((row) =>
      [
        "T",
        row.targetId.trim().toLowerCase(),
        row.fy,
        row.quarter,
        actualText(row.actual),
        row.evidence,
        row.comment,
      ].join("\u0001"),
    )
    .sort();
  const spend = content.spend
    .map((row) =>
      [
        "S",
        row.projectId.trim().toLowerCase(),
        row.line.trim().toLowerCase(),
        row.fy,
        row.quarter,
        row.amount === null ? "" : numberText(row.amount),
        row.explanation,
      ].join("\u0001"),
    )
    .sort();
  return [
    `C\u0001${normaliseName(content.consortium)}`,
    `P\u0001${normaliseName(content.partner)}`,
    `Q\u0001${periodLabel(content.period)}`,
    ...targets,
    ...spend,
  ].join("\n");
}

function numberText(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function actualText(actual: ReturnedActual): string {
  switch (actual.kind) {
    case "blank":
      return "";
    case "number":
      return `n:${numberText(actual.amount)}`;
    case "milestone":
      return `m:${actual.done}:${actual.completedOn ? isoDate(actual.completedOn) : ""}`;
  }
}

/** cyrb53 (public domain): a fast 53-bit string hash; two seeds give 106 bits, ample to tell returns apart. */
function cyrb53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}
