import { describe, expect, it } from "vitest";
import { betaQuantile, betaQuantileSearch } from "../../src/stats/beta.ts";
import reference from "../fixtures/r/beta-quantiles.json" with { type: "json" };

// The Beta quantile under the exact and Jeffreys intervals and the t quantile: R's qbeta
// (test/fixtures/r/beta-quantiles.R) on a grid down to tail probabilities of 1e-300, and the
// number of steps its safeguarded Newton search takes.
describe("betaQuantile", () => {
  it("matches R's qbeta to 1e-12 relative (of x, or of 1 − x near 1)", () => {
    let worst = 0;
    for (const { a, b, p, upperTail, x } of reference.rows) {
      const ours = betaQuantile(p, a, b, upperTail);
      // Near 1 a double holds 1 − x only to its ulp: compare there on the absolute scale.
      const error = Math.abs(ours - x) / Math.min(x, 1 - x + 2 ** -40);
      expect(error, `a ${a}, b ${b}, p ${p}, ${upperTail ? "upper" : "lower"}: ${ours} against ${x}`).toBeLessThan(1e-12);
      worst = Math.max(worst, error);
    }
    // The largest gap, 3.5e-13 at a = 0.5 and b = 10000, is the incomplete beta's own error there
    // (R's pbeta at our x is 0.025 − 1.7e-14); elsewhere the two agree to a few ulps.
    expect(worst).toBeLessThan(4e-13);
  });

  it("takes few steps: Newton, on a log scale for tail probabilities under 1e-3, not bisection", () => {
    const steps: number[] = [];
    for (const { a, b, p, upperTail, x } of reference.rows) {
      if (1 - x < 1e-9) continue; // within a few thousand ulps of 1: bisection to the last digit
      steps.push(betaQuantileSearch(p, a, b, upperTail).steps);
    }
    // Plain Newton from a/(a + b) needed up to 734 steps at p = 1e-300 (it moves by about x/a per
    // step on x^a), and a converged search whose bracket end was stale went back to bisecting
    // (up to 81 steps at p = 1e-12). Now the worst of these 317 takes 16 steps, the mean under 7.
    expect(steps.length).toBe(317);
    expect(Math.max(...steps)).toBeLessThanOrEqual(16);
    expect(Math.min(...steps)).toBeGreaterThanOrEqual(1); // a step is counted from 1
    expect(steps.reduce((s, k) => s + k, 0) / steps.length).toBeLessThan(7);
  });

  it("stops at once on a start that is the answer, and solves the lower tail unless told otherwise", () => {
    // Beta(1, 1) is uniform: I_x = x, so the start a/(a + b) = 0.5 is the median exactly.
    expect(betaQuantileSearch(0.5, 1, 1)).toEqual({ x: 0.5, steps: 1 });
    expect(betaQuantileSearch(0.25, 1, 1)).toEqual({ x: 0.25, steps: 2 }); // one Newton step on I_x = x, one to see it stop
    // Beta(2, 3): I_x = 6x² − 8x³ + 3x⁴, so the lower 2.5 % point and the upper one differ.
    const lower = betaQuantileSearch(0.025, 2, 3).x;
    expect(6 * lower ** 2 - 8 * lower ** 3 + 3 * lower ** 4).toBeCloseTo(0.025, 14);
    expect(betaQuantile(0.025, 2, 3)).toBe(lower);
    expect(betaQuantile(0.025, 2, 3, true)).toBeGreaterThan(0.5);
  });
});
