// Excel's rules for sheet names, in one place for the core and both renderers.

/** Excel refuses sheet names longer than this. */
export const MAX_SHEET_NAME = 31;

/** Excel's rules for a sheet name, as a plain-English reason, or null when the name is fine. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "a sheet name cannot be blank";
  if (name.length > MAX_SHEET_NAME) return `"${name}" is longer than ${MAX_SHEET_NAME} characters`;
  if (/[*?:/\\[\]]/.test(name)) return `"${name}" contains one of * ? : / \\ [ ]`;
  if (/^'|'$/.test(name)) return `"${name}" starts or ends with an apostrophe`;
  if (name.toLowerCase() === "history") return `"History" is reserved by Excel`;
  return null;
}
