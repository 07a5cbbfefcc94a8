import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MetricsInputError, npsSampleSize, npsSummary } from "../../src/index.ts";

describe("npsSampleSize", () => {
  // R 4.2: z <- qnorm(1-(1-conf)/2); v <- p+d-(p-d)^2; ceiling(z^2*v*1e4/moe^2 - 3).
  it.each([
    [{ marginOfError: 5 }, 1534],
    [{ marginOfError: 5, promoters: 0.5, detractors: 0.2 }, 935],
    [{ marginOfError: 10, confidence: 0.9 }, 268],
    [{ marginOfError: 3, confidence: 0.99, promoters: 0.4, detractors: 0.1 }, 3020],
  ])("%o needs %d responses (R)", (options, expected) => {
    expect(npsSampleSize(options)).toBe(expected);
  });

  it("delivers the margin: the adjusted-Wald margin at the worst case is within it, and one fewer is not", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 50, noNaN: true }), fc.double({ min: 0.8, max: 0.995, noNaN: true }), (moe, confidence) => {
        const n = npsSampleSize({ marginOfError: moe, confidence });
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
      fc.property(fc.double({ min: 0.5, max: 100, noNaN: true }), fc.double({ min: 0.5, max: 100, noNaN: true }), fc.double({ min: 0.5, max: 0.999, noNaN: true }), (m1, m2, c) => {
        const [small, large] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(npsSampleSize({ marginOfError: small, confidence: c })).toBeGreaterThanOrEqual(npsSampleSize({ marginOfError: large, confidence: c }));
        expect(npsSampleSize({ marginOfError: small, confidence: Math.min(0.9999, c + 0.0001) })).toBeGreaterThanOrEqual(npsSampleSize({ marginOfError: small, confidence: c }));
      }),
    );
  });

  it("is at least 1, even when the expected variance is 0", () => {
    expect(npsSampleSize({ marginOfError: 5, promoters: 1, detractors: 0 })).toBe(1);
    expect(npsSampleSize({ marginOfError: 100 })).toBe(1);
  });

  it("rejects bad options", () => {
    expect(() => npsSampleSize({ marginOfError: 0 })).toThrow(MetricsInputError);
    expect(() => npsSampleSize({ marginOfError: 101 })).toThrow(MetricsInputError);
    expect(() => npsSampleSize({ marginOfError: 5, promoters: 0.5 })).toThrow(/options.detractors/);
    expect(() => npsSampleSize({ marginOfError: 5, promoters: 0.7, detractors: 0.5 })).toThrow(MetricsInputError);
    expect(() => npsSampleSize({ marginOfError: 5, confidence: 1.2 })).toThrow(MetricsInputError);
    expect(() => npsSampleSize(undefined as never)).toThrow(TypeError);
  });
});
