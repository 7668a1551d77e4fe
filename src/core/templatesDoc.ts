// The README's template reference, generated from the schema so the docs never hold a second list of headers.
import { SETTINGS_KEYS, TEMPLATES, PERCENT_SETTINGS, UNSET_MEANING, type SettingsField } from "./templates";
import { wholePercent } from "./words";

function settingDefault(field: SettingsField): string {
  const value = SETTINGS_KEYS[field].defaultValue;
  if (value === null) return UNSET_MEANING[field] ?? "(required)";
  if (typeof value === "number" && PERCENT_SETTINGS.includes(field)) return wholePercent(value);
  return String(value);
}

export function templatesMarkdown(): string {
  const lines: string[] = [];
  for (const template of TEMPLATES) {
    lines.push(`#### ${template.name}${template.required ? "" : " (optional)"}`, "", template.purpose, "");
    if (template.name === "Settings") {
      const headers = template.columns.map((c) => c.header).join(" | ");
      lines.push(`Two columns, \`${headers}\`, one row per setting:`, "");
      lines.push("| Key | Meaning | Default |", "|---|---|---|");
      for (const field of Object.keys(SETTINGS_KEYS) as SettingsField[]) {
        const setting = SETTINGS_KEYS[field];
        lines.push(`| ${setting.key} | ${setting.help} | ${settingDefault(field)} |`);
      }
    } else {
      lines.push("| Column | Required | What goes in it |", "|---|---|---|");
      for (const column of template.columns) {
        lines.push(`| ${column.header} | ${column.required ? "yes" : ""} | ${column.help} |`);
      }
      if (template.hasYearColumns) {
        lines.push(
          "| 2008-09, 2009-10, … | | One column per financial year: that year's target (a due quarter such as Q3 for a " +
            "milestone; To be set for a year whose figure comes from Baseline and Aim). |",
        );
      }
      for (const column of template.trailingColumns ?? []) {
        lines.push(`| ${column.header} | | ${column.help} |`);
      }
    }
    lines.push("");
  }
  return lines.join("\n").trimEnd() + "\n";
}
