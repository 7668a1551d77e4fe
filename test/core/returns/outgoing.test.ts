// The returns sent out for a quarter: which partners get one and what it asks for, file names that do not clash,
// and the sheet names used when a host cannot save files and the returns are written into the master instead.
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { outgoingReturns, returnsAsSheets, uniqueFileNames } from "../../../src/core/returns/outgoing";
import { BANBURY, OVC, Q3, masterGrids } from "./kit";

const PREPARED = { masterName: "master.xlsx", preparedOn: { year: 2009, month: 12, day: 20 } };

describe("outgoingReturns", () => {
  it("makes one return per partner with targets or budget lines that year, saying what each asks for", () => {
    const outgoing = outgoingReturns(importWorkbook(masterGrids()).consortium, Q3, PREPARED);
    // Q3 ends 31 Dec 2009; Returns due is 15 days.
    expect(outgoing.dueOn).toEqual({ year: 2010, month: 1, day: 15 });
    expect(outgoing.returns.map((r) => [r.partner, r.fileName, r.targets, r.lines])).toEqual([
      ["OCVA", "2009-10 Q3 return - OCVA.xlsx", 1, 1], // T2.1; P2 Salaries
      [OVC, `2009-10 Q3 return - ${OVC}.xlsx`, 3, 2], // T1.1, T1.2, T1.3; P1 Salaries, Running costs
      [BANBURY, `2009-10 Q3 return - ${BANBURY}.xlsx`, 1, 0], // T1.4 (Wantage CVS has nothing that year)
    ]);
  });
});

describe("uniqueFileNames", () => {
  it("numbers a name already used in the folder, whatever its case", () => {
    expect(uniqueFileNames(["a.xlsx", "A.xlsx", "b.xlsx", "a.xlsx"])).toEqual([
      "a.xlsx",
      "A (2).xlsx",
      "b.xlsx",
      "a (3).xlsx",
    ]);
  });
});

describe("returnsAsSheets", () => {
  const returns = () => outgoingReturns(importWorkbook(masterGrids()).consortium, Q3, PREPARED).returns;

  it("names each partner's two sheets after it and the period, within Excel's 31 characters", () => {
    const names = returnsAsSheets(returns(), Q3, []).map((spec) => spec.name);
    expect(names).toEqual([
      "Return OCVA 2009-10 Q3",
      "Return info OCVA 2009-10 Q3",
      "Return Oxford Volunt 2009-10 Q3", // 31 characters: the partner's name is cut
      "Return info Oxford V 2009-10 Q3",
      "Return Banbury CVS 2009-10 Q3",
      "Return info Banbury 2009-10 Q3", // cut at a space, which is dropped
    ]);
    expect(names.every((name) => name.length <= 31)).toBe(true);
  });

  it("never uses a name the workbook already has, and drops characters Excel refuses", () => {
    const [ocva] = returns();
    const odd = { ...ocva, partner: "A/B: [Trust]" };
    const names = returnsAsSheets([ocva, odd], Q3, ["return ocva 2009-10 q3"]).map((spec) => spec.name);
    expect(names).toEqual([
      "Return OCVA 2009-10 Q3 (2)",
      "Return info OCVA 2009-10 Q3",
      "Return A B Trust 2009-10 Q3",
      "Return info A B Trus 2009-10 Q3",
    ]);
  });
});
