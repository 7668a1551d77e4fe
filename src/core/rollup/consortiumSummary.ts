// One consortium at one period, as a funder or a regional network reads it beside many others: its projects'
// RAG, its targets by RAG, spend against budget, the claim to date and what remains, whose figures are in, how
// many read problems it has, and the same quarter last year. Every figure is the consortium's own report,
// rated by its own thresholds.
import type { Consortium, Problem, ProjectRag } from "../model";
import { paperInputs } from "../inputs";
import { poundsFromPence } from "../money";
import { compareFy, sameQuarterLastYear, type Period } from "../periods";
import { buildReportFrom, indexConsortium, ragShown } from "../report";
import type { ClaimReport, Report } from "../reportTypes";

export type RagTally = Record<ProjectRag, number>;

export interface ProjectAtPeriod {
  projectId: string;
  name: string;
  rag: ProjectRag;
  ratio: number | null;
  /** The project's RAG at the same quarter last year; null before the plan started. */
  lastYearRag: ProjectRag | null;
}

export interface ConsortiumSummary {
  /** Where it came from, e.g. the file name. */
  source: string;
  consortium: string;
  period: Period;
  projects: ProjectAtPeriod[];
  /** Projects by RAG this quarter. */
  projectRags: RagTally;
  /** Targets by what the papers show: Awaiting while the quarter's figure is not in, else their RAG. */
  targets: RagTally;
  /** Targets by RAG at the same quarter last year; null before the plan started. */
  targetsLastYear: RagTally | null;
  spend: { budgetToDate: number; spendToDate: number; variance: number; variancePct: number | null };
  claim: ClaimReport;
  returns: { expected: number; in: number; awaited: string[] };
  problems: { errors: number; warnings: number };
}

/** A workbook that could not be read: listed with its problem, never stopping the rest. */
export interface UnreadConsortium {
  source: string;
  problem: string;
}

export type RollupEntry = ({ read: true } & ConsortiumSummary) | ({ read: false } & UnreadConsortium);

export function emptyTally(): RagTally {
  return { Green: 0, Amber: 0, Red: 0, Awaiting: 0, NotDue: 0 };
}

function tally(rags: Iterable<ProjectRag>): RagTally {
  const counts = emptyTally();
  for (const rag of rags) counts[rag]++;
  return counts;
}

/** The consortium's summary at `period`: its report there and at the same quarter last year. */
export function consortiumSummary(
  source: string,
  consortium: Consortium,
  problems: readonly Problem[],
  period: Period,
): ConsortiumSummary {
  const index = indexConsortium(consortium);
  const report = buildReportFrom(index, problems, period);
  const planStart = consortium.planYears[0];
  const lastYearAt = sameQuarterLastYear(period);
  const lastYear: Report | null =
    planStart !== undefined && compareFy(lastYearAt.fy, planStart) >= 0 ? buildReportFrom(index, [], lastYearAt) : null;
  const names = new Map(consortium.projects.map((project) => [project.id, project.name]));
  const lastYearRags = new Map(lastYear?.projects.map((project) => [project.projectId, project.rag]));
  const inputs = paperInputs(consortium, report);
  let budget = 0;
  let spent = 0;
  for (const line of report.spend) {
    budget += Math.round(line.budgetToDate * 100);
    spent += Math.round(line.spendToDate * 100);
  }
  return {
    source,
    consortium: consortium.settings.consortium,
    period,
    projects: report.projects.map((project) => ({
      projectId: project.projectId,
      name: names.get(project.projectId) ?? "",
      rag: project.rag,
      ratio: project.ratio,
      lastYearRag: lastYearRags.get(project.projectId) ?? null,
    })),
    projectRags: tally(report.projects.map((project) => project.rag)),
    targets: tally(report.targets.map(ragShown)),
    targetsLastYear: lastYear ? tally(lastYear.targets.map(ragShown)) : null,
    spend: {
      budgetToDate: poundsFromPence(budget),
      spendToDate: poundsFromPence(spent),
      variance: poundsFromPence(spent - budget),
      variancePct: budget === 0 ? null : (spent - budget) / budget,
    },
    claim: report.claim,
    returns: {
      expected: inputs.partners.length,
      in: inputs.partners.filter((partner) => partner.figuresIn).length,
      awaited: inputs.partners.filter((partner) => !partner.figuresIn).map((partner) => partner.partner),
    },
    problems: { errors: inputs.errors, warnings: inputs.warnings },
  };
}

/**
 * Attention first: unreadable workbooks, then those with read errors, then by Red projects, Red targets,
 * Amber projects and figures still awaited (more first), then by name. Stable for equal consortia.
 */
export function byAttention(entries: readonly RollupEntry[]): RollupEntry[] {
  const key = (entry: RollupEntry): number[] =>
    entry.read
      ? [
          1,
          entry.problems.errors > 0 ? 0 : 1,
          -entry.projectRags.Red,
          -entry.targets.Red,
          -entry.projectRags.Amber,
          -(entry.returns.expected - entry.returns.in),
        ]
      : [0];
  const name = (entry: RollupEntry) => (entry.read ? entry.consortium || entry.source : entry.source);
  return [...entries].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
      const diff = (ka[i] ?? 0) - (kb[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return name(a).localeCompare(name(b), "en-GB");
  });
}
