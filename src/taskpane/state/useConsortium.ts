// The pane's state and actions. Each action runs a use case of src/app through the workbook's session (session.ts:
// in the worker in standalone mode), which holds the pipeline (grids → import → report → summary sheets), and
// dispatches what came of it to the pane's reducer (paneState.ts); wording.ts turns outcomes into messages. An
// action that writes is commit then refresh: a failed re-read after a write that went through is said as such,
// with a Retry.
import { useCallback, useMemo, useReducer, useRef } from "react";
import type { Problem, RollupMode } from "../../core/model";
import { periodLabel, type Period } from "../../core/periods";
import { importTimestamp } from "../../core/returns/incoming";
import { submittedOnText } from "../../core/sheets/claimStamp";
import { isSubmitted } from "../../core/sheets/registry";
import { downloadName, fileBytes, type TaskpaneHost } from "./host";
import { initialPaneState, paneReducer, type Activity, type Message, type Section } from "./paneState";
import type { PaneData, WorkbookSession, Written } from "./session";
import {
  cellLabel,
  checkMessage,
  describeInsert,
  errorText,
  failedMessage,
  notReadAgainMessage,
  pushMessage,
} from "./wording";

export type { Activity, Message, Section } from "./paneState";
export type { PaneData } from "./session";

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

/** The example's sheets are data the pane needs only on request: a chunk of their own. */
async function loadExampleSheets() {
  const { exampleSheets } = await import(/* webpackChunkName: "example" */ "../../core/example/exampleConsortium");
  return exampleSheets();
}

const EXAMPLE_FILE = "example-consortium.xlsx";
const NEW_FILE = "consortium-tracker.xlsx";

/** What a write's action says once the workbook is read again; null to say nothing. */
type Said = Message | null;

export function useConsortium(host: TaskpaneHost) {
  const [state, dispatch] = useReducer(paneReducer, initialPaneState);
  const { session, data, chosenPeriod, activity, messages, lastPush, submittedHere } = state;
  // Each workbook opened gets a new generation, so a slow read of the previous one cannot overwrite it.
  const generation = useRef(0);

  const say = useCallback(
    (section: Section, message: Message | null) => dispatch({ type: "say", section, message }),
    [],
  );

  /**
   * Called before a read: takes the data read as the pane's, and returns it, unless another workbook took over in
   * the meantime (then null).
   */
  const keepRead = useCallback(() => {
    const mine = generation.current;
    return (fresh: PaneData): PaneData | null => {
      if (mine !== generation.current) return null;
      dispatch({ type: "read", data: fresh });
      return fresh;
    };
  }, []);

  /** Reads the workbook again and makes it the pane's data; returns it (null if another workbook took over). */
  const refresh = useCallback(
    async (target: WorkbookSession): Promise<PaneData | null> => {
      const keep = keepRead();
      return keep(await target.read());
    },
    [keepRead],
  );

  // The period chosen, for a workbook adopted later (the session reports at it).
  const chosen = useRef(chosenPeriod);
  chosen.current = chosenPeriod;

  /** Makes `target` the pane's workbook and reads it, at the period chosen. */
  const adopt = useCallback(
    async (target: WorkbookSession) => {
      generation.current++;
      dispatch({ type: "adopted", session: target });
      await target.choose(chosen.current, host.today());
      return refresh(target);
    },
    [refresh, host],
  );

  const run = useCallback(
    async (kind: Activity, section: Section, work: () => Promise<void>, failure: (error: unknown) => Message) => {
      dispatch({ type: "activity", activity: kind });
      say(section, null);
      try {
        await work();
      } catch (error) {
        say(section, failure(error));
      } finally {
        dispatch({ type: "activity", activity: null });
      }
    },
    [say],
  );

  /** Reads the workbook again after a write whose re-read failed; says so again if it fails again. */
  const retryRead = useCallback(
    async (section: Section, target: WorkbookSession, written: Message) => {
      await run(
        "reading",
        section,
        async () => {
          await refresh(target);
          say(section, { intent: "success", title: "Read the workbook again", lines: [`${written.title}.`] });
        },
        (error) => notReadAgainMessage(written, error, () => void retryRead(section, target, written)),
      );
    },
    [run, refresh, say],
  );

  /**
   * Commit then refresh: `commit` is a session's write, which reads the workbook again after it (its failure is
   * the action's: nothing was written); `said` of the outcome is the message, or, when only the re-read failed,
   * that the workbook was written but could not be read again. Said in `section` (null: only returned, for a tab
   * that keeps its own).
   */
  const write = useCallback(
    async <T>(
      section: Section | null,
      target: WorkbookSession,
      commit: () => Promise<Written<T>>,
      said: (outcome: T) => Said,
    ): Promise<Written<T> & { message: Message | null }> => {
      const mine = generation.current;
      const done = await commit();
      let message = said(done.outcome);
      if (mine !== generation.current) return { ...done, message };
      if (done.data) {
        dispatch({ type: "read", data: done.data });
      } else {
        const written = message ?? { intent: "success" as const, title: "Written", lines: [] };
        const again = section ?? "file";
        message = notReadAgainMessage(written, done.refreshError, () => void retryRead(again, target, written));
      }
      if (message && section) say(section, message);
      return { ...done, message };
    },
    [say, retryRead],
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
      (error) => failedMessage("Could not read the workbook", error, "Close and reopen the add-in to try again."),
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
    if (host.mode !== "standalone" || !session || !session.downloadable) return;
    await run(
      "downloading",
      "file",
      async () => {
        const name = downloadName(session.label);
        host.save(await session.toBytes(), name);
        dispatch({ type: "downloaded" });
        say("file", { intent: "success", title: `Downloaded ${name}`, lines: [] });
      },
      (error) => failedMessage("Could not download the workbook", error),
    );
  }, [host, session, run, say]);

  /** Standalone mode with nothing open yet: a new empty workbook to write into. */
  const workbookToWrite = useCallback(async (): Promise<WorkbookSession> => {
    if (session) return session;
    if (host.mode !== "standalone") throw new Error("The workbook is not available yet");
    const created = await host.create(NEW_FILE);
    await adopt(created);
    return created;
  }, [session, host, adopt]);

  // ---- Start ----

  const insertTemplates = useCallback(async () => {
    await run(
      "inserting",
      "start",
      async () => {
        const target = await workbookToWrite();
        await write(
          "start",
          target,
          async () => {
            const done = await target.insertTemplates();
            if (done.outcome.inserted.length > 0) dispatch({ type: "written" });
            return done;
          },
          (outcome) => ({
            intent: outcome.inserted.length > 0 ? "success" : "info",
            title: outcome.inserted.length > 0 ? "Standard templates inserted" : "Nothing to insert",
            lines: [describeInsert(outcome, "template sheets")],
          }),
        );
      },
      (error) =>
        failedMessage(
          "The templates were not inserted",
          error,
          "Sheets that were already in the workbook were not changed.",
        ),
    );
  }, [run, workbookToWrite, write]);

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
          dispatch({ type: "written" });
          say("start", {
            intent: "success",
            title: "Example opened",
            lines: [`The example consortium is open as a new workbook, ${EXAMPLE_FILE}.`],
          });
          return;
        }
        if (!session) throw new Error("The workbook is not available yet");
        const sheets = await loadExampleSheets();
        await write(
          "start",
          session,
          () => session.insertSheetsThenRead(sheets),
          (outcome) => ({
            intent: outcome.skipped.length === 0 ? "success" : "warning",
            title: outcome.inserted.length > 0 ? "Example loaded" : "Example not loaded",
            lines: [
              describeInsert(outcome, "example sheets"),
              ...(outcome.skipped.length > 0
                ? ["Where a sheet was skipped, the figures mix this workbook's data with the example's."]
                : []),
            ],
          }),
        );
      },
      (error) => failedMessage("The example was not loaded", error),
    );
  }, [run, host, session, adopt, write, say]);

  // ---- Period and report ----

  const view = data?.view ?? null;
  const period = view?.period ?? null;

  // ---- Check data ----

  const checkData = useCallback(async () => {
    if (!session) return;
    await run(
      "checking",
      "check",
      async () => {
        const fresh = await refresh(session);
        if (!fresh) return;
        dispatch({ type: "checked", problems: fresh.problems });
        say("check", checkMessage(fresh.problems));
      },
      (error) => failedMessage("Could not read the workbook", error),
    );
  }, [session, run, refresh, say]);

  const selectProblem = useCallback(
    async (problem: Problem) => {
      if (!session) return;
      dispatch({ type: "problemSelected", problem });
      try {
        await session.selectCell(problem.sheet, problem.cell);
      } catch (error) {
        say("check", {
          intent: "warning",
          title: `Could not go to ${cellLabel(problem)}`,
          lines: [`${errorText(error)}.`],
        });
      }
    },
    [session, say],
  );

  // ---- Summary sheets ----

  const updateSummary = useCallback(async () => {
    if (!session) return;
    await run(
      "pushing",
      "push",
      async () => {
        await write(
          "push",
          session,
          async () => {
            const done = await session.updateSummary(chosenPeriod, host.today());
            const outcome = done.outcome;
            if (outcome.kind === "noPeriod") {
              throw new Error("There is no financial year to report on: add targets, actuals or spend first");
            }
            dispatch({ type: "pushed", outcome: outcome.push });
            return { ...done, outcome };
          },
          (outcome) => pushMessage(outcome.push, outcome.errors),
        );
      },
      (error) => failedMessage("The summary sheets were not updated", error, "The workbook was left as it was."),
    );
  }, [session, run, write, chosenPeriod, host]);

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
    if (!session || !sheet || !period) return;
    await run(
      "claiming",
      "claim",
      async () => {
        // Stamp, protection, registry and the Audit row ("By" left blank: the pane does not know who) in one batch.
        await write(
          "claim",
          session,
          async () => {
            const done = await session.submitClaim({
              period,
              sheet,
              submittedOn: submittedOnText(host.today()),
              at: importTimestamp(host.now()),
              command: "pane",
            });
            const outcome = done.outcome;
            if (!outcome.ok) throw new Error(outcome.reason.charAt(0).toUpperCase() + outcome.reason.slice(1));
            dispatch({ type: "claimSubmitted", sheet: outcome.sheet });
            return { ...done, outcome };
          },
          (outcome) => ({
            intent: "success",
            title: `${outcome.sheet} marked as submitted`,
            lines: [
              `The sheet is now protected and stamped as submitted on ${outcome.submittedOn}. Later updates will not overwrite it. Recorded on the Audit sheet.`,
            ],
          }),
        );
      },
      (error) => failedMessage("The claim was not marked as submitted", error, "The workbook was left as it was."),
    );
  }, [claim.sheet, period, session, run, write, host]);

  // ---- Settings ----

  const saveSettings = useCallback(
    async (values: SettingsValues) => {
      if (!session) return;
      await run(
        "saving",
        "settings",
        async () => {
          await write(
            "settings",
            session,
            async () => {
              const done = await session.saveSettings({ ...values });
              dispatch({ type: "written" });
              return done;
            },
            () => ({ intent: "success", title: "Settings saved to the Settings sheet", lines: [] }),
          );
        },
        (error) => failedMessage("The settings were not saved", error, "The workbook was left as it was."),
      );
    },
    [session, run, write],
  );

  const markUnsaved = useCallback(() => dispatch({ type: "written" }), []);
  /** Chooses the period to report at: the session works out its view, shown when it comes back. */
  const setPeriod = useCallback(
    async (period: Period | null) => {
      dispatch({ type: "periodChosen", period });
      if (!session) return;
      const mine = generation.current;
      dispatch({ type: "activity", activity: "viewing" });
      try {
        const shown = await session.choose(period, host.today());
        if (shown && mine === generation.current) dispatch({ type: "viewed", view: shown });
      } catch (error) {
        say("file", failedMessage("Could not report at that period", error));
      } finally {
        dispatch({ type: "activity", activity: null });
      }
    },
    [session, host, say],
  );

  return {
    mode: host.mode,
    session,
    label: session?.label ?? null,
    data,
    /** The workbook's Settings as read; null before a workbook is read. */
    settings: data?.settings ?? null,
    planYears: data?.planYears ?? [],
    hasProjects: (data?.projectCount ?? 0) > 0,
    view,
    activity,
    busy: activity !== null,
    messages,
    dismiss: (section: Section) => say(section, null),
    say,
    run,
    write,
    keepRead,
    markUnsaved,
    unsaved: state.unsaved,
    period,
    fyOptions: view?.fyOptions ?? [],
    setPeriod,
    reportError: view?.reportError ?? null,
    checked: state.checked,
    selectedProblem: state.selectedProblem,
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
