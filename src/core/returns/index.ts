// Partner returns: the entry points the CLI, the adapters and the task pane use.
export {
  partnerReturnSheets,
  partnerReturnWorkbooks,
  returnFileName,
  returnDueOn,
  type ReturnOptions,
} from "./returnSheets";
export { partnersWithReturns, issuedReturn } from "./issue";
export { readPartnerReturn } from "./readReturn";
export { previewImport, type PreviewOptions } from "./preview";
export { importEdits, isEmptyEdits, noEdits, type EditOptions } from "./edits";
export { contentHash } from "./contentHash";
export { importReturns, mergeEdits, applyEditsToGrids, type BatchImport } from "./batch";
export { readImportLog, importLogSheet, importChangesSheet } from "./importLog";
export { returnsTracker, returnsTrackerSheet } from "./tracker";
export { IMPORT_CHANGES_SHEET, IMPORT_LOG_SHEET, RETURN_INFO_SHEET, RETURN_SHEET } from "./layout";
export type * from "./types";
