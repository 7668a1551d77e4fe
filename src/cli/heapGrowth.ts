// How far the command line lets its heap grow between full garbage collections. It reads and writes whole
// workbooks in one go, so most of what it allocates lives a while and then dies together. Left to itself V8 lets
// the heap grow to up to four times what was live at the last full collection: for a consortium of 50,000 targets
// (about 400 MB live while the summary sheets are made) that is well over a gigabyte, and more or less from run to
// run. Held to double, it collects a little more often, for about the same CPU time (`npm run bench` shows both).
// Not a limit: a bigger workbook still gets all the memory it needs.
import { setFlagsFromString } from "v8";

let held = false;

/** Holds the heap's growth between full collections to double what is live; once per process. */
export function holdHeapGrowthToDouble(): void {
  if (held) return;
  held = true;
  setFlagsFromString("--heap-growing-percent=100");
}
