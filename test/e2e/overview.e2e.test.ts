// The built task pane in a real browser, standalone mode, with no network: the example workbook's overview says
// what its figures rest on, shows the target still awaiting its quarter's figure as Awaiting (not Red), and gives
// the reason beside an Awaiting and a Red target when its project is expanded: the same words as the RAG sheet.
// Needs `npm run build` first (npm run test:e2e does it) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { inputsText, paperInputs } from "../../src/core/inputs";
import { periodView } from "../../src/core/periodView";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { buildReport } from "../../src/core/report";
import { axeViolations, gridsOf, openPane, openWorkbookIn, type Pane } from "./pane";

let pane: Pane;

beforeAll(async () => {
  pane = await openPane();
});

afterAll(async () => {
  await pane?.close();
});

describe("the overview in a browser", () => {
  it("shows Awaiting as its own state, and why beside an Awaiting and a Red target", async () => {
    const { page, examplePath } = pane;
    const { consortium, problems, unreadTargets } = importWorkbook(await gridsOf(examplePath));
    const report = buildReport(consortium, problems);
    const view = periodView(consortium, report, {}, unreadTargets);
    const [awaited] = view.awaiting;
    const red = view.attention.find((t) => t.shown === "Red" && t.reason?.from === "rule")!;
    // The example is meant to show both at its latest quarter.
    expect(awaited).toBeDefined();
    expect(red).toBeDefined();

    await openWorkbookIn(pane, examplePath);
    await page.getByRole("tab", { name: "Overview" }).click();

    // What the figures rest on, above the projects.
    const note = page.getByRole("region", { name: "What these figures rest on" });
    await note.waitFor();
    const noteText = await note.textContent();
    for (const sentence of inputsText(paperInputs(consortium, report)).split(/(?<=\.) /)) {
      expect(noteText).toContain(sentence);
    }
    expect(noteText).toContain(`(${awaited.id})`);

    // The awaited target: a diamond "Awaiting" badge and its reason, not Red.
    await page.getByRole("button", { name: new RegExp(`^${awaited.projectId} `) }).click();
    const awaitedItem = page
      .getByRole("list", { name: `Targets of ${awaited.projectId}` })
      .getByRole("listitem")
      .filter({ hasText: awaited.description });
    await awaitedItem.waitFor();
    expect(await awaitedItem.locator("[data-rag]").first().getAttribute("data-rag")).toBe("Awaiting");
    expect(await awaitedItem.locator("[data-rag]").first().textContent()).toBe("Awaiting");
    expect(await awaitedItem.textContent()).toContain(`Why: ${awaited.reasonText}`);

    // A Red target rated by the rule: the rule's sentence beside it.
    if (red.projectId !== awaited.projectId) {
      await page.getByRole("button", { name: new RegExp(`^${red.projectId} `) }).click();
    }
    const redItem = page
      .getByRole("list", { name: `Targets of ${red.projectId}` })
      .getByRole("listitem")
      .filter({ hasText: red.description });
    await redItem.waitFor();
    expect(await redItem.locator("[data-rag]").first().getAttribute("data-rag")).toBe("Red");
    expect(await redItem.textContent()).toContain(`Why: ${red.reasonText}`);

    expect(await axeViolations(page)).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});
