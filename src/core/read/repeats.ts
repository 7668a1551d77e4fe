// Rows that say the same thing twice (two actuals for one target and quarter): an error on every such row, and
// none of them is counted, because summing them or picking one would be a silent guess.
import { cellAddress } from "../grid";
import type { SheetName } from "./problems";
import type { ImportContext } from "./importContext";

/** What a row says something about (e.g. a target ID) and what it says (e.g. the FY and quarter of a return). */
export type RepeatKey = readonly [about: string, which: string];

export function excludeRepeats<T>(
  items: T[],
  keyOf: (item: T) => RepeatKey,
  labelOf: (item: T) => string,
  where: (item: T) => { row: number; column: number },
  sheet: SheetName,
  context: ImportContext,
  noun: string,
): T[] {
  // Counted by the key's two parts in turn, so no joined text is made (and hashed) for every row.
  const keys = items.map(keyOf);
  const counts = new Map<string, Map<string, number>>();
  for (const [about, which] of keys) {
    let ofThis = counts.get(about);
    if (!ofThis) counts.set(about, (ofThis = new Map()));
    ofThis.set(which, (ofThis.get(which) ?? 0) + 1);
  }
  const isRepeated = ([about, which]: RepeatKey) => (counts.get(about)?.get(which) ?? 0) > 1;
  // Only repeated rows need gathering: usually there are none.
  const groups = new Map<string, T[]>();
  const groupKey = ([about, which]: RepeatKey) => JSON.stringify([about, which]);
  items.forEach((item, i) => {
    if (!isRepeated(keys[i])) return;
    const group = groups.get(groupKey(keys[i]));
    if (group) group.push(item);
    else groups.set(groupKey(keys[i]), [item]);
  });
  return items.filter((item, i) => {
    if (!isRepeated(keys[i])) return true;
    const group = groups.get(groupKey(keys[i])) ?? [item];
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
