// Rows that say the same thing twice (two actuals for one target and quarter): an error on every such row, and
// none of them is counted, because summing them or picking one would be a silent guess.
import { cellAddress } from "../grid";
import type { SheetName } from "./problems";
import type { ImportContext } from "./importContext";

export function excludeRepeats<T>(
  items: T[],
  keyOf: (item: T) => string,
  labelOf: (item: T) => string,
  where: (item: T) => { row: number; column: number },
  sheet: SheetName,
  context: ImportContext,
  noun: string,
): T[] {
  const keys = items.map(keyOf);
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  // Only repeated keys need their rows gathered: usually there are none.
  const groups = new Map<string, T[]>();
  items.forEach((item, i) => {
    if (counts.get(keys[i]) === 1) return;
    const group = groups.get(keys[i]);
    if (group) group.push(item);
    else groups.set(keys[i], [item]);
  });
  return items.filter((item, i) => {
    const group = groups.get(keys[i]);
    if (!group) return true;
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
