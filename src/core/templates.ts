// The standard templates (version 2): the only place a header string is written.
// The importer, the template writer, partner returns and the README's template table all read these.

/**
 * Version 2 added Total award, the optional Partner column of Budget and Spend, and the optional Baseline and Aim
 * columns of Targets (after its year columns) for a target set relative to a baseline.
 */
export const TEMPLATE_VERSION = 2;

/** How a column's cells are read. */
export type ColumnKind =
  | "text"
  | "id"
  | "number" // a plain or formatted number (1,250  £1,250.00  85%  " 40 ")
  | "money"
  | "fy" // 2009-10, 2009/10, 2009-2010, FY2009/10, 09/10
  | "quarter" // Q2, 2, Jul-Sep, Qtr 2
  | "enum"
  | "date"
  | "rating" // 1-5, L/M/H, scale words, ranges, free text (rules.md "Risks")
  | "yearTarget" // a Targets year column: a number, or a due quarter for a milestone
  | "actual" // a number, or Done/Yes/Complete/a date for a milestone
  | "list"; // ";"-separated names

export interface ColumnSpec {
  /** Stable key used in code. */
  key: string;
  /** The header as the template writes it. */
  header: string;
  kind: ColumnKind;
  required: boolean;
  /** Allowed values of an enum column, in the spelling the template writes. */
  options?: readonly string[];
  /** Value used when the cell is blank. */
  defaultValue?: string;
  /** Column width in characters for the template writer. */
  width: number;
  /** One line for the instructions sheet. */
  help: string;
}

export interface SheetTemplate {
  name: TemplateSheetName;
  purpose: string;
  required: boolean;
  columns: readonly ColumnSpec[];
  /** Targets only: one further column per financial year, headed by its label (e.g. 2009-10). */
  hasYearColumns?: boolean;
  /**
   * Targets only: optional columns written after the year columns. Kept apart from `columns` so that a row laid
   * out as the columns, then the years, still reads as it did before they were added.
   */
  trailingColumns?: readonly ColumnSpec[];
}

export type TemplateSheetName =
  "Settings" | "Partners" | "Projects" | "Targets" | "Profiles" | "Actuals" | "Budget" | "Spend" | "Risks";

export const MEASURES = ["Number", "Percentage", "Currency", "Milestone"] as const;
export const DIRECTIONS = ["Higher", "Lower"] as const;
export const BASES = ["Annual", "Cumulative", "Level"] as const;
export const PARTNER_TYPES = ["Accountable body", "Lead partner", "Delivery partner", "Member"] as const;
export const ROLLUP_MODES = ["Average", "Worst"] as const;
export const QUARTER_OPTIONS = ["Q1", "Q2", "Q3", "Q4"] as const;
export const RATING_OPTIONS = ["Very low", "Low", "Medium", "High", "Very high"] as const;
/** Words that mark a milestone actual as done (a completion date does too). */
export const DONE_WORDS = ["Done", "Yes", "Complete", "Completed"] as const;
/** Words that say plainly a milestone is not done yet (as blank does); partner returns offer "Not done". */
export const NOT_DONE_WORDS = ["Not done", "No"] as const;
/** Words in a Targets year cell for a year whose figure comes from the row's Baseline and Aim. */
export const TO_BE_SET_WORDS = ["To be set", "Target to be set", "TBS"] as const;

const text = (key: string, header: string, width: number, help: string, required = false): ColumnSpec => ({
  key,
  header,
  kind: "text",
  required,
  width,
  help,
});

export const SETTINGS_KEYS = {
  consortium: { key: "Consortium", kind: "text", defaultValue: null, help: "Consortium name." },
  accountableBody: {
    key: "Accountable body",
    kind: "text",
    defaultValue: null,
    help: "Organisation that claims from the funder.",
  },
  funder: { key: "Funder", kind: "text", defaultValue: "Capacitybuilders", help: "The funder, e.g. Capacitybuilders." },
  planStart: {
    key: "Plan start",
    kind: "fy",
    defaultValue: null,
    help: "First financial year of the plan, e.g. 2008-09 (default: the first year column of Targets).",
  },
  yearStartMonth: {
    key: "Year start month",
    kind: "number",
    defaultValue: 4,
    help: "Month the financial year starts (4 = April).",
  },
  greenThreshold: {
    key: "Green threshold",
    kind: "number",
    defaultValue: 0.95,
    help: "Ratio of actual to expected at or above which a target is Green.",
  },
  amberThreshold: {
    key: "Amber threshold",
    kind: "number",
    defaultValue: 0.75,
    help: "Ratio at or above which a target is Amber (below it, Red).",
  },
  spendGreenTolerance: {
    key: "Spend green tolerance",
    kind: "number",
    defaultValue: 0.1,
    help: "Spend variance (either way) at or below which spend is Green.",
  },
  spendAmberTolerance: {
    key: "Spend amber tolerance",
    kind: "number",
    defaultValue: 0.25,
    help: "Spend variance at or below which spend is Amber (above it, Red).",
  },
  projectRollup: {
    key: "Project rollup",
    kind: "enum",
    defaultValue: "Average",
    help: "How a project's RAG is made from its targets: Average or Worst.",
  },
  grantRate: { key: "Grant rate", kind: "number", defaultValue: 1, help: "Share of eligible spend that is claimed." },
  totalAward: {
    key: "Total award",
    kind: "money",
    defaultValue: null,
    help: "The grant awarded for the whole plan, in pounds.",
  },
  returnsDueDays: {
    key: "Returns due",
    kind: "number",
    defaultValue: 15,
    help: "Days after quarter end that partner returns are due.",
  },
  templateVersion: {
    key: "Template version",
    kind: "number",
    defaultValue: TEMPLATE_VERSION,
    help: "Version of the standard templates this workbook follows.",
  },
} as const;

export type SettingsField = keyof typeof SETTINGS_KEYS;

/** What a setting with no fixed default means when left blank (the others with none are required). */
export const UNSET_MEANING: Partial<Record<SettingsField, string>> = {
  planStart: "first FY column of Targets",
  totalAward: "Grant rate x all Budget amounts",
};

/** Settings values that are percentages (written as 95% in the sheet). */
export const PERCENT_SETTINGS: readonly SettingsField[] = [
  "greenThreshold",
  "amberThreshold",
  "spendGreenTolerance",
  "spendAmberTolerance",
  "grantRate",
];

export const SETTINGS_TEMPLATE: SheetTemplate = {
  name: "Settings",
  purpose: "The consortium's name, funder and the thresholds the RAG rules use.",
  required: true,
  columns: [
    text("key", "Key", 24, "The setting's name, as listed."),
    text("value", "Value", 32, "Its value; blank takes the default."),
  ],
};

export const PARTNERS_TEMPLATE: SheetTemplate = {
  name: "Partners",
  purpose: "Every organisation in the consortium.",
  required: true,
  columns: [
    { key: "partner", header: "Partner", kind: "id", required: true, width: 32, help: "The organisation's name." },
    text(
      "type",
      "Type",
      18,
      "The kind of organisation (e.g. CVS, Volunteer centre). What a partner does on each project comes from Projects.",
    ),
    text("contact", "Contact", 30, "Who to contact about returns."),
  ],
};

export const PROJECTS_TEMPLATE: SheetTemplate = {
  name: "Projects",
  purpose: "The projects of the business plan and who leads them.",
  required: true,
  columns: [
    {
      key: "projectId",
      header: "Project ID",
      kind: "id",
      required: true,
      width: 11,
      help: "Short unique ID, e.g. P1.",
    },
    text("project", "Project", 36, "The project's name.", true),
    text("workstream", "Workstream", 28, "The workstream of the plan it delivers."),
    {
      key: "leadPartner",
      header: "Lead partner",
      kind: "text",
      required: true,
      width: 24,
      help: "A partner named on Partners.",
    },
    {
      key: "deliveryPartners",
      header: "Delivery partners",
      kind: "list",
      required: false,
      width: 32,
      help: "Other partners delivering it, separated by ;",
    },
  ],
};

export const TARGETS_TEMPLATE: SheetTemplate = {
  name: "Targets",
  purpose: "One row per key target, one column per financial year holding that year's target.",
  required: true,
  hasYearColumns: true,
  columns: [
    {
      key: "targetId",
      header: "Target ID",
      kind: "id",
      required: true,
      width: 11,
      help: "Short unique ID, e.g. T1.1.",
    },
    { key: "projectId", header: "Project ID", kind: "id", required: true, width: 11, help: "A project on Projects." },
    text("target", "Target", 44, "What is to be achieved.", true),
    {
      key: "measure",
      header: "Measure",
      kind: "enum",
      required: false,
      options: MEASURES,
      defaultValue: "Number",
      width: 12,
      help: "Number (default), Percentage, Currency or Milestone.",
    },
    {
      key: "direction",
      header: "Direction",
      kind: "enum",
      required: false,
      options: DIRECTIONS,
      defaultValue: "Higher",
      width: 10,
      help: "Higher (default: more is better) or Lower.",
    },
    {
      key: "basis",
      header: "Basis",
      kind: "enum",
      required: false,
      options: BASES,
      defaultValue: "Annual",
      width: 12,
      help: "Annual (default), Cumulative (running total since plan start) or Level (latest quarter counts).",
    },
    text("owner", "Owner", 22, "Partner that reports the actuals (default: the project's lead partner)."),
  ],
  trailingColumns: [
    {
      key: "baseline",
      header: "Baseline",
      kind: "number",
      required: false,
      width: 11,
      help: "A target set on a baseline: the baseline once measured; blank until then (the target is To be set).",
    },
    text(
      "aim",
      "Aim",
      24,
      'A target set on a baseline: the change on it, e.g. "+50%" (each year marked To be set is the baseline plus ' +
        '50%) or "+10% a year" (compounded, year on year). Mark its years To be set.',
    ),
  ],
};

export const PROFILES_TEMPLATE: SheetTemplate = {
  name: "Profiles",
  purpose: "Optional: how a year's target is spread over its quarters (amounts, or percentages summing to 100%).",
  required: false,
  columns: [
    { key: "targetId", header: "Target ID", kind: "id", required: true, width: 11, help: "A target on Targets." },
    { key: "fy", header: "FY", kind: "fy", required: true, width: 10, help: "Financial year, e.g. 2009-10." },
    { key: "q1", header: "Q1", kind: "number", required: true, width: 10, help: "Apr-Jun share." },
    { key: "q2", header: "Q2", kind: "number", required: true, width: 10, help: "Jul-Sep share." },
    { key: "q3", header: "Q3", kind: "number", required: true, width: 10, help: "Oct-Dec share." },
    { key: "q4", header: "Q4", kind: "number", required: true, width: 10, help: "Jan-Mar share." },
  ],
};

export const ACTUALS_TEMPLATE: SheetTemplate = {
  name: "Actuals",
  purpose: "Quarterly returns: one row per target per quarter.",
  required: true,
  columns: [
    { key: "targetId", header: "Target ID", kind: "id", required: true, width: 11, help: "A target on Targets." },
    { key: "fy", header: "FY", kind: "fy", required: true, width: 10, help: "Financial year, e.g. 2009-10." },
    {
      key: "quarter",
      header: "Quarter",
      kind: "quarter",
      required: true,
      options: QUARTER_OPTIONS,
      width: 9,
      help: "Q1 (Apr-Jun) to Q4 (Jan-Mar).",
    },
    {
      key: "actual",
      header: "Actual",
      kind: "actual",
      required: false,
      width: 12,
      help: "The quarter's figure; for a milestone Done, Yes, Complete or the completion date.",
    },
    text("evidence", "Evidence", 30, "Where the evidence is kept."),
    text("comment", "Comment", 36, "Explanation of progress or shortfall."),
    text("partner", "Partner", 22, "Partner making the return."),
  ],
};

export const BUDGET_TEMPLATE: SheetTemplate = {
  name: "Budget",
  purpose: "The grant budget of each project and budget line, profiled by quarter, in pounds.",
  required: false,
  columns: [
    { key: "projectId", header: "Project ID", kind: "id", required: true, width: 11, help: "A project on Projects." },
    text("budgetLine", "Budget line", 26, "e.g. Salaries, Running costs.", true),
    { key: "fy", header: "FY", kind: "fy", required: true, width: 10, help: "Financial year, e.g. 2009-10." },
    { key: "q1", header: "Q1", kind: "money", required: false, width: 12, help: "Budget for Apr-Jun." },
    { key: "q2", header: "Q2", kind: "money", required: false, width: 12, help: "Budget for Jul-Sep." },
    { key: "q3", header: "Q3", kind: "money", required: false, width: 12, help: "Budget for Oct-Dec." },
    { key: "q4", header: "Q4", kind: "money", required: false, width: 12, help: "Budget for Jan-Mar." },
    text("partner", "Partner", 22, "Partner that spends and claims this line (default: the project's lead partner)."),
  ],
};

export const SPEND_TEMPLATE: SheetTemplate = {
  name: "Spend",
  purpose: "Actual eligible spend by project, budget line and quarter.",
  required: false,
  columns: [
    { key: "projectId", header: "Project ID", kind: "id", required: true, width: 11, help: "A project on Projects." },
    text("budgetLine", "Budget line", 26, "A line on Budget.", true),
    { key: "fy", header: "FY", kind: "fy", required: true, width: 10, help: "Financial year, e.g. 2009-10." },
    {
      key: "quarter",
      header: "Quarter",
      kind: "quarter",
      required: true,
      options: QUARTER_OPTIONS,
      width: 9,
      help: "Q1 (Apr-Jun) to Q4 (Jan-Mar).",
    },
    { key: "amount", header: "Amount", kind: "money", required: true, width: 12, help: "Eligible spend in pounds." },
    text("comment", "Comment", 36, "Explanation, especially of a variance."),
    text("partner", "Partner", 22, "Partner that spent it (default: the project's lead partner)."),
  ],
};

export const RISKS_TEMPLATE: SheetTemplate = {
  name: "Risks",
  purpose: "The risk assessment of the business plan.",
  required: false,
  columns: [
    { key: "riskId", header: "Risk ID", kind: "id", required: true, width: 9, help: "Short unique ID, e.g. R1." },
    {
      key: "projectId",
      header: "Project ID",
      kind: "id",
      required: false,
      width: 11,
      help: "A project on Projects; blank for a programme-wide risk.",
    },
    text("risk", "Risk", 44, "Description of the risk.", true),
    {
      key: "impact",
      header: "Impact",
      kind: "rating",
      required: false,
      options: RATING_OPTIONS,
      width: 14,
      help: "1-5, or Very low, Low, Medium, High, Very high.",
    },
    {
      key: "probability",
      header: "Probability",
      kind: "rating",
      required: false,
      options: RATING_OPTIONS,
      width: 14,
      help: "1-5, or Very low, Low, Medium, High, Very high.",
    },
    text("controls", "Controls", 44, "Existing controls and action to mitigate the risk."),
    text("lead", "Lead responsibility", 26, "Who leads on it."),
    text("status", "Status", 12, "e.g. Open, Closed."),
    { key: "reviewDate", header: "Review date", kind: "date", required: false, width: 12, help: "dd/mm/yyyy." },
  ],
};

/** Every template sheet, in the order the template writer lays them out. */
export const TEMPLATES: readonly SheetTemplate[] = [
  SETTINGS_TEMPLATE,
  PARTNERS_TEMPLATE,
  PROJECTS_TEMPLATE,
  TARGETS_TEMPLATE,
  PROFILES_TEMPLATE,
  ACTUALS_TEMPLATE,
  BUDGET_TEMPLATE,
  SPEND_TEMPLATE,
  RISKS_TEMPLATE,
];

export const TEMPLATE_SHEET_NAMES: readonly TemplateSheetName[] = TEMPLATES.map((t) => t.name);

export function templateFor(name: TemplateSheetName): SheetTemplate {
  const found = TEMPLATES.find((t) => t.name === name);
  if (!found) throw new Error(`No template named ${name}`);
  return found;
}

/** Every column of a template: its columns, then any written after the year columns. */
export function allColumns(template: SheetTemplate): readonly ColumnSpec[] {
  return template.trailingColumns ? [...template.columns, ...template.trailingColumns] : template.columns;
}

export function columnOf(template: SheetTemplate, key: string): ColumnSpec {
  const found = allColumns(template).find((c) => c.key === key);
  if (!found) throw new Error(`Template ${template.name} has no column ${key}`);
  return found;
}
