import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ces, cesSummary, compareMeans, mergeTallies, nps, npsSummary, tally } from "../../src/index.ts";
import { relativeError, toRational } from "./exact.ts";

const EPS = 2 ** -52;
const big = fc.bigInt({ min: 0n, max: 2n ** 44n });

describe("accuracy against exact rational arithmetic (BigInt)", () => {
  it("nps is the correctly rounded 100(P − D)/n, also for counts far beyond 2^32", () => {
    fc.assert(
      fc.property(big, big, big, (P, Pa, D) => {
        const n = P + Pa + D;
        fc.pre(n > 0n);
        const score = nps({ promoters: Number(P), passives: Number(Pa), detractors: Number(D) });
        expect(relativeError(score, 100n * (P - D), n)).toBeLessThanOrEqual(EPS / 2);
      }),
    );
  });

  it("npsSummary's variance 10⁴(p + d − (p − d)²) is within a few ulps, even when nearly all are promoters", () => {
    fc.assert(
      fc.property(big, big, big, (P, Pa, D) => {
        const n = P + Pa + D;
        fc.pre(n > 0n);
        const s = npsSummary({ promoters: Number(P), passives: Number(Pa), detractors: Number(D) }, { method: "wald" });
        const num = 10000n * ((P + D) * n - (P - D) * (P - D));
        if (num === 0n) expect(s.variance).toBe(0);
        else expect(relativeError(s.variance, num, n * n)).toBeLessThanOrEqual(8 * EPS);
      }),
    );
    // All but one promoter out of 2^40: the naive p + d − (p − d)² loses every digit here.
    const n = 2 ** 40;
    const s = npsSummary({ promoters: n - 1, passives: 1, detractors: 0 }, { method: "wald" });
    expect(relativeError(s.variance, 10000n * (BigInt(n) - 1n), BigInt(n) * BigInt(n))).toBeLessThanOrEqual(8 * EPS);
  });

  it("the mean of a tally (CES) is exact to rounding for counts beyond 2^32", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 2n ** 40n }), { minLength: 7, maxLength: 7 }), (counts) => {
        const n = counts.reduce((a, b) => a + b, 0n);
        fc.pre(n > 0n);
        const sum = counts.reduce((acc, c, i) => acc + c * BigInt(i + 1), 0n);
        const mean = ces({ counts: counts.map(Number) });
        expect(relativeError(mean, sum, n)).toBeLessThanOrEqual(EPS);
      }),
    );
    const t = mergeTallies({ scale: [1, 3], counts: [2 ** 33, 0, 2 ** 33] }, { scale: [1, 3], counts: [2 ** 33, 5, 0] });
    expect(t.counts).toEqual([2 ** 34, 5, 2 ** 33]);
    expect(cesSummary(t, { scale: [1, 3] }).n).toBe(2 ** 34 + 2 ** 33 + 5);
  });

  it("the variance of a tally (CES) is within 2 ulps of the exact (n·Σx² − (Σx)²) / (n(n − 1)), for counts beyond 2^32", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 2n ** 40n }), { minLength: 7, maxLength: 7 }), (counts) => {
        const n = counts.reduce((a, b) => a + b, 0n);
        fc.pre(n > 1n);
        const s1 = counts.reduce((acc, c, i) => acc + c * BigInt(i + 1), 0n);
        const s2 = counts.reduce((acc, c, i) => acc + c * BigInt((i + 1) ** 2), 0n);
        const num = n * s2 - s1 * s1;
        const { standardDeviation } = cesSummary({ counts: counts.map(Number) });
        if (num === 0n) expect(standardDeviation).toBe(0);
        else expect(relativeError(standardDeviation ** 2, num, n * (n - 1n))).toBeLessThanOrEqual(4 * EPS);
      }),
    );
    // Nearly all at one score: a two-pass sum about a rounded mean keeps few digits of this.
    const counts = [2 ** 40, 0, 0, 0, 0, 0, 1];
    const n = BigInt(2 ** 40 + 1);
    const exact = n * (BigInt(2 ** 40) + 49n) - (BigInt(2 ** 40) + 7n) ** 2n;
    expect(relativeError(cesSummary({ counts }).standardDeviation ** 2, exact, n * (n - 1n))).toBeLessThanOrEqual(4 * EPS);
  });

  it("means of raw values use compensated summation: 10^6 values of 0.1 and a large offset", () => {
    // Values 1e9 + 0.1·(i mod 10): naive left-to-right summation drifts in the 9th digit.
    const n = 1_000_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = 1e9 + 0.1 * (i % 10);
    // Exact sum of the doubles actually stored.
    let num = 0n;
    let den = 1n;
    for (const v of new Set(values)) {
      const [a, b] = toRational(v);
      const k = BigInt(values.filter((x) => x === v).length);
      num = num * b + a * k * den;
      den *= b;
    }
    const { difference } = compareMeans(values, { mean: 0, standardDeviation: 1, n: 2 });
    expect(relativeError(difference, num, den * BigInt(n))).toBeLessThanOrEqual(EPS);
  });
});

describe("edge cases with defined answers", () => {
  it("n = 1", () => {
    expect(npsSummary([9]).estimate).toBe(100);
    for (const method of ["wald", "adjusted-wald", "score"] as const) {
      const s = npsSummary([9], { method });
      expect(Number.isFinite(s.interval.lower)).toBe(true);
      expect(s.interval.upper).toBe(method === "adjusted-wald" ? s.interval.upper : 100);
    }
    expect(cesSummary([4])).toMatchObject({ n: 1, standardDeviation: 0, interval: { lower: 1, upper: 7 } });
  });

  it("all promoters, all detractors and counts of 0", () => {
    expect(nps({ promoters: 7, passives: 0, detractors: 0 })).toBe(100);
    expect(nps({ promoters: 0, passives: 0, detractors: 7 })).toBe(-100);
    expect(npsSummary({ promoters: 0, passives: 0, detractors: 7 }, { method: "wald" }).interval).toEqual({ lower: -100, upper: -100 });
    expect(tally([], { scale: [0, 10] }).counts.every((c) => c === 0)).toBe(true);
  });

  it("confidence 0.5 and 0.999999 use z = 0.6745 and 4.8916 (R: qnorm(0.75), -qnorm((1 - 0.999999)/2))", () => {
    const c = { promoters: 1, passives: 0, detractors: 1 }; // var = 10⁴, n = 2: se = 70.71…
    const half = npsSummary(c, { method: "wald", confidence: 0.5 });
    expect(half.marginOfError / half.standardError).toBeCloseTo(0.67448975019608171, 14);
    const high = npsSummary(c, { method: "wald", confidence: 0.999999 });
    expect(high.marginOfError / high.standardError).toBeCloseTo(4.8916384756929316, 12);
  });
});
