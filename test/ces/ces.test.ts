import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ces, cesSummary, compareCes, compareMeans, MetricsInputError, MetricsTypeError, tally } from "../../src/index.ts";
import { expectRelative } from "../helpers.ts";

describe("ces", () => {
  it("is the mean response", () => {
    expect(ces([7, 6, 5, 6, 3])).toBe(5.4);
    expect(ces({ counts: [0, 0, 1, 0, 1, 2, 1] })).toBe(5.4);
    expect(ces([1, 2, 5], { scale: [1, 5], higherIsEasier: false })).toBeCloseTo(8 / 3, 15);
  });

  it("rejects bad input", () => {
    expect(() => ces([8])).toThrow(MetricsInputError);
    expect(() => ces([])).toThrow(MetricsInputError);
    expect(() => ces([3], { higherIsEasier: "no" as never })).toThrow(MetricsTypeError);
    expect(() => ces([3], { higherIsBetter: true } as never)).toThrow(
      "options.higherIsBetter is not an option of ces; did you mean higherIsEasier?",
    );
  });

  it('ces(responses, { missing: "skip" }) skips blanks and reads numeric strings', () => {
    expect(ces(["7", "", "5", null], { missing: "skip" })).toBe(6);
    expect(cesSummary(["7", "", "5", null], { missing: "skip" }).missing).toBe(2);
  });
});

describe("cesSummary", () => {
  it("cesSummary(responses, { weights }) weighs the easy side too: the weight at or above agreeFrom (below it when lower is easier)", () => {
    // default agreeFrom on 1-7: 5 when higher is easier, 3 when lower is
    expect(cesSummary([7, 3, 5], { weights: [1, 3, 1] }).agreeShare).toBeCloseTo(2 / 5, 15);
    expect(cesSummary([7, 3, 5], { weights: [1, 3, 1], higherIsEasier: false }).agreeShare).toBeCloseTo(3 / 5, 15);
    // exactly on agreeFrom counts as agreeing
    expect(cesSummary([6, 2], { weights: [1, 3], agreeFrom: 6 }).agreeShare).toBeCloseTo(1 / 4, 15);
    expect(cesSummary([6, 2], { weights: [1, 3], agreeFrom: 2, higherIsEasier: false }).agreeShare).toBeCloseTo(3 / 4, 15);
  });

  it("matches R's t.test interval and sd", () => {
    // R 4.2: y <- c(7,6,5,6,3,6,7,5); mean 5.625, sd(y) = 1.3024701806293193,
    // t.test(y)$conf.int = 4.5361076791950596 6.7138923208049404
    const s = cesSummary([7, 6, 5, 6, 3, 6, 7, 5]);
    expect(s.estimate).toBe(5.625);
    expect(s.method).toBe("t");
    expectRelative(s.standardError, 1.3024701806293193 / Math.sqrt(8), 1e-14);
    expectRelative(s.marginOfError, (6.7138923208049404 - 4.5361076791950596) / 2, 1e-12);
    expectRelative(s.standardDeviation, 1.3024701806293193, 1e-14);
    expectRelative(s.interval.lower, 4.5361076791950596, 1e-12);
    expectRelative(s.interval.upper, 6.7138923208049404, 1e-12);
    expect(s.agreeShare).toBe(7 / 8);
    expect(s.n).toBe(8);
  });

  it("inverted direction on 1-5: low is easy, agreeShare counts responses at or below 2", () => {
    // R 4.2: y2 <- c(2,1,3,1,2,5,1,2,2,4); sd = 1.3374935098492586;
    // t.test(y2, conf.level = 0.9)$conf.int = 1.5246801471196838 3.0753198528803156
    const s = cesSummary([2, 1, 3, 1, 2, 5, 1, 2, 2, 4], { scale: [1, 5], higherIsEasier: false, confidence: 0.9 });
    expectRelative(s.estimate, 2.3, 1e-15);
    expectRelative(s.standardDeviation, 1.3374935098492586, 1e-14);
    expectRelative(s.interval.lower, 1.5246801471196838, 1e-12);
    expectRelative(s.interval.upper, 3.0753198528803156, 1e-12);
    expect(s.agreeShare).toBe(0.7);
  });

  it("one response: sd 0 and the whole scale as interval; constant responses: a point interval", () => {
    expect(cesSummary([4])).toMatchObject({ estimate: 4, standardDeviation: 0, n: 1, interval: { lower: 1, upper: 7 }, marginOfError: 3 });
    expect(cesSummary([5, 5, 5]).interval).toEqual({ lower: 5, upper: 5 });
    // Two responses already take the t interval: SE 1, and t(0.975, 1 df) = 12.706204736…
    // (scipy.stats.t.ppf(0.975, 1)); the interval is then clipped to the scale.
    const two = cesSummary([3, 5]);
    expect(two.marginOfError).toBeCloseTo(12.706204736432095, 9);
    expect(two.interval).toEqual({ lower: 1, upper: 7 });
  });

  it("interval contains the mean, stays on the scale, and widens with confidence", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 300 }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        (ys, c) => {
          const a = cesSummary(ys, { confidence: c });
          const b = cesSummary(tally(ys, { scale: [1, 7] }), { confidence: Math.min(0.999, c + 0.005) });
          expect(a.interval.lower).toBeLessThanOrEqual(a.estimate + 1e-12);
          expect(a.interval.upper).toBeGreaterThanOrEqual(a.estimate - 1e-12);
          expect(a.interval.lower).toBeGreaterThanOrEqual(1);
          expect(a.interval.upper).toBeLessThanOrEqual(7);
          expect(b.interval.upper - b.interval.lower).toBeGreaterThanOrEqual(a.interval.upper - a.interval.lower - 1e-12);
        },
      ),
    );
  });

  it("rejects a bad agreeFrom or confidence", () => {
    expect(() => cesSummary([3], { agreeFrom: 9 })).toThrow(/agreeFrom/);
    expect(() => cesSummary([3], { confidence: 1 })).toThrow(MetricsInputError);
  });
});

describe("compareCes", () => {
  it("compareCes(a, b) is Welch's test on the two samples, exactly compareMeans on the raw values", () => {
    // Means 6.2 and 4.2, both variances 0.7 (n = 5): SE = √(0.7/5 + 0.7/5) = √0.28, t = 2/√0.28,
    // df = 8 (equal variances and sizes give n_a + n_b − 2).
    const r = compareCes([6, 7, 5, 6, 7], [4, 5, 3, 5, 4]);
    expectRelative(r.difference, 2, 1e-15);
    expectRelative(r.standardError, Math.sqrt(0.28), 1e-15);
    expectRelative(r.statistic, 2 / Math.sqrt(0.28), 1e-14);
    expectRelative(r.df, 8, 1e-14);
    expect(r.method).toBe("welch");
    expect(r).toEqual(compareMeans([6, 7, 5, 6, 7], [4, 5, 3, 5, 4]));
    // R 4.2.2: t.test(c(6,7,5,6,7), c(4,5,3,5,4)) (test/fixtures/r/fisher-welch.R): t = 3.7796447300922726,
    // p = 0.005390882019515598, 95% CI 0.77977730719264227 .. 3.2202226928073574.
    expectRelative(r.statistic, 3.7796447300922726, 1e-14);
    expectRelative(r.pValue, 0.005390882019515598, 1e-10);
    expectRelative(r.interval.lower, 0.77977730719264227, 1e-12);
    expectRelative(r.interval.upper, 3.2202226928073574, 1e-12);
  });

  it("compareCes(tallies) equals compareCes(raw) and rejects a one-response sample", () => {
    const a = [6, 7, 5, 6, 7];
    const b = [4, 5, 3, 5, 4];
    const ra = compareCes(tally(a, { scale: [1, 7] }), { counts: [0, 0, 1, 2, 2, 0, 0] });
    const rr = compareCes(a, b);
    expectRelative(ra.statistic, rr.statistic, 1e-14);
    expectRelative(ra.pValue, rr.pValue, 1e-12);
    expect(() => compareCes([5], b)).toThrow(/a must be a sample of at least 2 responses/);
  });
});
