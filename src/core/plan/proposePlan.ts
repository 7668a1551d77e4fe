// The plan importer: a business plan's key-target and risk tables in (pasted cells, tab-separated text, or the
// plain text of a plan converted from PDF, with years as columns or as rows), standard Projects, Targets and
// Risks rows out, as a proposal a person reviews. One target per stated target, across the years; totals are
// checked, not made targets; every line not read is listed with its text.
import type { CellValue } from "../grid";
import type { Fy } from "../periods";
import { compareFy, fyLabel, fyStartYear } from "../periods";
import { readFy, readNumber } from "../read/cellValues";
import { quarterOfMonth, readMilestoneDue } from "../read/milestoneDue";
import { monthFromName } from "../read/months";
import { targetNumber } from "./planNumbers";
import { readStatement, statementKey, type PlanLine, type StatementContext } from "./readStatement";
import {
  TextRiskReader,
  hasRatingWord,
  proposedRisk,
  riskHeaderColumns,
  riskHeaderField,
  type RiskCells,
  type RiskField,
} from "./planRisks";
import type {
  PlanGuess,
  PlanHeading,
  PlanOptions,
  PlanProposal,
  PlanSource,
  PlanTotal,
  ProposedProject,
  Qualifier,
  ProposedTarget,
  UnreadLine,
} from "./planTypes";
import { splitStatement } from "./splitStatements";

/** Rows of cell text, as pasted: a plain-text line is a row of one cell, tab-separated text a row of cells. */
export type PlanRows = string[][];

/** The lines of a cell, each tidied; blank lines left out. */
function cellLines(cell: string): string[] {
  return cell
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/**
 * Text as pasted. Cells copied from a sheet come tab-separated, and a cell of several lines comes in double
 * quotes ("" for a quote inside): such a cell is kept whole. Plain text is a row of one cell a line.
 */
export function planRowsFromText(text: string): PlanRows {
  const normalised = text.replace(/\r\n?/g, "\n");
  if (!normalised.includes("\t")) return normalised.split("\n").map((line) => [line]);
  const rows: PlanRows = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  while (i < normalised.length) {
    const ch = normalised[i];
    if (ch === '"' && cell === "") {
      const end = closingQuote(normalised, i + 1);
      if (end !== null) {
        cell = normalised.slice(i + 1, end).replace(/""/g, '"');
        i = end + 1;
        continue;
      }
    }
    if (ch === "\t" || ch === "\n") {
      row.push(cell);
      cell = "";
      if (ch === "\n") {
        rows.push(row);
        row = [];
      }
    } else cell += ch;
    i++;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

/** The index of the quote that closes a quoted cell starting at `from`, when a tab, line end or the end follows it. */
function closingQuote(text: string, from: number): number | null {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') {
      i++;
      continue;
    }
    const next = text[i + 1];
    return next === undefined || next === "\t" || next === "\n" ? i : null;
  }
  return null;
}

function cellString(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export function planRowsFromGrid(rows: readonly (readonly CellValue[])[]): PlanRows {
  return rows.map((row) => row.map(cellString));
}

const HEADING =
  /^(?:years?|key\s+targets?|targets?|milestones?|outputs?|outcomes?|fy|financial\s+year|target\s+description|description)\s*:?$/i;
const PROJECT =
  /^(?:project|workstream|work\s+stream|objective|strand|theme|priority|programme)(?:\s*(\d+)|\s+([A-Z]))\b\s*[:.\-\u2013\u2014]?\s*(.*)$/i;
const SEE_ABOVE =
  /^(?:see|as)\s+(?:above|before|(?:for\s+)?(?:the\s+)?(?:previous|last)\s+year)\b[\s.,:;\-\u2013\u2014]*(.*)$/i;
/** "As 2008-09", "Same as year 1": a named earlier year repeated. */
const AS_YEAR =
  /^(?:as|same\s+as)\s+(?:for\s+|in\s+)?(year\s+(?:\d|one|two|three|four|five)|(?:19|20)\d{2}\s*[-/\u2013]\s*(?:19|20)?\d{2})\b[\s.,:;\-\u2013\u2014]*(.*)$/i;
const RISK_HEADING = /^(?:description\s+of\s+(?:the\s+)?risks?|risks?|risk\s+description|risk\s+assessment)$/i;
const RISK_LIST_HEADING = /^[A-Z\s&,-]*\bRISKS?\b[A-Z\s&,-]*$/;
const INLINE_YEAR = /^((?:fy\s*)?(?:19|20)\d{2}\s*[-/\u2013]\s*(?:19|20)?\d{2})\s*[:\u2013\u2014-]?\s+(.+)$/i;
const NUMBERED = /^\s*(\d+)[.)]\s+(.+)$/;
const WORD_YEARS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

function clean(text: string): string {
  return text
    .replace(/\*\*/g, "")
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

interface Walk {
  options: Required<Pick<PlanOptions, "yearStartMonth">> & PlanOptions;
  projects: ProposedProject[];
  projectId: string | null;
  fy: Fy | null;
  group: string;
  years: Set<Fy>;
  lines: PlanLine[];
  /** The lines of each project's year, for "See above". */
  byYear: Map<string, PlanLine[]>;
  /** Figures since the last total, for the next "Total". */
  sinceTotal: PlanLine[];
  totals: { projectId: string; fy: Fy; stated: number; lines: PlanLine[]; source: PlanSource }[];
  unread: UnreadLine[];
  headings: PlanHeading[];
  risks: RiskCells[];
  textRisks: TextRiskReader | null;
  riskList: boolean;
  riskColumns: Map<number, RiskField> | null;
  yearColumns: Map<number, Fy> | null;
  /** Plain text with years as columns ("Key targets 2008-09 2009-10 2010-11"): the years, in column order. */
  textYearColumns: Fy[] | null;
  /** Years-as-rows tables: which column holds the year and which the project. */
  yearColumn: number | null;
  projectColumn: number | null;
}

/** The plan's first year: the first it names, else the one given for "Year 1". */
function firstYear(walk: Walk): Fy | null {
  const years = [...walk.years].sort(compareFy);
  return years[0] ?? walk.options.planStart ?? null;
}

function yearNumbered(walk: Walk, n: number): Fy | null {
  const first = firstYear(walk);
  return first ? fyLabel(fyStartYear(first) + n - 1) : null;
}

/** A year heading: "2008 – 2009", "2008-09", "2008/09", "Year 1", "Year 2 (2009-10)". */
function yearOf(walk: Walk, text: string): Fy | null {
  const trimmed = clean(text)
    .replace(/:$/, "")
    .replace(/^(?:key\s+targets?|targets?)\s+(?:for\s+)?/i, "");
  if (trimmed.length > 40) return null;
  const months =
    /^([a-z]{3,9})\.?\s+((?:19|20)\d{2})\s*(?:-|\u2013|\u2014|to)\s*([a-z]{3,9})\.?\s+((?:19|20)\d{2})$/i.exec(trimmed);
  if (months) {
    // "April 2008 – March 2009": the FY of its first month, when the span is a year.
    const first = quarterOfMonth(Number(months[2]), monthFromName(months[1]) ?? 0, walk.options.yearStartMonth);
    const last = quarterOfMonth(Number(months[4]), monthFromName(months[3]) ?? 0, walk.options.yearStartMonth);
    if (monthFromName(months[1]) !== null && first.fy === last.fy) return first.fy;
  }
  const direct = readFy(
    trimmed
      .replace(/^(?:fy|financial\s+year)\s*/i, "")
      // "2008-9": the second year's last digit only.
      .replace(/^((?:19|20)\d)(\d)\s*([-/\u2013])\s*(\d)$/, "$1$2$3$1$4"),
  );
  if (direct.ok) return direct.value;
  const numbered = /^year\s+(\d|one|two|three|four|five|six|seven)\b\s*[:\-\u2013]?\s*(?:\((.*)\)|(.*))$/i.exec(
    trimmed,
  );
  if (!numbered) return null;
  const inner = (numbered[2] ?? numbered[3] ?? "").trim();
  if (inner) {
    const fy = readFy(inner);
    if (fy.ok) return fy.value;
  }
  const n = /^\d$/.test(numbered[1]) ? Number(numbered[1]) : WORD_YEARS[numbered[1].toLowerCase()];
  return yearNumbered(walk, n);
}

function setYear(walk: Walk, fy: Fy): void {
  walk.fy = fy;
  walk.years.add(fy);
  walk.group = "";
  walk.sinceTotal = [];
}

function setProject(walk: Walk, id: string, name: string, source: PlanSource): void {
  const existing = walk.projects.findIndex((p) => p.id === id);
  const project = { id, name: name.replace(/[;,.:\s]+$/, "") || `Project ${id.replace(/^P/, "")}`, source };
  if (existing < 0) walk.projects.push(project);
  // A project only mentioned before (in a list of projects) takes the name of the heading its targets are under.
  else if (name && !walk.lines.some((line) => line.projectId === id)) walk.projects[existing] = project;
  walk.projectId = id;
  walk.fy = null;
  walk.group = "";
  walk.sinceTotal = [];
}

function projectHeading(text: string): { id: string; name: string } | null {
  const match = PROJECT.exec(clean(text));
  if (!match) return null;
  return {
    id: `P${(match[1] ?? match[2]).toUpperCase()}`,
    name: clean(match[3]).replace(/^[:.\-\u2013\u2014]\s*/, ""),
  };
}

/** The project a statement belongs to: the current one, or a single "Key targets" project for a plan without any. */
function currentProject(walk: Walk, source: PlanSource): string {
  if (walk.projectId) return walk.projectId;
  const { fy, group } = walk;
  setProject(walk, "P1", "Key targets", source);
  walk.fy = fy;
  walk.group = group;
  return "P1";
}

function heading(walk: Walk, source: PlanSource, as: PlanHeading["as"], text = source.text): void {
  walk.headings.push({ line: source.line, text: clean(text), as });
}

function unread(walk: Walk, source: PlanSource, reason: string, text = source.text): void {
  if (clean(text) !== "") walk.unread.push({ line: source.line, text: clean(text), reason });
}

function context(walk: Walk, projectId: string, fy: Fy, source: PlanSource, group = walk.group): StatementContext {
  return {
    projectId,
    fy,
    group,
    source,
    yearNumbered: (n) => yearNumbered(walk, n),
    yearStartMonth: walk.options.yearStartMonth,
  };
}

function yearKey(projectId: string, fy: Fy): string {
  return `${projectId}|${fy}`;
}

function addLine(walk: Walk, line: PlanLine, fy: Fy): void {
  walk.lines.push(line);
  const key = yearKey(line.projectId, fy);
  walk.byYear.set(key, [...(walk.byYear.get(key) ?? []), line]);
}

/** "See above": the project's previous year, again (only its group's lines when under a group label). */
function seeAbove(
  walk: Walk,
  projectId: string,
  fy: Fy,
  rest: string,
  source: PlanSource,
  named?: { fy: Fy; words: string },
): void {
  const earlier = [...walk.years].filter(
    (year) => compareFy(year, fy) < 0 && walk.byYear.has(yearKey(projectId, year)),
  );
  const previous = named?.fy || earlier.sort(compareFy).pop();
  const lines = previous
    ? (walk.byYear.get(yearKey(projectId, previous)) ?? []).filter((line) => !walk.group || line.group === walk.group)
    : [];
  if (!previous || lines.length === 0) {
    unread(walk, source, '"See above" with no earlier year of this project to repeat');
    return;
  }
  const from = named?.words ?? "See above";
  const copy: PlanGuess = { field: "value", fy, value: "", from, why: `${fy} repeats ${previous}` };
  for (const line of lines) {
    const moved = <T extends { fy: Fy }>(at: T | null): T | null => (at && at.fy === previous ? { ...at, fy } : at);
    addLine(
      walk,
      {
        ...line,
        value: moved(line.value),
        due: moved(line.due),
        guesses: [...line.guesses.filter((g) => g.fy !== previous && g.field !== "due"), copy],
        source,
      },
      fy,
    );
  }
  if (clean(rest) !== "") unread(walk, source, `an explanation after "${from}", not a target`, rest);
}

/** One line (or cell) of stated targets in a year. */
function statements(walk: Walk, text: string, source: PlanSource, fy: Fy | null = walk.fy): void {
  const cleaned = clean(text);
  if (cleaned === "") return;
  if (!fy) {
    unread(walk, source, "not under a year heading (e.g. 2008 – 2009), so its year is not known");
    return;
  }
  const projectId = currentProject(walk, source);
  const seeAboveMatch = SEE_ABOVE.exec(cleaned);
  if (seeAboveMatch) {
    const words = cleaned.slice(0, cleaned.length - seeAboveMatch[1].length).replace(/[\s.,:;\-\u2013\u2014]+$/, "");
    seeAbove(walk, projectId, fy, seeAboveMatch[1], source, { fy: "", words });
    return;
  }
  const asYear = AS_YEAR.exec(cleaned);
  const namedYear = asYear ? yearOf(walk, asYear[1]) : null;
  if (asYear && namedYear && compareFy(namedYear, fy) < 0) {
    seeAbove(walk, projectId, fy, asYear[2], source, {
      fy: namedYear,
      words: clean(asYear[0])
        .slice(0, asYear[0].length - asYear[2].length)
        .trim(),
    });
    return;
  }
  for (const part of splitStatement(cleaned)) {
    if (part.total !== undefined && walk.sinceTotal.length === 0) {
      unread(walk, source, "a total with no figures above it to add up", part.text);
      continue;
    }
    if (part.total !== undefined) {
      // A total in pounds adds up the sums above it; any other, the counts.
      const money = /£/.test(part.text);
      const lines = walk.sinceTotal.filter((line) => (line.measure === "Currency") === money);
      walk.totals.push({ projectId, fy, stated: part.total, lines, source });
      walk.sinceTotal = [];
      continue;
    }
    if (!/[a-z]{2}/i.test(part.text)) {
      unread(walk, source, "no words to read as a target", part.text);
      continue;
    }
    const line = readStatement(part, context(walk, projectId, fy, source));
    const sameYear = walk.byYear.get(yearKey(projectId, fy)) ?? [];
    const twin = sameYear.find((other) => other.key === line.key && other.measure === line.measure);
    if (twin) {
      unread(walk, source, `the same target as line ${twin.source.line} in ${fy}, read once`, part.text);
      continue;
    }
    addLine(walk, line, fy);
    if (line.value) walk.sinceTotal.push(line);
  }
}

function isGroupLabel(text: string): boolean {
  const cleaned = clean(text);
  if (/^[^.;]{2,80}:$/.test(cleaned)) return true;
  // "OCVA", "ORCC": an organisation's name in capitals heading its lines.
  return /^[A-Z][A-Z&]{1,9}(?:\s[A-Z&]{2,9})?$/.test(cleaned);
}

/** A single-cell row: a heading, a project, a year, a group label, a risk line or stated targets. */
function singleCell(walk: Walk, text: string, source: PlanSource): void {
  const cleaned = clean(text);
  if (cleaned === "") return;
  if (walk.textRisks) {
    const project = projectHeading(cleaned);
    if (!project) {
      const field = riskHeaderField(cleaned);
      if (field && !hasRatingWord(cleaned) && cleaned.length < 80 && walk.textRisks.header(field)) {
        heading(walk, source, "heading", cleaned);
        return;
      }
      if (!walk.textRisks.continues(cleaned, source)) walk.textRisks.line(cleaned, source);
      return;
    }
    endRisks(walk);
  }
  if (walk.riskList) {
    const numbered = NUMBERED.exec(cleaned);
    if (numbered) {
      walk.risks.push(riskCellsFrom(source, clean(numbered[2])));
      return;
    }
    if (/^[A-Z\s&,-]{4,}$/.test(cleaned))
      walk.riskList = false; // a new heading ends the list
    else {
      unread(walk, source, "not a numbered risk");
      return;
    }
  }
  if (RISK_HEADING.test(cleaned)) {
    walk.textRisks = new TextRiskReader(null);
    const field = riskHeaderField(cleaned);
    if (field) walk.textRisks.header(field);
    heading(walk, source, "heading", cleaned);
    return;
  }
  if (RISK_LIST_HEADING.test(cleaned)) {
    walk.riskList = true;
    heading(walk, source, "heading", cleaned);
    return;
  }
  if (HEADING.test(cleaned)) {
    heading(walk, source, "heading", cleaned);
    return;
  }
  const textYears = textYearHeader(walk, cleaned);
  if (textYears) {
    walk.textYearColumns = textYears;
    walk.fy = null;
    for (const fy of textYears) walk.years.add(fy);
    heading(walk, source, "heading", cleaned);
    return;
  }
  if (walk.textYearColumns && textYearRow(walk, cleaned, source, walk.textYearColumns)) return;
  const unnumbered = /^project\s*[:\u2013\u2014-]\s*(.+)$/i.exec(cleaned);
  const project =
    projectHeading(cleaned) ?? (unnumbered ? { id: `P${walk.projects.length + 1}`, name: unnumbered[1] } : null);
  if (project) {
    setProject(walk, project.id, project.name, source);
    heading(walk, source, "project", cleaned);
    return;
  }
  const fy = yearOf(walk, cleaned);
  if (fy) {
    setYear(walk, fy);
    walk.textYearColumns = null;
    heading(walk, source, "year", cleaned);
    return;
  }
  if (/^year\s+(?:\d|one|two|three|four|five|six|seven)\s*:?$/i.test(cleaned)) {
    unread(walk, source, "a year named only by number: give the plan's first year (e.g. --plan-start 2008-09)");
    walk.fy = null;
    return;
  }
  if (isGroupLabel(cleaned) && walk.fy) {
    walk.group = cleaned.replace(/:$/, "");
    walk.sinceTotal = [];
    heading(walk, source, "group", cleaned);
    return;
  }
  const inlineYear = INLINE_YEAR.exec(cleaned);
  const inlineFy = inlineYear ? yearOf(walk, inlineYear[1]) : null;
  if (inlineYear && inlineFy) {
    // "2009/10: 60 groups supported": the year, then its targets.
    setYear(walk, inlineFy);
    statements(walk, inlineYear[2], source);
    return;
  }
  if (/\?$/.test(cleaned) || /^(?:please|what|how|describe|list|give)\b/i.test(cleaned)) {
    unread(walk, source, "a question or prompt, not a target");
    return;
  }
  statements(walk, cleaned, source);
}

const FY_IN_TEXT = /(?:19|20)\d{2}\s*[-/\u2013]\s*(?:19|20)?\d{2}\b/g;
const FIGURE_TOKEN = /^(?:£?\d[\d,]*(?:\.\d+)?%?\+?|-|\u2013|n\/a|nil|none|Q[1-4])$/i;

/** "Key targets 2008-09 2009-10 2010-11" on one line: two or more years after at most a few heading words. */
function textYearHeader(walk: Walk, text: string): Fy[] | null {
  const found = [...text.matchAll(FY_IN_TEXT)];
  if (found.length < 2) return null;
  const years = found.map((match) => yearOf(walk, match[0]));
  const rest = text.replace(FY_IN_TEXT, " ").trim().split(/\s+/).filter(Boolean);
  if (years.some((fy) => fy === null) || rest.length > 4 || /\d/.test(rest.join(" "))) return null;
  return years as Fy[];
}

/** A line under a text year header: its words, then one figure (or "-") per year column. */
function textYearRow(walk: Walk, text: string, source: PlanSource, years: Fy[]): boolean {
  const tokens = text.split(/\s+/);
  let figures = 0;
  while (figures < tokens.length && FIGURE_TOKEN.test(tokens[tokens.length - 1 - figures])) figures++;
  if (figures < years.length || figures === tokens.length) return false;
  const label = tokens.slice(0, tokens.length - years.length).join(" ");
  const cells = [
    label,
    ...tokens.slice(tokens.length - years.length).map((t) => (/^(?:-|\u2013|n\/a|nil|none)$/i.test(t) ? "" : t)),
  ];
  yearColumnsRow(walk, cells, source, new Map(years.map((fy, i) => [i + 1, fy])));
  return true;
}

function endRisks(walk: Walk): void {
  if (!walk.textRisks) return;
  walk.textRisks.end();
  walk.risks.push(...walk.textRisks.finished);
  for (const { source, reason } of walk.textRisks.unread) unread(walk, source, reason);
  walk.textRisks = null;
}

/** A header row of years as columns ("Key targets | 2008-09 | 2009-10 | 2010-11"): the year of each column. */
function yearColumnsOf(walk: Walk, cells: string[]): Map<number, Fy> | null {
  const columns = new Map<number, Fy>();
  cells.forEach((cell, i) => {
    const fy = yearOf(walk, cell);
    if (fy) columns.set(i, fy);
  });
  if (columns.size < 2) return null;
  for (const fy of columns.values()) walk.years.add(fy);
  return columns;
}

interface Figure {
  value: number;
  percent: boolean;
  money: boolean;
  qualifier: Qualifier | null;
}

/** A year cell holding only a figure: 900, "2,000", "25%", "£1,500", "at least 45", "400+", "twenty five". */
function figureOf(cell: string): Figure | null {
  const read = readNumber(cell);
  const percent = /%/.test(cell);
  const money = /£/.test(cell);
  if (read.ok) return { value: read.value, percent, money, qualifier: null };
  const number = targetNumber(cell);
  if (!number || /[a-z]{2}/i.test(cell.replace(number.text, ""))) return null;
  const value = number.kind === "percent" ? number.value / 100 : number.value;
  return { value, percent: number.kind === "percent", money: number.kind === "money", qualifier: number.qualifier };
}

/** A row of a years-as-columns table: its label (target or group), then a figure, due date or text per year. */
function yearColumnsRow(walk: Walk, cells: string[], source: PlanSource, columns: Map<number, Fy>): void {
  const labelCells = cells.filter((cell, i) => !columns.has(i) && clean(cell) !== "").map(clean);
  const label = labelCells.join(" ");
  const yearCells = [...columns].filter(([i]) => clean(cells[i] ?? "") !== "");
  if (yearCells.length === 0) {
    singleCell(walk, label, source);
    return;
  }
  const project = labelCells.length > 0 ? projectHeading(labelCells[0]) : null;
  if (project && labelCells.length > 1) {
    setProject(walk, project.id, project.name, source);
    heading(walk, source, "project", labelCells[0]);
  }
  const targetLabel = project && labelCells.length > 1 ? labelCells.slice(1).join(" ") : label;
  walk.yearColumns = columns;
  const projectId = currentProject(walk, source);
  for (const [, fy] of yearCells) walk.years.add(fy);
  let key: string | null = null;
  for (const [i, fy] of yearCells) {
    const cell = clean(cells[i]);
    const yearSource: PlanSource = { ...source, fy, text: `${targetLabel}: ${cell}` };
    const figure = figureOf(cell);
    const due = figure ? null : readMilestoneDue(cell, walk.options.yearStartMonth);
    if (targetLabel && figure) {
      const part = { text: targetLabel, lead: "", figureGiven: true };
      const line = readStatement(part, context(walk, projectId, fy, yearSource));
      key ??= statementKey(projectId, line.description);
      const measure = figure.percent ? "Percentage" : figure.money ? "Currency" : line.measure;
      const qualifier = figure.qualifier ?? line.qualifier;
      addLine(walk, { ...line, key, measure, qualifier, value: { fy, value: figure.value } }, fy);
      continue;
    }
    if (targetLabel && due) {
      const line = readStatement({ text: targetLabel, lead: "" }, context(walk, projectId, fy, yearSource));
      key ??= statementKey(projectId, line.description);
      const dueFy = due.fy ?? fy;
      const guesses: PlanGuess[] = line.guesses.filter((g) => g.field !== "value" && g.field !== "due");
      if (due.assumed) {
        const why = "a plain year: assumed due by the end of that year (December)";
        guesses.push({ field: "due", fy: dueFy, value: `${dueFy} Q${due.quarter}`, from: cell, why });
      }
      const milestone: PlanLine = {
        ...line,
        key: `${key}|milestone`,
        measure: "Milestone",
        basis: "Annual",
        direction: "Higher",
        aim: null,
        value: null,
        due: { fy: dueFy, quarter: due.quarter },
        guesses,
      };
      addLine(walk, milestone, fy);
      continue;
    }
    const groupBefore = walk.group;
    if (targetLabel) walk.group = targetLabel.replace(/:$/, "");
    for (const line of cellLines(cells[i])) statements(walk, line, { ...yearSource, text: line }, fy);
    walk.group = groupBefore;
  }
}

/** A row of a years-as-rows table, or of cells without a year header: find the year, project and text cells. */
function cellsRow(walk: Walk, cells: string[], source: PlanSource): void {
  const texts: string[] = [];
  cells.forEach((cell, i) => {
    const cleaned = clean(cell);
    if (cleaned === "") return;
    const fy = i === walk.projectColumn ? null : yearOf(walk, cleaned);
    if (fy && (walk.yearColumn === null || walk.yearColumn === i)) {
      if (fy !== walk.fy) setYear(walk, fy);
      heading(walk, source, "year", cleaned);
      return;
    }
    const project = projectHeading(cleaned) ?? (i === walk.projectColumn ? { id: cleaned, name: "" } : null);
    if (project) {
      if (project.id !== walk.projectId) {
        const fyBefore = walk.fy;
        setProject(walk, project.id, project.name, source);
        walk.fy = fyBefore;
      }
      heading(walk, source, "project", cleaned);
      return;
    }
    // A cell of several lines (Alt+Enter in Excel) holds a target a line.
    texts.push(...cellLines(cell));
  });
  for (const text of texts) singleCell(walk, text, { ...source, fy: walk.fy, text });
}

/** A risk read from one line of the plan, its other cells still to fill. */
function riskCellsFrom(source: PlanSource, description = ""): RiskCells {
  return {
    description,
    impact: "",
    probability: "",
    controls: "",
    lead: "",
    projectId: null,
    source,
    lines: [source.line],
  };
}

function riskRow(walk: Walk, cells: string[], source: PlanSource, columns: Map<number, RiskField>): void {
  const risk = riskCellsFrom(source);
  for (const [i, field] of columns) {
    const text = clean(cells[i] ?? "");
    if (field === "project") risk.projectId = text === "" ? null : (projectHeading(text)?.id ?? text);
    else risk[field] = text;
  }
  if (risk.description === "") {
    unread(walk, source, "a risk row with no description");
    return;
  }
  walk.risks.push(risk);
}

/** Reads a plan's key-target and risk tables into a proposal for review. */
export function proposePlan(rows: PlanRows, options: PlanOptions = {}): PlanProposal {
  const walk: Walk = {
    options: { yearStartMonth: 4, ...options },
    projects: [],
    projectId: null,
    fy: null,
    group: "",
    years: new Set(),
    lines: [],
    byYear: new Map(),
    sinceTotal: [],
    totals: [],
    unread: [],
    headings: [],
    risks: [],
    textRisks: null,
    riskList: false,
    riskColumns: null,
    yearColumns: null,
    textYearColumns: null,
    yearColumn: null,
    projectColumn: null,
  };
  rows.forEach((row, index) => {
    const cells = row.map((cell) => cell ?? "");
    const filled = cells.filter((cell) => clean(cell) !== "");
    const source: PlanSource = { line: index + 1, fy: walk.fy, text: clean(filled.join(" | ")) };
    if (filled.length === 0) return;
    const riskColumns = filled.length > 1 ? riskHeaderColumns(cells) : null;
    if (riskColumns) {
      endRisks(walk);
      heading(walk, source, "heading");
      walk.riskColumns = riskColumns;
      walk.yearColumns = null;
      return;
    }
    if (walk.riskColumns && filled.length > 1) {
      riskRow(walk, cells, source, walk.riskColumns);
      return;
    }
    if (filled.length > 1) {
      const years = yearColumnsOf(walk, cells);
      if (years) {
        endRisks(walk);
        heading(walk, source, "heading");
        walk.yearColumns = years;
        walk.riskColumns = null;
        return;
      }
      if (!walk.yearColumns && cells.some((cell) => HEADING.test(clean(cell)))) {
        walk.yearColumn = cells.findIndex((cell) => /^(?:years?|fy|financial\s+year)$/i.test(clean(cell)));
        walk.projectColumn = cells.findIndex((cell) => /^project(?:\s+id)?$/i.test(clean(cell)));
        if (walk.yearColumn < 0) walk.yearColumn = null;
        if (walk.projectColumn < 0) walk.projectColumn = null;
        heading(walk, source, "heading");
        return;
      }
    }
    if (walk.yearColumns) {
      yearColumnsRow(walk, cells, source, walk.yearColumns);
      return;
    }
    if (filled.length > 1) {
      cellsRow(walk, cells, source);
      return;
    }
    for (const line of cellLines(filled[0])) singleCell(walk, line, { ...source, text: clean(line) });
  });
  endRisks(walk);
  return proposal(walk);
}

function sortedYears(walk: Walk): Fy[] {
  return [...walk.years].sort(compareFy);
}

/** Joins each target's years, numbers targets within their project (T1.1, T1.2 ...), and checks the totals. */
function proposal(walk: Walk): PlanProposal {
  const targets: ProposedTarget[] = [];
  const byKey = new Map<string, ProposedTarget>();
  const idOfLine = new Map<PlanLine, string>();
  const counts = new Map<string, number>();
  for (const line of walk.lines) {
    const key = `${line.key}|${line.measure === "Milestone" ? "m" : "n"}`;
    let target = byKey.get(key);
    if (!target) {
      const n = (counts.get(line.projectId) ?? 0) + 1;
      counts.set(line.projectId, n);
      target = {
        id: `T${line.projectId.replace(/^P/, "")}.${n}`,
        projectId: line.projectId,
        description: line.description,
        measure: line.measure,
        basis: line.basis,
        direction: line.direction,
        qualifier: line.qualifier,
        values: {},
        dueQuarters: {},
        aim: line.aim,
        guesses: [],
        source: line.source.text,
        sources: [],
      };
      byKey.set(key, target);
      targets.push(target);
    }
    if (line.value && target.values[line.value.fy] === undefined) target.values[line.value.fy] = line.value.value;
    if (line.due && target.dueQuarters[line.due.fy] === undefined) target.dueQuarters[line.due.fy] = line.due.quarter;
    target.qualifier ??= line.qualifier;
    target.aim ??= line.aim;
    for (const guess of line.guesses) {
      const fy = guess.fy ?? line.value?.fy ?? line.due?.fy;
      const withYear = guess.field === "value" || guess.field === "due" ? { ...guess, fy } : guess;
      const same = target.guesses.some(
        (g) => g.field === withYear.field && g.fy === withYear.fy && g.from === withYear.from && g.why === withYear.why,
      );
      const sameEveryYear =
        withYear.field !== "value" &&
        withYear.field !== "due" &&
        target.guesses.some((g) => g.field === withYear.field && g.why === withYear.why);
      const shown = withYear.value || (withYear.field === "value" || withYear.field === "due" ? valueShown(line) : "");
      if (!same && !sameEveryYear) target.guesses.push({ ...withYear, value: shown });
    }
    target.sources.push({ ...line.source, fy: line.value?.fy ?? line.due?.fy ?? line.source.fy });
    idOfLine.set(line, target.id);
  }
  const totals: PlanTotal[] = walk.totals.map((total) => {
    const sum = total.lines.reduce((acc, line) => acc + (line.value?.value ?? 0), 0);
    return {
      projectId: total.projectId,
      fy: total.fy,
      stated: total.stated,
      sum,
      agrees: Math.abs(sum - total.stated) < 1e-9,
      targetIds: total.lines.map((line) => idOfLine.get(line) ?? ""),
      source: total.source,
    };
  });
  const risks = walk.risks.map((cells, i) => proposedRisk(`R${i + 1}`, cells));
  const unreadLines = [...walk.unread].sort((a, b) => a.line - b.line);
  return {
    years: sortedYears(walk),
    projects: walk.projects,
    targets,
    totals,
    risks,
    headings: walk.headings,
    unread: unreadLines,
  };
}

function valueShown(line: PlanLine): string {
  if (line.value) return String(line.value.value);
  if (line.due) return `${line.due.fy} Q${line.due.quarter}`;
  return "";
}

/** The proposal of a plan given as text (plain, or tab-separated cells). */
export function proposePlanFromText(text: string, options: PlanOptions = {}): PlanProposal {
  return proposePlan(planRowsFromText(text), options);
}
