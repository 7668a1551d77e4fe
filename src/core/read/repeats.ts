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
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return items.filter((item) => {
    const group = groups.get(keyOf(item)) ?? [item];
    if (group.length === 1) return true;
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
