// Money in whole pence. Amounts are read from pounds once, summed as integers, and turned back into pounds
// only at the edge (the report, a sheet), so no sum ever shows binary-fraction noise (300.99, not
// 300.99999999999994).

/** A whole number of pence. */
export type Pence = number;

/**
 * Pounds as read from a cell to whole pence, to the nearest penny. The product is first cut to 15 significant
 * digits so that 1.005 (stored as 1.00499999999999989...) is 100.5 pence before it is rounded, as written.
 */
export function penceFromPounds(pounds: number): Pence {
  return Math.round(Number((pounds * 100).toPrecision(15)));
}

/** True when the pounds have no fraction of a penny (1.25 yes, 1.255 no). */
export function isWholePence(pounds: number): boolean {
  return Math.abs(pounds * 100 - penceFromPounds(pounds)) < 1e-6;
}

/** Whole pence back to pounds: 30099 is exactly the double nearest 300.99. */
export function poundsFromPence(pence: Pence): number {
  return pence / 100;
}

/**
 * A share of an amount (e.g. the grant rate of eligible spend), rounded down to the penny: a claim never asks
 * for a fraction of a penny more than the rate allows. The product is cut to 12 significant digits first, so
 * that 29% of £1.00 (28.999999999999996 in binary) is 29 pence, not 28.
 */
export function shareRoundedDown(pence: Pence, rate: number): Pence {
  return Math.floor(Number((pence * rate).toPrecision(12)));
}

/** The sum of whole-pence amounts. */
export function sumPence(amounts: Iterable<Pence>): Pence {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total;
}
