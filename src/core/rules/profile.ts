// Profile: the share of the year's target expected by the end of quarter q (rules.md "Profile").
import type { Profile, Target } from "../model";
import type { Fy, Quarter } from "../periods";

/** The target's Profiles row for the FY; the first one if the sheet repeats it (the importer reports that). */
export function profileFor(target: Target, fy: Fy, profiles: readonly Profile[]): Profile | undefined {
  return profiles.find((profile) => profile.targetId === target.id && profile.fy === fy);
}

/**
 * share(q): the cumulative share of quarters 1..q from the Profiles sheet when the target has a row for
 * the FY; otherwise q/4 for Annual and Cumulative targets, and 1 every quarter for Level targets.
 */
export function share(target: Target, fy: Fy, quarter: Quarter, profiles: readonly Profile[]): number {
  const profile = profileFor(target, fy, profiles);
  if (profile) {
    let total = 0;
    for (let index = 0; index < quarter; index++) total += profile.quarterShares[index];
    return total;
  }
  return target.basis === "Level" ? 1 : quarter / 4;
}
