import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareMeans, compareNps, compareProportions, MetricsInputError, MetricsTypeError, tally } from "../../src/index.ts";
import { expectAbsolute, expectError, expectRelative } from "../helpers.ts";

// statsmodels 0.13: proportions_ztest([x1, x2], [n1, n2]) -> z, p;
// confint_proportions_2indep(x1, n1, x2, n2, method='newcomb'|'wald', compare='diff', alpha=1-c).
const STATSMODELS: ReadonlyArray<readonly number[]> = [
  [
    412, 500, 371, 500, 0.95, 3.145379911511773, 0.001658712768580003, 0.030932480935910653, 0.13260342253291935, 0.031157159111419676,
    0.13284284088858025,
  ],
  [
    9, 10, 3, 12, 0.9, 3.048770243885229, 0.0022978014107260013, 0.3069345842453747, 0.8146548937697334, 0.3918837324826279,
    0.9081162675173722,
  ],
  [
    0, 40, 4, 35, 0.95, -2.1974926263945345, 0.02798528251601987, -0.2595146864621381, -0.002798358704147172, -0.21968965961669773,
    -0.008881768954730848,
  ],
  [50, 80, 50, 80, 0.95, 0, 1, -0.14699814465465783, 0.14699814465465783, -0.15002848988610343, 0.15002848988610343],
];

describe("compareProportions", () => {
  it.each(STATSMODELS)("%d/%d vs %d/%d at %d matches statsmodels", (x1, n1, x2, n2, c, z, p, lo, hi, wlo, whi) => {
    const a = { successes: x1!, n: n1! };
    const b = { successes: x2!, n: n2! };
    const r = compareProportions(a, b, { confidence: c });
    expectAbsolute(r.statistic, z!, 1e-12);
    expectAbsolute(r.pValue, p!, 1e-14);
    expectAbsolute(r.interval.lower, lo!, 1e-13);
    expectAbsolute(r.interval.upper, hi!, 1e-13);
    expect(r.difference).toBe(x1! / n1! - x2! / n2!);
    const w = compareProportions(a, b, { confidence: c, method: "wald" });
    expectAbsolute(w.interval.lower, wlo!, 1e-13);
    expectAbsolute(w.interval.upper, whi!, 1e-13);
    expect(r.significant).toBe(p! < 1 - c!);
  });

  it("is antisymmetric under swapping the groups", () => {
    const group = fc
      .integer({ min: 1, max: 2000 })
      .chain((n) => fc.record({ successes: fc.integer({ min: 0, max: n }), n: fc.constant(n) }));
    fc.assert(
      fc.property(group, group, (a, b) => {
        const ab = compareProportions(a, b);
        const ba = compareProportions(b, a);
        expect(ab.difference + ba.difference).toBe(0);
        expect(ab.pValue).toBe(ba.pValue);
        expect(ab.interval.lower).toBeCloseTo(-ba.interval.upper, 12);
        expect(ab.interval.lower).toBeGreaterThanOrEqual(-1);
        expect(ab.interval.upper).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("names the bad group and field", () => {
    expect(() => compareProportions({ successes: 5, n: 4 }, { successes: 1, n: 2 })).toThrow(/a.successes/);
    expect(() => compareProportions({ successes: 1, n: 4 }, { successes: 1, n: 0 })).toThrow(/b.n/);
    expect(() => compareProportions(null as never, { successes: 1, n: 2 })).toThrow(TypeError);
  });
});

describe("compareMeans", () => {
  it("matches R's t.test (Welch) and scipy's ttest_ind(equal_var=False)", () => {
    // R 4.2: t.test(c(5,6,7,5,6), c(4,4,5,3,5,4)): t = 3.3732991150254192, df = 8.2233099371998506,
    // p = 0.0093544561285376134, 95% CI 0.52203430269466555 .. 2.7446323639720003.
    // scipy 1.10: ttest_ind(..., equal_var=False) gives the same t and p = 0.009354456128537613.
    const r = compareMeans([5, 6, 7, 5, 6], [4, 4, 5, 3, 5, 4]);
    expectRelative(r.statistic, 3.3732991150254192, 1e-13);
    expectRelative(r.df, 8.2233099371998506, 1e-13);
    expectRelative(r.pValue, 0.0093544561285376134, 1e-11);
    expectRelative(r.interval.lower, 0.52203430269466555, 1e-11);
    expectRelative(r.interval.upper, 2.7446323639720003, 1e-11);
    expect(r.significant).toBe(true);
  });

  it("matches R at 90% with a non-significant difference", () => {
    // R 4.2: t.test(c(1,7,3,9,4,4,2,8), c(5,5,6,4,5), conf.level = 0.9)
    const r = compareMeans([1, 7, 3, 9, 4, 4, 2, 8], [5, 5, 6, 4, 5], { confidence: 0.9 });
    expectRelative(r.statistic, -0.23186944788008412, 1e-13);
    expectRelative(r.df, 8.2517377674799004, 1e-13);
    expectRelative(r.pValue, 0.82228652457959228, 1e-11);
    expectRelative(r.interval.lower, -2.2470507798762105, 1e-11);
    expectRelative(r.interval.upper, 1.7470507798762107, 1e-11);
    expect(r.significant).toBe(false);
  });

  it("accepts summaries and agrees with raw data", () => {
    const raw = compareMeans([5, 6, 7, 5, 6], [4, 4, 5, 3, 5, 4]);
    const sd = (xs: number[]) => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
    };
    const summary = compareMeans(
      { mean: 5.8, standardDeviation: sd([5, 6, 7, 5, 6]), n: 5 },
      { mean: 25 / 6, standardDeviation: sd([4, 4, 5, 3, 5, 4]), n: 6 },
    );
    expectRelative(summary.statistic, raw.statistic, 1e-12);
    expectRelative(summary.pValue, raw.pValue, 1e-12);
  });

  it("compareMeans(tally, tally) equals compareMeans on the raw values the tallies count", () => {
    const a = [1, 2, 3, 3, 5];
    const b = [3, 4, 5, 5];
    const t = compareMeans(tally(a, { scale: [1, 5] }), tally(b, { scale: [1, 5] }));
    const r = compareMeans(a, b);
    expectRelative(t.statistic, r.statistic, 1e-13);
    expectRelative(t.df, r.df, 1e-13);
    expectRelative(t.pValue, r.pValue, 1e-12);
  });

  it("compareMeans({}, values) is a type error naming the forms it takes (0.1.0 threw an overflow error)", () => {
    expect(() => compareMeans({} as never, [1, 2, 3])).toThrow(MetricsTypeError);
    expect(() => compareMeans({} as never, [1, 2, 3])).toThrow(
      /a must be an array of numbers, a tally \{ scale, counts \}, or \{ mean, standardDeviation, n \}; got \{\}/,
    );
    expect(() => compareMeans({ mean: 1, sd: 1, n: 5 } as never, [1, 2])).toThrow(/a.sd is not a field of a mean summary/);
    expect(() => compareMeans(["4", "5", "6"], [1, 2, 3]).pValue).not.toThrow();
  });

  it("handles constant samples: equal means give p = 1, different means throw", () => {
    expect(compareMeans([3, 3, 3], [3, 3]).pValue).toBe(1);
    // No spread to weigh, so the degrees of freedom are the pooled n_a + n_b − 2 (R's t.test stops
    // with "data are essentially constant"); the interval is the difference itself.
    expect(compareMeans([3, 3, 3], [3, 3], { confidence: 0.9 })).toEqual({
      difference: 0,
      standardError: 0,
      statistic: 0,
      pValue: 1,
      interval: { lower: 0, upper: 0 },
      significant: false,
      confidence: 0.9,
      method: "welch",
      df: 3,
    });
    expectError(
      () => compareMeans([3, 3, 3], [4, 4]),
      MetricsInputError,
      "UNDEFINED_RESULT",
      "b",
      "b must be a sample with some variance: both samples are constant with different means, so the t test is undefined; got [4, 4]",
    );
  });

  it("sums raw values with compensation: exact where plain sums lose whole units", () => {
    // Against [0, 0], the difference is a's mean and the SE √(var_a/n_a), so both show a's moments.
    const of = (a: number[]) => compareMeans(a, [0, 0]);
    // 10¹⁶ + 1 rounds back to 10¹⁶ in doubles: a plain running sum gives 0 for both orders (the
    // small values before and after the large one), the exact mean is 3/5.
    expect(of([1e16, 1, 1, 1, -1e16]).difference).toBe(0.6);
    expect(of([1, 1e16, 1, -1e16, 1]).difference).toBe(0.6);
    // Squared deviations 2.25·10¹⁶ (twice) and 10,002 of 0.25: each 0.25 is below the spacing of
    // doubles at 4.5·10¹⁶ (8), so a plain sum of squares drops all 2,500.5 of them, in either order.
    const small = [...Array(5001).fill(0.5), ...Array(5001).fill(-0.5)];
    const variance = (4.5e16 + 2500.5) / 10003;
    for (const a of [
      [1.5e8, -1.5e8, ...small],
      [...small, 1.5e8, -1.5e8],
    ]) {
      const r = of(a);
      expect(r.difference).toBe(0);
      expectRelative(r.standardError, Math.sqrt(variance / 10004), 1e-15);
    }
  });

  it("significant means p < 1 − confidence, strictly: a p-value equal to the level is not significant", () => {
    // For p ≥ 1/2 both 1 − p and 1 − (1 − p) are exact in doubles (Sterbenz), so confidence 1 − p
    // puts the level exactly at p, for Welch's test and for the z tests of proportions and NPS alike.
    const npsA = { promoters: 40, passives: 30, detractors: 30 };
    const npsB = { promoters: 41, passives: 30, detractors: 29 };
    for (const compare of [
      (confidence: number) => compareMeans([5, 6, 7, 5, 6], [5, 7, 4, 6, 6], { confidence }),
      (confidence: number) => compareProportions({ successes: 40, n: 100 }, { successes: 42, n: 100 }, { confidence }),
      (confidence: number) => compareNps(npsA, npsB, { confidence }),
    ]) {
      // The p-value does not depend on the confidence level.
      const p = compare(0.95).pValue;
      expect(p).toBeGreaterThanOrEqual(0.5);
      const r = compare(1 - p);
      expect(1 - r.confidence).toBe(r.pValue);
      expect(r.significant).toBe(false);
    }
  });

  it("names the cell at fault in raw values, and the sample when its variance overflows", () => {
    expectError(
      () => compareMeans([1, Infinity], [2, 3]),
      MetricsInputError,
      "NOT_FINITE",
      "a[1]",
      "a[1] must be a finite number; got Infinity",
    );
    // compareMeans has no missing option: the message does not point to one.
    expectError(
      () => compareMeans([1, null], [2, 3]),
      MetricsInputError,
      "MISSING_VALUE",
      "a[1]",
      "a[1] must be a finite number, not missing (drop missing values before comparing); got null",
    );
    expectError(() => compareMeans([1, 2], [2, true]), MetricsTypeError, "INVALID_TYPE", "b[1]", "b[1] must be a number; got true");
    expectError(() => compareMeans([], [2, 3]), MetricsInputError, "EMPTY_INPUT", "a", "a must be at least one value; got []");
    expectError(
      () => compareMeans([1e308, -1e308], [2, 3]),
      MetricsInputError,
      "UNDEFINED_RESULT",
      "a",
      "a must be values whose mean and variance fit in a double; got [1e+308, -1e+308]",
    );
  });

  it("rejects short or non-finite samples", () => {
    expect(() => compareMeans([1], [2, 3])).toThrow(/^a must be a sample of at least 2 values; got \[1\]/);
    expect(() => compareMeans([1, Number.NaN], [2, 3])).toThrow(/a\[1\]/);
    expect(() => compareMeans({ mean: 1, standardDeviation: -1, n: 5 }, [2, 3])).toThrow(MetricsInputError);
  });
});
