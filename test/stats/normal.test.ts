import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MetricsInputError, MetricsTypeError, normalCdf, normalQuantile } from "../../src/index.ts";
import { expectAbsolute, expectRelative } from "../helpers.ts";

// Reference values from R 4.2 (Debian r-base-core): sprintf("%.17g", pnorm(x)).
const PNORM: ReadonlyArray<readonly [number, number]> = [
  [-37.5, 4.6053530095819552e-308],
  [-37, 5.7255712225245771e-300],
  [-30, 4.9067139271481872e-198],
  [-20, 2.7536241186062337e-89],
  [-10, 7.6198530241605269e-24],
  [-8, 6.2209605742717849e-16],
  [-5.657, 7.7020881721775998e-9],
  [-5, 2.8665157187919391e-7],
  [-3, 0.0013498980316300946],
  [-2, 0.022750131948179212],
  [-1.5, 0.066807201268858071],
  [-1, 0.15865525393145705],
  [-0.6744897, 0.25000001595113913],
  [-0.5, 0.30853753872598694],
  [-0.1, 0.46017216272297101],
  [-1e-10, 0.49999999996010575],
  [0, 0.5],
  [1e-10, 0.5000000000398942],
  [0.3, 0.61791142218895267],
  [0.67449, 0.75000007938182633],
  [1, 0.84134474606854293],
  [2.5, 0.99379033467422384],
  [5, 0.99999971334842808],
  [8, 0.99999999999999933],
  [8.3, 1],
];

// Reference values from R 4.2: sprintf("%.17g", qnorm(p)).
const QNORM: ReadonlyArray<readonly [number, number]> = [
  [1e-300, -37.047096299361201],
  [1e-100, -21.273453560965319],
  [1e-20, -9.2623400897984052],
  [1e-10, -6.3613409024040557],
  [1e-5, -4.2648907939228256],
  [0.001, -3.0902323061678132],
  [0.01, -2.3263478740408408],
  [0.025, -1.9599639845400538],
  [0.05, -1.6448536269514726],
  [0.1, -1.2815515655446008],
  [0.3, -0.52440051270804067],
  [0.6, 0.25334710313579978],
  [0.75, 0.67448975019608171],
  [0.9, 1.2815515655446008],
  [0.975, 1.9599639845400536],
  [0.99, 2.3263478740408408],
  [0.999999, 4.7534243088170891],
  [1 - 1e-12, 7.0344869100478356],
];

describe("normalCdf", () => {
  it.each(PNORM)("pnorm(%d) matches R to 1e-15 relative", (x, expected) => {
    expectRelative(normalCdf(x), expected, 1e-15);
  });

  it("gives 0 and 1 at the infinities and underflows to 0 past -38.5", () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-50)).toBe(0);
    expect(normalCdf(50)).toBe(1);
  });

  it("rejects NaN and non-numbers", () => {
    expect(() => normalCdf(Number.NaN)).toThrow(MetricsInputError);
    expect(() => normalCdf(Number.NaN)).toThrow(expect.objectContaining({ argument: "x" }));
    expect(() => normalCdf("1" as never)).toThrow(MetricsTypeError);
  });

  it("is symmetric: Φ(x) + Φ(−x) = 1", () => {
    fc.assert(
      fc.property(fc.double({ min: -38, max: 38, noNaN: true }), (x) => {
        expectAbsolute(normalCdf(x) + normalCdf(-x), 1, 2e-16);
      }),
    );
  });

  it("is monotone non-decreasing", () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: -40, max: 40, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(normalCdf(lo)).toBeLessThanOrEqual(normalCdf(hi));
      }),
    );
  });
});

describe("normalQuantile", () => {
  it.each(QNORM)("qnorm(%d) matches R to 1e-15 relative", (p, expected) => {
    expectRelative(normalQuantile(p), expected, 1e-15);
  });

  it("is exactly 0 at p = 0.5", () => {
    expect(normalQuantile(0.5)).toBe(0);
  });

  it("rejects p outside (0, 1), where the quantile is infinite or undefined", () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN, Infinity]) {
      expect(() => normalQuantile(p)).toThrow(MetricsInputError);
    }
    expect(() => normalQuantile(0)).toThrow(/p must be a fraction in \(0, 1\); got 0/);
  });

  it("inverts normalCdf: Φ(Φ⁻¹(p)) = p, to the conditioning of Φ (relative error grows as z²)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.999999, noNaN: true }), (p) => {
        const z = normalQuantile(p);
        expectRelative(normalCdf(z), p, 2e-15 * Math.max(1, z * z));
      }),
    );
  });
});
