// The other plans shipped with the project, and plan tables pasted as people paste them: cells from a sheet
// (years as columns or as rows), tab-separated text, a risk table with a header row. Nothing is silently dropped:
// every line is a heading, part of a target, total or risk, or listed as unread with its text.
import { planRowsFromGrid, proposePlan, proposePlanFromText } from "../../../src/core/plan/proposePlan";
import type { PlanProposal } from "../../../src/core/plan/planTypes";
import { OXFORDSHIRE_PLAN, OXFORDSHIRE_VCS_STRATEGY, WORCESTERSHIRE_STRATEGY, planText } from "./planSeeds";

/** Lines of the input that the proposal does not account for. */
function droppedLines(text: string, proposal: PlanProposal): number[] {
  const accounted = new Set<number>([
    ...proposal.headings.map((h) => h.line),
    ...proposal.unread.map((u) => u.line),
    ...proposal.targets.flatMap((t) => t.sources.map((s) => s.line)),
    ...proposal.totals.map((t) => t.source.line),
    ...proposal.risks.flatMap((r) => r.lines),
  ]);
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: i + 1, blank: line.trim() === "" }))
    .filter(({ line, blank }) => !blank && !accounted.has(line))
    .map(({ line }) => line);
}

describe("nothing is silently dropped", () => {
  it.each([OXFORDSHIRE_PLAN, WORCESTERSHIRE_STRATEGY, OXFORDSHIRE_VCS_STRATEGY])("%s", (name) => {
    const text = planText(name);
    expect(droppedLines(text, proposePlanFromText(text))).toEqual([]);
  });
});

describe("the Worcestershire strategy 2006-16", () => {
  const proposal = proposePlanFromText(planText(WORCESTERSHIRE_STRATEGY));

  it("reads its numbered list of key risks as six risks, none rated, the bold words kept as plain text", () => {
    expect(proposal.risks.map((r) => r.description.split(" among")[0].split(",")[0])).toEqual([
      "Lack of resources and capacity",
      "Resistance to change",
      "Lack of support from partner organisations",
      "Changes in national or regional context",
      "Failure to secure increased or stabilised funding for the delivery of infrastructure services.",
      "Damage to Consortium reputation and/or credibility",
    ]);
    expect(proposal.risks.every((r) => r.impact === "" && r.probability === "")).toBe(true);
  });

  it("proposes no targets from ten-year aims with no year, and lists each of them as unread", () => {
    expect(proposal.targets).toEqual([]);
    const aims = proposal.unread.filter((u) => u.reason.startsWith("not under a year heading"));
    expect(aims.map((u) => u.text.slice(0, 40))).toContain("Helping Communities & Groups to identify");
    expect(aims.some((u) => u.text.includes("There will be easy cross-referrals between agencies"))).toBe(true);
  });
});

describe("the Oxfordshire VCS strategy 2022-27 (commitments, no key-target or risk table)", () => {
  it("proposes nothing and lists its lines as unread", () => {
    const proposal = proposePlanFromText(planText(OXFORDSHIRE_VCS_STRATEGY));
    expect(proposal.targets).toEqual([]);
    expect(proposal.risks).toEqual([]);
    expect(
      proposal.unread.some((u) => u.text === "- Celebrate and recognise the work of volunteers across the county"),
    ).toBe(true);
  });
});

describe("a key-target table pasted from a sheet, years as columns", () => {
  const grid = [
    ["Project 1 Support for volunteering"],
    ["Key targets", "2008-09", "2009-10", "2010-11"],
    ["Potential volunteers make contact", 900, 900, 950],
    ["Waiting time for an interview (days)", 10, 8, 6],
    ["Cherwell CVS attains accreditation", null, "December 2009", null],
    ["Share of volunteers under 25", "20%", "25%", "30%"],
    ["Project 2 Information"],
    ["Factsheets on oxnet", "twenty five", null, null],
  ];
  const proposal = proposePlan(planRowsFromGrid(grid));

  it("reads each row as one target with a figure per year", () => {
    expect(proposal.targets.map((t) => [t.id, t.projectId, t.measure, t.values, t.dueQuarters])).toEqual([
      ["T1.1", "P1", "Number", { "2008-09": 900, "2009-10": 900, "2010-11": 950 }, {}],
      ["T1.2", "P1", "Number", { "2008-09": 10, "2009-10": 8, "2010-11": 6 }, {}],
      ["T1.3", "P1", "Milestone", {}, { "2009-10": 3 }],
      ["T1.4", "P1", "Percentage", { "2008-09": 0.2, "2009-10": 0.25, "2010-11": 0.3 }, {}],
      ["T2.1", "P2", "Number", { "2008-09": 25 }, {}],
    ]);
  });

  it("reads a waiting time as lower is better, and says so", () => {
    const waiting = proposal.targets[1];
    expect(waiting.direction).toBe("Lower");
    expect(waiting.guesses).toEqual([
      { field: "direction", value: "Lower", from: "Waiting time", why: "less is better for this measure" },
    ]);
  });
});

describe("a key-target table pasted as tab-separated text, years as rows", () => {
  const text = [
    "Project\tYear\tKey targets",
    "Project 3\t2009 \u2013 2010\tAt least 45 communities advised; 12 meetings per quarter",
    "Project 3\t2010 \u2013 2011\tSee above",
    "Project 3\t2010 \u2013 2011\tReport published by March 2011",
  ].join("\n");
  const proposal = proposePlanFromText(text);

  it("reads the year of each row and splits its targets", () => {
    expect(proposal.years).toEqual(["2009-10", "2010-11"]);
    expect(proposal.targets.map((t) => [t.description, t.qualifier, t.values, t.dueQuarters])).toEqual([
      ["At least 45 communities advised", "at least", { "2009-10": 45, "2010-11": 45 }, {}],
      ["12 meetings per quarter", null, { "2009-10": 48, "2010-11": 48 }, {}],
      ["Report published by March 2011", null, {}, { "2010-11": 4 }],
    ]);
  });

  it("states a due month as the quarter containing it, without a guess", () => {
    expect(proposal.targets[2].guesses).toEqual([]);
  });
});

describe("a risk table pasted with a header row", () => {
  it("reads each row's cells by its header", () => {
    const text = [
      "Risk\tImpact\tLikelihood\tMitigation\tOwner",
      "Funding ends early\tHigh\tMedium to high\tDiversify funders\tChair",
      "Key worker leaves\tM\tL\tShadowing\tManager",
    ].join("\n");
    const proposal = proposePlanFromText(text);
    expect(proposal.risks.map((r) => [r.id, r.description, r.impact, r.probability, r.controls, r.lead])).toEqual([
      ["R1", "Funding ends early", "High", "Medium to high", "Diversify funders", "Chair"],
      ["R2", "Key worker leaves", "M", "L", "Shadowing", "Manager"],
    ]);
    expect(proposal.risks[0].guesses.map((g) => `${g.field} ${g.value}`)).toEqual(["probability High"]);
  });
});

describe("the whole Oxfordshire business plan, not only its tables", () => {
  const whole = proposePlanFromText(planText("oxfordshire-business-plan-2008-11-whole.txt"));
  const tables = proposePlanFromText(planText(OXFORDSHIRE_PLAN));

  it("proposes the same projects, targets and risks as its key-target and risk tables alone", () => {
    expect(whole.projects.map((p) => `${p.id} ${p.name}`)).toEqual(tables.projects.map((p) => `${p.id} ${p.name}`));
    const shown = (p: PlanProposal) => p.targets.map((t) => [t.id, t.description, t.values, t.dueQuarters]);
    expect(shown(whole)).toEqual(shown(tables));
    expect(whole.risks.map((r) => r.description)).toEqual(tables.risks.map((r) => r.description));
  });

  it("lists the rest of the document as not read, dropping nothing", () => {
    const text = planText("oxfordshire-business-plan-2008-11-whole.txt");
    expect(droppedLines(text, whole)).toEqual([]);
    expect(whole.unread.length).toBeGreaterThan(200);
  });
});

describe("cells of several lines, pasted from a sheet", () => {
  it("keeps a quoted cell whole and reads a target a line", () => {
    const text = [
      "Project\tYear\tKey targets",
      'Project 1\t2008-09\t"900 volunteers make contact',
      '650 opportunities advertised; ""Vbase"" in place"',
      "Project 1\t2009-10\t1000 volunteers make contact",
    ].join("\n");
    const proposal = proposePlanFromText(text);
    expect(proposal.targets.map((t) => [t.description, t.values, t.dueQuarters])).toEqual([
      ["900 volunteers make contact", { "2008-09": 900, "2009-10": 1000 }, {}],
      ["650 opportunities advertised", { "2008-09": 650 }, {}],
      ['"Vbase" in place', {}, { "2008-09": 4 }],
    ]);
  });
});
