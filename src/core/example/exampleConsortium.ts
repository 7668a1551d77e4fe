// The example workbook: the Oxfordshire Voluntary Sector Development Partnership (OVSDP) and its 2008-11
// infrastructure business plan, as the standard input sheets. Projects, partners, key targets (with the plan's
// figures), the risk assessment (with the plan's impact and probability wording) are the plan's; the plan's
// long texts are paraphrased. Quarterly actuals, budgets and spend for 2008-09 and the first half of 2009-10 are
// invented but plausible, and chosen so that the report at 2009-10 Q2 shows every RAG status for targets,
// projects, spend and risks, missing returns, and year-on-year trends up, level and down.
// Literal tables only: the example is identical on every run.
import type { Basis, Direction, Measure } from "../model";
import { excelSerial, type Fy } from "../periods";
import type { CellEntry } from "../sheets/sheetBuilder";
import { NUMBER_FORMATS, type SheetSpec } from "../sheets/spec";
import { inputSheetSpec, settingsRows } from "../sheets/templateSheets";
import {
  ACTUALS_TEMPLATE,
  BUDGET_TEMPLATE,
  PARTNERS_TEMPLATE,
  PROFILES_TEMPLATE,
  PROJECTS_TEMPLATE,
  RISKS_TEMPLATE,
  SETTINGS_TEMPLATE,
  SPEND_TEMPLATE,
  TARGETS_TEMPLATE,
} from "../templates";

export const EXAMPLE_CONSORTIUM = "Oxfordshire Voluntary Sector Development Partnership (OVSDP)";
export const EXAMPLE_YEARS: readonly Fy[] = ["2008-09", "2009-10", "2010-11"];
/** The quarters the example has returns for: every quarter of 2008-09, then 2009-10 Q1 and Q2. */
const RETURN_QUARTERS: readonly { fy: Fy; quarter: 1 | 2 | 3 | 4 }[] = [
  { fy: "2008-09", quarter: 1 },
  { fy: "2008-09", quarter: 2 },
  { fy: "2008-09", quarter: 3 },
  { fy: "2008-09", quarter: 4 },
  { fy: "2009-10", quarter: 1 },
  { fy: "2009-10", quarter: 2 },
];

// ---- Partners and projects ---------------------------------------------------------------------------------

const OCVA = "OCVA";
const ORCC = "ORCC";
const LINKUP = "Volunteer LinkUp";
const CHERWELL = "Cherwell CVS";
const OREC = "OREC";
const CHURCHES = "Churches Together in Oxfordshire";
const COOP = "Coop Futures";
const OCVYS = "OCVYS";

const PARTNERS: readonly [string, string, string][] = [
  [OCVA, "Accountable body", "Partnership development manager"],
  [ORCC, "Lead partner", "Community development team"],
  [LINKUP, "Delivery partner", "Volunteer centre manager"],
  [CHERWELL, "Delivery partner", "Volunteer centre manager"],
  [OREC, "Lead partner", "Director"],
  [CHURCHES, "Lead partner", "County ecumenical officer"],
  [COOP, "Delivery partner", "Social enterprise adviser"],
  [OCVYS, "Delivery partner", "Youth sector development worker"],
];

const PROJECTS: readonly [string, string, string, string, string][] = [
  ["P1", "Support for volunteering", "Volunteering", OCVA, `${LINKUP}; ${CHERWELL}`],
  ["P2", "Improved information resources", "Information", OCVA, `${ORCC}; ${CHERWELL}; ${LINKUP}`],
  ["P3", "Support for organisational development", "Organisational development", OCVA, `${ORCC}; ${COOP}; ${OCVYS}`],
  ["P4", "Support for community capacity building", "Community capacity building", ORCC, ""],
  ["P5", "Promotion of diversity and equality", "Diversity and equality", OREC, OCVA],
  ["P6", "Support for faith-based social and community activity", "Faith-based activity", CHURCHES, ""],
  [
    "P7",
    "Enhanced networks and partnerships and promotion of the sector",
    "Networks and partnerships",
    OCVA,
    `${ORCC}; ${CHERWELL}`,
  ],
];

// ---- Targets and their quarterly returns -------------------------------------------------------------------

type YearValue = number | "Q1" | "Q2" | "Q3" | "Q4" | null;
/** A quarter's return: a figure, "Done" (milestone), a completion date, or null for no return. */
type Return = number | "Done" | { completed: { year: number; month: number; day: number } } | null;

interface ExampleTarget {
  id: string;
  project: string;
  text: string;
  measure?: Measure;
  direction?: Direction;
  basis?: Basis;
  owner?: string;
  /** The target for 2008-09, 2009-10 and 2010-11 (a milestone: its due quarter). */
  years: readonly [YearValue, YearValue, YearValue];
  /** Returns for 2008-09 Q1-Q4, 2009-10 Q1-Q2 (RETURN_QUARTERS). */
  returns: readonly Return[];
  evidence?: string;
  /** Comments on returns, by index into `returns`; a comment on a null return writes a row with no figure. */
  comments?: Readonly<Record<number, string>>;
}

const TARGETS: readonly ExampleTarget[] = [
  // P1 Support for volunteering: general brokerage, Cherwell CVS systems, the V project for young people.
  {
    id: "T1.1",
    project: "P1",
    text: "Potential volunteers make contact with a volunteer centre",
    years: [900, 900, 900],
    returns: [210, 230, 240, 250, 240, 235],
    evidence: "Vbase enquiry log",
  },
  {
    id: "T1.2",
    project: "P1",
    text: "Volunteering opportunities advertised",
    owner: LINKUP,
    years: [650, 650, 650],
    returns: [150, 160, 170, 180, 158, 162],
    evidence: "Vbase opportunities report",
  },
  {
    id: "T1.3",
    project: "P1",
    text: "Vulnerable volunteers given one-to-one interviews",
    years: [150, 150, 150],
    returns: [40, 38, 35, 42, 34, 33],
    evidence: "Interview records",
    comments: { 5: "Outreach worker on long-term sick leave in August and September." },
  },
  {
    id: "T1.4",
    project: "P1",
    text: "Frontline organisations given good practice advice and information on involving volunteers",
    years: [150, 150, 150],
    returns: [35, 40, 38, 41, 38, 39],
    evidence: "Enquiry log",
  },
  {
    id: "T1.5",
    project: "P1",
    text: "Cherwell CVS finalises its Vbase system",
    measure: "Milestone",
    owner: CHERWELL,
    years: ["Q3", null, null],
    returns: [null, null, { completed: { year: 2008, month: 12, day: 12 } }, null, null, null],
    evidence: "Vbase go-live email",
  },
  {
    id: "T1.6",
    project: "P1",
    text: "Cherwell CVS attains accreditation with Volunteering England",
    measure: "Milestone",
    owner: CHERWELL,
    years: [null, "Q4", null],
    returns: [null, null, null, null, null, null],
    comments: { 5: "Accreditation visit booked for February." },
  },
  {
    id: "T1.7",
    project: "P1",
    text: "Vulnerable volunteers gain the Certificate in Community Volunteering",
    years: [6, 6, 6],
    returns: [0, 0, 0, 7, 0, 0],
    evidence: "Awarding body results",
    comments: { 4: "The course runs once a year, from January." },
  },
  {
    id: "T1.8",
    project: "P1",
    text: "V project: short-term volunteering opportunities created for young people",
    years: [1000, 1300, 1500],
    returns: [230, 260, 250, 290, 330, 340],
    evidence: "V project monthly return",
  },
  {
    id: "T1.9",
    project: "P1",
    text: "V project: young people brokered into new opportunities",
    years: [875, 1550, 1075],
    returns: [200, 230, 220, 240, 380, 395],
    evidence: "V project monthly return",
  },
  {
    id: "T1.10",
    project: "P1",
    text: "Average working days taken to respond to a volunteering enquiry",
    direction: "Lower",
    basis: "Level",
    years: [5, 4, 3],
    returns: [6, 5, 5, 4, 5, 5],
    evidence: "Enquiry log",
    comments: { 5: "Response times slipped while the outreach worker was off." },
  },
  {
    id: "T1.11",
    project: "P1",
    text: "% of volunteers satisfied with the brokerage service",
    measure: "Percentage",
    basis: "Level",
    years: [0.9, 0.9, 0.9],
    returns: [0.88, 0.91, 0.9, 0.93, 0.92, 0.94],
    evidence: "Quarterly feedback survey",
  },

  // P2 Improved information resources: market town outreach points, the information service, oxnet.
  {
    id: "T2.1",
    project: "P2",
    text: "Outreach points operational in market towns",
    basis: "Level",
    years: [9, 9, 9],
    returns: [4, 6, 8, 9, 9, 9],
    evidence: "Outreach point rota",
  },
  {
    id: "T2.2",
    project: "P2",
    text: "Groups countywide recorded as using the information service",
    years: [100, 100, 100],
    returns: [22, 27, 25, 30, 25, 25],
    evidence: "Information service log",
  },
  {
    id: "T2.3",
    project: "P2",
    text: "New factsheets or similar published on the oxnet website",
    years: [25, 25, 25],
    returns: [5, 7, 6, 8, 6, 6],
    evidence: "oxnet page list",
  },
  {
    id: "T2.4",
    project: "P2",
    text: "Good practice mailings to at least 300 organisations through the OCVA newsletter",
    years: [6, 6, 6],
    returns: [1, 2, 1, 2, 2, 1],
    evidence: "Newsletter mailing list",
  },
  {
    id: "T2.5",
    project: "P2",
    text: "Feasibility study of linking VCS access to the Oxfordshire Data Observatory completed",
    measure: "Milestone",
    years: ["Q4", null, null],
    returns: [null, null, null, "Done", null, null],
    evidence: "Feasibility report",
  },
  {
    id: "T2.6",
    project: "P2",
    text: "Evaluation report on the market town points published",
    measure: "Milestone",
    years: [null, "Q2", null],
    returns: [null, null, null, null, null, "Done"],
    evidence: "Evaluation report",
  },

  // P3 Support for organisational development.
  {
    id: "T3.1",
    project: "P3",
    text: "Groups given in-depth one-to-one development and fundraising support",
    years: [60, 60, 60],
    returns: [14, 16, 15, 17, 12, 13],
    evidence: "Client records",
    comments: { 5: "Development worker post vacant from August." },
  },
  {
    id: "T3.2",
    project: "P3",
    text: "Non-accredited training workshops held (at least 5 participants each)",
    years: [6, 6, 6],
    returns: [1, 2, 1, 2, 1, 1],
    evidence: "Attendance sheets",
    comments: { 5: "September workshop cancelled: trainer unavailable." },
  },
  {
    id: "T3.3",
    project: "P3",
    text: "VCS managers on the accredited management programme",
    years: [10, 10, 10],
    returns: [0, 0, 11, 0, 0, 0],
    evidence: "Course register",
    comments: { 4: "The programme starts in October." },
  },
  {
    id: "T3.4",
    project: "P3",
    text: "Frontline client organisations attain a quality standard",
    years: [null, 10, 10],
    returns: [null, null, null, null, 2, 3],
    evidence: "Quality mark certificates",
  },
  {
    id: "T3.5",
    project: "P3",
    text: "Funding raised by groups the project supported",
    measure: "Currency",
    years: [250000, 275000, 300000],
    returns: [52000, 61500, 70250, 68000, 58400, 49250],
    evidence: "Client funding survey",
    comments: { 5: "Two large lottery bids still awaiting decisions." },
  },
  {
    id: "T3.6",
    project: "P3",
    text: "% of training places taken by groups at risk of exclusion",
    measure: "Percentage",
    basis: "Level",
    years: [0.15, 0.2, 0.25],
    returns: [0.12, 0.14, 0.17, 0.18, 0.16, 0.19],
    evidence: "Equality monitoring forms",
  },
  {
    id: "T3.7",
    project: "P3",
    text: "% of clients satisfied with the support they received",
    measure: "Percentage",
    basis: "Level",
    years: [0.85, 0.85, 0.9],
    returns: [0.86, 0.88, 0.87, 0.9, 0.83, 0.87],
    evidence: "Client feedback forms",
  },
  {
    id: "T3.8",
    project: "P3",
    text: "Training and networking meetings for ORCC client groups",
    owner: ORCC,
    years: [12, 12, 12],
    returns: [3, 3, 3, 3, 3, 3],
    evidence: "Meeting notes",
  },

  // P4 Support for community capacity building: parish planning.
  {
    id: "T4.1",
    project: "P4",
    text: "Communities given initial one-to-one advice on parish planning",
    years: [45, 45, 45],
    returns: [10, 12, 11, 13, 11, 12],
    evidence: "Community development worker log",
  },
  {
    id: "T4.2",
    project: "P4",
    text: "Communities engaged in a parish plan project with development worker support",
    basis: "Level",
    years: [30, 30, 30],
    returns: [24, 27, 29, 31, 29, 28],
    evidence: "Parish plan register",
  },
  {
    id: "T4.3",
    project: "P4",
    text: "Completed parish plans published",
    years: [6, 6, 6],
    returns: [1, 1, 2, 2, 2, 1],
    evidence: "Published plans",
  },
  {
    id: "T4.4",
    project: "P4",
    text: "Completed parish plans supported into implementation",
    years: [8, 8, 8],
    returns: [2, 2, 2, 3, 2, null],
    evidence: "Parish plan register",
  },
  {
    id: "T4.5",
    project: "P4",
    text: "Meetings of the Parish Plan Reference Group attended",
    years: [6, 6, 6],
    returns: [1, 2, 1, 2, 2, 1],
    evidence: "Reference Group minutes",
  },

  // P5 Promotion of diversity and equality.
  {
    id: "T5.1",
    project: "P5",
    text: "Frontline groups given diversity awareness training",
    years: [15, 30, 50],
    returns: [2, 3, 4, 6, 2, 3],
    evidence: "Training attendance",
    comments: { 5: "No funding secured for the training programme yet." },
  },
  {
    id: "T5.2",
    project: "P5",
    text: "Groups signed up to the Code of Practice on working with BME groups",
    basis: "Cumulative",
    years: [null, 50, 100],
    returns: [null, null, null, null, 3, 5],
    evidence: "Sign-up forms",
  },
  {
    id: "T5.3",
    project: "P5",
    text: "Consultative conference on setting up a Diversity Forum held",
    measure: "Milestone",
    years: ["Q3", null, null],
    returns: [null, null, null, "Done", null, null],
    evidence: "Conference report",
    comments: { 2: "Conference moved to February to avoid the holiday season." },
  },
  {
    id: "T5.4",
    project: "P5",
    text: "Diversity Forum established",
    measure: "Milestone",
    years: [null, "Q1", null],
    returns: [null, null, null, null, null, null],
    comments: { 4: "Terms of reference still in draft.", 5: "Waiting for funding before the first meeting." },
  },
  {
    id: "T5.5",
    project: "P5",
    text: "Targets and a monitoring system set for take-up of support by groups at risk of exclusion",
    measure: "Milestone",
    years: [null, "Q2", null],
    returns: [null, null, null, null, null, null],
    comments: { 5: "Draft monitoring form out for consultation." },
  },

  // P6 Information and support for faith-based social and community activity.
  {
    id: "T6.1",
    project: "P6",
    text: "Contact database of Churches Together and other faith groups created",
    measure: "Milestone",
    years: ["Q2", null, null],
    returns: [null, "Done", null, null, null, null],
    evidence: "Contact database",
  },
  {
    id: "T6.2",
    project: "P6",
    text: "Report on the significance of faith-based community and social activity commissioned",
    measure: "Milestone",
    years: ["Q4", null, null],
    returns: [null, null, null, "Done", null, null],
    evidence: "Commissioning letter",
  },
  {
    id: "T6.3",
    project: "P6",
    text: "Faith groups visited in the pilot programme of visits",
    years: [null, 50, 50],
    returns: [null, null, null, null, 0, 0],
    evidence: "Visit notes",
    comments: { 5: "Visits start in October." },
  },
  {
    id: "T6.4",
    project: "P6",
    text: "Newsletters on faith-based social and community activity",
    years: [null, 2, null],
    returns: [null, null, null, null, 0, 0],
    evidence: "Newsletters",
  },
  {
    id: "T6.5",
    project: "P6",
    text: "Briefing on available support services prepared and distributed",
    measure: "Milestone",
    years: [null, "Q3", null],
    returns: [null, null, null, null, null, null],
  },

  // P7 Enhanced networks and partnerships and promotion of the sector.
  {
    id: "T7.1",
    project: "P7",
    text: "District VCS forums held",
    years: [5, 5, 5],
    returns: [1, 1, 2, 1, 1, 2],
    evidence: "Forum notes",
  },
  {
    id: "T7.2",
    project: "P7",
    text: "Average attendance at a district forum",
    basis: "Level",
    years: [30, 35, 40],
    returns: [26, 31, 33, 34, 34, 36],
    evidence: "Sign-in sheets",
  },
  {
    id: "T7.3",
    project: "P7",
    text: "Additional users registered with oxnet",
    years: [50, 50, 50],
    returns: [10, 14, 12, 15, 13, 12],
    evidence: "oxnet registrations",
  },
  {
    id: "T7.4",
    project: "P7",
    text: "Voluntary Voice columns in the Oxford Times (one a week)",
    years: [52, 52, 52],
    returns: [13, 13, 13, 13, 13, 12],
    evidence: "Cuttings file",
  },
  {
    id: "T7.5",
    project: "P7",
    text: "New voluntary, community and faith signatories to the Oxfordshire Compact",
    basis: "Cumulative",
    years: [20, 30, 40],
    returns: [3, 5, 6, 7, 3, 2],
    evidence: "Compact signatory list",
  },
  {
    id: "T7.6",
    project: "P7",
    text: "County VCS forum held",
    measure: "Milestone",
    years: ["Q3", "Q3", "Q3"],
    returns: [null, null, "Done", null, null, null],
    evidence: "Forum report",
  },
  {
    id: "T7.7",
    project: "P7",
    text: "Annual roundtable with elected members on the state of the local VCS",
    measure: "Milestone",
    years: ["Q4", "Q4", "Q4"],
    returns: [null, null, null, "Done", null, null],
    evidence: "Roundtable notes",
  },
];

/** Quarterly profiles where delivery is not spread evenly (amounts that sum to the year's target). */
const PROFILES: readonly [string, Fy, number, number, number, number][] = [
  ["T1.7", "2008-09", 0, 0, 0, 6],
  ["T1.7", "2009-10", 0, 0, 0, 6],
  ["T3.3", "2008-09", 0, 0, 10, 0],
  ["T3.3", "2009-10", 0, 0, 10, 0],
  ["T6.3", "2009-10", 0, 0, 25, 25],
  ["T6.4", "2009-10", 0, 0, 1, 1],
];

// ---- Budget and spend --------------------------------------------------------------------------------------

type Quarters = readonly [number, number, number, number];

interface ExampleBudgetLine {
  project: string;
  line: string;
  budget: Readonly<Record<Fy, Quarters>>;
  /** Spend for 2008-09 Q1-Q4, 2009-10 Q1-Q2 (RETURN_QUARTERS); null for no spend return. */
  spend: readonly (number | null)[];
  comments?: Readonly<Record<number, string>>;
}

const even = (annual: number): Quarters => [annual / 4, annual / 4, annual / 4, annual / 4];

const BUDGET: readonly ExampleBudgetLine[] = [
  {
    project: "P1",
    line: "Salaries",
    budget: { "2008-09": even(36000), "2009-10": even(36000), "2010-11": even(37000) },
    spend: [8800, 9000, 9050, 9150, 8950, 9100],
  },
  {
    project: "P1",
    line: "Running costs",
    budget: { "2008-09": even(3000), "2009-10": even(3000), "2010-11": even(3000) },
    spend: [700, 760, 740, 780, 700, 820],
  },
  {
    project: "P1",
    line: "Volunteer expenses",
    budget: { "2008-09": even(6000), "2009-10": even(6000), "2010-11": even(6000) },
    spend: [1300, 1450, 1500, 1600, 1150, 1250],
    comments: { 5: "Fewer vulnerable volunteers interviewed, so fewer travel claims." },
  },
  {
    project: "P2",
    line: "Salaries",
    budget: { "2008-09": even(26000), "2009-10": even(26000), "2010-11": even(26800) },
    spend: [6500, 6480, 6520, 6500, 6450, 6500],
  },
  {
    project: "P2",
    line: "Outreach points",
    budget: { "2008-09": even(4800), "2009-10": even(4800), "2010-11": even(4800) },
    spend: [1100, 1250, 1300, 1150, 1900, 1850],
    comments: { 4: "Marketing campaign for the outreach points brought forward." },
  },
  {
    project: "P3",
    line: "Salaries",
    budget: { "2008-09": even(28000), "2009-10": even(28000), "2010-11": even(28800) },
    spend: [7000, 6950, 7050, 7000, 6200, 5100],
    comments: { 5: "Development worker post vacant from August." },
  },
  {
    project: "P3",
    line: "Training",
    budget: { "2008-09": even(4000), "2009-10": even(4000), "2010-11": even(4000) },
    spend: [900, 1050, 1000, 1100, 950, 1020],
  },
  {
    project: "P4",
    line: "Salaries",
    budget: { "2008-09": even(22000), "2009-10": even(22000), "2010-11": even(22600) },
    spend: [5500, 5500, 5450, 5550, 5500, 5450],
  },
  {
    project: "P4",
    line: "Running costs",
    budget: { "2008-09": even(2000), "2009-10": even(2000), "2010-11": even(2000) },
    spend: [450, 520, 500, 530, 480, null],
  },
  {
    project: "P5",
    line: "Events",
    budget: { "2008-09": [0, 0, 0, 0], "2009-10": [0, 0, 0, 0] },
    spend: [null, null, null, 350, 420, null],
    comments: {
      3: "Consultative conference paid from reserves: no funding secured.",
      4: "Diversity Forum planning meeting paid from reserves.",
    },
  },
  {
    project: "P6",
    line: "Visits and events",
    budget: { "2008-09": [0, 500, 500, 500], "2009-10": [0, 0, 1500, 1500], "2010-11": even(3000) },
    spend: [0, 450, 520, 480, null, null],
  },
  {
    project: "P7",
    line: "Salaries",
    budget: { "2008-09": even(16000), "2009-10": even(16000), "2010-11": even(16400) },
    spend: [4000, 3950, 4050, 4000, 4000, 4100],
  },
  {
    project: "P7",
    line: "Events",
    budget: { "2008-09": [800, 1200, 800, 1200], "2009-10": [800, 1200, 800, 1200], "2010-11": [800, 1200, 800, 1200] },
    spend: [780, 1150, 820, 1240, 850, 1100],
  },
];

// ---- Risks -------------------------------------------------------------------------------------------------

const PARTNERSHIP = "The Partnership and individual support providers";
const REVIEW_DATE = { year: 2009, month: 10, day: 31 };

/** Risk ID, project, risk, impact, probability, controls, lead (impact and probability in the plan's words). */
const RISKS: readonly [string, string, string, string, string, string, string][] = [
  [
    "R1",
    "",
    "The programme does not deliver the quality and range of services that frontline groups need or expect.",
    "High",
    "Low, provided that the resources are available",
    "Move from planning to monitoring and review; promote quality standards among support providers; negotiate resources for the programme and its management.",
    PARTNERSHIP,
  ],
  [
    "R2",
    "",
    "Relationships within the partnership break down.",
    "High",
    "Low in the short term (2008-11), medium in the longer term (2011-14)",
    "Partnership protocols signed and due for review; agreed terms of reference; regular communication and consultation; business planning and monitoring.",
    PARTNERSHIP,
  ],
  [
    "R3",
    "",
    "The programme loses momentum through a lack or loss of leadership.",
    "High",
    "Low for the Partnership as a whole; low to medium for individual organisations",
    "Watch the wellbeing of delivery organisations and support them; keep engagement at senior level; involve stakeholders at a high level.",
    "Trustees of the support providers; Partnership members",
  ],
  [
    "R4",
    "",
    "Not enough funding is raised to deliver the programme or parts of it.",
    "Medium to high",
    "Medium to high",
    "Make the case for infrastructure support locally, regionally and nationally; a funding strategy based on a mixed economy; only well-founded proposals.",
    "The Partnership and lead organisations",
  ],
  [
    "R5",
    "",
    "National and local politics do not support the programme.",
    "Medium",
    "Medium to high",
    "Promote cross-sector partnership and the value of the sector; encourage senior officer and member buy-in through the annual roundtable.",
    "The Partnership",
  ],
  [
    "R6",
    "P1",
    "Funding for volunteering support is not renewed in the plan period.",
    "High",
    "Medium to high",
    "Funding strategy; early talks with the county council about employee volunteering.",
    OCVA,
  ],
  [
    "R7",
    "P1",
    "Vulnerable volunteers need more support than the brokerage service can give.",
    "M",
    "L",
    "Good practice work with volunteer-involving organisations; referral routes agreed with support agencies.",
    LINKUP,
  ],
  [
    "R8",
    "P2",
    "Funding for the information service falls short.",
    "Medium",
    "Low to medium",
    "Renew only the market town points the evaluation shows are used.",
    OCVA,
  ],
  [
    "R9",
    "P3",
    "Funding for organisational development falls short.",
    "Medium",
    "Low",
    "Big Lottery funding agreed to 2013; local authority funding supplements it.",
    OCVA,
  ],
  [
    "R10",
    "P4",
    "Funding for community-led planning falls short.",
    "Medium",
    "Medium to high",
    "Seek district council contributions to the parish plan programme.",
    ORCC,
  ],
  [
    "R11",
    "P5",
    "No funding is secured for the diversity and equality work.",
    "High",
    "Very high",
    "Priority in the funding strategy; deliver the Code of Practice within existing resources meanwhile.",
    OREC,
  ],
  [
    "R12",
    "P6",
    "No funding is secured for the faith-based work.",
    "Medium",
    "High",
    "Seek funding from faith and charitable trusts; keep the contact database up to date in the meantime.",
    CHURCHES,
  ],
  [
    "R13",
    "P7",
    "Funding for networks and partnerships falls short.",
    "Medium",
    "Low",
    "Capacitybuilders committed to funding the consortium through the plan period.",
    OCVA,
  ],
];

// ---- Rows --------------------------------------------------------------------------------------------------

const percent = (value: number): CellEntry => ({ value, style: { numberFormat: NUMBER_FORMATS.ratio } });
const pounds = (value: number): CellEntry => ({ value, style: { numberFormat: NUMBER_FORMATS.wholeMoney } });
const date = (day: { year: number; month: number; day: number }): CellEntry => ({
  value: excelSerial(day),
  style: { numberFormat: NUMBER_FORMATS.date },
});

function figure(target: ExampleTarget, value: number): CellEntry {
  if (target.measure === "Percentage") return percent(value);
  if (target.measure === "Currency") return pounds(value);
  return value;
}

function yearCell(target: ExampleTarget, value: YearValue): CellEntry {
  return typeof value === "number" ? figure(target, value) : value;
}

function returnCell(target: ExampleTarget, value: Return): CellEntry {
  if (value === null || value === "Done") return value;
  return typeof value === "number" ? figure(target, value) : date(value.completed);
}

function ownerOf(target: ExampleTarget): string {
  return target.owner ?? PROJECTS.find(([id]) => id === target.project)![3];
}

function targetRows(): CellEntry[][] {
  return TARGETS.map((t) => [
    t.id,
    t.project,
    t.text,
    t.measure ?? "Number",
    t.direction ?? "Higher",
    t.basis ?? "Annual",
    t.owner ?? null,
    ...t.years.map((value) => yearCell(t, value)),
  ]);
}

function actualRows(): CellEntry[][] {
  const rows: CellEntry[][] = [];
  RETURN_QUARTERS.forEach(({ fy, quarter }, index) => {
    for (const target of TARGETS) {
      const value = target.returns[index];
      const comment = target.comments?.[index] ?? null;
      if (value === null && comment === null) continue;
      rows.push([
        target.id,
        fy,
        `Q${quarter}`,
        returnCell(target, value),
        value === null ? null : (target.evidence ?? null),
        comment,
        ownerOf(target),
      ]);
    }
  });
  return rows;
}

function budgetRows(): CellEntry[][] {
  return EXAMPLE_YEARS.flatMap((fy) =>
    BUDGET.filter((line) => line.budget[fy]).map((line) => [line.project, line.line, fy, ...line.budget[fy]]),
  );
}

function spendRows(): CellEntry[][] {
  const rows: CellEntry[][] = [];
  RETURN_QUARTERS.forEach(({ fy, quarter }, index) => {
    for (const line of BUDGET) {
      const amount = line.spend[index];
      if (amount === null) continue;
      rows.push([line.project, line.line, fy, `Q${quarter}`, amount, line.comments?.[index] ?? null]);
    }
  });
  return rows;
}

function riskRows(): CellEntry[][] {
  return RISKS.map(([id, project, risk, impact, probability, controls, lead]) => [
    id,
    project || null,
    risk,
    impact,
    probability,
    controls,
    lead,
    "Open",
    date(REVIEW_DATE),
  ]);
}

/** The complete example consortium as the standard input sheets, in template order. */
export function exampleSheets(): SheetSpec[] {
  const years = [...EXAMPLE_YEARS];
  return [
    inputSheetSpec(
      SETTINGS_TEMPLATE,
      settingsRows({
        consortium: EXAMPLE_CONSORTIUM,
        accountableBody: OCVA,
        funder: "Capacitybuilders",
        planStart: "2008-09",
      }),
      years,
    ),
    inputSheetSpec(
      PARTNERS_TEMPLATE,
      PARTNERS.map((row) => [...row]),
      years,
    ),
    inputSheetSpec(
      PROJECTS_TEMPLATE,
      PROJECTS.map((row) => row.map((value) => value || null)),
      years,
    ),
    inputSheetSpec(TARGETS_TEMPLATE, targetRows(), years),
    inputSheetSpec(
      PROFILES_TEMPLATE,
      PROFILES.map((row) => [...row]),
      years,
    ),
    inputSheetSpec(ACTUALS_TEMPLATE, actualRows(), years),
    inputSheetSpec(BUDGET_TEMPLATE, budgetRows(), years),
    inputSheetSpec(SPEND_TEMPLATE, spendRows(), years),
    inputSheetSpec(RISKS_TEMPLATE, riskRows(), years),
  ];
}
