// Small readable builders for Consortium objects in rule tests. Defaults are the Settings sheet defaults
// of templates.md: Green 95%, Amber 75%, spend tolerances 10% / 25%, roll-up Average, grant rate 100%, April.
import { penceFromPounds } from "../../../src/core/money";
import type {
  Actual,
  BudgetLine,
  Consortium,
  Profile,
  Project,
  Rating,
  Risk,
  Settings,
  Spend,
  Target,
} from "../../../src/core/model";
import type { Fy, Quarter } from "../../../src/core/periods";

import { testSettings } from "../../support/settings";

const HERE = { sheet: "Test", cell: "A1" };

export const DEFAULT_SETTINGS: Settings = testSettings();

export function someSettings(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

/** A numeric target: T1 of project P1, Number, Higher, Annual, with 100 in 2009-10 unless told otherwise. */
export function aTarget(overrides: Partial<Target> = {}): Target {
  return {
    id: "T1",
    projectId: "P1",
    description: "People supported",
    measure: "Number",
    direction: "Higher",
    basis: "Annual",
    owner: "Lead partner",
    values: { "2009-10": 100 },
    dueQuarters: {},
    source: HERE,
    ...overrides,
  };
}

/** A milestone due in the given quarter of each FY. */
export function aMilestone(dueQuarters: Partial<Record<Fy, Quarter>>, overrides: Partial<Target> = {}): Target {
  return aTarget({
    id: "M1",
    description: "Strategy agreed",
    measure: "Milestone",
    values: {},
    dueQuarters,
    ...overrides,
  });
}

export function anActual(targetId: string, fy: Fy, quarter: Quarter, amount: number | null): Actual {
  return {
    targetId,
    fy,
    quarter,
    amount,
    done: false,
    completedOn: null,
    evidence: "",
    comment: "",
    partner: "",
    source: HERE,
  };
}

/** A milestone return saying "Done" in the quarter. */
export function aDoneReturn(targetId: string, fy: Fy, quarter: Quarter): Actual {
  return { ...anActual(targetId, fy, quarter, null), done: true };
}

export function aProfile(targetId: string, fy: Fy, quarterShares: [number, number, number, number]): Profile {
  return { targetId, fy, quarterShares, source: HERE };
}

export function aProject(id: string): Project {
  return { id, name: `Project ${id}`, workstream: "", leadPartner: "", deliveryPartners: [], source: HERE };
}

/** A Budget row of four quarters in `pounds`, held in pence as the importer holds it. */
export function aBudget(
  projectId: string,
  line: string,
  fy: Fy,
  pounds: [number, number, number, number],
  partner = "",
): BudgetLine {
  const [q1, q2, q3, q4] = pounds.map(penceFromPounds);
  return { projectId, line, fy, quarterPence: [q1, q2, q3, q4], partner, source: HERE };
}

/** A Spend row of `pounds`, held in pence as the importer holds it. */
export function aSpend(projectId: string, line: string, fy: Fy, quarter: Quarter, pounds: number, partner = ""): Spend {
  return { projectId, line, fy, quarter, pence: penceFromPounds(pounds), comment: "", partner, source: HERE };
}

export function aRating(value: number | null, needsReview = false): Rating {
  return { value, needsReview, text: value === null ? "" : String(value) };
}

export function aRisk(overrides: Partial<Risk> = {}): Risk {
  return {
    id: "R1",
    projectId: "P1",
    description: "Partners lose capacity",
    impact: aRating(3),
    probability: aRating(2),
    controls: "",
    lead: "",
    status: "",
    reviewDate: null,
    source: HERE,
    ...overrides,
  };
}

type ConsortiumParts = Partial<Omit<Consortium, "settings">> & { settings?: Partial<Settings> };

/**
 * A consortium with a three-year plan 2008-09 to 2010-11. Projects default to every project ID the
 * targets, budgets and spend mention, in order of first mention.
 */
export function aConsortium(parts: ConsortiumParts = {}): Consortium {
  const targets = parts.targets ?? [];
  const budgets = parts.budgets ?? [];
  const spend = parts.spend ?? [];
  const mentioned = [...new Set([...targets, ...budgets, ...spend].map((row) => row.projectId))];
  return {
    planYears: ["2008-09", "2009-10", "2010-11"],
    partners: [],
    profiles: [],
    actuals: [],
    risks: [],
    ...parts,
    settings: someSettings(parts.settings),
    projects: parts.projects ?? mentioned.map(aProject),
    targets,
    budgets,
    spend,
  };
}
