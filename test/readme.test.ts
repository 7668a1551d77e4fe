import * as fs from "fs";
import * as path from "path";
import { templatesMarkdown } from "../src/core/templatesDoc";
import { TEMPLATES } from "../src/core/templates";

const readme = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");

describe("README", () => {
  it("carries the template reference generated from the schema (run npm run docs:templates)", () => {
    expect(readme).toContain(templatesMarkdown());
  });

  it("lists every header of every template sheet", () => {
    for (const template of TEMPLATES) {
      for (const column of template.columns) expect(templatesMarkdown()).toContain(column.header);
    }
  });

  it("shows the test command that CI runs", () => {
    const ci = fs.readFileSync(path.join(__dirname, "..", ".ci", "run"), "utf8");
    expect(ci).toMatch(/^npm test$/m);
    expect(readme).toMatch(/^npm test\b/m);
  });
});
