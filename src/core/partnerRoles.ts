// What each partner does, project by project: a partner may lead some projects and deliver others, so its role
// comes from Projects (and the targets and budget lines it owns), never from its Type on Partners, which only
// says what kind of organisation it is.
import { normaliseName } from "./grid";
import type { Consortium } from "./model";

export interface PartnerRoles {
  partner: string;
  /** Projects it leads, in Projects order. */
  leads: string[];
  /** Projects it delivers without leading: named under Delivery partners, or owning a target or budget line. */
  delivers: string[];
}

export function partnerRoles(
  consortium: Pick<Consortium, "partners" | "projects" | "targets" | "budgets">,
): PartnerRoles[] {
  return consortium.partners.map(({ name }) => {
    const key = normaliseName(name);
    const same = (other: string) => normaliseName(other) === key;
    const leads = consortium.projects.filter((project) => same(project.leadPartner)).map((project) => project.id);
    const owns = new Set([
      ...consortium.targets.filter((target) => same(target.owner)).map((target) => target.projectId),
      ...consortium.budgets.filter((line) => same(line.partner)).map((line) => line.projectId),
    ]);
    const delivers = consortium.projects
      .filter((project) => !leads.includes(project.id))
      .filter((project) => project.deliveryPartners.some(same) || owns.has(project.id))
      .map((project) => project.id);
    return { partner: name, leads, delivers };
  });
}

/** "Leads P1, P3; delivers P2" or "No project role". */
export function rolesText(roles: PartnerRoles): string {
  const parts = [
    roles.leads.length > 0 ? `leads ${roles.leads.join(", ")}` : "",
    roles.delivers.length > 0 ? `delivers ${roles.delivers.join(", ")}` : "",
  ].filter((part) => part !== "");
  if (parts.length === 0) return "No project role";
  const text = parts.join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
