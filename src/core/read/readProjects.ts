// Projects: Project ID | Project | Workstream | Lead partner | Delivery partners (separated by ";").
import type { Project } from "../model";
import { cellText } from "./cellValues";
import type { SheetTable, TableRow } from "./headerRow";
import type { ImportContext } from "./importContext";
import { idKey, idText, isDuplicate, partnerName, report, skipRow, sourceOf } from "./importContext";

/** A partner the row names, in the Partners spelling; an unknown partner is a warning and is kept as written. */
function namedPartner(context: ImportContext, table: SheetTable, row: TableRow, key: string, name: string): string {
  const partner = partnerName(context, name);
  if (!partner.known) {
    report(context, table.sheet, row, key, "warning", `Partner "${name}" is not on Partners`);
  }
  return partner.name;
}

export function readProjects(table: SheetTable, context: ImportContext): Project[] {
  const projects: Project[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const id = idText(row.value("projectId"));
    if (id === "") {
      skipRow(context, table.sheet, row, "projectId", "Project ID is blank");
      continue;
    }
    if (isDuplicate(context, table.sheet, row, "projectId", "Project ID", id, seen)) continue;
    const name = cellText(row.value("project"));
    if (name === "") report(context, table.sheet, row, "project", "warning", `Project ${id} has no name`);
    const lead = cellText(row.value("leadPartner"));
    if (lead === "") report(context, table.sheet, row, "leadPartner", "warning", `Project ${id} has no lead partner`);
    // Separated by ";" (or put on separate lines in the cell).
    const deliveryValue = row.value("deliveryPartners");
    const delivery = (typeof deliveryValue === "string" ? deliveryValue : cellText(deliveryValue))
      .split(/[;\n\r]/)
      .map((part) => cellText(part))
      .filter((part) => part !== "");
    const project: Project = {
      id,
      name,
      workstream: cellText(row.value("workstream")),
      leadPartner: lead === "" ? "" : namedPartner(context, table, row, "leadPartner", lead),
      deliveryPartners: delivery.map((partner) => namedPartner(context, table, row, "deliveryPartners", partner)),
      source: sourceOf(table.sheet, row, "projectId"),
    };
    context.projects.set(idKey(id), project);
    projects.push(project);
  }
  return projects;
}
