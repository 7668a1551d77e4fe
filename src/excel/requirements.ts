// Which Excel JavaScript API the add-in assumes, and the run-time check for anything newer.
//
// DECLARED_EXCEL_API is the MinVersion in manifest.xml (scripts/validate-manifest.js checks they agree) and the
// ceiling scripts/check-api.js allows outside a guard. 1.4 is the lowest set the adapter cannot do without:
// getItemOrNullObject / getUsedRangeOrNullObject (1.4) let every read be queued in one batch without a missing
// sheet failing it; merges, column widths, sheet protection and hiding the registry need 1.2. Everything newer
// (conditional formats 1.6, freeze panes and tab colours 1.7, data validation 1.8, print settings and indents
// 1.9, cell notes 1.18) is a nicety, applied only where `supportsExcelApi` says the host has it.

export const DECLARED_EXCEL_API = "1.4";

/** "1.9" and the like. */
export type ExcelApiVersion = `1.${number}`;

/** Office.context.requirements.isSetSupported, injectable so tests and benchmarks can pick a host. */
export type RequirementProbe = (set: string, version: string) => boolean;

/** The host's own answer; outside Office (tests, the CLI) nothing beyond the declared set is assumed. */
export const officeProbe: RequirementProbe = (set, version) =>
  typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported(set, version));

/** True when the host supports ExcelApi `version`. The guard scripts/check-api.js recognises. */
export function supportsExcelApi(version: ExcelApiVersion, probe: RequirementProbe = officeProbe): boolean {
  if (compareApiVersions(version, DECLARED_EXCEL_API) <= 0) return true;
  return probe("ExcelApi", version);
}

/** Numeric comparison of "1.10" and "1.9" (not string order). */
export function compareApiVersions(a: string, b: string): number {
  const [aMajor, aMinor] = a.split(".").map(Number);
  const [bMajor, bMinor] = b.split(".").map(Number);
  return aMajor !== bMajor ? aMajor - bMajor : (aMinor || 0) - (bMinor || 0);
}
