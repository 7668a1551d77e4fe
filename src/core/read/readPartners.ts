// Partners: every organisation in the consortium (Partner | Type | Contact).
import type { Partner, PartnerType } from "../model";
import { PARTNER_TYPES } from "../templates";
import { cellText, isBlank, readEnum } from "./cellValues";
import type { SheetTable } from "./headerRow";
import type { ImportContext } from "./importContext";
import { nameKey, report, skipRow, sourceOf } from "./importContext";

export function readPartners(table: SheetTable, context: ImportContext): Partner[] {
  const partners: Partner[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const name = cellText(row.value("partner"));
    if (name === "") {
      skipRow(context, table.sheet, row, "partner", "Partner is blank");
      continue;
    }
    // Partner names match like headers (case, spaces and punctuation ignored), so "OCVA" and "O.C.V.A." are one.
    const first = seen.get(nameKey(name));
    if (first !== undefined) {
      skipRow(context, table.sheet, row, "partner", `Partner "${name}" is already listed in row ${first}`);
      continue;
    }
    seen.set(nameKey(name), row.row);
    context.partners.set(nameKey(name), name);
    let type: PartnerType | null = null;
    const typeValue = row.value("type");
    if (!isBlank(typeValue)) {
      const read = readEnum(typeValue, PARTNER_TYPES);
      if (read.ok) type = read.value;
      else report(context, table.sheet, row, "type", "warning", `Type: ${read.reason}; the type is left blank`);
    }
    partners.push({
      name,
      type,
      contact: cellText(row.value("contact")),
      source: sourceOf(table.sheet, row, "partner"),
    });
  }
  return partners;
}
