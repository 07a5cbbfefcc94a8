import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.ts";
import { thrown } from "../helpers.ts";

// Every rate-like field (discount rates, margins, churn, response and growth rates) is a fraction
// in [0, 1], read by one helper: a percentage such as 10 is refused with "did you mean 0.1?", never
// taken as 1000 % a period.
const sbg = { model: "sbg" as const, params: { alpha: 0.668, beta: 3.806 } };
const purchases = { model: "bg-nbd" as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
const spend = { model: "gamma-gamma" as const, params: { p: 6.25, q: 3.74, gamma: 15.44 } };
const customer = { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };

const cases: [string, string, (rate: number) => unknown][] = [
  [
    "customerLifetimeValue",
    "input.discountRate",
    (r) => lib.customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 0.05, discountRate: r }),
  ],
  ["customerLifetimeValue", "input.churnRate", (r) => lib.customerLifetimeValue({ model: "churn", arpu: 50, churnRate: r })],
  [
    "customerLifetimeValue",
    "input.grossMargin",
    (r) => lib.customerLifetimeValue({ model: "lifetime", arpu: 50, lifetime: 20, grossMargin: r }),
  ],
  [
    "customerLifetimeValue",
    "input.grossMargin",
    (r) => lib.customerLifetimeValue({ model: "orders", transactionsPerPeriod: 2, averageOrderValue: 30, grossMargin: r, lifetime: 3 }),
  ],
  ["cacPaybackMonths", "input.grossMargin", (r) => lib.cacPaybackMonths({ cac: 500, arpu: 50, grossMargin: r })],
  ["compoundRate", "input.rate", (r) => lib.compoundRate({ rate: r, periods: 12 })],
  ["periodicRate", "input.rate", (r) => lib.periodicRate({ rate: r, periods: 12 })],
  ["discountedExpectedLifetime", "options.discountRate", (r) => lib.discountedExpectedLifetime(sbg, { discountRate: r })],
  [
    "expectedLifetimeValue",
    "options.discountRate",
    (r) => lib.expectedLifetimeValue({ purchases, spend }, customer, { periods: 12, discountRate: r }),
  ],
  [
    "expectedLifetimeValue",
    "options.margin",
    (r) => lib.expectedLifetimeValue({ purchases, spend }, customer, { periods: 12, discountRate: 0.01, margin: r }),
  ],
  ["invitationsNeeded", "goal.responseRate", (r) => lib.invitationsNeeded({ n: 370, responseRate: r })],
  ["sampleSizeForProportion", "options.proportion", (r) => lib.sampleSizeForProportion({ marginOfError: 0.05 }, { proportion: r })],
];

describe("rates are fractions", () => {
  it.each(cases)("%s refuses %s = 10 with 'did you mean 0.1?'", (_fn, argument, call) => {
    const e = thrown(() => call(10));
    expect(e).toMatchObject({ kind: "MetricsInputError", code: "OUT_OF_RANGE", argument });
    expect(e.message).toContain("(a fraction, not a percentage: did you mean 0.1?)");
    expect(() => call(0.1)).not.toThrow();
  });

  it("customerLifetimeValue with a discount rate of 0.1 a period (1.0 read 10 as 1000 % and returned 54.73)", () => {
    // By hand: margin · arpu · (1 + d) / (churn + d) = 50 · 1.1 / 0.15 = 366.67 (the discounted churn model).
    expect(lib.customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 0.05, discountRate: 0.1 })).toBeCloseTo(366.6667, 4);
  });
});
