import path from "path";
import { checkApi, parseTag } from "../../scripts/check-api";

const root = path.resolve(__dirname, "..", "..");
const fixture = path.join("test", "scripts", "fixtures", "guardedPrint.ts");

describe("check-api", () => {
  // One TypeScript program over office-js takes a few seconds: build it once.
  let result: ReturnType<typeof checkApi>;
  beforeAll(() => {
    result = checkApi({ root, declared: "1.4", files: [fixture] });
  }, 60_000);

  const linesOf = (member: string) =>
    result.violations.filter((v) => v.member === member).map((v) => Number(v.where.split(":").pop()));

  it("flags the ExcelApi 1.9 page layout used without a guard, and not the guarded one", () => {
    // Line 6 is inside `if (supportsExcelApi("1.9"))`; line 11 has no guard (line 20's guard is too old).
    expect(linesOf("PageLayout.orientation")).toEqual([11]);
    expect(linesOf("Worksheet.pageLayout")).toEqual([11, 20]);
  });

  it("accepts the rest of a block after `if (!supportsExcelApi(...)) return`", () => {
    expect(linesOf("PageLayout.paperSize")).toEqual([]);
  });

  it("does not accept a guard for an older set than the member needs", () => {
    const tooLow = result.violations.find((v) => v.member === "PageLayout.centerHorizontally");
    expect(tooLow).toMatchObject({ requirement: "1.9", guard: "1.7" });
  });

  it("lists members within the declared set without complaint", () => {
    const values = result.members.find((m) => m.member === "Range.values");
    expect(values?.requirement).toBe("1.1");
    expect(result.violations.some((v) => v.member === "Range.values")).toBe(false);
  });

  it("reads the setter's set from tags that differ for reading and setting", () => {
    const tag = parseTag("ExcelApi 1.1 for reading visibility; 1.2 for setting it.");
    expect(tag).toMatchObject({ base: "1.1", read: "1.1", write: "1.2" });
  });

  it("passes on the adapter itself", () => {
    const adapter = checkApi({ root });
    expect(adapter.violations).toEqual([]);
    expect(adapter.members.some((m) => m.member === "Worksheet.freezePanes" && m.requirement === "1.7")).toBe(true);
  }, 60_000);
});
