import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MetricsInputError, npsSampleSize, npsSummary } from "../../src/index.ts";
import { expectError } from "../helpers.ts";

describe("npsSampleSize", () => {
  // R 4.2: z <- qnorm(1-(1-conf)/2); v <- p+d-(p-d)^2; ceiling(z^2*v*1e4/moe^2 - 3).
  it.each([
    [5, {}, 1534],
    [5, { promoters: 0.5, detractors: 0.2 }, 935],
    [10, { confidence: 0.9 }, 268],
    [3, { confidence: 0.99, promoters: 0.4, detractors: 0.1 }, 3020],
  ])("npsSampleSize({ marginOfError: %d }, %o) needs %d responses (R)", (marginOfError, options, expected) => {
    expect(npsSampleSize({ marginOfError }, options)).toBe(expected);
  });

  it("delivers the margin: the adjusted-Wald margin at the worst case is within it, and one fewer is not", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 50, noNaN: true }), fc.double({ min: 0.8, max: 0.995, noNaN: true }), (moe, confidence) => {
        const n = npsSampleSize({ marginOfError: moe }, { confidence });
        // Half promoters, half detractors: the adjusted shares stay 1/2 (n even) and var = 10⁴.
        const even = n % 2 === 0 ? n : n + 1;
        const at = npsSummary({ promoters: even / 2, passives: 0, detractors: even / 2 }, { confidence });
        expect(at.marginOfError).toBeLessThanOrEqual(moe * (1 + 1e-12));
        if (n > 2) {
          const z = at.marginOfError / at.standardError;
          expect(z * Math.sqrt(10000 / (n - 1 + 3))).toBeGreaterThan(moe);
        }
      }),
    );
  });

  it("grows as the margin shrinks and as confidence rises", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (m1, m2, c) => {
          const [small, large] = m1 <= m2 ? [m1, m2] : [m2, m1];
          expect(npsSampleSize({ marginOfError: small }, { confidence: c })).toBeGreaterThanOrEqual(
            npsSampleSize({ marginOfError: large }, { confidence: c }),
          );
          expect(npsSampleSize({ marginOfError: small }, { confidence: Math.min(0.9999, c + 0.0001) })).toBeGreaterThanOrEqual(
            npsSampleSize({ marginOfError: small }, { confidence: c }),
          );
        },
      ),
    );
  });

  it("is at least 1, even when the expected variance is 0", () => {
    expect(npsSampleSize({ marginOfError: 5 }, { promoters: 1, detractors: 0 })).toBe(1);
    expect(npsSampleSize({ marginOfError: 100 })).toBe(1);
  });

  it("npsSampleSize({ marginOfError: 0.05 }) rejects a fraction, hinting the points meant", () => {
    // 0.05 as points would ask for 15,365,833 responses (the 0.1.0 silent answer).
    expect(() => npsSampleSize({ marginOfError: 0.05 })).toThrow(
      /a margin in NPS points from 1 to 100 \(points, not a fraction: did you mean 5\?\); got 0.05/,
    );
    expect(() => npsSampleSize({ marginOfError: 0.999 })).toThrow(MetricsInputError);
    // R 4.2: ceiling(qnorm(0.975)^2 * 1e4 / 1^2 - 3) = 38412
    expect(npsSampleSize({ marginOfError: 1 })).toBe(38412);
  });

  it("rejects bad options", () => {
    expect(() => npsSampleSize({ marginOfError: 0 })).toThrow(MetricsInputError);
    expect(() => npsSampleSize({ marginOfError: 101 })).toThrow(MetricsInputError);
    expect(() => npsSampleSize({ marginOfError: 5 }, { promoters: 0.5 })).toThrow(/options.detractors/);
    expect(() => npsSampleSize({ marginOfError: 5 }, { promoters: 0.7, detractors: 0.5 })).toThrow(MetricsInputError);
    expect(() => npsSampleSize({ marginOfError: 5 }, { confidence: 1.2 })).toThrow(MetricsInputError);
    expect(() => npsSampleSize({ marginOfError: 5, confidence: 0.9 } as never)).toThrow(
      "precision.confidence is not a field of npsSampleSize's precision; known: marginOfError",
    );
    expect(() => npsSampleSize(undefined as never)).toThrow(TypeError);
  });
});

describe("npsSampleSize's errors name the argument at fault", () => {
  it("names the expected share left out, whichever it is, and a share off [0, 1]", () => {
    const alone = "must be given together with the other expected share (or leave both out for the worst case); got undefined";
    for (const [given, missing] of [
      [{ detractors: 0.2 }, "promoters"],
      [{ promoters: 0.2 }, "detractors"],
    ] as const) {
      const argument = `options.${missing}`;
      expectError(() => npsSampleSize({ marginOfError: 5 }, given), MetricsInputError, "INVALID_OPTION", argument, `${argument} ${alone}`);
    }
    expect(() => npsSampleSize({ marginOfError: 5 }, { promoters: 1.5, detractors: 0 })).toThrow(
      /^options\.promoters must be a fraction in \[0, 1\]/,
    );
    expectError(
      () => npsSampleSize({ marginOfError: 5 }, { promoters: 0.5, detractors: -0.1 }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "options.detractors",
      "options.detractors must be a fraction in [0, 1]; got -0.1",
    );
  });

  it("hints at points only for a margin between 0 and 1, and names a margin that is not a number", () => {
    expectError(
      () => npsSampleSize({ marginOfError: 150 }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "precision.marginOfError",
      "precision.marginOfError must be a margin in NPS points from 1 to 100; got 150",
    );
    expectError(
      () => npsSampleSize({ marginOfError: Number.NaN }),
      MetricsInputError,
      "NOT_FINITE",
      "precision.marginOfError",
      "precision.marginOfError must be a finite number; got NaN",
    );
  });
});
