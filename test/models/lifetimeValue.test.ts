import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  expectedLifetimeValue,
  expectedSpend,
  MetricsInputError,
  MetricsTypeError,
} from "../../src/index.ts";

// test/fixtures/scipy/purchase-models.py: the same sum over periods of scipy's hyp2f1 (BG/NBD),
// quad (Pareto/NBD) and gamma-function (BG/BB) conditional expectations.
const scipy = JSON.parse(readFileSync(new URL("../fixtures/scipy/purchase-models.json", import.meta.url), "utf8"));

const SPEND = { model: "gamma-gamma" as const, params: { p: 6.25, q: 3.74, gamma: 15.44 } };
const CDNOW = { model: "bg-nbd" as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
const CUSTOMER = { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };

function purchasesOf(kind: string, [a, b, c, d]: number[]) {
  if (kind === "bg-nbd") return { model: "bg-nbd" as const, params: { r: a!, alpha: b!, a: c!, b: d! } };
  if (kind === "pareto-nbd") return { model: "pareto-nbd" as const, params: { r: a!, alpha: b!, s: c!, beta: d! } };
  return { model: "bg-bb" as const, params: { alpha: a!, beta: b!, gamma: c!, delta: d! } };
}

describe("expectedLifetimeValue", () => {
  it("equals the discounted sum computed from scipy's conditional expectations (1e-10 relative), for all three purchase models", () => {
    for (const c of scipy.lifetimeValue) {
      const customer =
        c.purchases === "bg-bb"
          ? { frequency: c.x, recency: c.tx, periods: c.T, monetary: c.m }
          : { frequency: c.x, recency: c.tx, T: c.T, monetary: c.m };
      const got = expectedLifetimeValue({ purchases: purchasesOf(c.purchases, c.params), spend: SPEND }, customer as never, {
        periods: c.periods,
        periodLength: c.length,
        discountRate: c.d,
        margin: c.margin,
      });
      expect(Math.abs(got - c.value) / c.value, JSON.stringify(c)).toBeLessThan(1e-10);
    }
  });

  it("without discounting is margin × expected spend × expected purchases over the whole horizon (the sum telescopes)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, length, margin) => {
          const value = expectedLifetimeValue({ purchases: CDNOW, spend: SPEND }, CUSTOMER, {
            periods: n,
            periodLength: length,
            discountRate: 0,
            margin,
          });
          const whole = margin * expectedSpend(SPEND, CUSTOMER) * conditionalExpectedPurchases(CDNOW, CUSTOMER, n * length);
          expect(value).toBeCloseTo(whole, 10);
        },
      ),
    );
  });

  it("falls as the discount rate rises and grows with the horizon", () => {
    const at = (d: number, n: number) =>
      expectedLifetimeValue({ purchases: CDNOW, spend: SPEND }, CUSTOMER, { periods: n, discountRate: d });
    expect(at(0.01, 52)).toBeLessThan(at(0, 52));
    expect(at(0.05, 52)).toBeLessThan(at(0.01, 52));
    expect(at(0.01, 104)).toBeGreaterThan(at(0.01, 52));
  });

  it("a customer with no repeat purchase is valued at the population's mean spend", () => {
    const none = { frequency: 0, recency: 0, T: 38.86, monetary: 0 };
    const value = expectedLifetimeValue({ purchases: CDNOW, spend: SPEND }, none, { periods: 1, periodLength: 39, discountRate: 0 });
    expect(value).toBeCloseTo(((6.25 * 15.44) / 2.74) * conditionalExpectedPurchases(CDNOW, none, 39), 12);
  });

  it("rejects what it cannot value, naming the argument", () => {
    const models = { purchases: CDNOW, spend: SPEND };
    expect(() => expectedLifetimeValue(models, CUSTOMER, { periods: 0, discountRate: 0 })).toThrow(/options\.periods/);
    expect(() => expectedLifetimeValue(models, CUSTOMER, { periods: 3, discountRate: -0.1 })).toThrow(/options\.discountRate/);
    expect(() => expectedLifetimeValue(models, CUSTOMER, { periods: 3, discountRate: 10 })).toThrow(
      /options\.discountRate must be a fraction in \[0, 1\] \(a fraction, not a percentage: did you mean 0\.1\?\)/,
    );
    expect(() => expectedLifetimeValue(models, CUSTOMER, { periods: 3, discountRate: 0.1, margin: 30 })).toThrow(/options\.margin/);
    expect(() => expectedLifetimeValue(models, CUSTOMER, { periods: 3, discountRate: 0.1, horizon: 3 } as never)).toThrow(MetricsTypeError);
    expect(() => expectedLifetimeValue(models, CUSTOMER, { periods: 3 } as never)).toThrow(/options\.discountRate/);
    expect(() => expectedLifetimeValue(models, { ...CUSTOMER, monetary: 0 }, { periods: 3, discountRate: 0 })).toThrow(
      /customer\.monetary/,
    );
    expect(() => expectedLifetimeValue(models, { frequency: 0, recency: 0, T: 5, monetary: 10 }, { periods: 3, discountRate: 0 })).toThrow(
      /0 when frequency is 0/,
    );
    expect(() =>
      expectedLifetimeValue({ purchases: CDNOW, spend: { model: "gamma-gamma", params: { p: 6, q: 0.9, gamma: 15 } } }, CUSTOMER, {
        periods: 3,
        discountRate: 0,
      }),
    ).toThrow(MetricsInputError);
    const donations = purchasesOf("bg-bb", [1.2, 0.75, 0.66, 2.8]);
    expect(() =>
      expectedLifetimeValue({ purchases: donations, spend: SPEND }, { frequency: 1, recency: 1, periods: 6, monetary: 20 } as never, {
        periods: 3,
        discountRate: 0,
        periodLength: 2,
      }),
    ).toThrow(/options\.periodLength must be 1 with a BG\/BB model/);
  });
});
