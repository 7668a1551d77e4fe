// Rows that say the same thing twice (two actuals for one target and quarter): an error on every such row, and
// none of them is counted, because summing them or picking one would be a silent guess.
import { cellAddress } from "../grid";
import type { SheetName } from "./problems";
import type { ImportContext } from "./importContext";

/** What a row is about (e.g. a target ID) and which of its facts it gives (e.g. the quarter of a return). */
export type RepeatKey = readonly [about: string, which: string | number];

export function excludeRepeats<T>(
  items: T[],
  keyOf: (item: T) => RepeatKey,
  labelOf: (item: T) => string,
  where: (item: T) => { row: number; column: number },
  sheet: SheetName,
  context: ImportContext,
  noun: string,
): T[] {
  // Counted by the key's two parts in turn, so no joined text is made (and kept) for every row.
  const counts = new Map<string, Map<string | number, number>>();
  for (const item of items) {
    const [about, which] = keyOf(item);
    let ofThis = counts.get(about);
    if (!ofThis) counts.set(about, (ofThis = new Map()));
    ofThis.set(which, (ofThis.get(which) ?? 0) + 1);
  }
  const isRepeated = (item: T) => {
    const [about, which] = keyOf(item);
    return (counts.get(about)?.get(which) ?? 0) > 1;
  };
  const repeated = items.filter(isRepeated);
  if (repeated.length === 0) return items; // usually: nothing to report or leave out
  const groups = new Map<string, T[]>();
  const groupOf = (item: T) => JSON.stringify(keyOf(item));
  for (const item of repeated) {
    const group = groups.get(groupOf(item));
    if (group) group.push(item);
    else groups.set(groupOf(item), [item]);
  }
  return items.filter((item) => {
    if (!isRepeated(item)) return true;
    const group = groups.get(groupOf(item)) ?? [item];
    const here = where(item);
    const first = group[0];
    const message =
      item === first
        ? `${labelOf(item)}: this ${noun} is repeated in ${rowList(group.slice(1).map((other) => where(other).row))}, so none of these rows is counted`
        : `${labelOf(item)}: repeats the ${noun} in ${cellAddress(where(first).row, where(first).column)}, so none of these rows is counted`;
    context.problems.error(sheet, here.row, here.column, message);
    return false;
  });
}

function rowList(rows: number[]): string {
  const words = rows.map(String);
  const last = words.pop() ?? "";
  return words.length === 0 ? `row ${last}` : `rows ${words.join(", ")} and ${last}`;
}
