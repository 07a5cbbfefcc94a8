import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedPurchases, fitBgNbd, fitParetoNbd, purchaseCountProbability } from "../../src/index.ts";
import { beta, gamma, seeded, simulateBgNbd, simulateParetoNbd } from "./simulate.mjs";

/** Ages in whole days (as weeks), first purchases spread over 32 weeks, as a transaction log has them. */
const DAY = 1 / 7;
const ages = (n: number, seed: number) => {
  const random = seeded(seed);
  return Array.from({ length: n }, () => (140 + Math.floor(224 * random())) * DAY);
};

/** Mean and standard error of the mean. */
function meanAndError(values: readonly number[]) {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, error: Math.sqrt(variance / values.length) };
}

describe("the simulator (a test helper) draws from the distributions it names", () => {
  it("Gamma(shape, rate) and Beta(a, b) draws have the right mean and variance (within 4 standard errors)", () => {
    const random = seeded(11);
    for (const [shape, rate] of [
      [0.25, 4],
      [2.5, 0.5],
    ] as const) {
      const draws = Array.from({ length: 200_000 }, () => gamma(random, shape, rate));
      const { mean, error } = meanAndError(draws);
      expect(Math.abs(mean - shape / rate)).toBeLessThan(4 * error);
      const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / (draws.length - 1);
      expect(variance / (shape / rate ** 2)).toBeCloseTo(1, 1);
    }
    const draws = Array.from({ length: 200_000 }, () => beta(random, 0.8, 2.5));
    const { mean, error } = meanAndError(draws);
    expect(Math.abs(mean - 0.8 / 3.3)).toBeLessThan(4 * error);
  });
});

describe("fits recover the parameters of simulated data", () => {
  it("fitBgNbd(8,000 customers simulated from r 0.25, α 4, a 0.8, b 2.5) is within 3 standard errors of each", () => {
    const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const fit = fitBgNbd(simulateBgNbd(truth, ages(8000, seed), seed, DAY));
        for (const p of ["r", "alpha", "a", "b"] as const) {
          expect(Math.abs(fit.params[p] - truth[p]), `${p} seed ${seed}`).toBeLessThan(3 * fit.standardErrors![p]);
        }
      }),
      { numRuns: 2, seed: 20261130 },
    );
  }, 60_000);

  it("fitParetoNbd(8,000 customers simulated from r 0.55, α 10.6, s 0.6, β 11.7) is within 3 standard errors of each", () => {
    const truth = { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const fit = fitParetoNbd(simulateParetoNbd(truth, ages(8000, seed), seed, DAY));
        for (const p of ["r", "alpha", "s", "beta"] as const) {
          expect(Math.abs(fit.params[p] - truth[p]), `${p} seed ${seed}`).toBeLessThan(3 * fit.standardErrors![p]);
        }
      }),
      { numRuns: 2, seed: 20261130 },
    );
  }, 60_000);

  it("expectedPurchases and P(X(t) = 0) agree with the simulated customers (within 4 standard errors)", () => {
    const T = 39;
    const bg = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const many = simulateBgNbd(bg, new Array(100_000).fill(T), 5);
    const { mean, error } = meanAndError(many.map((c) => c.frequency));
    expect(Math.abs(mean - expectedPurchases({ model: "bg-nbd", params: bg }, T))).toBeLessThan(4 * error);
    const zero = many.filter((c) => c.frequency === 0).length / many.length;
    const p0 = purchaseCountProbability({ model: "bg-nbd", params: bg }, 0, T);
    expect(Math.abs(zero - p0)).toBeLessThan(4 * Math.sqrt((p0 * (1 - p0)) / many.length));

    const pn = { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 };
    const others = simulateParetoNbd(pn, new Array(100_000).fill(T), 6);
    const p = meanAndError(others.map((c) => c.frequency));
    expect(Math.abs(p.mean - expectedPurchases({ model: "pareto-nbd", params: pn }, T))).toBeLessThan(4 * p.error);
  });
});
