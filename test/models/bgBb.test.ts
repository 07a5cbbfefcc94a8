import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitBgBb, MetricsInputError, MetricsTypeError } from "../../src/index.ts";
import { once } from "../helpers.ts";

// Fader, Hardie & Shang (2010) donations via `lifetimes` (MIT), copied from ../shared/data:
// 11,104 first-time supporters over 6 annual opportunities, `weights` donors per pattern.
const donations = readFileSync(new URL("../fixtures/shared/donations.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",").map(Number))
  .map(([frequency, recency, periods, weights]) => ({ frequency: frequency!, recency: recency!, periods: periods!, count: weights! }));

describe("fitBgBb", () => {
  const fitted = once(() => fitBgBb(donations));

  it("fitBgBb(donations) reproduces the published fit: α 1.204, β 0.750, γ 0.657, δ 2.783", () => {
    expect(fitted().params.alpha.toFixed(3)).toBe("1.204");
    expect(fitted().params.beta.toFixed(3)).toBe("0.750");
    expect(fitted().params.gamma.toFixed(3)).toBe("0.657");
    expect(fitted().params.delta.toFixed(3)).toBe("2.783");
    expect(fitted()).toMatchObject({ model: "bg-bb", n: 11104, converged: true });
    // Fader, Hardie & Shang (2010) report LL = −33,225.6 for this fit.
    expect(fitted().logLikelihood!.toFixed(1)).toBe("-33225.6");
    for (const p of ["alpha", "beta", "gamma", "delta"] as const) expect(fitted().standardErrors![p]).toBeGreaterThan(0);
  });

  it("fitBgBb(one row per donor) equals the fit of the counted patterns", () => {
    const expanded = donations.flatMap(({ count, ...h }) => Array.from({ length: count }, () => h));
    const fit = fitBgBb(expanded);
    expect(fit.n).toBe(11104);
    for (const p of ["alpha", "beta", "gamma", "delta"] as const) expect(fit.params[p]).toBeCloseTo(fitted().params[p], 8);
    expect(fit.logLikelihood).toBeCloseTo(fitted().logLikelihood!, 6);
  });

  it("fitBgBb(customers) ignores row order and how identical donors are split across rows", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(donations, { minLength: donations.length, maxLength: donations.length }),
        fc.integer({ min: 0, max: donations.length - 1 }),
        (shuffled, split) => {
          // One pattern split into two rows whose counts add up.
          const row = shuffled[split]!;
          const rows = row.count > 1 ? [...shuffled, { ...row, count: 1 }] : shuffled;
          if (row.count > 1) rows[split] = { ...row, count: row.count - 1 };
          const fit = fitBgBb(rows);
          for (const p of ["alpha", "beta", "gamma", "delta"] as const) expect(fit.params[p]).toBeCloseTo(fitted().params[p], 6);
        },
      ),
      { numRuns: 20 },
    );
  });

  it("fitBgBb(customers) rejects histories that cannot be, or cannot identify the model", () => {
    expect(() => fitBgBb([{ frequency: 0, recency: 0, periods: 6 }])).toThrow(/some repeat transactions and some missed/);
    expect(() => fitBgBb([{ frequency: 6, recency: 6, periods: 6, count: 3 }])).toThrow(/some repeat transactions and some missed/);
    expect(() => fitBgBb([{ frequency: 3, recency: 2, periods: 6 }])).toThrow(
      /customers\[0\].frequency must be at most customers\[0\].recency/,
    );
    expect(() => fitBgBb([{ frequency: 1, recency: 7, periods: 6 }])).toThrow(
      /customers\[0\].recency must be at most customers\[0\].periods/,
    );
    expect(() => fitBgBb([{ frequency: 0, recency: 2, periods: 6 }])).toThrow(/0 when frequency is 0/);
    expect(() => fitBgBb([{ frequency: 1, recency: 1, periods: 1e6 }])).toThrow(/at most 10000/);
    expect(() => fitBgBb([{ frequency: 1.5, recency: 2, periods: 6 }])).toThrow(MetricsInputError);
    // lifetimes names the count column `weights`: a row carrying it is refused, never read as a count of 1.
    expect(() => fitBgBb([{ frequency: 1, recency: 2, periods: 6, weights: 2 } as never])).toThrow(
      /^customers\[0\].weights must be named count: weights looks like count, which fitBgBb reads under that name/,
    );
    expect(() => fitBgBb("donations" as never)).toThrow(MetricsTypeError);
    expect(() => fitBgBb([])).toThrow(MetricsInputError);
  });
});
