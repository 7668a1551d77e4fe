// The pane's state and actions: workbook → grids → consortium (+ problems) → report → summary sheets.
// Components only render what this hook returns and call its actions; every workbook access goes through the
// WorkbookPort the host provides.
import { useCallback, useMemo, useRef, useState } from "react";
import { findGrid } from "../../core/grid";
import type { Consortium, ImportResult, Problem, RollupMode } from "../../core/model";
import { compareFy, previousFy, sameQuarterLastYear, periodLabel, type Fy, type Period } from "../../core/periods";
import { importWorkbook } from "../../core/read/importWorkbook";
import { buildReport, defaultPeriod } from "../../core/report";
import type { Report } from "../../core/reportTypes";
import type { WorkbookGrids } from "../../core/grid";
import { keptImportLog } from "../../core/returns/ragSection";
import { claimSubmittedEdits } from "../../core/returns/audit";
import { importTimestamp } from "../../core/returns/incoming";
import type { ImportLogEntry } from "../../core/returns/types";
import { submittedOnText } from "../../core/sheets/claimStamp";
import { isSubmitted, readRegistry, REGISTRY_SHEET, type RegistryEntry } from "../../core/sheets/registry";
import { buildSummarySheets } from "../../core/summarySheets";
import { templateSheets } from "../../core/sheets/templateSheets";
import type { SettingsField } from "../../core/templates";
import type { PushOutcome, WorkbookPort } from "../../workbook/port";
import { plural } from "../../core/words";
import { downloadName, fileBytes, isDownloadable, type TaskpaneHost } from "./host";
import {
  cellLabel,
  describeInsert,
  describePushedSheet,
  errorText,
  problemCounts,
  pushHeadline,
} from "./wording";

export type Section =
  "file" | "start" | "check" | "push" | "claim" | "settings" | "makeReturns" | "importReturns" | "reviewReturns";
export type Activity =
  | "reading"
  | "opening"
  | "downloading"
  | "inserting"
  | "checking"
  | "pushing"
  | "claiming"
  | "saving"
  | "makingReturns"
  | "readingReturns"
  | "applyingReturns"
  | "reviewingReturns";

export interface Message {
  intent: "success" | "warning" | "error" | "info";
  title: string;
  lines: string[];
}

export interface SettingsValues {
  greenThreshold: number;
  amberThreshold: number;
  spendGreenTolerance: number;
  spendAmberTolerance: number;
  projectRollup: RollupMode;
}

export interface ClaimTarget {
  /** The claim sheet for the chosen period, when there is one. */
  sheet: string | null;
  submitted: boolean;
}

export interface WorkbookData extends ImportResult {
  sheetNames: string[];
  registry: RegistryEntry[];
  /** The partner returns imported so far; undefined when the workbook has no Import log (none ever imported). */
  importLog: ImportLogEntry[] | undefined;
  /** The sheets as read, for what the core reads beyond the model (the review status of returns). */
  grids: WorkbookGrids;
}

/** The FYs the period picker offers: the plan's years, plus the default period's year if outside the plan. */
export function yearsToReport(consortium: Consortium): Fy[] {
  const years = new Set(consortium.planYears);
  const fallback = defaultPeriod(consortium);
  if (fallback) years.add(fallback.fy);
  return [...years].sort(compareFy);
}

/** The period the user chose, while its year is still offered; otherwise the default period (rules.md). */
export function periodFor(consortium: Consortium, chosen: Period | null): Period | null {
  if (chosen && yearsToReport(consortium).includes(chosen.fy)) return chosen;
  return defaultPeriod(consortium);
}

/** The example's sheets are data the pane needs only on request: a chunk of their own. */
async function loadExampleSheets() {
  const { exampleSheets } = await import(/* webpackChunkName: "example" */ "../../core/example/exampleConsortium");
  return exampleSheets();
}

const EXAMPLE_FILE = "example-consortium.xlsx";
const NEW_FILE = "consortium-tracker.xlsx";

export function useConsortium(host: TaskpaneHost) {
  const [port, setPort] = useState<WorkbookPort | null>(null);
  const [data, setData] = useState<WorkbookData | null>(null);
  const [chosenPeriod, setChosenPeriod] = useState<Period | null>(null);
  const [activity, setActivity] = useState<Activity | null>(null);
  const [messages, setMessages] = useState<Partial<Record<Section, Message>>>({});
  const [checked, setChecked] = useState<Problem[] | null>(null);
  const [selectedProblem, setSelectedProblem] = useState<Problem | null>(null);
  const [lastPush, setLastPush] = useState<PushOutcome | null>(null);
  const [unsaved, setUnsaved] = useState(false);
  // Claims marked submitted in this session (an adapter need not hand its hidden registry back with the grids).
  const [submittedHere, setSubmittedHere] = useState<string[]>([]);
  // Each workbook opened gets a new generation, so a slow read of the previous one cannot overwrite it.
  const generation = useRef(0);

  const say = useCallback((section: Section, message: Message | null) => {
    setMessages((current) => {
      const next = { ...current };
      if (message) next[section] = message;
      else delete next[section];
      return next;
    });
  }, []);

  const read = useCallback(async (target: WorkbookPort): Promise<WorkbookData> => {
    const grids = await target.readInputSheets();
    const imported = importWorkbook(grids);
    const sheetNames = await target.sheetNames();
    return {
      ...imported,
      sheetNames,
      registry: readRegistry(findGrid(grids, REGISTRY_SHEET)),
      importLog: keptImportLog(grids),
      grids,
    };
  }, []);

  /** Reads the workbook again and makes it the pane's data; returns it (null if another workbook took over). */
  const refresh = useCallback(
    async (target: WorkbookPort): Promise<WorkbookData | null> => {
      const mine = generation.current;
      const fresh = await read(target);
      if (mine !== generation.current) return null;
      setData(fresh);
      setChecked((current) => (current ? fresh.problems : current));
      return fresh;
    },
    [read],
  );

  /** Makes `target` the pane's workbook and reads it. */
  const adopt = useCallback(
    async (target: WorkbookPort) => {
      generation.current++;
      setPort(target);
      setData(null);
      setChecked(null);
      setSelectedProblem(null);
      setLastPush(null);
      setMessages({});
      setUnsaved(false);
      setSubmittedHere([]);
      return refresh(target);
    },
    [refresh],
  );

  const run = useCallback(
    async (kind: Activity, section: Section, work: () => Promise<void>, failure: (error: unknown) => Message) => {
      setActivity(kind);
      say(section, null);
      try {
        await work();
      } catch (error) {
        say(section, failure(error));
      } finally {
        setActivity(null);
      }
    },
    [say],
  );

  // ---- The workbook ----

  const connect = useCallback(async () => {
    if (host.mode !== "excel") return;
    await run(
      "reading",
      "file",
      async () => {
        await adopt(await host.connect());
      },
      (error) => ({
        intent: "error",
        title: "Could not read the workbook",
        lines: [`${errorText(error)}.`, "Close and reopen the add-in to try again."],
      }),
    );
  }, [host, run, adopt]);

  const openFile = useCallback(
    async (file: File) => {
      if (host.mode !== "standalone") return;
      await run(
        "opening",
        "file",
        async () => {
          const bytes = await fileBytes(file);
          const opened = await host.open(bytes, file.name);
          await adopt(opened);
          say("file", { intent: "success", title: `Opened ${file.name}`, lines: [] });
        },
        (error) => ({
          intent: "error",
          title: `Could not open ${file.name}`,
          // The file check's sentence says what is wrong with this file ("… is an OpenDocument file (.ods) …").
          lines:
            error instanceof Error && error.name === "PackageProblem"
              ? [`${file.name} ${error.message}`]
              : [
                  "Choose an Excel workbook saved as .xlsx: an old .xls file or a password-protected workbook cannot be opened here.",
                  `Details: ${errorText(error)}.`,
                ],
        }),
      );
    },
    [host, run, adopt, say],
  );

  const download = useCallback(async () => {
    if (host.mode !== "standalone" || !port || !isDownloadable(port)) return;
    await run(
      "downloading",
      "file",
      async () => {
        const name = downloadName(port.label);
        host.save(await port.toBytes(), name);
        setUnsaved(false);
        say("file", { intent: "success", title: `Downloaded ${name}`, lines: [] });
      },
      (error) => ({
        intent: "error",
        title: "Could not download the workbook",
        lines: [`${errorText(error)}.`],
      }),
    );
  }, [host, port, run, say]);

  /** Standalone mode with nothing open yet: a new empty workbook to write into. */
  const workbookToWrite = useCallback(async (): Promise<WorkbookPort> => {
    if (port) return port;
    if (host.mode !== "standalone") throw new Error("The workbook is not available yet");
    const created = await host.create(NEW_FILE);
    await adopt(created);
    return created;
  }, [port, host, adopt]);

  // ---- Start ----

  const insertTemplates = useCallback(async () => {
    await run(
      "inserting",
      "start",
      async () => {
        const target = await workbookToWrite();
        const outcome = await target.insertSheets(templateSheets());
        if (outcome.inserted.length > 0) setUnsaved(true);
        await refresh(target);
        say("start", {
          intent: outcome.inserted.length > 0 ? "success" : "info",
          title: outcome.inserted.length > 0 ? "Standard templates inserted" : "Nothing to insert",
          lines: [describeInsert(outcome, "template sheets")],
        });
      },
      (error) => ({
        intent: "error",
        title: "The templates were not inserted",
        lines: [`${errorText(error)}.`, "Sheets that were already in the workbook were not changed."],
      }),
    );
  }, [run, workbookToWrite, refresh, say]);

  const loadExample = useCallback(async () => {
    await run(
      "inserting",
      "start",
      async () => {
        if (host.mode === "standalone") {
          // In the browser the example is a workbook of its own, never mixed into the open one.
          const created = await host.create(EXAMPLE_FILE);
          await created.insertSheets(await loadExampleSheets());
          await adopt(created);
          setUnsaved(true);
          say("start", {
            intent: "success",
            title: "Example opened",
            lines: [`The example consortium is open as a new workbook, ${EXAMPLE_FILE}.`],
          });
          return;
        }
        if (!port) throw new Error("The workbook is not available yet");
        const outcome = await port.insertSheets(await loadExampleSheets());
        await refresh(port);
        say("start", {
          intent: outcome.skipped.length === 0 ? "success" : "warning",
          title: outcome.inserted.length > 0 ? "Example loaded" : "Example not loaded",
          lines: [
            describeInsert(outcome, "example sheets"),
            ...(outcome.skipped.length > 0
              ? ["Where a sheet was skipped, the figures mix this workbook's data with the example's."]
              : []),
          ],
        });
      },
      (error) => ({
        intent: "error",
        title: "The example was not loaded",
        lines: [`${errorText(error)}.`],
      }),
    );
  }, [run, host, port, adopt, refresh, say]);

  // ---- Period and report ----

  const consortium = data?.consortium ?? null;
  const fyOptions = useMemo<Fy[]>(() => (consortium ? yearsToReport(consortium) : []), [consortium]);
  const period = useMemo(() => (consortium ? periodFor(consortium, chosenPeriod) : null), [consortium, chosenPeriod]);

  const report = useMemo<Report | null>(() => {
    if (!data || !period) return null;
    try {
      return buildReport(data.consortium, data.problems, period);
    } catch {
      return null;
    }
  }, [data, period]);

  /** The same quarter of the previous year, for each project's trend. */
  const lastYearReport = useMemo<Report | null>(() => {
    if (!data || !period || !fyOptions.includes(previousFy(period.fy))) return null;
    try {
      return buildReport(data.consortium, [], sameQuarterLastYear(period));
    } catch {
      return null;
    }
  }, [data, period, fyOptions]);

  // ---- Check data ----

  const checkData = useCallback(async () => {
    if (!port) return;
    await run(
      "checking",
      "check",
      async () => {
        const fresh = await refresh(port);
        if (!fresh) return;
        setChecked(fresh.problems);
        setSelectedProblem(null);
        const errors = fresh.problems.filter((p) => p.severity === "error").length;
        const warnings = fresh.problems.length - errors;
        say("check", {
          intent: errors > 0 ? "error" : warnings > 0 ? "warning" : "success",
          title: errors + warnings === 0 ? "No problems found" : `${problemCounts(errors, warnings)} found`,
          lines:
            errors + warnings === 0
              ? ["Every sheet was read without problems."]
              : ["Choose a problem to go to its cell."],
        });
      },
      (error) => ({
        intent: "error",
        title: "Could not read the workbook",
        lines: [`${errorText(error)}.`],
      }),
    );
  }, [port, run, refresh, say]);

  const selectProblem = useCallback(
    async (problem: Problem) => {
      if (!port) return;
      setSelectedProblem(problem);
      try {
        await port.selectCell(problem.sheet, problem.cell);
      } catch (error) {
        say("check", {
          intent: "warning",
          title: `Could not go to ${cellLabel(problem)}`,
          lines: [`${errorText(error)}.`],
        });
      }
    },
    [port, say],
  );

  // ---- Summary sheets ----

  const updateSummary = useCallback(async () => {
    if (!port) return;
    await run(
      "pushing",
      "push",
      async () => {
        const fresh = await refresh(port);
        if (!fresh) return;
        const at = periodFor(fresh.consortium, chosenPeriod);
        if (!at) throw new Error("There is no financial year to report on: add targets, actuals or spend first");
        // With an Import log, the RAG sheet also says whose returns for the period are in (as the CLI's report).
        const specs = buildSummarySheets(fresh.consortium, fresh.problems, at, host.today(), {
          importLog: fresh.importLog,
          grids: fresh.grids,
          unreadTargets: fresh.unreadTargets,
        });
        const outcome = await port.pushSummarySheets(specs);
        setLastPush(outcome);
        setUnsaved(true);
        await refresh(port);
        const errors = fresh.problems.filter((p) => p.severity === "error").length;
        say("push", {
          intent:
            outcome.sheets.some((s) => s.action === "keptExisting" || s.action === "adjustment") || errors > 0
              ? "warning"
              : "success",
          title: pushHeadline(outcome),
          lines: [
            ...outcome.sheets.map(describePushedSheet),
            ...(errors > 0
              ? [
                  `The data has ${plural(errors, "error")} (see Check data): the figures leave out what could not be read.`,
                ]
              : []),
          ],
        });
      },
      (error) => ({
        intent: "error",
        title: "The summary sheets were not updated",
        lines: [`${errorText(error)}.`, "The workbook was left as it was."],
      }),
    );
  }, [port, run, refresh, chosenPeriod, host, say]);

  // ---- Claim ----

  const claim = useMemo<ClaimTarget>(() => {
    if (!period || !data) return { sheet: null, submitted: false };
    const wanted = `Claim ${periodLabel(period)}`;
    // An adjustment is not the claim: the claim stays the submitted sheet.
    const pushed = lastPush?.sheets.find((s) => s.requested === wanted && s.action !== "adjustment")?.writtenAs;
    const has = (name: string) => data.sheetNames.some((s) => s.toLowerCase() === name.toLowerCase());
    const sheet = pushed && has(pushed) ? pushed : has(wanted) ? wanted : null;
    const submitted =
      sheet !== null &&
      (isSubmitted(data.registry, sheet) || submittedHere.some((s) => s.toLowerCase() === sheet.toLowerCase()));
    return { sheet, submitted };
  }, [period, data, lastPush, submittedHere]);

  const markClaimSubmitted = useCallback(async () => {
    const sheet = claim.sheet;
    if (!port || !sheet || !period) return;
    await run(
      "claiming",
      "claim",
      async () => {
        const on = submittedOnText(host.today());
        await port.markClaimSubmitted(sheet, on);
        setSubmittedHere((current) => [...current, sheet]);
        setUnsaved(true);
        // One row on the Audit sheet; the pane does not know who, so "By" is left blank. The claim is marked by
        // now, so a failure here is said as such rather than as "not marked".
        let audited: string | null = null;
        if (port.applyEdits) {
          try {
            const grids = await port.readInputSheets();
            const at = importTimestamp(host.now());
            await port.applyEdits(claimSubmittedEdits(grids, { sheet, period, submittedOn: on, at, command: "pane" }));
          } catch (error) {
            audited = `${errorText(error)}.`;
          }
        }
        await refresh(port);
        const marked = `The sheet is now protected and stamped as submitted on ${on}. Later updates will not overwrite it.`;
        say(
          "claim",
          audited === null
            ? { intent: "success", title: `${sheet} marked as submitted`, lines: [marked] }
            : {
                intent: "warning",
                title: `${sheet} marked as submitted, but not recorded on the Audit sheet`,
                lines: [marked, audited],
              },
        );
      },
      (error) => ({
        intent: "error",
        title: "The claim was not marked as submitted",
        lines: [`${errorText(error)}.`, "The workbook was left as it was."],
      }),
    );
  }, [claim.sheet, period, port, run, host, refresh, say]);

  // ---- Settings ----

  const saveSettings = useCallback(
    async (values: SettingsValues) => {
      if (!port) return;
      await run(
        "saving",
        "settings",
        async () => {
          const written: Partial<Record<SettingsField, string | number>> = { ...values };
          await port.writeSettings(written);
          setUnsaved(true);
          await refresh(port);
          say("settings", { intent: "success", title: "Settings saved to the Settings sheet", lines: [] });
        },
        (error) => ({
          intent: "error",
          title: "The settings were not saved",
          lines: [`${errorText(error)}.`],
        }),
      );
    },
    [port, run, refresh, say],
  );

  /** Reads the pane's workbook again (after a change made elsewhere in the pane); null when none is open. */
  const reload = useCallback(async () => (port ? refresh(port) : null), [port, refresh]);
  const markUnsaved = useCallback(() => setUnsaved(true), []);

  return {
    mode: host.mode,
    port,
    label: port?.label ?? null,
    data,
    consortium,
    activity,
    busy: activity !== null,
    messages,
    dismiss: (section: Section) => say(section, null),
    say,
    run,
    reload,
    markUnsaved,
    unsaved,
    period,
    fyOptions,
    setPeriod: setChosenPeriod,
    report,
    lastYearReport,
    checked,
    selectedProblem,
    lastPush,
    claim,
    connect,
    openFile,
    download,
    insertTemplates,
    loadExample,
    checkData,
    selectProblem,
    updateSummary,
    markClaimSubmitted,
    saveSettings,
  };
}

export type ConsortiumModel = ReturnType<typeof useConsortium>;
