// Save settings: the values the pane's Settings tab holds, written as the core's edit plan.
import { settingsEdits, type SettingsValues } from "../core/settingsEdits";
import type { WorkbookPort } from "../workbook/port";

export type { SettingsValues } from "../core/settingsEdits";

export async function saveSettings(port: WorkbookPort, values: SettingsValues): Promise<void> {
  await port.applyEdits(settingsEdits(await port.readInputSheets(), values));
}
