import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MetricsInputError, MetricsTypeError, npsSummary } from "../../src/index.ts";
import { tangoInterval, tangoStatistic } from "../../src/nps/interval.ts";
import { normalQuantile } from "../../src/stats/normal.ts";
import { confidenceArb, npsCountsArb } from "../arbitraries.ts";
import { expectAbsolute, expectRelative } from "../helpers.ts";

type Row = readonly [promoters: number, passives: number, detractors: number, confidence: number, ...values: number[]];

// Wald: R 4.2, x <- c(rep(100,P), rep(0,Pa), rep(-100,D)); v <- var(x)*(n-1)/n;
// se <- sqrt(v/n); mean(x) -/+ qnorm(1-(1-conf)/2)*se. Values: score, variance, se, lower, upper.
const WALD: readonly Row[] = [
  [3, 2, 1, 0.95, 33.333333333333336, 5555.5555555555557, 30.429030972509228, -26.306471457238551, 92.973138123905215],
  [60, 25, 15, 0.95, 45, 5475, 7.399324293474371, 30.497590874857956, 59.502409125142044],
  [13, 16, 7, 0.9, 16.666666666666668, 5277.7777777777774, 12.108052620946316, -3.2493076022161489, 36.582640935549485],
];

// Adjusted Wald (Rocks 2016): R 4.2, n <- P+Pa+D+3; p <- (P+.75)/n; d <- (D+.75)/n;
// v <- p+d-(p-d)^2; se <- sqrt(v/n); 100*((p-d) -/+ qnorm(1-(1-conf)/2)*se).
// Values: adjusted centre, variance (points²), se, lower, upper (unclipped).
const ADJUSTED: readonly Row[] = [
  [3, 2, 1, 0.95, 22.222222222222225, 5617.2839506172841, 24.982847339318596, -26.743258794104531, 71.187703238548977],
  [60, 25, 15, 0.95, 43.689320388349515, 5518.4277500235648, 7.3196289828672825, 29.343111201734096, 58.035529574964926],
  [13, 16, 7, 0.9, 15.384615384615389, 5276.1341222879691, 11.631229097351497, -3.7470539820667117, 34.516284751297491],
  [10, 0, 0, 0.95, 76.92307692307692, 2928.9940828402373, 15.010237744338253, 47.503551544790206, 106.34260230136363],
];

// Tango (1998) score interval: R 4.2, uniroot(stat(d) -/+ z, tol = 1e-15) on Tango's statistic
// T(d) = (b - c - n d)/sqrt(n(2q + d(1-d))), q the constrained MLE (his eq. for p21-hat),
// written from the paper independently of this library. Values: lower, upper.
const TANGO: readonly Row[] = [
  [60, 25, 15, 0.95, 29.256915542644641, 58.125702018388068],
  [13, 16, 7, 0.9, -3.8529432458453265, 35.716654137998951],
  [3, 2, 1, 0.95, -31.107378462422414, 75.395666356386954],
  [40, 100, 20, 0.95, 3.0864533133086742, 21.806424416682475],
];

const TANGO_SCIPY: ReadonlyArray<{
  promoters: number;
  passives: number;
  detractors: number;
  confidence: number;
  lower: number;
  upper: number;
}> = JSON.parse(readFileSync(new URL("../fixtures/scipy/tango.json", import.meta.url), "utf8"));

describe("npsSummary", () => {
  it("npsSummary(counts) matches the R package NPS variance: counts (1, 2, 3) give variance 5/9", () => {
    // R package NPS (B. Rocks), its test suite as quoted in issue #2: variance 5/9 (fraction²).
    const s = npsSummary({ promoters: 3, passives: 2, detractors: 1 }, { method: "wald" });
    expectRelative(s.variance, (5 / 9) * 10000, 1e-15);
    expect(s.n).toBe(6);
    expect(s.shares).toEqual({ promoters: 0.5, passives: 1 / 3, detractors: 1 / 6 });
  });

  it("matches the published worked example on Cross Validated (shares 1/2, 1/3, 1/6: NPS 1/3, variance 5/9)", () => {
    // whuber, answer to "How can I calculate margin of error in a NPS (Net Promoter Score) result?",
    // Cross Validated (stats.stackexchange.com): promoters 1/2, passives 1/3, detractors 1/6 give
    // NPS = 1/3 and variance (1 − 1/3)²·1/2 + (1/3)²·1/3 + (4/3)²·1/6 = 5/9; SE = √(5/9)/√n.
    const s = npsSummary({ promoters: 300, passives: 200, detractors: 100 }, { method: "wald" });
    expectRelative(s.estimate, 100 / 3, 1e-15);
    expectRelative(s.variance, (5 / 9) * 10000, 1e-15);
    expectRelative(s.standardError, 100 * Math.sqrt(5 / 9 / 600), 1e-15);
  });

  it.each(WALD)("wald (%d, %d, %d) at %d matches R", (p, pa, d, confidence, score, variance, se, lower, upper) => {
    const s = npsSummary({ promoters: p, passives: pa, detractors: d }, { method: "wald", confidence });
    expectRelative(s.estimate, score!, 1e-15);
    expectRelative(s.variance, variance!, 1e-14);
    expectRelative(s.standardError, se!, 1e-14);
    expectRelative(s.interval.lower, lower!, 1e-13);
    expectRelative(s.interval.upper, upper!, 1e-13);
    expect(s.method).toBe("wald");
    expect(s.confidence).toBe(confidence);
  });

  it.each(ADJUSTED)(
    "adjusted-wald (%d, %d, %d) at %d matches R, and is the default",
    (p, pa, d, confidence, centre, variance, se, lower, upper) => {
      const s = npsSummary({ promoters: p, passives: pa, detractors: d }, { confidence });
      expect(s.method).toBe("adjusted-wald");
      expect(s.estimate).toBe((100 * (p - d)) / (p + pa + d));
      expectRelative(s.variance, variance!, 1e-14);
      expectRelative(s.standardError, se!, 1e-14);
      expectRelative(s.interval.lower, Math.max(-100, lower!), 1e-13);
      expectRelative(s.interval.upper, Math.min(100, upper!), 1e-13);
      expectRelative(s.marginOfError, (upper! - lower!) / 2, 1e-13);
      if (upper! <= 100) expectRelative((s.interval.lower + s.interval.upper) / 2, centre!, 1e-14);
    },
  );

  it.each(TANGO)("score (%d, %d, %d) at %d matches R to 1e-10 points", (p, pa, d, confidence, lower, upper) => {
    const s = npsSummary({ promoters: p, passives: pa, detractors: d }, { method: "score", confidence });
    expectAbsolute(s.interval.lower, lower!, 1e-10);
    expectAbsolute(s.interval.upper, upper!, 1e-10);
  });

  // test/fixtures/scipy/tango.py: negative scores (where the library mirrors δ → −δ) and small
  // samples; the constrained MLE as the root of the likelihood's derivative (not the quadratic's
  // formula), the ends by brentq. The mirrors of R's rows above agree with them to 1e-13 points.
  it.each(TANGO_SCIPY)("score ($promoters, $passives, $detractors) at $confidence matches scipy", (row) => {
    const { promoters, passives, detractors, confidence } = row;
    const s = npsSummary({ promoters, passives, detractors }, { method: "score", confidence });
    expectAbsolute(s.interval.lower, row.lower, 1e-10);
    expectAbsolute(s.interval.upper, row.upper, 1e-10);
  });

  it("score: promoters that weigh next to nothing still leave the lower end at exactly −1, not a bisection that never ran", () => {
    // Weighted counts 10⁻¹⁵ promoters and 2 detractors: the score is above −1 by 5·10⁻¹⁶, less
    // than the bisection's tolerance, and T(−1 + 10⁻¹⁴) is already below z (its numerator is
    // b − c + n(1 − 10⁻¹⁴) < 0), so no end lies inside; the mirror for the upper end.
    const z = -normalQuantile(0.025);
    expect(tangoInterval({ promoters: 1e-15, passives: 0, detractors: 2 }, z).lower).toBe(-1);
    expect(tangoInterval({ promoters: 2, passives: 0, detractors: 1e-15 }, z).upper).toBe(1);
  });

  it("score: all detractors (or all promoters) put the interval's end exactly at −100 (or 100), and mirror each other", () => {
    for (const n of [1, 5, 40]) {
      const down = npsSummary({ promoters: 0, passives: 0, detractors: n }, { method: "score" }).interval;
      const up = npsSummary({ promoters: n, passives: 0, detractors: 0 }, { method: "score" }).interval;
      expect(down.lower).toBe(-100);
      expect(up.upper).toBe(100);
      expect(up.lower).toBeCloseTo(-down.upper, 10);
      // The other end solves Tango's equation: T(bound) = −z for all detractors' upper end.
      expectAbsolute(tangoStatistic(0, n, n, down.upper / 100), -normalQuantile(0.975), 1e-6);
    }
  });

  it("score: the standard error is Wald's √(var/n) and the margin half the interval (exact identities)", () => {
    fc.assert(
      fc.property(npsCountsArb, confidenceArb, (c, confidence) => {
        const s = npsSummary(c, { method: "score", confidence });
        expect(s.standardError).toBe(npsSummary(c, { method: "wald", confidence }).standardError);
        expect(s.marginOfError).toBe((s.interval.upper - s.interval.lower) / 2);
      }),
    );
    // weighted too: the margin is half the score interval
    const w = npsSummary([10, 9, 7, 3, 0, 10], { method: "score", weights: [1, 2, 1, 1, 3, 1] });
    expect(w.marginOfError).toBe((w.interval.upper - w.interval.lower) / 2);
    // 60/25/15 of 100: √((0.75 − 0.45²)/100) = 0.0733 … as a fraction, 7.33 … points.
    expect(npsSummary({ promoters: 60, passives: 25, detractors: 15 }, { method: "score" }).standardError).toBeCloseTo(
      100 * Math.sqrt((0.75 - 0.45 ** 2) / 100),
      12,
    );
  });

  it("score interval bounds solve Tango's equation T(bound) = ±z (exact identity)", () => {
    fc.assert(
      fc.property(npsCountsArb, confidenceArb, (c, confidence) => {
        const s = npsSummary(c, { method: "score", confidence });
        const n = c.promoters + c.passives + c.detractors;
        const z = -normalQuantile((1 - confidence) / 2);
        if (s.interval.lower > -100) expectAbsolute(tangoStatistic(c.promoters, c.detractors, n, s.interval.lower / 100), z, 1e-6);
        if (s.interval.upper < 100) expectAbsolute(tangoStatistic(c.promoters, c.detractors, n, s.interval.upper / 100), -z, 1e-6);
        expect(s.interval.lower).toBeLessThanOrEqual(s.estimate + 1e-9);
        expect(s.interval.upper).toBeGreaterThanOrEqual(s.estimate - 1e-9);
      }),
    );
  });

  it("handles all promoters and all detractors with finite, clipped intervals", () => {
    for (const method of ["wald", "adjusted-wald", "score"] as const) {
      const top = npsSummary([10, 9, 10], { method });
      expect(top.estimate).toBe(100);
      expect(top.interval.upper).toBe(100);
      const bottom = npsSummary({ promoters: 0, passives: 0, detractors: 7 }, { method });
      expect(bottom.estimate).toBe(-100);
      expect(bottom.interval.lower).toBe(-100);
      for (const v of [top.variance, top.standardError, top.marginOfError, top.interval.lower, bottom.interval.upper]) {
        expect(Number.isFinite(v)).toBe(true);
      }
    }
    expect(npsSummary([10], { method: "wald" }).interval).toEqual({ lower: 100, upper: 100 });
  });

  it("keeps every interval in [-100, 100]; the Wald interval contains the score", () => {
    fc.assert(
      fc.property(npsCountsArb, confidenceArb, fc.constantFrom("wald", "adjusted-wald", "score" as const), (c, confidence, method) => {
        const s = npsSummary(c, { method, confidence });
        expect(s.interval.lower).toBeGreaterThanOrEqual(-100);
        expect(s.interval.upper).toBeLessThanOrEqual(100);
        expect(s.interval.lower).toBeLessThanOrEqual(s.interval.upper);
        if (method === "wald") {
          expect(s.interval.lower).toBeLessThanOrEqual(s.estimate);
          expect(s.interval.upper).toBeGreaterThanOrEqual(s.estimate);
        }
      }),
    );
  });

  it("widens with confidence", () => {
    fc.assert(
      fc.property(
        npsCountsArb,
        confidenceArb,
        confidenceArb,
        fc.constantFrom("wald", "adjusted-wald", "score" as const),
        (c, c1, c2, method) => {
          const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
          expect(npsSummary(c, { method, confidence: lo }).marginOfError).toBeLessThanOrEqual(
            npsSummary(c, { method, confidence: hi }).marginOfError + 1e-9,
          );
        },
      ),
    );
  });

  it("rejects bad options", () => {
    expect(() => npsSummary([9], { confidence: 1 })).toThrow(/options.confidence must be a fraction in \(0, 1\); got 1/);
    expect(() => npsSummary([9], { confidence: 0 })).toThrow(MetricsInputError);
    expect(() => npsSummary([9], { confidence: Number.NaN })).toThrow(MetricsInputError);
    expect(() => npsSummary([9], { method: "exact" as never })).toThrow(MetricsTypeError);
    expect(() => npsSummary([])).toThrow(MetricsInputError);
    expect(() => npsSummary([9], { confidence: 95 })).toThrow(/did you mean 0.95\?/);
    expect(() => npsSummary([9], { confidenceLevel: 0.9 } as never)).toThrow(
      "options.confidenceLevel is not an option of npsSummary; did you mean confidence?",
    );
  });

  it("npsSummary([10]) with adjusted-wald excludes the observed 100 at n = 1 (documented)", () => {
    // One promoter: the adjusted counts are 1.75, 1.5, 0.75 of 4, centre 25 points, variance
    // 10⁴(0.4375 + 0.1875 − 0.25²) = 5625, SE = √(5625/4) = 37.5; 25 ± 1.959964·37.5.
    const s = npsSummary([10]);
    expect(s.estimate).toBe(100);
    expectRelative(s.standardError, 37.5, 1e-15);
    expectRelative(s.interval.lower, 25 - 37.5 * -normalQuantile(0.025), 1e-14);
    expectRelative(s.interval.upper, 25 + 37.5 * -normalQuantile(0.025), 1e-14);
    expect(s.interval.upper).toBeLessThan(100);
  });

  it('npsSummary(scores, { missing: "skip" }) reports the missing count and equals the cleaned data', () => {
    const s = npsSummary([10, "", null, "9", "N/A", 3], { missing: "skip" });
    expect(s.missing).toBe(3);
    expect({ ...s, missing: 0 }).toEqual(npsSummary([10, 9, 3]));
  });
});
