// Excel on the web refuses a request (one context.sync) larger than about 5 MB. Every write the adapter queues
// first reserves its estimated size here; when the batch would pass the budget (WRITE_BUDGET_BYTES on the web)
// the batch is sent first. Summary sheets for ordinary consortia fit one batch and the benchmark's 10,000 targets
// three (the RAG sheet gives a reason beside every Amber, Red and Awaiting target), so a push takes at most 5 syncs
// there; each further 4 MB of estimated payload adds one.
// Excel on Windows, Mac and iPad has no such limit, and there a batch is never split.

/** Kept well under the 5 MB limit because the estimate is approximate. */
export const WRITE_BUDGET_BYTES = 4_000_000;

/** A queued property write or method call costs about this much in the request (action and object path). */
export const OPERATION_BYTES = 150;

/** The approximate request size of values or formats written as a 2D array. */
export function arrayBytes(rows: readonly (readonly unknown[])[]): number {
  return JSON.stringify(rows).length;
}

/** The platform Office reports ("OfficeOnline", "PC", "Mac", ...), or undefined outside Office or on an old host. */
export function officePlatform(): string | undefined {
  if (typeof Office === "undefined") return undefined;
  const platform = Office.context?.diagnostics?.platform ?? Office.context?.platform;
  return platform ? String(platform) : undefined;
}

/** The request budget on a platform: the web's (also when the platform is unknown), or none at all. */
export function requestBudgetFor(platform: string | undefined): number {
  return platform === undefined || platform === "OfficeOnline" ? WRITE_BUDGET_BYTES : Number.POSITIVE_INFINITY;
}

export class SyncBudget {
  private pendingBytes = 0;
  private syncCount = 0;

  constructor(
    private readonly context: Pick<Excel.RequestContext, "sync">,
    private readonly limitBytes = WRITE_BUDGET_BYTES,
  ) {}

  /** Room for `operations` queued calls plus `dataBytes` of arguments; sends the batch so far if it would not fit. */
  async reserve(operations: number, dataBytes = 0): Promise<void> {
    const bytes = operations * OPERATION_BYTES + dataBytes;
    if (this.pendingBytes > 0 && this.pendingBytes + bytes > this.limitBytes) await this.flush();
    this.pendingBytes += bytes;
  }

  /** Sends whatever is queued (if anything). */
  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    await this.context.sync();
    this.syncCount++;
    this.pendingBytes = 0;
  }

  get syncs(): number {
    return this.syncCount;
  }
}
