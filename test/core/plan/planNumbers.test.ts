// The number a plan's sentence sets as its target, worked by hand for the spellings plans use.
import { targetNumber } from "../../../src/core/plan/planNumbers";
import { proposePlanFromText } from "../../../src/core/plan/proposePlan";

describe("the number a stated target sets", () => {
  it.each([
    ["900 potential volunteers make contact", 900, null],
    ["Monthly email funding alert, accessible to minimum 2,000 groups", 2000, "minimum"],
    ["visits to 400+ existing client organisations", 400, "+"],
    ["Average 5 partnership initiatives", 5, "average"],
    ["At least 45 communities have received initial one to one advice", 45, "at least"],
    ["up to 30 trustees trained", 30, "up to"],
    ["1-1 support for 60 groups", 60, null],
    ["six newsletters a year", 6, null],
    ["twenty-five new factsheets", 25, null],
    ["visits to (50) faith groups", 50, null],
    ["100 groups (50 within the City, 50 in the rest of the county)", 100, null],
    ["Conference held in 2009 for 120 delegates", 120, null],
    ["Report for the Q3 meeting to 15 members", 15, null],
    ["target average 40 attendees per forum by year 3", 40, "average"],
    ["A 50/50 split of 80 places between City and county", 80, null],
  ])("%s → %d", (text, value, qualifier) => {
    const number = targetNumber(text);
    expect(number?.value).toBe(value);
    expect(number?.qualifier ?? null).toBe(qualifier);
  });

  it("reads money and percentages as such", () => {
    expect(targetNumber("£5,000 raised from local trusts")).toMatchObject({ value: 5000, kind: "money" });
    expect(targetNumber("£2.5k of in-kind support")).toMatchObject({ value: 2500, kind: "money" });
    expect(targetNumber("75% of groups satisfied")).toMatchObject({ value: 75, kind: "percent" });
  });

  it("finds nothing in a milestone", () => {
    expect(targetNumber("Cherwell CVS attains accreditation with Volunteering England")).toBeNull();
    expect(targetNumber("Provide one-to-one advice by December 2009")).toBeNull();
  });
});

describe("rates, bases, directions and dates in one year's key targets", () => {
  const proposal = proposePlanFromText(
    [
      "2009 - 2010",
      "2 drop-in sessions a week",
      "Average waiting time for advice 10 days",
      "Cost per volunteer placement £150",
      "A total of 150 groups supported over three years",
      "Handbook published by 2010",
      "Review completed by year 2",
      "Increase membership by 10% year on year",
    ].join("\n"),
  );
  const byStart = (start: string) => proposal.targets.find((t) => t.description.startsWith(start));

  it("turns a weekly rate into a yearly figure and shows the working", () => {
    expect(byStart("2 drop-in")?.values).toEqual({ "2009-10": 104 });
    expect(byStart("2 drop-in")?.guesses[0].why).toBe("2 a week × 52 = 104 a year");
  });

  it("reads waiting times and costs as lower is better", () => {
    expect(byStart("Average waiting")?.direction).toBe("Lower");
    expect(byStart("Cost per")).toMatchObject({ direction: "Lower", measure: "Currency", values: { "2009-10": 150 } });
  });

  it("reads 'a total of ... over three years' as cumulative", () => {
    expect(byStart("A total of")).toMatchObject({ basis: "Cumulative", values: { "2009-10": 150 } });
  });

  it("reads a plain year as its end (December, Q3), marked as assumed; 'by year 2' as that year's end", () => {
    expect(byStart("Handbook")?.dueQuarters).toEqual({ "2010-11": 3 });
    expect(byStart("Handbook")?.guesses[0].why).toBe("a plain year: assumed due by the end of that year (December)");
    expect(byStart("Review")?.dueQuarters).toEqual({ "2010-11": 4 });
  });

  it("keeps a year-on-year increase as an aim on a baseline, with no figures until the baseline is entered", () => {
    expect(byStart("Increase membership")).toMatchObject({
      values: {},
      aim: { change: 0.1, yearOnYear: true },
    });
  });
});
