// The Oxfordshire business plan 2008-11, key targets and risks, read as written. Every expected target below was
// written out by hand from the plan's text: its words, the figure for each year, how it is qualified, and the
// guesses a finance officer has to check (rates, assumed due quarters, "See above").
import { proposePlanFromText } from "../../../src/core/plan/proposePlan";
import type { ProposedTarget } from "../../../src/core/plan/planTypes";
import { OXFORDSHIRE_PLAN, planText } from "./planSeeds";

const proposal = proposePlanFromText(planText(OXFORDSHIRE_PLAN));

type Y = number | null;
/** id, the start of the description, measure letter, basis letter, qualifier, figures (or due quarters) 2008-09..2010-11 */
type Expected = [string, string, "N" | "M" | "P" | "C", "A" | "C" | "L", string | null, [Y, Y, Y]];

const YEARS = ["2008-09", "2009-10", "2010-11"];
const MEASURE = { N: "Number", M: "Milestone", P: "Percentage", C: "Currency" };
const BASIS = { A: "Annual", C: "Cumulative", L: "Level" };
const G = "General volunteer brokerage services: ";
const V = "V project for young people: ";

const EXPECTED: Expected[] = [
  // Project 1 Support for volunteering
  ["T1.1", `${G}900 potential volunteers make contact`, "N", "A", null, [900, 900, 900]],
  ["T1.2", `${G}650 volunteering opportunities advertised`, "N", "A", null, [650, 650, 650]],
  ["T1.3", `${G}150 vulnerable volunteers have 1-1 interviews`, "N", "A", null, [150, 150, 150]],
  ["T1.4", `${G}150 frontline organisations supported`, "N", "A", null, [150, 150, 150]],
  ["T1.5", `${G}Cherwell CVS finalises implementation of Vbase system`, "M", "A", null, [4, null, null]],
  ["T1.6", `${G}Certificate in Community Volunteering run once with 6`, "N", "A", null, [6, 6, 6]],
  ["T1.7", `${V}Short term opportunities created 1000`, "N", "A", null, [1000, 1300, 1500]],
  ["T1.8", `${V}Part time opportunities created 750`, "N", "A", null, [750, 1250, 1200]],
  ["T1.9", `${V}Full time opportunities created 25`, "N", "A", null, [25, 55, 100]],
  ["T1.10", `${V}Young people brokered into new opps 875`, "N", "A", null, [875, 1550, 1075]],
  ["T1.11", `${V}Total number of existing opps 400`, "N", "A", null, [400, 650, 450]],
  ["T1.12", `${G}Cherwell CVS attains accreditation with Volunteering England`, "M", "A", null, [null, 4, null]],
  // Project 2 Improved information resources
  ["T2.1", "9/10 outreach points operational in market towns", "N", "L", null, [9, null, null]],
  ["T2.2", "Implement marketing campaign for outreach points", "M", "A", null, [4, null, null]],
  ["T2.3", "100 groups countywide (50 within the City, 50 in the rest", "N", "A", null, [100, 100, 100]],
  ["T2.4", "Good practice information mailed to minimum 300", "N", "A", "minimum", [300, 300, 300]],
  ["T2.5", "25 new factsheets or similar on oxnet website", "N", "A", null, [25, 25, 25]],
  ["T2.6", "Complete feasibility study of options for linking VCS", "M", "A", null, [4, null, null]],
  ["T2.7", "Oxnet partners (ORCC, Cherwell CVS, Volunteer LinkUp) develop", "M", "A", null, [4, null, null]],
  ["T2.8", "Evaluation report on market town points", "M", "A", null, [null, 4, null]],
  ["T2.9", "Renew successful market town points", "M", "A", null, [null, 4, null]],
  // Project 3 Support for organisational development
  ["T3.1", "OCVA: 1-1 support for 60 groups", "N", "A", null, [60, 60, 60]],
  ["T3.2", "OCVA: Outreach visits including 3 per month to Vale", "N", "A", null, [36, 36, 36]],
  ["T3.3", "OCVA: Outreach visits including one to South Oxon", "N", "A", null, [12, 12, 12]],
  ["T3.4", "OCVA: Pilot mobile service with visits to 2 different estates", "N", "A", null, [2, null, null]],
  ["T3.5", "OCVA: 6 non-accredited training workshops for minimum 5", "N", "A", null, [6, 6, 6]],
  ["T3.6", "OCVA: Accredited management programme for minimum 10", "N", "A", "minimum", [10, 10, 10]],
  [
    "T3.7",
    "OCVA: Monthly email funding alert on oxnet, accessible to minimum",
    "N",
    "L",
    "minimum",
    [2000, 2000, 2000],
  ],
  ["T3.8", "OCVA: Mailing of printed funding news advertising web-based", "N", "A", null, [2000, 2000, 2000]],
  ["T3.9", "OCVA: Average 5 partnership initiatives", "N", "A", "average", [5, 5, 5]],
  ["T3.10", "OCVA: Guide to Funding Opportunities in Oxfordshire updated", "M", "A", null, [4, 4, 4]],
  ["T3.11", "ORCC: 12 quarterly newsletters to client groups", "N", "A", null, [12, 12, 12]],
  ["T3.12", "ORCC: Production and up-dating of information sheets", "M", "A", null, [4, 4, 4]],
  ["T3.13", "ORCC: 12 training/networking meetings for client groups", "N", "A", null, [12, 12, 12]],
  ["T3.14", "ORCC: Advice services on case-by-case basis", "N", "A", "+", [400, 400, 400]],
  ["T3.15", "OCVA: Extend pilot mobile service with visits to 3 more estates", "N", "A", null, [null, 3, null]],
  ["T3.16", "OCVA: 10 frontline client organisations attain quality standards", "N", "A", null, [null, 10, 10]],
  ["T3.17", "OCVA: Review Oxford mobile service and decide future provision", "M", "A", null, [null, null, 4]],
  // Project 4 Support for community capacity building: one line of five targets, then "See above" twice
  ["T4.1", "At least 45 communities have received initial one to one advice", "N", "A", "at least", [45, 45, 45]],
  ["T4.2", "At least 30 communities are engaged in a parish plan project", "N", "A", "at least", [30, 30, 30]],
  ["T4.3", "At least 6 completed parish plans published", "N", "A", "at least", [6, 6, 6]],
  ["T4.4", "Support for implementation of at least 8 completed parish plans", "N", "A", "at least", [8, 8, 8]],
  ["T4.5", "Participation in at least 6 meetings of the Parish Plan Reference", "N", "A", "at least", [6, 6, 6]],
  // Project 5 Promotion of diversity and equality: one line per year, joined by ";"
  ["T5.1", "Organise consultative conference on the establishment of a Diversity", "M", "A", null, [4, null, null]],
  ["T5.2", "Organise process for development and adoption of Code of Practice", "M", "A", null, [4, null, null]],
  ["T5.3", "Initiate a programme of diversity awareness training", "N", "A", null, [15, null, null]],
  ["T5.4", "Establish Diversity Forum", "M", "A", null, [null, 4, null]],
  ["T5.5", "Promote Code of Practice in working with BME groups", "N", "A", null, [null, 50, null]],
  ["T5.6", "Roll out diversity awareness training for front-line VCOs at county", "N", "A", null, [null, 30, null]],
  ["T5.7", "Set targets and develop monitoring system", "M", "A", null, [null, 4, null]],
  ["T5.8", "Provide diversity awareness training for 50 front-line VCOs", "N", "A", null, [null, null, 50]],
  ["T5.9", "Gain sign up for Code of Practice from 100 groups", "N", "A", null, [null, null, 100]],
  ["T5.10", "Fully implement targets and monitoring system", "M", "A", null, [null, null, 4]],
  ["T5.11", "Pilot this programme with 5 significant front-line service providers", "N", "A", null, [null, null, 5]],
  // Project 6 Information and support for faith-based social and community activity
  ["T6.1", "Identify and create contact database for all Churches Together", "M", "A", null, [4, null, null]],
  ["T6.2", "Commission report based on this data", "M", "A", null, [4, null, null]],
  ["T6.3", "Establish which groups are interested in sharing information", "M", "A", null, [4, null, null]],
  ["T6.4", "Prepare and distribute 1 briefing on available support services", "N", "A", null, [null, 1, null]],
  ["T6.5", "Prepare and distribute 2 newsletters covering faith-based", "N", "A", null, [null, 2, null]],
  ["T6.6", "Commence pilot programme of visits to (50) faith groups", "N", "A", null, [null, 50, null]],
  ["T6.7", "Continue programme of information and contact building (50 groups)", "N", "A", null, [null, null, 50]],
  ["T6.8", "Explore demand for specific support services", "M", "A", null, [null, null, 4]],
  // Project 7 Enhanced networks and partnerships
  ["T7.1", "Maintain and develop consortium according to improvement plan", "M", "A", null, [4, 4, 4]],
  ["T7.2", "5 District forums at least once a year", "N", "A", null, [5, 5, 5]],
  [
    "T7.3",
    "5 District forums at least once a year \u2013 target average 40 attendees",
    "N",
    "A",
    "average",
    [null, null, 40],
  ],
  ["T7.4", "County forum at least once a year", "M", "A", null, [4, 4, 4]],
  ["T7.5", "County forum at least once a year \u2013 target 50 attendees by year 3", "N", "A", null, [null, null, 50]],
  ["T7.6", "Provide advice and training on roles and accountabilities", "M", "A", null, [4, 4, 4]],
  ["T7.7", "Annual roundtable (involving elected members)", "M", "A", null, [4, 4, 4]],
  ["T7.8", "Establish baseline of number of VCS Compact signatories", "N", "A", null, [null, null, null]],
  ["T7.9", "Work with county council Compact policy officer", "M", "A", null, [4, null, null]],
  ["T7.10", "Compact code of practice on working with BME groups researched", "M", "A", null, [4, null, null]],
  ["T7.11", "50 additional users registered with oxnet", "N", "A", null, [50, 50, 50]],
  ["T7.12", "Voluntary Voice column appears in Oxford Times each week", "N", "A", null, [52, 52, 52]],
  ["T7.13", "Annual review of representation by VCS organisations", "M", "A", null, [null, 4, 4]],
  ["T7.14", "Review Compact awareness campaign and set target", "M", "A", null, [null, 4, null]],
  ["T7.15", "Conduct annual review of Compact compliance and issues", "M", "A", null, [null, 4, 4]],
  ["T7.16", "Compact codes of practice on working with small community groups", "M", "A", null, [null, 4, null]],
  ["T7.17", "Review of efficacy of forums", "M", "A", null, [null, null, 4]],
];

function yearCells(target: ProposedTarget): [Y, Y, Y] {
  const cells = target.measure === "Milestone" ? target.dueQuarters : target.values;
  return YEARS.map((fy) => cells[fy] ?? null) as [Y, Y, Y];
}

describe("the Oxfordshire business plan's key targets, read as written", () => {
  it("names the plan's seven projects and three years", () => {
    expect(proposal.years).toEqual(YEARS);
    expect(proposal.projects.map((p) => `${p.id} ${p.name}`)).toEqual([
      "P1 Support for volunteering",
      "P2 Improved information resources",
      "P3 Support for organisational development",
      "P4 Support for community capacity building",
      "P5 Promotion of diversity and equality",
      "P6 Information and support for faith-based social and community activity",
      "P7 Enhanced networks and partnerships and promotion of the voluntary and community sector",
    ]);
  });

  it("proposes exactly the plan's stated targets, one per target, in the plan's order", () => {
    expect(proposal.targets.map((t) => t.id)).toEqual(EXPECTED.map(([id]) => id));
  });

  it.each(EXPECTED)("%s %s", (id, description, measure, basis, qualifier, cells) => {
    const target = proposal.targets.find((t) => t.id === id);
    expect(target).toBeDefined();
    if (!target) return;
    expect(target.description.startsWith(description)).toBe(true);
    expect(target.measure).toBe(MEASURE[measure]);
    expect(target.basis).toBe(BASIS[basis]);
    expect(target.qualifier).toBe(qualifier);
    expect(yearCells(target)).toEqual(cells);
  });

  it("shows the working of a rate: 3 per month to Vale is 36 a year, and South Oxon's one carries the month", () => {
    const vale = proposal.targets.find((t) => t.id === "T3.2");
    expect(vale?.guesses.find((g) => g.fy === "2008-09")?.why).toBe("3 per month × 12 = 36 a year");
    const south = proposal.targets.find((t) => t.id === "T3.3");
    expect(south?.guesses.some((g) => g.field === "description" && g.from === "Outreach visits including")).toBe(true);
    expect(south?.guesses.find((g) => g.field === "value" && g.fy === "2008-09")?.why).toBe(
      "1 per month × 12 = 12 a year",
    );
  });

  it("marks every due quarter the plan does not state as assumed, with the year it is listed under", () => {
    const milestones = proposal.targets.filter((t) => t.measure === "Milestone");
    expect(milestones.map((t) => t.id)).toEqual(EXPECTED.filter((e) => e[2] === "M").map(([id]) => id));
    for (const milestone of milestones) {
      for (const fy of Object.keys(milestone.dueQuarters)) {
        const guess = milestone.guesses.find((g) => (g.field === "due" || g.field === "value") && g.fy === fy);
        expect(guess).toBeDefined();
      }
    }
    const vbase = proposal.targets.find((t) => t.id === "T1.5");
    expect(vbase?.guesses).toEqual([
      {
        field: "due",
        fy: "2008-09",
        value: "2008-09 Q4",
        from: "2008-09",
        why: "no date stated: assumed due by the end of the year it is listed under",
      },
    ]);
  });

  it("follows See above: ORCC's 2009-10 and 2010-11 repeat its 2008-09 lines, marked as repeated", () => {
    const newsletters = proposal.targets.find((t) => t.id === "T3.11");
    expect(newsletters?.guesses.map((g) => `${g.fy} ${g.why}`)).toEqual([
      "2009-10 2009-10 repeats 2008-09",
      "2010-11 2010-11 repeats 2009-10",
    ]);
    expect(newsletters?.sources.map((s) => s.fy)).toEqual(YEARS);
  });

  it("reads 'obtain 50% more signatories' as baseline + 50%, to be set once the baseline is entered", () => {
    const signatories = proposal.targets.find((t) => t.id === "T7.8");
    expect(signatories?.aim).toEqual({ change: 0.5, yearOnYear: false, text: "50% more" });
    expect(signatories?.values).toEqual({});
  });

  it("reads 'by year 3' as a figure for 2010-11 only", () => {
    const county = proposal.targets.find((t) => t.id === "T7.5");
    expect(county?.guesses.map((g) => g.from)).toEqual(["by year 3"]);
  });

  it("recognises the V project's totals as totals, checks them, and finds the one that does not add up", () => {
    expect(proposal.totals.map((t) => [t.fy, t.stated, t.sum, t.agrees, t.targetIds.join(" ")])).toEqual([
      ["2008-09", 1775, 1775, true, "T1.7 T1.8 T1.9"],
      ["2008-09", 1275, 1275, true, "T1.10 T1.11"],
      ["2009-10", 2650, 2605, false, "T1.7 T1.8 T1.9"],
      ["2009-10", 2200, 2200, true, "T1.10 T1.11"],
      ["2010-11", 2800, 2800, true, "T1.7 T1.8 T1.9"],
      ["2010-11", 1525, 1525, true, "T1.10 T1.11"],
    ]);
  });

  it("lists what it did not read, with its text and why", () => {
    expect(proposal.unread.map((u) => [u.line, u.reason])).toEqual([
      [1, "a question or prompt, not a target"],
      [3, "not under a year heading (e.g. 2008 – 2009), so its year is not known"],
      [159, 'an explanation after "See above", not a target'],
      [184, 'an explanation after "See above", not a target'],
      [195, 'an explanation after "See above", not a target'],
      [269, "the same target as line 267 in 2009-10, read once"],
      [302, "a question or prompt, not a target"],
    ]);
    expect(proposal.unread[4].text).toContain("Only 60 parishes have so far undertaken a parish planning project");
  });
});

describe("the Oxfordshire business plan's risk table, read as written", () => {
  it("proposes the plan's five risks, with the plan's words for impact, probability, controls and lead", () => {
    const expected = [
      [
        "R1",
        "The programme fails to deliver the quality",
        "High. If the Partnership",
        "The Partnership and individual support providers",
      ],
      [
        "R2",
        "There is a breakdown in relationships",
        "High - A fundamental",
        "The partnership and individual support providers",
      ],
      ["R3", "The programme loses impetus", "High. Without effective", "Trustees of the VCS support service providers"],
      [
        "R4",
        "Insufficient funding is obtained",
        "Medium to high \u2013 some parts",
        "The Partnership and lead organisations",
      ],
      [
        "R5",
        "Lack of a supportive national and local",
        "Medium. To some extent",
        "The Partnership will actively promote",
      ],
    ];
    expect(proposal.risks.map((r) => r.id)).toEqual(expected.map(([id]) => id));
    proposal.risks.forEach((risk, i) => {
      const [, description, impact, lead] = expected[i];
      expect(risk.description.startsWith(description)).toBe(true);
      expect(risk.impact.startsWith(impact)).toBe(true);
      expect(risk.lead.startsWith(lead)).toBe(true);
      expect(risk.controls).not.toBe("");
    });
  });

  it("keeps every line of a probability written over several lines", () => {
    const funding = proposal.risks[3];
    expect(funding.probability.split("\n")).toEqual([
      "Volunteering \u2013 medium to high in this plan period;",
      "Information \u2013 low to medium in this plan period;",
      "Organisational development \u2013 low in this plan period;",
      "Community Capacity Building - medium to high in this plan period",
      "Diversity and equality \u2013 very high \u2013 no funding so far secured;",
      "Support for faith-based social and community activity \u2013 high: no funding so far secured",
      "Networks and partnerships - low in this plan period.",
    ]);
  });

  it("marks ratings written as more than one word, and a lead that only repeats the controls", () => {
    expect(proposal.risks.map((r) => r.guesses.map((g) => `${g.field} ${g.value}`))).toEqual([
      ["probability Low"],
      ["probability Low"],
      ["probability Low"],
      ["impact High", "probability High"],
      [
        "probability High",
        "lead The Partnership will actively promote cross-sector partnership and promote the value of the VCS contribution locally, and at the regional level.",
      ],
    ]);
  });
});
