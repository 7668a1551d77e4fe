import type { Settings } from "../../src/core/model";

/** Settings as templates.md defaults them, for a test consortium whose plan starts in 2008-09. */
export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    consortium: "Test consortium",
    accountableBody: "Test CVS",
    funder: "Capacitybuilders",
    planStart: "2008-09",
    yearStartMonth: 4,
    greenThreshold: 0.95,
    amberThreshold: 0.75,
    spendGreenTolerance: 0.1,
    spendAmberTolerance: 0.25,
    projectRollup: "Average",
    grantRate: 1,
    totalAward: null,
    returnsDueDays: 15,
    templateVersion: 1,
    ...overrides,
  };
}
