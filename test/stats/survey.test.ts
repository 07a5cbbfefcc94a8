import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  invitationsNeeded,
  MetricsInputError,
  meanMarginOfError,
  proportionInterval,
  proportionMarginOfError,
  sampleSizeForMean,
  sampleSizeForProportion,
} from "../../src/index.ts";
import { expectRelative } from "../helpers.ts";

describe("proportionMarginOfError", () => {
  // R 4.2: qnorm(1-(1-c)/2) * sqrt(p*(1-p)/n) * sqrt((N-n)/(N-1)).
  it.each([
    [{ proportion: 0.5, n: 1000 }, {}, 0.030989751615228069],
    [{ proportion: 0.5, n: 1000 }, { population: 5000 }, 0.027720848710482703],
    [{ proportion: 0.3, n: 250 }, { confidence: 0.9 }, 0.047672387200979827],
    [{ proportion: 0.84, n: 50 }, { confidence: 0.99, population: 60 }, 0.054980122854313682],
  ])("proportionMarginOfError(%o, %o) matches R", (sample, options, expected) => {
    expectRelative(proportionMarginOfError(sample, options), expected, 1e-14);
  });

  it("equals the Wald interval's half-width (identity) and is 0 for a census", () => {
    const w = proportionInterval({ successes: 300, n: 1000 }, { method: "wald" });
    expectRelative(proportionMarginOfError({ proportion: 0.3, n: 1000 }), (w.interval.upper - w.interval.lower) / 2, 1e-14);
    expect(proportionMarginOfError({ proportion: 0.3, n: 200 }, { population: 200 })).toBe(0);
  });

  it("shrinks with n and grows with confidence", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        (p, n, c) => {
          const m = proportionMarginOfError({ proportion: p, n }, { confidence: c });
          expect(proportionMarginOfError({ proportion: p, n: n + 1 }, { confidence: c })).toBeLessThanOrEqual(m);
          expect(proportionMarginOfError({ proportion: p, n }, { confidence: c + 0.005 })).toBeGreaterThanOrEqual(m);
          expect(m).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it("rejects bad input", () => {
    expect(() => proportionMarginOfError({ proportion: 1.2, n: 10 })).toThrow(/sample.proportion/);
    expect(() => proportionMarginOfError({ proportion: 0.5, n: 0 })).toThrow(/sample.n/);
    expect(() => proportionMarginOfError({ proportion: 0.5, n: 10 }, { population: 5 })).toThrow(
      /options.population must be at least the sample size n \(10\); got 5/,
    );
  });
});

describe("meanMarginOfError", () => {
  it.each([
    // R 4.2: qt(.975, 29) * 1.2 / sqrt(30)
    [{ standardDeviation: 1.2, n: 30 }, {}, 0.44808736410971994],
    // R 4.2: qt(.95, 4) * 0.8 / sqrt(5) * sqrt((20-5)/19)
    [{ standardDeviation: 0.8, n: 5 }, { confidence: 0.9, population: 20 }, 0.67768801171074611],
  ])("meanMarginOfError(%o, %o) matches R", (sample, options, expected) => {
    expectRelative(meanMarginOfError(sample, options), expected, 1e-12);
  });

  it("equals half the width of R's t.test interval on raw data", () => {
    // R 4.2: x <- c(5,6,7,5,6); diff(t.test(x)$conf.int)/2 = 1.0388506336835679, sd(x) = 0.83666002653407556
    expectRelative(meanMarginOfError({ standardDeviation: 0.83666002653407556, n: 5 }), 1.0388506336835679, 1e-12);
  });

  it("rejects n < 2 and negative deviations", () => {
    expect(() => meanMarginOfError({ standardDeviation: 1, n: 1 })).toThrow(MetricsInputError);
    expect(() => meanMarginOfError({ standardDeviation: -1, n: 10 })).toThrow(MetricsInputError);
  });
});

describe("sampleSizeForProportion and sampleSizeForMean", () => {
  it("gives the known values: 385 unlimited, 370 for N = 10,000 at ±5%, 95%", () => {
    expect(sampleSizeForProportion({ marginOfError: 0.05 })).toBe(385);
    expect(sampleSizeForProportion({ marginOfError: 0.05 }, { population: 10000 })).toBe(370);
  });

  it("corrects for a small population with Cochran's n0/(1 + (n0 − 1)/N): 28 of 29", () => {
    // scipy: n0 = norm.ppf(0.975)**2 * 0.25 / 0.05**2 = 384.14588206941244; with N = 29,
    // n0/(1 + (n0 − 1)/29) = 27.0298…, so 28. (n0/(1 + (n0 + 1)/29) = 26.90… would give 27.)
    expect(sampleSizeForProportion({ marginOfError: 0.05 }, { population: 29 })).toBe(28);
  });

  // R 4.2: n0 <- qnorm(.995)^2*.2*.8/.03^2 = 1179.5371735148822; n0/(1+(n0-1)/2500) = 801.63467016687889
  it("matches R with a proportion, confidence and population", () => {
    expect(sampleSizeForProportion({ marginOfError: 0.03 }, { confidence: 0.99, proportion: 0.2 })).toBe(1180);
    expect(sampleSizeForProportion({ marginOfError: 0.03 }, { confidence: 0.99, proportion: 0.2, population: 2500 })).toBe(802);
  });

  // R 4.2: (qnorm(.975)*1.2/0.1)^2 = 553.17007017995365; (qnorm(.95)*1.5/.25)^2 = 97.39956434743479,
  // corrected for N = 300: 73.713172092742042.
  it("sampleSizeForMean matches R", () => {
    expect(sampleSizeForMean({ marginOfError: 0.1, standardDeviation: 1.2 })).toBe(554);
    expect(sampleSizeForMean({ marginOfError: 0.25, standardDeviation: 1.5 }, { confidence: 0.9 })).toBe(98);
    expect(sampleSizeForMean({ marginOfError: 0.25, standardDeviation: 1.5 }, { confidence: 0.9, population: 300 })).toBe(74);
  });

  it("delivers the margin: at the returned n the margin is met, one fewer misses it", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.005, max: 0.5, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (e, p) => {
        const n = sampleSizeForProportion({ marginOfError: e }, { proportion: p });
        expect(proportionMarginOfError({ proportion: p, n })).toBeLessThanOrEqual(e * (1 + 1e-12));
        if (n > 1) expect(proportionMarginOfError({ proportion: p, n: n - 1 })).toBeGreaterThan(e * (1 - 1e-12));
      }),
    );
  });

  it("is monotone: smaller margin or higher confidence never needs fewer responses", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.99, noNaN: true }),
        fc.double({ min: 0.001, max: 0.99, noNaN: true }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: undefined }),
        (e1, e2, c, population) => {
          const [small, large] = e1 <= e2 ? [e1, e2] : [e2, e1];
          const at = (marginOfError: number, confidence: number) =>
            sampleSizeForProportion({ marginOfError }, { confidence, ...(population === undefined ? {} : { population }) });
          expect(at(small, c)).toBeGreaterThanOrEqual(at(large, c));
          expect(at(small, c + 0.005)).toBeGreaterThanOrEqual(at(small, c));
          if (population !== undefined) expect(at(small, c)).toBeLessThanOrEqual(population);
        },
      ),
    );
  });

  it("rejects bad options", () => {
    expect(() => sampleSizeForProportion({ marginOfError: 5 })).toThrow(
      /precision.marginOfError must be a fraction in \(0, 1\) \(a fraction, not a percentage: did you mean 0.05\?\); got 5/,
    );
    expect(() => sampleSizeForProportion({ marginOfError: 0.05 }, { population: 0 })).toThrow(MetricsInputError);
    expect(() => sampleSizeForMean({ marginOfError: 0.1, standardDeviation: 0 })).toThrow(MetricsInputError);
  });
});

describe("invitationsNeeded", () => {
  it("divides by the response rate and rounds up", () => {
    expect(invitationsNeeded({ n: 370, responseRate: 0.12 })).toBe(3084); // 3083.33…
    expect(invitationsNeeded({ n: 100, responseRate: 0.25 })).toBe(400); // exact: no extra invitation
    expect(invitationsNeeded({ n: 100, responseRate: 1 })).toBe(100);
  });

  it("rejects rates outside (0, 1] and sample sizes below 1", () => {
    expect(() => invitationsNeeded({ n: 100, responseRate: 0 })).toThrow(MetricsInputError);
    expect(() => invitationsNeeded({ n: 100, responseRate: 1.5 })).toThrow(MetricsInputError);
    expect(() => invitationsNeeded({ n: 0, responseRate: 0.5 })).toThrow(MetricsInputError);
  });
});
