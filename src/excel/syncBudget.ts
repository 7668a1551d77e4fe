// Excel on the web refuses a request (one context.sync) larger than about 5 MB. Every write the adapter queues
// first reserves its estimated size here; when the batch would pass WRITE_BUDGET_BYTES the batch is sent first.
// Summary sheets for ordinary consortia (and the benchmark's 10,000 targets on a current host) fit one batch, so
// the number of syncs is fixed; only beyond ~4 MB of estimated payload is one more sync added per 4 MB.

/** Kept well under the 5 MB limit because the estimate is approximate. */
export const WRITE_BUDGET_BYTES = 4_000_000;

/** A queued property write or method call costs about this much in the request (action and object path). */
export const OPERATION_BYTES = 150;

/** The approximate request size of values or formats written as a 2D array. */
export function arrayBytes(rows: readonly (readonly unknown[])[]): number {
  return JSON.stringify(rows).length;
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
