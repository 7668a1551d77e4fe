// The Returns tab's state and actions: partner returns made for the chosen period (files to download, or sheets
// written into the workbook), filled returns read from files and previewed, then applied in one batch, and the
// tracker of who has returned. The orchestration is the core's (outgoingReturns, importReturnFiles); files are
// drawn and read by the host's ExcelJS adapter, the workbook only through its session.
import { useCallback, useEffect, useState } from "react";
import type { Problem } from "../../core/model";
import { formatCalendarDate, periodLabel, type Period } from "../../core/periods";
import { readDate } from "../../core/read/dates";
import { importTimestamp, type IncomingReturns, type ReturnFile } from "../../core/returns/incoming";
import { nothingToReportSentence } from "../../core/returns/outgoing";
import type { PartnerStatus, StatusRequest } from "../../core/returns/status";
import { fileBytes, type TaskpaneHost } from "./host";
import type { WorkbookSession } from "./session";
import type { ConsortiumModel, Message, PaneData } from "./useConsortium";
import { plural } from "../../core/words";
import { describeInsert, errorText } from "./wording";

/** A partner's return drawn as a file, ready to download. */
export interface ReturnFileToSend {
  partner: string;
  fileName: string;
  targets: number;
  lines: number;
  bytes: Uint8Array;
}

export interface MadeReturns {
  period: Period;
  files: ReturnFileToSend[];
}

/** Filled returns read and previewed against the workbook: what "Apply returns" would write. */
export interface ReturnsPreview {
  /** The files as read (a file that could not be opened has no sheets). */
  files: ReturnFile[];
  /** Problems of files that could not be opened as .xlsx at all, by file name. */
  unopened: Map<string, Problem>;
  result: IncomingReturns;
}

function errorsIn(data: PaneData): number {
  return data.problems.filter((problem) => problem.severity === "error").length;
}

/**
 * Partners whose figures for `sendPeriod` are already in the workbook: the due quarter's come with the data read;
 * another quarter's are asked of the session.
 */
function useAlreadyIn(session: WorkbookSession | null, data: PaneData | null, sendPeriod: Period | null): string[] {
  const due = data?.due ?? null;
  const isDue = due !== null && sendPeriod !== null && periodLabel(due.period) === periodLabel(sendPeriod);
  const [asked, setAsked] = useState<{ key: string; partners: string[] } | null>(null);
  const key = sendPeriod && !isDue ? periodLabel(sendPeriod) : "";
  useEffect(() => {
    if (!session || !sendPeriod || !key) return;
    let live = true;
    session.partnersWithFiguresIn(sendPeriod).then(
      (partners: string[]) => live && setAsked({ key, partners }),
      () => live && setAsked({ key, partners: [] }),
    );
    return () => {
      live = false;
    };
    // Asked again whenever the workbook is read again (data).
  }, [session, data, key, sendPeriod]);
  if (isDue) return due.alreadyIn;
  return asked && asked.key === key ? asked.partners : [];
}

export function useReturns(host: TaskpaneHost, model: ConsortiumModel) {
  const { session, period, data, run, say, markUnsaved, write, keepRead } = model;
  const [made, setMade] = useState<MadeReturns | null>(null);
  // Returns go out for the quarter due next (not the quarter on screen, which is usually one already in), unless
  // the finance officer chooses another.
  const due = data?.due ?? null;
  const [chosenPeriod, setChosenPeriod] = useState<Period | null>(null);
  const sendPeriod = chosenPeriod ?? due?.period ?? period;
  const alreadyIn = useAlreadyIn(session, data, sendPeriod);
  useEffect(() => setChosenPeriod(null), [session]);
  const [preview, setPreview] = useState<ReturnsPreview | null>(null);
  /** "YYYY-MM-DD" from the date field, or "" for today. */
  const [receivedOn, setReceivedOn] = useState("");

  // Returns made or previewed for one workbook and period do not carry over to another.
  const periodKey = period ? periodLabel(period) : "";
  useEffect(() => {
    setMade(null);
    setPreview(null);
  }, [session, periodKey]);

  const tracker = data?.view.tracker ?? null;
  const expected = data?.view.expected ?? [];

  // ---- Create returns ----

  const makeReturns = useCallback(async () => {
    const period = sendPeriod;
    if (!session || !period) return;
    await run(
      "makingReturns",
      "makeReturns",
      async () => {
        setMade(null);
        const keep = keepRead();
        const made = await session.returnsToMake(period, { masterName: session.label, preparedOn: host.today() });
        const fresh = keep(made.data);
        if (!fresh) return;
        const outgoing = made.outgoing;
        const label = periodLabel(period);
        if (outgoing.returns.length === 0) {
          say("makeReturns", {
            intent: "info",
            title: "No returns to make",
            lines: [`No partner has targets or budget lines in ${period.fy}, so there are no returns for ${label}.`],
          });
          return;
        }
        const files: ReturnFileToSend[] = [];
        for (const book of outgoing.returns) {
          const bytes = await host.files.draw(book.sheets, book.fileName);
          files.push({ ...book, bytes });
        }
        setMade({ period, files });
        const errors = errorsIn(fresh);
        // Recorded on the Returns status sheet, so the tracker can say Sent rather than Not sent.
        await write(
          "makeReturns",
          session,
          async () => {
            const done = await session.recordReturnsSent(outgoing, importTimestamp(host.now()), "pane");
            markUnsaved();
            return done;
          },
          (): Message => ({
            intent: errors > 0 ? "warning" : "success",
            title: `${plural(files.length, "return")} made for ${label}`,
            lines: [
              `Due back by ${formatCalendarDate(outgoing.dueOn)}. Download each one below and send it to its partner.`,
              ...(nothingToReportSentence(outgoing) ? [nothingToReportSentence(outgoing)] : []),
              ...(errors > 0
                ? [
                    `The workbook has ${plural(errors, "error")} (see Check data): the returns leave out what could not be read.`,
                  ]
                : []),
            ],
          }),
        );
      },
      (error) => ({ intent: "error", title: "The returns were not made", lines: [`${errorText(error)}.`] }),
    );
  }, [session, sendPeriod, run, keepRead, host, say, markUnsaved, write]);

  // ---- Review and lock ----

  const statuses: PartnerStatus[] = data?.view.statuses ?? [];

  /** Records a review decision in the workbook (Returns status and Audit sheets), or says why it cannot. */
  const review = useCallback(
    async (partner: string, action: StatusRequest["action"], reason: string) => {
      if (!session || !period) return;
      await run(
        "reviewingReturns",
        "reviewReturns",
        async () => {
          const request: StatusRequest = {
            partner,
            period,
            action,
            reason,
            at: importTimestamp(host.now()),
            command: "pane",
          };
          await write(
            "reviewReturns",
            session,
            async () => {
              const done = await session.reviewReturn(request);
              if (done.outcome.ok) markUnsaved();
              return done;
            },
            (outcome): Message =>
              !outcome.ok
                ? { intent: "warning", title: "Nothing changed", lines: [`${outcome.reason}.`] }
                : {
                    intent: "success",
                    title: `${outcome.status.partner}, ${periodLabel(period)}: ${outcome.status.state}${outcome.status.reopened && outcome.status.state === "Received" ? " (reopened)" : ""}`,
                    lines: [
                      action === "Accepted"
                        ? "Its figures for the quarter are locked: a later return is refused until the quarter is reopened."
                        : "Recorded on the Returns status and Audit sheets.",
                    ],
                  },
          );
        },
        (error) => ({ intent: "error", title: "The decision was not recorded", lines: [`${errorText(error)}.`] }),
      );
    },
    [session, period, run, host, markUnsaved, write],
  );

  const download = useCallback((file: ReturnFileToSend) => host.save(file.bytes, file.fileName), [host]);
  const downloadAll = useCallback(
    () => made?.files.forEach((file) => host.save(file.bytes, file.fileName)),
    [host, made],
  );

  /** For a host that cannot save files (Excel desktop): each partner's two sheets, added to this workbook. */
  const writeReturnSheets = useCallback(async () => {
    const period = sendPeriod;
    if (!session || !period) return;
    await run(
      "makingReturns",
      "makeReturns",
      async () => {
        const keep = keepRead();
        const made = await session.returnsToMake(period, { masterName: session.label, preparedOn: host.today() });
        if (!keep(made.data)) return;
        const outgoing = made.outgoing;
        if (outgoing.returns.length === 0) {
          say("makeReturns", {
            intent: "info",
            title: "No returns to write",
            lines: [`No partner has targets or budget lines in ${period.fy}.`],
          });
          return;
        }
        await write(
          "makeReturns",
          session,
          async () => {
            const done = await session.writeReturnSheets(outgoing);
            if (done.outcome.inserted.length > 0) markUnsaved();
            return done;
          },
          (outcome): Message => ({
            intent: outcome.skipped.length > 0 ? "warning" : "success",
            title: `Wrote ${plural(outgoing.returns.length, "partner's return", "partners' returns")} as sheets`,
            lines: [
              describeInsert(outcome, "sheets"),
              "To send one: select its two sheets (Return … and Return info …), right-click a tab, choose Move or Copy, pick (new book) and tick Create a copy; then save that workbook and send it. It imports as it is.",
            ],
          }),
        );
      },
      (error) => ({
        intent: "error",
        title: "The return sheets were not written",
        lines: [`${errorText(error)}.`, "Sheets already in the workbook were not changed."],
      }),
    );
  }, [session, sendPeriod, run, keepRead, host, say, markUnsaved, write]);

  // ---- Import returns ----

  const importOptions = useCallback(() => {
    const read = receivedOn ? readDate(receivedOn) : null;
    if (read && !read.ok) throw new Error(`"${receivedOn}" is not a date: choose the day the returns came in`);
    return { period: period ?? undefined, importedAt: importTimestamp(host.now()), receivedOn: read?.value };
  }, [receivedOn, period, host]);

  const previewReturns = useCallback(
    async (chosen: readonly File[]) => {
      if (!session || !period || chosen.length === 0) return;
      await run(
        "readingReturns",
        "importReturns",
        async () => {
          setPreview(null);
          const files: ReturnFile[] = [];
          const unopened = new Map<string, Problem>();
          for (const file of chosen) {
            try {
              files.push({ fileName: file.name, grids: await host.files.read(await fileBytes(file), file.name) });
            } catch (error) {
              files.push({ fileName: file.name, grids: [] });
              unopened.set(file.name, {
                sheet: file.name,
                cell: "",
                severity: "error",
                message: `${file.name} could not be opened as an .xlsx workbook (${errorText(error)})`,
              });
            }
          }
          const result = await session.previewReturns(files, importOptions(), unopened);
          setPreview({ files, unopened, result });
          const ready = result.returns.filter((r) => r.outcome === "ready").length;
          say("importReturns", {
            intent: ready > 0 ? "info" : "warning",
            title:
              ready > 0
                ? `${plural(ready, "return")} ready to apply`
                : `Nothing to apply from ${plural(files.length, "file")}`,
            lines: [
              ready > 0
                ? "Nothing has changed yet: check the preview below, then choose Apply returns."
                : "Nothing has changed: see each file below.",
            ],
          });
        },
        (error) => ({ intent: "error", title: "The returns were not read", lines: [`${errorText(error)}.`] }),
      );
    },
    [session, period, run, host, importOptions, say],
  );

  const applyReturns = useCallback(async () => {
    if (!session || !preview) return;
    await run(
      "applyingReturns",
      "importReturns",
      async () => {
        // Worked out again on the workbook as it is now: in Excel it may have changed since the preview.
        await write(
          "importReturns",
          session,
          async () => {
            const done = await session.applyReturns(preview.files, importOptions(), preview.result, preview.unopened);
            const outcome = done.outcome;
            if (outcome.kind === "changed") setPreview({ ...preview, result: outcome.result });
            if (outcome.kind === "applied") {
              markUnsaved();
              setPreview(null);
            }
            return done;
          },
          (outcome): Message | null => {
            if (outcome.kind === "changed") {
              return {
                intent: "warning",
                title: "The workbook changed since the preview",
                lines: ["Nothing was applied. Check the preview below again, then choose Apply returns."],
              };
            }
            if (outcome.kind === "nothing") return null;
            const applied = outcome.result.returns.filter((r) => r.outcome === "ready");
            const skipped = preview.result.returns.filter((r) => r.outcome !== "ready");
            return {
              intent: skipped.some((r) => r.outcome === "refused") ? "warning" : "success",
              title: `Applied ${plural(applied.length, "return")}`,
              lines: [
                ...applied.map(
                  (r) =>
                    `${r.preview!.partner} (${r.fileName}): ${plural(r.preview!.added.length, "row")} added, ${plural(r.preview!.changed.length, "value")} changed.`,
                ),
                ...skipped.map((r) =>
                  r.outcome === "already"
                    ? `${r.fileName}: already imported, nothing changed.`
                    : `${r.fileName}: not applied because of its errors.`,
                ),
                `Each applied return is recorded in the Import log${model.mode === "standalone" ? "; download the workbook to keep the changes" : ""}.`,
              ],
            };
          },
        );
      },
      (error) => ({
        intent: "error",
        title: "The returns were not applied",
        lines: [`${errorText(error)}.`, "The workbook was left as it was."],
      }),
    );
  }, [session, preview, run, importOptions, markUnsaved, write, model.mode]);

  const discardPreview = useCallback(() => {
    setPreview(null);
    say("importReturns", null);
  }, [say]);

  return {
    made,
    due,
    sendPeriod,
    setSendPeriod: setChosenPeriod,
    alreadyIn,
    statuses,
    review,
    preview,
    tracker,
    expected,
    receivedOn,
    setReceivedOn,
    makeReturns,
    download,
    downloadAll,
    writeReturnSheets,
    previewReturns,
    applyReturns,
    discardPreview,
  };
}

export type ReturnsModel = ReturnType<typeof useReturns>;
