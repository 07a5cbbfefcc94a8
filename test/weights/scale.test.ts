import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cesSummary, csatSummary, distribution, npsSummary, tally } from "../../src/index.ts";

// Every weighted estimate is the same for weights scaled by any positive constant (Σwy/Σw, Kish's
// (Σw)²/Σw² and the linearised SE are ratios of like powers of w). 1.0 accumulated Σw² as it came:
// equal weights of 1e154 overflowed it (effectiveN 0, an interval centred on 0, NaN fields), and
// weights near 1e-200 underflowed it (a standard error of 0). The sums now run relative to the
// largest weight.
const scores = [10, 9, 9, 8, 7, 6, 3, 0, 10, 5];
const weights = [1, 2, 0.5, 1.5, 1, 3, 1, 0.25, 2, 1];

function close(a: number, b: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
}

describe("weighted estimates do not depend on the weights' unit", () => {
  it.each([1e-300, 1e-200, 1e-100, 1, 1e100, 1e154, 1e200, 1e300])("npsSummary with every weight × %d equals the unscaled one", (c) => {
    const base = npsSummary(scores, { weights });
    const scaled = npsSummary(scores, { weights: weights.map((w) => w * c) });
    for (const key of ["estimate", "standardError", "marginOfError", "effectiveN", "designEffect"] as const) close(scaled[key], base[key]);
    close(scaled.interval.lower, base.interval.lower);
    close(scaled.interval.upper, base.interval.upper);
  });

  it("equal weights of 1e154 are unweighted: effectiveN is n (1.0 gave 0 and NaN fields)", () => {
    const equal = npsSummary(scores, { weights: scores.map(() => 1e154) });
    const plain = npsSummary(scores);
    close(equal.estimate, plain.estimate);
    close(equal.effectiveN, scores.length);
    close(equal.designEffect, 1);
    expect(Number.isFinite(equal.standardError) && equal.standardError > 0).toBe(true);
  });

  it("CSAT, CES and distribution too, for any positive scale (property)", () => {
    const sat = [5, 4, 4, 3, 1, 2, 5, 5];
    const sw = [1, 2, 1, 3, 1, 0.5, 2, 1];
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (c) => {
        const scaled = sw.map((w) => w * c);
        if (scaled.some((w) => !(w > 0) || !Number.isFinite(w))) return;
        close(
          csatSummary(sat, { scale: [1, 5], weights: scaled }).standardError,
          csatSummary(sat, { scale: [1, 5], weights: sw }).standardError,
        );
        close(
          cesSummary(sat, { scale: [1, 5], weights: scaled }).standardError,
          cesSummary(sat, { scale: [1, 5], weights: sw }).standardError,
        );
        close(
          distribution(sat, { scale: [1, 5], weights: scaled }).effectiveN,
          distribution(sat, { scale: [1, 5], weights: sw }).effectiveN,
        );
      }),
    );
  });

  it("a tally keeps Σw and Σw² in the weights' unit, and says so when Σw² cannot be a double", () => {
    expect(tally([9, 10], { scale: [0, 10], weights: [2, 3] })).toMatchObject({
      weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3],
      squaredWeights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 9],
    });
    expect(() => tally([9, 9], { scale: [0, 10], weights: [1e154, 1e154] })).toThrow(
      /^options.weights must be a value for which the result fits in a double/,
    );
    expect(distribution([9, 9], { scale: [0, 10], weights: [1e300, 1e300] }).points[9]!.weight).toBe(2e300);
  });
});
