import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNps, MetricsInputError } from "../../src/index.ts";
import { confidenceArb, npsCountsArb } from "../arbitraries.ts";
import { expectRelative } from "../helpers.ts";

const A = { promoters: 120, passives: 50, detractors: 30 };
const B = { promoters: 90, passives: 60, detractors: 50 };

describe("compareNps", () => {
  it("compareNps(a, b) returns the Comparison shape with statistic z", () => {
    const r = compareNps(A, B);
    expect(Object.keys(r).sort()).toEqual([
      "confidence",
      "difference",
      "interval",
      "method",
      "pValue",
      "significant",
      "standardError",
      "statistic",
    ]);
  });

  // R 4.2: per group n <- sum(x)+3; p <- (P+.75)/n; d <- (D+.75)/n; v <- (p+d-(p-d)^2)/n;
  // se <- sqrt(vA+vB); z <- (cA-cB)/se; 2*pnorm(-abs(z)); 100*((cA-cB) -/+ qnorm(.975)*se).
  it("adjusted-wald matches R (Lewis & Sauro 2021 procedure)", () => {
    const r = compareNps(A, B);
    expect(r.method).toBe("adjusted-wald");
    expect(r.difference).toBe(25); // 45 − 20
    expectRelative(r.standardError, 7.7139892104729508, 1e-14);
    expectRelative(r.statistic, 3.1929707444341977, 1e-14);
    expectRelative(r.pValue, 0.0014081721242404602, 1e-12);
    expectRelative(r.interval.lower, 9.5114008422636402, 1e-13);
    expectRelative(r.interval.upper, 39.74968290157873, 1e-13);
    expect(r.significant).toBe(true);
  });

  it("wald matches R (same script without the adjustment)", () => {
    const r = compareNps(A, B, { method: "wald" });
    expectRelative(r.standardError, 7.7701351339600269, 1e-14);
    expectRelative(r.statistic, 3.2174472604389335, 1e-14);
    expectRelative(r.pValue, 0.0012933680299941691, 1e-12);
    expectRelative(r.interval.lower, 9.7708149824290373, 1e-13);
    expectRelative(r.interval.upper, 40.229185017570948, 1e-13);
  });

  it("a small difference at 90% is not significant (R: p = 0.632)", () => {
    const r = compareNps(
      { promoters: 20, passives: 10, detractors: 12 },
      { promoters: 18, passives: 9, detractors: 14 },
      { confidence: 0.9 },
    );
    expectRelative(r.standardError, 18.153999069899463, 1e-14);
    expectRelative(r.pValue, 0.63228731372937907, 1e-12);
    expectRelative(r.interval.lower, -21.173802526929087, 1e-13);
    expectRelative(r.interval.upper, 38.547539900666465, 1e-13);
    expect(r.significant).toBe(false);
  });

  it("is antisymmetric: compareNps(a, b).difference = -compareNps(b, a).difference", () => {
    fc.assert(
      fc.property(npsCountsArb, npsCountsArb, confidenceArb, (a, b, confidence) => {
        const ab = compareNps(a, b, { confidence });
        const ba = compareNps(b, a, { confidence });
        // === rather than toBe: equal scores give 0 one way and −0 the other, which Object.is tells apart.
        expect(ab.difference === -ba.difference).toBe(true);
        expect(ab.statistic).toBeCloseTo(-ba.statistic, 12);
        expect(ab.pValue).toBeCloseTo(ba.pValue, 12);
        expect(ab.significant).toBe(ba.significant);
        expect(ab.interval.lower).toBeCloseTo(-ba.interval.upper, 9);
      }),
    );
  });

  it("flags significance exactly when the interval excludes 0", () => {
    fc.assert(
      fc.property(npsCountsArb, npsCountsArb, confidenceArb, (a, b, confidence) => {
        const r = compareNps(a, b, { confidence });
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        const excludesZero = r.interval.lower > 0 || r.interval.upper < 0;
        if (Math.abs(Math.abs(r.statistic) - (r.interval.upper - r.interval.lower) / 2 / r.standardError) > 1e-9) {
          expect(r.significant).toBe(excludesZero);
        }
      }),
    );
  });

  it("an identical sample gives difference 0 and p = 1", () => {
    const r = compareNps([10, 9, 3], [10, 9, 3]);
    expect(r.difference).toBe(0);
    expect(r.pValue).toBe(1);
    expect(r.significant).toBe(false);
  });

  it("wald with zero variance on both sides: 0 difference is p = 1, otherwise a clear error", () => {
    expect(compareNps([10, 10], [9], { method: "wald" }).pValue).toBe(1);
    expect(() => compareNps([10, 10], [0], { method: "wald" })).toThrow(MetricsInputError);
    expect(Number.isFinite(compareNps([10, 10], [0]).statistic)).toBe(true);
  });

  it("names the failing sample in errors", () => {
    expect(() => compareNps([], [9])).toThrow(/^a must be/);
    expect(() => compareNps([9], [12])).toThrow(/^b\[0\] must be a whole number from 0 to 10; got 12/);
  });
});
