// `consortium-tracker import-plan`: a business plan's key-target and risk tables (text as pasted, or a workbook of
// cells) read into the standard sheets. It writes a new workbook, or with --into adds to a copy of a master
// (never over rows already there); --json gives the proposal for review: each target with its guesses, and each
// line not read.
import { promises as fs } from "fs";
import * as path from "path";
import { addPlan } from "../app/plan";
import { guessText, planWorkbookSheets } from "../core/plan/planSheets";
import type { PlanOptions, PlanProposal } from "../core/plan/planTypes";
import type { Fy } from "../core/periods";
import { planRowsFromGrid, planRowsFromText, proposePlan } from "../core/plan/proposePlan";
import { FileProblem, openWorkbookFile, saveWorkbookFile, writeFileBytes } from "../file/xlsxFiles";
import { XlsxWorkbook } from "../file/xlsxWorkbook";
import { insertSheets } from "../app/sheets";
import { EXIT_OK, UsageProblem, sameFile, type CliIo } from "./shared";
import { plural } from "../core/words";

export interface ImportPlanOptions {
  /** The FY of "Year 1", for a plan that names its years only by number. */
  planStart?: Fy;
  out?: string;
  into?: string;
  json?: string;
}

/** The default output: beside the plan, named for it (plan-workbook.xlsx). */
export function defaultPlanWorkbookPath(input: string): string {
  const base = path.basename(input).replace(/\.(xlsx|txt|tsv|csv|text)$/i, "");
  return path.join(path.dirname(input), `${base}-workbook.xlsx`);
}

async function readPlan(input: string, options: PlanOptions, now: () => Date): Promise<PlanProposal> {
  if (/\.xlsx$/i.test(input)) {
    const workbook = await openWorkbookFile(input, { now });
    const grids = await workbook.readInputSheets();
    return proposePlan(
      grids.flatMap((grid) => planRowsFromGrid(grid.rows)),
      options,
    );
  }
  let text: string;
  try {
    text = await fs.readFile(input, "utf8");
  } catch {
    throw new FileProblem(`${input} cannot be read: check the file name.`);
  }
  return proposePlan(planRowsFromText(text), options);
}

/** What a person reads: counts, totals that do not add up, guesses to check, lines not read. */
export function planSummary(proposal: PlanProposal): string {
  const lines: string[] = [];
  const guesses = proposal.targets.reduce((n, t) => n + t.guesses.length, 0);
  lines.push(
    `Read ${plural(proposal.targets.length, "target")} in ${plural(proposal.projects.length, "project")} ` +
      `(${proposal.years.join(", ") || "no years"}) and ${plural(proposal.risks.length, "risk")}; ` +
      `${plural(guesses, "guess")} to check.`.replace("guesss", "guesses"),
  );
  for (const total of proposal.totals.filter((t) => !t.agrees)) {
    lines.push(
      `  Total does not add up: ${total.projectId} ${total.fy} states ${total.stated}, ` +
        `the lines above it (${total.targetIds.join(", ")}) add up to ${total.sum} (line ${total.source.line})`,
    );
  }
  for (const target of proposal.targets.filter((t) => t.aim)) {
    lines.push(`  Target to be set: ${target.id} ${target.aim?.text} on a baseline the plan has yet to measure`);
  }
  for (const target of proposal.targets) {
    for (const guess of target.guesses) lines.push(`  To check: ${target.id} ${guessText(guess)}`);
  }
  if (proposal.unread.length > 0) lines.push(`Not read (${proposal.unread.length} lines):`);
  for (const line of proposal.unread) {
    const text = line.text.length > 80 ? `${line.text.slice(0, 77)}...` : line.text;
    lines.push(`  line ${line.line}: ${line.reason}: "${text}"`);
  }
  return `${lines.join("\n")}\n`;
}

export async function importPlanCommand(
  input: string,
  options: ImportPlanOptions,
  io: CliIo,
  now: () => Date,
): Promise<number> {
  const say = options.json === "-" ? io.stderr : io.stdout;
  const proposal = await readPlan(input, options.planStart ? { planStart: options.planStart } : {}, now);
  const out = options.out ?? defaultPlanWorkbookPath(options.into ?? input);
  if ((await sameFile(out, input)) || (options.into && (await sameFile(out, options.into)))) {
    throw new UsageProblem("--out names an input file, which is never written: choose another file.");
  }
  say(planSummary(proposal));
  if (options.into) {
    const master = await openWorkbookFile(options.into, { now });
    const merge = await addPlan(master, proposal);
    await saveWorkbookFile(master, out);
    for (const line of merge.added) say(`Added ${line}\n`);
    for (const line of merge.leftOut) say(`Left out: ${line}\n`);
    say(`Wrote ${out} (a copy of ${options.into} with the plan's rows added)\n`);
  } else {
    const workbook = XlsxWorkbook.blank(path.basename(out), { now });
    await insertSheets(workbook, planWorkbookSheets(proposal));
    await saveWorkbookFile(workbook, out);
    say(`Wrote ${out}\n`);
  }
  const json = `${JSON.stringify(proposal, null, 2)}\n`;
  if (options.json === "-") io.stdout(json);
  else if (options.json) {
    await writeFileBytes(options.json, new TextEncoder().encode(json));
    say(`Wrote ${options.json}\n`);
  }
  return EXIT_OK;
}
