// The consortium-tracker command: blank templates, the example workbook, the quarterly report of a workbook,
// partner returns out (returns) and back in (import), and marking a claim as submitted (submit).
// Exit codes: 0 done; 1 done, but the workbook (or a return) has error problems; 2 usage error or a file that
// cannot be used.
import { Command, CommanderError, Option } from "commander";
import * as path from "path";
import { exampleSheets } from "../core/example/exampleConsortium";
import type { ProjectRag } from "../core/model";
import { formatCalendarDate, periodLabel, type Period } from "../core/periods";
import { defaultPeriod, ragShown } from "../core/report";
import { paperInputs, partnersSentence, problemsSentence, type PaperInputs } from "../core/inputs";
import { periodReports, periodView, type PeriodView, type TargetView } from "../core/periodView";
import { TREND_LABEL } from "../core/sheets/sheetBuilder";
import { moneyText, plural, ragCounts, ragText, wholePercent } from "../core/words";
import type { Report } from "../core/reportTypes";
import { trackerCounts } from "../core/returns/ragSection";
import { returnsTracker } from "../core/returns/tracker";
import type { ImportLogEntry } from "../core/returns/types";
import { templateSheets } from "../core/sheets/templateSheets";
import { TEMPLATE_SHEET_NAMES } from "../core/templates";
import { FileProblem, openWorkbookFile, saveWorkbookFile, writeFileBytes } from "../file/xlsxFiles";
import { XlsxWorkbook } from "../file/xlsxWorkbook";
import { insertSheets } from "../app/sheets";
import { pushSummary } from "../app/summary";
import { loadWorkbook } from "../app/workbook";
import type { PushedSheet, PushOutcome } from "../workbook/port";
import { holdHeapGrowthToDouble } from "./heapGrowth";
import { importCommand, type ImportOptions } from "./importCommand";
import { importPlanCommand, type ImportPlanOptions } from "./importPlanCommand";
import { returnsCommand, type ReturnsOptions } from "./returnsCommand";
import { rollupCommand, type RollupOptions } from "./rollupCommand";
import { submitCommand, type SubmitOptions } from "./submitCommand";
import {
  reviewCommand,
  statusCommand,
  type ReviewCommand,
  type ReviewOptions,
  type StatusOptions,
} from "./statusCommand";
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE,
  UsageProblem,
  parseDate,
  parseFyOption,
  parsePeriod,
  sameFile,
  today,
  type CliIo,
} from "./shared";

export { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, parsePeriod, type CliIo } from "./shared";
export { defaultReturnsDir } from "./returnsCommand";
export { defaultImportPath } from "./importCommand";
export { defaultSubmitPath } from "./submitCommand";

export interface CliOptions {
  /** The clock: today's date on the summary sheets and "written at" in the registry. */
  now?: () => Date;
}

const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** The report's default output file: beside the input, named for the period (example-2009-10-Q2.xlsx). */
export function defaultReportPath(input: string, period: Period): string {
  const base = path.basename(input).replace(/\.xlsx$/i, "");
  return path.join(path.dirname(input), `${base}-${period.fy}-Q${period.quarter}.xlsx`);
}

/** What the figures rest on, and the period's view, for the compact summary a person reads after `report`. */
export interface SummaryInput {
  consortium: string;
  report: Report;
  view: PeriodView;
  inputs: PaperInputs;
}

/** "T4.4, T4.5 (Gamma CVS); T2.1 (OCVA)": awaited targets grouped by the partner who reports them. */
function awaitedFrom(targets: readonly TargetView[], owners: ReadonlyMap<string, string>): string {
  const byOwner = new Map<string, string[]>();
  for (const t of targets) {
    const owner = owners.get(t.id) || "no owner";
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), t.id]);
  }
  return [...byOwner].map(([owner, ids]) => `${ids.join(", ")} (${owner})`).join("; ");
}

/** The compact RAG table, what needs attention, and the problem list a person reads after `report`. */
export function reportSummary(input: SummaryInput, owners: ReadonlyMap<string, string> = new Map()): string {
  const { report, view, inputs } = input;
  const lines: string[] = [];
  lines.push(`${input.consortium || "Consortium"}: ${periodLabel(report.period)}`);
  lines.push(problemsSentence(inputs, "listed below"));
  lines.push(partnersSentence(inputs));
  const nameWidth = Math.min(48, Math.max(7, ...view.projects.map((p) => `${p.id} ${p.name}`.trim().length)));
  const rag = (value: ProjectRag | null) => (value ? ragText(value) : "-").padEnd(10);
  lines.push(
    `${"Project".padEnd(nameWidth)}  ${"RAG".padEnd(10)}  ${"Ratio".padStart(5)}  ${"Last qtr".padEnd(10)}  ${"Last year".padEnd(10)}  Trend`,
  );
  for (const project of view.projects) {
    const name = `${project.id} ${project.name}`.trim();
    const shown = name.length > nameWidth ? `${name.slice(0, nameWidth - 1)}…` : name.padEnd(nameWidth);
    lines.push(
      `${shown}  ${rag(project.rag)}  ${wholePercent(project.ratio, "-").padStart(5)}  ${rag(project.lastQuarter)}  ${rag(project.lastYear)}  ${project.trend ? TREND_LABEL[project.trend] : "-"}`.trimEnd(),
    );
  }
  const toBeSetNote = view.toBeSet.length > 0 ? ` (${view.toBeSet.length} of them to be set)` : "";
  lines.push(`Targets: ${ragCounts(report.targets.map(ragShown))}${toBeSetNote}`);
  if (view.awaiting.length > 0) {
    const n = view.awaiting.length;
    lines.push(
      n === 1
        ? `Awaiting figures: 1 target, not rated until its ${periodLabel(report.period)} figure is in: ` +
            awaitedFrom(view.awaiting, owners)
        : `Awaiting figures: ${n} targets, not rated until their ${periodLabel(report.period)} figures are in: ` +
            awaitedFrom(view.awaiting, owners),
    );
  }
  if (view.toBeSet.length > 0) {
    const n = view.toBeSet.length;
    lines.push(
      `Target to be set: ${plural(n, "target")}, not rated until ${n === 1 ? "its baseline is" : "their baselines are"} ` +
        `entered: ${view.toBeSet.map((t) => `${t.id}${t.reasonText ? `: ${t.reasonText.replace(/^Target to be set: /, "")}` : ""}`).join("; ")}`,
    );
  }
  if (view.unread.length > 0) {
    const n = view.unread.length;
    const where = view.unread.map((u) => `${u.id || "(no ID)"} ${u.problem.sheet}!${u.problem.cell}`).join(", ");
    lines.push(`Not read: ${n} target${n === 1 ? "" : "s"} could not be read, so not rated: ${where}`);
  }
  if (view.attention.length > 0) {
    lines.push("Needs attention (Red, then Amber):");
    for (const t of view.attention) lines.push(`  ${ragText(t.shown)} ${t.id}: ${t.reasonText}`);
  }
  const claim = report.spend.reduce((total, line) => total + line.claimThisQuarter, 0);
  lines.push(`Spend lines: ${ragCounts(report.spend.map((s) => s.rag))}; claim this quarter ${moneyText(claim)}`);
  const review = report.risks.filter((r) => r.needsReview).length;
  lines.push(`Risks: ${ragCounts(report.risks.map((r) => r.rag))}${review > 0 ? ` (${review} to review)` : ""}`);
  if (report.problems.length > 0) {
    lines.push(`Problems: ${plural(inputs.errors, "error")}, ${plural(inputs.warnings, "warning")}`);
    for (const problem of report.problems) {
      lines.push(`  ${problem.sheet}!${problem.cell} ${problem.severity} ${problem.message}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** "Partner returns 2009-10 Q3 (due 15 Jan 2010): 2 of 8 returned (1 late), 6 missing" */
function returnsLine(
  consortium: Parameters<typeof returnsTracker>[0],
  period: Period,
  importLog: readonly ImportLogEntry[],
  now: () => Date,
): string {
  const tracker = returnsTracker(consortium, period, importLog, consortium.settings, today(now));
  if (tracker.rows.length === 0) return `Partner returns ${periodLabel(period)}: none expected\n`;
  return `Partner returns ${periodLabel(period)} (due ${formatCalendarDate(tracker.dueOn)}): ${trackerCounts(tracker)}\n`;
}

function pushedLine(sheet: PushedSheet): string {
  if (sheet.action === "keptExisting") return `${sheet.writtenAs} (kept the existing sheet: ${sheet.reason})`;
  if (sheet.action === "adjustment") return `${sheet.writtenAs} (${sheet.reason})`;
  if (sheet.action === "notWritten") return `no new claim (${sheet.reason})`;
  return sheet.writtenAs;
}

interface ReportOptions {
  period?: Period;
  out?: string;
  json?: string;
}

async function reportCommand(input: string, options: ReportOptions, io: CliIo, now: () => Date): Promise<number> {
  // With --json - stdout carries the JSON only: everything for people goes to stderr.
  const say = options.json === "-" ? io.stderr : io.stdout;
  const workbook = await openWorkbookFile(input, { now });
  const made = await pushReport(workbook, input, options, io, now);
  if (typeof made === "number") return made;
  // Only the words and the report are held past the push: the model and the sheets as read are let go before the
  // copy is written, which at 50,000 targets keeps the report well within a gigabyte.
  await saveWorkbookFile(workbook, made.out, { keepInputs: true });

  if (made.report) {
    const json = `${JSON.stringify(made.report, null, 2)}\n`;
    if (options.json === "-") io.stdout(json);
    else if (options.json) await writeFileBytes(options.json, new TextEncoder().encode(json));
  }
  say(made.said);
  say(`Wrote ${made.out}: ${made.pushed.sheets.map(pushedLine).join(", ")}\n`);
  if (options.json && options.json !== "-") say(`Wrote ${options.json}\n`);
  return made.exitCode;
}

/** What `report` has to say and write once the summary sheets are pushed; the model is not part of it. */
interface PushedReport {
  out: string;
  pushed: PushOutcome;
  /** The report, kept only for --json. */
  report: Report | null;
  /** The compact summary (and returns line) for people. */
  said: string;
  exitCode: number;
}

/** Reads the workbook, pushes the period's summary sheets into it (written when saved); or an exit code. */
async function pushReport(
  workbook: XlsxWorkbook,
  input: string,
  options: ReportOptions,
  io: CliIo,
  now: () => Date,
): Promise<PushedReport | number> {
  const data = await loadWorkbook(workbook);
  // The template sheets are in the model now, and nothing the report does reads them again: let go, so the summary
  // sheets are built and written in less memory (at 50,000 targets, over 100 MB).
  const templates = new Set(TEMPLATE_SHEET_NAMES.map((name) => name.toLowerCase()));
  workbook.releaseGrids(TEMPLATE_SHEET_NAMES);
  data.grids = data.grids.filter((grid) => !templates.has(grid.sheet.toLowerCase()));
  const { consortium, problems, unreadTargets, importLog } = data;
  const period = options.period ?? defaultPeriod(consortium);
  if (!period) {
    throw new UsageProblem(
      `${input} has no financial year to report on: add Targets, Actuals or Spend, or give --period.`,
    );
  }
  if (!consortium.planYears.includes(period.fy)) {
    // Every figure would be blank: a report that looks complete but says nothing. Said, and nothing written.
    const years = consortium.planYears;
    const plan =
      years.length === 0 ? "the workbook's plan has no years" : `the plan runs ${years[0]} to ${years.at(-1)}`;
    io.stderr(`consortium-tracker: ${periodLabel(period)} is outside the plan (${plan}): nothing to report.\n`);
    return EXIT_PROBLEMS;
  }
  const out = options.out ?? defaultReportPath(input, period);
  if (await sameFile(out, input)) {
    throw new UsageProblem("--out names the input workbook, which is never written: choose another file.");
  }
  const reports = periodReports(consortium, problems, period);
  const { report } = reports;
  // Only a workbook that imports partner returns has an Import log, and only then does the RAG sheet track them.
  const pushed = await pushSummary(workbook, data, period, today(now), undefined, reports);

  const view = periodView(consortium, report, reports, unreadTargets, reports.index);
  const owners = new Map(consortium.targets.map((t) => [t.id, t.owner]));
  const inputs = paperInputs(consortium, report);
  const said =
    reportSummary({ consortium: consortium.settings.consortium, report, view, inputs }, owners) +
    (importLog ? returnsLine(consortium, period, importLog, now) : "");
  return {
    out,
    pushed,
    report: options.json ? report : null,
    said,
    exitCode: report.problems.some((p) => p.severity === "error") ? EXIT_PROBLEMS : EXIT_OK,
  };
}

async function writeSheets(
  out: string,
  sheets: ReturnType<typeof templateSheets>,
  what: string,
  io: CliIo,
  now: () => Date,
): Promise<number> {
  const workbook = XlsxWorkbook.blank(path.basename(out), { now });
  await insertSheets(workbook, sheets);
  await saveWorkbookFile(workbook, out);
  io.stdout(`Wrote ${what} to ${out}\n`);
  return EXIT_OK;
}

function program(io: CliIo, now: () => Date, setExit: (code: number) => void): Command {
  const cli = new Command("consortium-tracker")
    .description("Track a consortium's projects against targets: RAG status, year on year, and quarterly claims.")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run consortium-tracker --help for usage)");

  cli
    .command("template")
    .description("write blank standard templates (with an Instructions sheet)")
    .argument("<out.xlsx>", "the workbook to write")
    .action(async (out: string) => setExit(await writeSheets(out, templateSheets(), "blank templates", io, now)));

  cli
    .command("example")
    .description("write the example consortium workbook (Oxfordshire 2008-11)")
    .argument("<out.xlsx>", "the workbook to write")
    .action(async (out: string) => setExit(await writeSheets(out, exampleSheets(), "the example workbook", io, now)));

  cli
    .command("report")
    .description("write a copy of the workbook with the summary sheets for a period, and report RAG status")
    .argument("<in.xlsx>", "the consortium workbook (never written)")
    .addOption(
      new Option(
        "--period <period>",
        'the quarter to report, e.g. "2009-10 Q2" (default: the latest with data)',
      ).argParser(parsePeriod),
    )
    .option("--out <out.xlsx>", "where to write the copy (default: <in>-<FY>-Q<n>.xlsx beside the input)")
    .option("--json <file>", "also write the machine-readable report to this file (- for stdout)")
    .action(async (input: string, options: ReportOptions) => setExit(await reportCommand(input, options, io, now)));

  cli
    .command("returns")
    .description("write one partner return workbook per partner for a quarter, to send out")
    .argument("<master.xlsx>", "the consortium workbook (never written)")
    .addOption(
      new Option("--period <period>", 'the quarter the returns ask for, e.g. "2009-10 Q3" (required)').argParser(
        parsePeriod,
      ),
    )
    .option("--out-dir <dir>", "the folder to write them to (default: <master>-returns-<FY>-Q<n> beside the master)")
    .option("--force", "write over return files already in the folder")
    .option("--record <copy.xlsx>", "also write a copy of the master recording these returns as Sent")
    .action(async (master: string, options: ReturnsOptions) => setExit(await returnsCommand(master, options, io, now)));

  cli
    .command("import")
    .description("preview filled-in partner returns against the master; with --apply, write them into a copy")
    .argument("<master.xlsx>", "the consortium workbook (never written)")
    .argument("<return.xlsx...>", "the filled-in returns")
    .addOption(
      new Option("--period <period>", 'refuse returns for any other quarter, e.g. "2009-10 Q3"').argParser(parsePeriod),
    )
    .option("--apply", "write the returns without errors into the copy (default: preview only)")
    .option("--out <out.xlsx>", "where to write the copy (default: <master>-imported.xlsx beside the master)")
    .addOption(
      new Option(
        "--received <date>",
        "the day the returns came in, for the returns tracker (default: today)",
      ).argParser(parseDate),
    )
    .action(async (master: string, returns: string[], options: ImportOptions) =>
      setExit(await importCommand(master, returns, options, io, now)),
    );

  cli
    .command("status")
    .description("show each partner's return status for a quarter: not sent, sent, received, returned, accepted")
    .argument("<master.xlsx>", "the consortium workbook (never written)")
    .addOption(
      new Option("--period <period>", 'the quarter, e.g. "2009-10 Q3" (default: the latest with data)').argParser(
        parsePeriod,
      ),
    )
    .action(async (master: string, options: StatusOptions) => setExit(await statusCommand(master, options, io, now)));

  const review: [ReviewCommand, string, boolean][] = [
    ["accept", "accept a partner's figures for a quarter, locking them, into a copy of the master", false],
    ["send-back", "return a partner's return for revision, with the reason, into a copy of the master", true],
    ["reopen", "reopen a partner's accepted quarter, with the reason, into a copy of the master", true],
  ];
  for (const [name, description, needsReason] of review) {
    const command = cli
      .command(name)
      .description(description)
      .argument("<master.xlsx>", "the consortium workbook (never written)")
      .addOption(new Option("--period <period>", 'the quarter, e.g. "2009-10 Q3" (required)').argParser(parsePeriod))
      .option("--partner <name>", "the partner, as the Partners sheet names it (required)")
      .option("--out <out.xlsx>", "where to write the copy (default: <master>-reviewed.xlsx beside the master)")
      .option("--by <name>", "who decides, for the Audit sheet (default: your user name)");
    if (needsReason) command.option("--reason <text>", "why (required): kept in the Returns status and Audit sheets");
    command.action(async (master: string, options: ReviewOptions) =>
      setExit(await reviewCommand(name, master, options, io, now)),
    );
  }

  cli
    .command("rollup")
    .description("roll many consortium workbooks up into one, those needing attention first")
    .argument("<workbook...>", "consortium workbooks, or folders of them (never written)")
    .addOption(
      new Option("--period <period>", 'the quarter to compare, e.g. "2009-10 Q2" (required)').argParser(parsePeriod),
    )
    .option("--out <rollup.xlsx>", "the roll-up workbook to write (required)")
    .option("--json <file>", "also write the roll-up as JSON")
    .action(async (inputs: string[], options: RollupOptions) => setExit(await rollupCommand(inputs, options, io, now)));

  cli
    .command("submit")
    .description("mark a quarter's claim as submitted (stamped and protected), in a copy of the workbook")
    .argument("<master.xlsx>", "the workbook holding the claim sheet (never written)")
    .addOption(
      new Option(
        "--period <period>",
        'the quarter whose claim went to the funder, e.g. "2009-10 Q2" (required)',
      ).argParser(parsePeriod),
    )
    .option("--out <out.xlsx>", "where to write the copy (default: <master>-<FY>-Q<n>-submitted.xlsx beside it)")
    .addOption(new Option("--on <date>", "the day it was submitted (default: today)").argParser(parseDate))
    .option("--by <name>", "who marks it submitted, for the Audit sheet (default: your user name)")
    .action(async (master: string, options: SubmitOptions) => setExit(await submitCommand(master, options, io, now)));

  cli
    .command("import-plan")
    .description("read a business plan's key-target and risk tables into the standard sheets, for review")
    .argument("<plan>", "the plan's tables: text as pasted (.txt, tab-separated cells) or a workbook (.xlsx)")
    .option("--out <workbook.xlsx>", "the workbook to write (default: <plan>-workbook.xlsx beside the plan)")
    .addOption(
      new Option(
        "--plan-start <FY>",
        'the financial year of "Year 1", e.g. 2008-09, for a plan that numbers its years',
      ).argParser(parseFyOption),
    )
    .option("--into <master.xlsx>", "add the plan's rows to a copy of this workbook, never over rows already there")
    .option("--json <file>", "also write the proposal (targets, guesses, lines not read) to this file (- for stdout)")
    .action(async (plan: string, options: ImportPlanOptions) =>
      setExit(await importPlanCommand(plan, options, io, now)),
    );

  return cli;
}

/** Runs the command line; resolves to the exit code and never throws. */
export async function runCli(argv: string[], io: CliIo = processIo, options: CliOptions = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  holdHeapGrowthToDouble();
  let exitCode = EXIT_OK;
  try {
    await program(io, now, (code) => (exitCode = code)).parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help).
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof FileProblem || error instanceof UsageProblem) {
      io.stderr(`consortium-tracker: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`consortium-tracker: unexpected error: ${message.split("\n")[0]}\n`);
    return EXIT_USAGE;
  }
}
