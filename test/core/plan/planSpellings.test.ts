// Plans written the same way but spelt differently: bullets and list markers, year headings as months or with
// "Year 1", a year at the start of its line, quarters and seasons in words.
import { proposePlanFromText } from "../../../src/core/plan/proposePlan";

const proposal = proposePlanFromText(
  [
    "Project 1: Volunteering",
    "Year 1 (2008/09)",
    "\u2022 1. 900 volunteers placed",
    "\u2013 20 trustees trained",
    "\u25aa Handbook published in quarter 3",
    "a) 12 workshops",
    "Year 2 (2009/10)",
    "\u27a2 Volunteer fair held in Spring 2010",
    "Project 2 - Information",
    "Total: 1,775",
    "April 2008 \u2013 March 2009",
    "2009/10: 60 groups supported; 10 case studies",
    "Key targets 2010-2011",
    "Review in the second quarter",
  ].join("\n"),
);

const rows = proposal.targets.map((t) => [t.id, t.description, { ...t.values, ...t.dueQuarters }]);

it("reads bullets and list markers as bullets, not as numbers", () => {
  expect(rows.slice(0, 4)).toEqual([
    ["T1.1", "900 volunteers placed", { "2008-09": 900 }],
    ["T1.2", "20 trustees trained", { "2008-09": 20 }],
    ["T1.3", "Handbook published in quarter 3", { "2008-09": 3 }],
    ["T1.4", "12 workshops", { "2008-09": 12 }],
  ]);
});

it("reads a season as its last month, marked as assumed", () => {
  expect(rows[4]).toEqual(["T1.5", "Volunteer fair held in Spring 2010", { "2010-11": 1 }]);
  expect(proposal.targets[4].guesses[0].why).toBe("a season: assumed due by its last month");
});

it("reads year headings written as months, at the start of a line, or after 'Key targets'", () => {
  expect(proposal.years).toEqual(["2008-09", "2009-10", "2010-11"]);
  expect(rows.slice(5)).toEqual([
    ["T2.1", "60 groups supported", { "2009-10": 60 }],
    ["T2.2", "10 case studies", { "2009-10": 10 }],
    ["T2.3", "Review in the second quarter", { "2010-11": 2 }],
  ]);
});

it("lists a total with no year or figures above it, rather than checking it against nothing", () => {
  expect(proposal.totals).toEqual([]);
  expect(proposal.unread.map((u) => [u.line, u.reason])).toEqual([
    [10, "not under a year heading (e.g. 2008 – 2009), so its year is not known"],
  ]);
});

describe("plain text with years as columns", () => {
  const columns = proposePlanFromText(
    [
      "Project 1 Volunteering",
      "Key targets 2008-09 2009-10 2010-11",
      "Potential volunteers make contact 900 900 950",
      "Average waiting time in days 10 8 6",
      "Vbase system in place Q4 - -",
      "A line that has no figures at all",
    ].join("\n"),
  );

  it("reads the figures at the end of each line as the years of the header, '-' as no target", () => {
    expect(
      columns.targets.map((t) => [t.description, t.measure, t.direction, { ...t.values, ...t.dueQuarters }]),
    ).toEqual([
      ["Potential volunteers make contact", "Number", "Higher", { "2008-09": 900, "2009-10": 900, "2010-11": 950 }],
      ["Average waiting time in days", "Number", "Lower", { "2008-09": 10, "2009-10": 8, "2010-11": 6 }],
      ["Vbase system in place", "Milestone", "Higher", { "2008-09": 4 }],
    ]);
  });

  it("lists a line whose figures do not line up with the years", () => {
    expect(columns.unread.map((u) => u.line)).toEqual([6]);
  });
});

describe("repeated years and other headings", () => {
  const repeated = proposePlanFromText(
    ["Priority 1 Volunteering", "2008-9", "40 drivers recruited", "2009-10", "As 2008-09", "2010-11", "As above"].join(
      "\n",
    ),
  );

  it("reads 'As 2008-09' and 'As above' as repeats of that year and the one before, each marked", () => {
    expect(repeated.projects.map((p) => `${p.id} ${p.name}`)).toEqual(["P1 Volunteering"]);
    expect(repeated.targets.map((t) => t.values)).toEqual([{ "2008-09": 40, "2009-10": 40, "2010-11": 40 }]);
    expect(repeated.targets[0].guesses.map((g) => `${g.from}: ${g.why}`)).toEqual([
      "As 2008-09: 2009-10 repeats 2008-09",
      "As above: 2010-11 repeats 2009-10",
    ]);
  });
});

describe("a risk table in text with its headers in another order", () => {
  const risks = proposePlanFromText(
    [
      "Risk",
      "Likelihood",
      "Impact",
      "Mitigation",
      "Owner",
      "Funding ends early",
      "Medium",
      "High",
      "Diversify funders",
      "Chair",
      "Key worker leaves",
      "Low",
      "Medium to high",
      "Shadowing",
      "Manager",
    ].join("\n"),
  ).risks;

  it("reads each line into the field its header names", () => {
    expect(risks.map((r) => [r.description, r.probability, r.impact, r.controls, r.lead])).toEqual([
      ["Funding ends early", "Medium", "High", "Diversify funders", "Chair"],
      ["Key worker leaves", "Low", "Medium to high", "Shadowing", "Manager"],
    ]);
  });
});

describe("counts, sums, durations and deadlines in one line", () => {
  const lines = proposePlanFromText(
    [
      "Project 2 Funding advice",
      "2008 – 2009",
      "Funding advice to 120 groups, raising £250,000",
      "Volunteer Centres open 5 days a week",
      "Response to enquiries within 5 working days",
    ].join("\n"),
  ).targets;

  it("splits a count and a sum into two targets, the sum led by the count's words", () => {
    expect(lines.slice(0, 2).map((t) => [t.description, t.measure, t.values])).toEqual([
      ["Funding advice to 120 groups", "Number", { "2008-09": 120 }],
      ["Funding advice to 120 groups \u2013 raising £250,000", "Currency", { "2008-09": 250000 }],
    ]);
  });

  it("does not turn 'open 5 days a week' into a yearly count", () => {
    expect(lines[2].values).toEqual({ "2008-09": 5 });
  });

  it("reads 'within 5 working days' as lower is better", () => {
    expect(lines[3].direction).toBe("Lower");
  });
});

describe("years named only by number", () => {
  const text = ["Project 1 Volunteering", "Year 1", "40 drivers recruited", "Year 2", "45 drivers recruited"].join(
    "\n",
  );

  it("are placed from the plan's first year when it is given", () => {
    const proposal = proposePlanFromText(text, { planStart: "2011-12" });
    expect(proposal.targets.map((t) => t.values)).toEqual([{ "2011-12": 40, "2012-13": 45 }]);
  });

  it("are listed as not read, with their targets, when it is not", () => {
    const proposal = proposePlanFromText(text);
    expect(proposal.targets).toEqual([]);
    expect(proposal.unread.map((u) => u.text)).toEqual([
      "Year 1",
      "40 drivers recruited",
      "Year 2",
      "45 drivers recruited",
    ]);
  });
});

it("numbers projects the plan names without a number", () => {
  const proposal = proposePlanFromText(
    [
      "Project: Volunteering",
      "2008 – 2009",
      "40 drivers",
      "Project – Information",
      "2008 – 2009",
      "25 factsheets",
    ].join("\n"),
  );
  expect(proposal.projects.map((p) => `${p.id} ${p.name}`)).toEqual(["P1 Volunteering", "P2 Information"]);
  expect(proposal.targets.map((t) => `${t.id} ${t.projectId}`)).toEqual(["T1.1 P1", "T2.1 P2"]);
});
