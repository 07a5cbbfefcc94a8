import { describe, expect, it } from "vitest";
import {
  averageRevenuePerUser,
  cacPaybackMonths,
  churnRate,
  cohortRetention,
  customerLifetimeValue,
  grossRevenueRetention,
  MetricsTypeError,
  movementRates,
  mrrChurn,
  mrrMovements,
  netRevenueRetention,
  quickRatio,
  retentionRate,
} from "../../src/index.ts";

// The edges of the revenue functions that the first mutation run of src/revenue found untested.
// Each expected figure is worked by hand from the function's documented formula.
describe("revenue edges", () => {
  it("churnRate: every customer lost is a rate of 1, one more is an error", () => {
    expect(churnRate({ starting: 10, churned: 10 })).toBe(1);
    expect(() => churnRate({ starting: 10, churned: 11 })).toThrow(/^customers\.churned must be at most/);
  });

  it("retentionRate: reactivated customers are not kept ones, (210 − 30 − 10)/200 = 0.85, and bound the ending count", () => {
    expect(retentionRate({ starting: 200, ending: 210, new: 30, reactivated: 10 })).toBe(0.85);
    expect(() => retentionRate({ starting: 200, ending: 245, new: 30, reactivated: 10 })).toThrow(
      "customers.ending must be between new + reactivated (40) and starting + new + reactivated (240); got 245",
    );
  });

  it("endingMrr is checked against the movements to a billionth of the larger of start and end", () => {
    // 1e6 − 3e4 − 1e4 + 6e4 = 1.02e6; a gap of 1e-4 is inside 1e-9 × 1.02e6, one of 0.01 is not.
    const movements = { startingMrr: 1e6, churnedMrr: 3e4, contractionMrr: 1e4, expansionMrr: 6e4 };
    expect(netRevenueRetention({ ...movements, endingMrr: 1.02e6 + 1e-4 })).toBeCloseTo(1.02, 12);
    expect(() => netRevenueRetention({ ...movements, endingMrr: 1.02e6 + 0.01 })).toThrow(/^movements\.endingMrr must be starting \+ new/);
    expect(() => mrrChurn({ startingMrr: 0, churnedMrr: 0 })).toThrow(/^movements\.startingMrr must be a number > 0; got 0/);
  });

  it("averageRevenuePerUser of one customer; cacPaybackMonths with no margin given is at a margin of 1", () => {
    expect(averageRevenuePerUser({ revenue: 50, customers: 1 })).toBe(50);
    expect(cacPaybackMonths({ cac: 400, arpu: 50 })).toBe(8);
    expect(cacPaybackMonths({ cac: 400, arpu: 50, grossMargin: 0.8 })).toBe(10);
  });

  it("customerLifetimeValue with churn equal to the discount rate: 50 × 1.01 / 0.02 = 2525", () => {
    expect(customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 0.01, discountRate: 0.01 })).toBeCloseTo(2525, 10);
    expect(() => customerLifetimeValue(5 as never)).toThrow(
      /^input must be an object naming its model: \{ model: "lifetime" \| "churn" \| "orders", … \}/,
    );
  });

  it("movementRates: the trailing gross retention is the product of the periods' (1 × 0.6), and windows with a gap have none", () => {
    const changes = [
      { customer: "a", time: "2026-01-05", mrr: 100 },
      { customer: "b", time: "2026-01-20", mrr: 100 },
      { customer: "a", time: "2026-02-10", mrr: 150 },
      { customer: "b", time: "2026-03-15", mrr: 0 },
    ];
    const rates = movementRates(mrrMovements(changes), { trailing: 2 });
    // February: 200 → 250 (expansion 50), gross retention 1; March: 250 → 150 (b's 100 churned), 0.6.
    expect(rates[1]!.grossRevenueRetention).toBe(1);
    expect(rates[2]!.grossRevenueRetention).toBe(0.6);
    expect(rates[2]!.trailing!.grossRevenueRetention).toBe(0.6);
    expect(rates[2]!.trailing!.grossMrrChurn).toBeCloseTo(0.4, 15);
    // January starts from nothing: no rate, so no window that includes it.
    expect(rates[0]!.grossMrrChurn).toBeNull();
    expect(rates[1]!.trailing).toBeNull();
    expect(() => movementRates({ periods: 5 } as never)).toThrow(/^report\.periods must be the periods of an mrrMovements report/);
  });

  it("cohortRetention lists cohorts in time order, whatever order the changes come in", () => {
    const changes = [
      { customer: "c", time: "2026-03-02", mrr: 10 },
      { customer: "a", time: "2026-01-05", mrr: 10 },
      { customer: "b", time: "2026-02-10", mrr: 10 },
    ];
    const sorted = [...changes].sort((x, y) => x.time.localeCompare(y.time));
    const report = cohortRetention(changes, { end: "2026-03-31" });
    expect(report.matrix.map((c) => c.cohort)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(report).toEqual(cohortRetention(sorted, { end: "2026-03-31" }));
    expect(() => cohortRetention(changes, { end: "2025-12-31" })).toThrow(/^options\.end must be a period at or after/);
  });

  it("cohortRetention: a cohort with no customer left bills exactly 0, whatever its changes sum to (0.1 + 0.2 − 0.1 − 0.2)", () => {
    const changes = [
      { customer: "a", time: "2026-01-05", mrr: 0.1 },
      { customer: "b", time: "2026-01-06", mrr: 0.2 },
      { customer: "a", time: "2026-02-05", mrr: 0 },
      { customer: "b", time: "2026-03-06", mrr: 0 },
    ];
    const [january] = cohortRetention(changes, { end: "2026-03-31" }).matrix;
    expect(january!.customers).toEqual([2, 1, 0]);
    expect(january!.mrr[2]).toBe(0); // the running sum is 2.8e-17
    expect(january!.mrrShare[2]).toBe(0);
  });
});

describe("revenue edges, second mutation run", () => {
  it("retentionRate: no customer kept is a rate of 0 (ending = new + reactivated)", () => {
    expect(retentionRate({ starting: 200, ending: 40, new: 30, reactivated: 10 })).toBe(0);
  });

  it("endingMrr exactly a billionth of the start away is accepted; the checks need startingMrr", () => {
    // 1e-9 × 1e9 = 1 exactly in doubles: a gap of 1 is at the tolerance, 2 is past it.
    expect(netRevenueRetention({ startingMrr: 1e9, endingMrr: 1e9 - 1 })).toBe(1);
    expect(() => netRevenueRetention({ startingMrr: 1e9, endingMrr: 1e9 - 2 })).toThrow(/^movements\.endingMrr must be/);
    // quickRatio needs no startingMrr, and without one an endingMrr is not checked against the movements.
    expect(quickRatio({ newMrr: 30, churnedMrr: 10, endingMrr: 500 })).toBe(3);
    expect(() => grossRevenueRetention({ churnedMrr: 1 } as never)).toThrow(/^movements\.startingMrr must be .*; got undefined$/);
  });

  it("customerLifetimeValue: null is not an object naming a model; the orders model needs its margin", () => {
    expect(() => customerLifetimeValue(null as never)).toThrow(/^input must be an object naming its model/);
    expect(() => customerLifetimeValue({ model: "orders", transactionsPerPeriod: 4, averageOrderValue: 60, lifetime: 3 } as never)).toThrow(
      /^input\.grossMargin must be/,
    );
  });

  it("movementRates: a period whose movements cannot give a rate has none; data of the wrong type is an error", () => {
    const report = mrrMovements([
      { customer: "a", time: "2026-01-05", mrr: 100 },
      { customer: "a", time: "2026-02-10", mrr: 150 },
      { customer: "a", time: "2026-03-10", mrr: 120 },
    ]);
    const withRow = (i: number, change: object) => ({
      ...report,
      periods: report.periods.map((p, j) => (j === i ? { ...p, ...change } : p)),
    });
    // February's customer counts cannot give a churn rate (more churned than started): none for
    // it, and no trailing window through it; counts of the wrong type are an error, not a gap.
    const february = report.periods[1]!.customers;
    const impossible = movementRates(withRow(1, { customers: { ...february, churned: 5 } }), { trailing: 2 });
    expect(impossible[1]!.customerChurn).toBeNull();
    expect(impossible[2]!.trailing).toBeNull();
    expect(() => movementRates(withRow(1, { customers: { ...february, churned: "1" } }))).toThrow(MetricsTypeError);
    // A window with customers but no revenue at its start, or revenue but no customers, has no trailing rates.
    expect(movementRates(withRow(1, { startingMrr: 0 }), { trailing: 2 })[2]!.trailing).toBeNull();
    expect(movementRates(withRow(1, { customers: { ...february, starting: 0 } }), { trailing: 2 })[2]!.trailing).toBeNull();
    expect(movementRates(report, { trailing: 2 })[2]!.trailing).not.toBeNull();
    expect(() => movementRates(report, { denominator: "end" } as never)).toThrow(/^options\.denominator must be one of/);
  });
});
