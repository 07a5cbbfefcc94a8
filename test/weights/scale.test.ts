import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cesSummary, csatSummary, distribution, npsSummary, segmentReport, tally, trend } from "../../src/index.ts";

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

describe("report weights in any unit", () => {
  const records = [9, 10, 3, 7, 8, 6, 10, 1].map((v, i) => ({ g: i % 2 ? "a" : "b", v, w: 1 + (i % 3) }));
  const spec = { by: "g", metrics: { nps: { value: "v", weight: "w" }, csat: { value: "v", weight: "w", scale: [0, 10] } } } as const;
  const base = segmentReport(records, spec);

  it("segmentReport and trend give the same estimates for weights scaled by 2^-700 to 2^700 (they used to name input.squaredWeights)", () => {
    // Powers of two scale every weight exactly, so the reports must be identical to the last digit.
    for (const factor of [2 ** -700, 2 ** -300, 2 ** 512, 2 ** 700]) {
      const scaled = segmentReport(
        records.map((r) => ({ ...r, w: r.w * factor })),
        spec,
      );
      expect(scaled).toEqual(base);
      const over = trend(
        records.map((r) => ({ ...r, at: "2025-01-01", w: r.w * factor })),
        { time: "at", every: "month", metrics: spec.metrics },
      );
      expect(over.periods[0]!.nps).toEqual({ ...base.total.nps, change: null });
    }
  });

  it("weights of 1e200 and 1e-200 give the estimates of weights near 1 (to rounding)", () => {
    for (const factor of [1e-200, 1e154, 1e200]) {
      const scaled = segmentReport(
        records.map((r) => ({ ...r, w: r.w * factor })),
        spec,
      );
      close(scaled.total.nps!.estimate, base.total.nps!.estimate);
      close(scaled.total.nps!.standardError, base.total.nps!.standardError);
      close(scaled.total.csat!.effectiveN, base.total.csat!.effectiveN);
    }
  });

  it("weights too far apart for their squares to add up name the weight field, not an internal tally", () => {
    const wild = [
      { g: "a", v: 9, w: 1e-200 },
      { g: "a", v: 3, w: 1e200 },
    ];
    expect(() => segmentReport(wild, { by: "g", metrics: { nps: { value: "v", weight: "w" } } })).toThrow(
      /^records' w must be weights within about 10\^150 of one another: their squares must add up in a double; got "weights around/,
    );
  });
});
