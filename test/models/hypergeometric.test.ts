import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  GAUSS_LEGENDRE_16,
  hypergeometricSeries,
  logGrowth,
  logHyp2f1Incomplete,
  logIncompleteIntegral,
  logPowerDifference,
  powerDifference,
} from "../../src/models/hypergeometric.ts";
import scipy from "../fixtures/scipy/hypergeometric.json" with { type: "json" };

// The special functions under the Pareto/NBD and BG/NBD models, on their own: each branch
// against scipy (test/fixtures/scipy/hypergeometric.py: scipy.special.hyp2f1, and quad of the
// defining integral), and the small helpers against exact identities. The model tests reach
// these only through whole fits.
const close = (value: number, expected: number, relative: number, what: unknown) =>
  expect(Math.abs(value - expected) / Math.abs(expected), `${JSON.stringify(what)}: ${value} against ${expected}`).toBeLessThan(relative);

describe("hypergeometric series", () => {
  it("sums ₂F₁ as scipy.special.hyp2f1 does, for z below 0 too, and ends a terminating series exactly", () => {
    for (const c of scipy.hyp2f1) close(hypergeometricSeries([c.a, c.b], [c.c, 1], c.z, 5000), c.value, 1e-14, c);
    // (−2)ₙ ends the series after n = 2: 1 + 2·(−2)·z/1 + … is the polynomial 1 − 4z + 3z² for ₂F₁(−2, 2; 1; z).
    expect(hypergeometricSeries([-2, 2], [1, 1], 0.5, 3)).toBe(1 - 4 * 0.5 + 3 * 0.25);
    expect(hypergeometricSeries([0, 5], [2, 1], 0.9, 1)).toBe(1);
  });

  it("gives NaN when the terms allowed are not enough, and the geometric series when they are", () => {
    expect(hypergeometricSeries([1, 1], [1, 1], 0.999, 50)).toBeNaN();
    close(hypergeometricSeries([1], [1], 0.5, 200), 2, 1e-16, "1/(1 − z)");
    close(hypergeometricSeries([1], [1], 0.9, 1000), 10, 1e-15, "1/(1 − z)");
  });

  it("ln ₂F₁(k, b; k + 1; z) by Euler's transformation equals scipy's, heavy b included", () => {
    for (const c of scipy.logHyp2f1) close(logHyp2f1Incomplete(c.k, c.b, c.z, 2000), c.value, 2e-14, c); // a few ulps of ₂F₁ near 1
  });
});

describe("logIncompleteIntegral", () => {
  it("equals the quadrature of ∫₀ᶻ w^(k−1)(1 − w)^(−b) dw on each of its branches", () => {
    for (const c of scipy.logIncompleteIntegral) close(logIncompleteIntegral(c.k, c.b, c.z), c.value, 2e-13, c);
  });

  it("is NaN at and past z = 1", () => {
    expect(logIncompleteIntegral(2, 0.5, 1)).toBeNaN();
    expect(logIncompleteIntegral(2, 0.5, 1.5)).toBeNaN();
    expect(logIncompleteIntegral(2, 0.5, Number.NaN)).toBeNaN();
  });

  it("is exact where the integral is elementary: k = 1 gives −ln(1 − z)/… for b = 1, and z^k/k for b = 0", () => {
    // ∫₀ᶻ (1 − w)^(−1) dw = −ln(1 − z); ∫₀ᶻ w^(k−1) dw = z^k / k.
    for (const z of [0.3, 0.9, 0.97, 0.999]) close(logIncompleteIntegral(1, 1, z), Math.log(-Math.log1p(-z)), 1e-13, { z });
    for (const [k, z] of [
      [2, 0.5],
      [0.5, 0.95],
      [3, 0.999],
    ] as const)
      close(logIncompleteIntegral(k, 1e-300, z), k * Math.log(z) - Math.log(k), 1e-13, { k, z });
  });
});

describe("the models' small helpers", () => {
  it("the 16-point Gauss-Legendre rule integrates polynomials to degree 31 exactly", () => {
    const { nodes, weights } = GAUSS_LEGENDRE_16;
    expect(nodes).toHaveLength(16);
    const integral = (p: number) => nodes.reduce((s, x, i) => s + weights[i]! * x ** p, 0);
    for (let p = 0; p <= 31; p++) expect(integral(p), `x^${p}`).toBeCloseTo(p % 2 === 1 ? 0 : 2 / (p + 1), 14);
    expect(integral(32)).not.toBeCloseTo(2 / 33, 14);
  });

  it("powerDifference is (1 − e^(−dL))/d, L at d = 0, with no jump where its two formulas meet", () => {
    expect(powerDifference(0, 3)).toBe(3);
    close(powerDifference(0.5, 2), (1 - Math.exp(-1)) / 0.5, 1e-15, "d = 0.5");
    close(powerDifference(-0.5, 2), (1 - Math.exp(1)) / -0.5, 1e-15, "d = −0.5");
    // Near dL = 1e-8 the series L(1 − dL/2) and the division agree to the series' O((dL)²) error.
    fc.assert(
      fc.property(
        fc.double({ min: 1e-10, max: 1e-6, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.boolean(),
        (d, L, negative) => {
          const dd = negative ? -d : d;
          close(powerDifference(dd, L), L * (1 - (dd * L) / 2 + (dd * L) ** 2 / 6), 1e-15, { dd, L });
        },
      ),
    );
  });

  it("logPowerDifference is its log, where the value or its factors overflow too", () => {
    expect(logPowerDifference(1, 0)).toBe(Number.NEGATIVE_INFINITY);
    for (const [d, L] of [
      [0.5, 2],
      [-0.5, 2],
      [1e-9, 3],
      [-1e-9, 3],
      [2, 1e-5],
    ] as const)
      close(logPowerDifference(d, L), Math.log(powerDifference(d, L)), 1e-14, { d, L });
    // d = −1, L = 800: (e^800 − 1)/1 overflows a double; its log is 800 + ln(1 − e^−800) = 800.
    close(logPowerDifference(-1, 800), 800, 1e-16, "overflow");
    close(logPowerDifference(-2, 1000), 2000 - Math.log(2), 1e-16, "overflow");
  });

  it("logGrowth is ln(1 + t/u), also where t/u overflows", () => {
    expect(logGrowth(0, 5)).toBe(0);
    close(logGrowth(3, 1), Math.log(4), 1e-16, "ln 4");
    close(logGrowth(1e-20, 1), 1e-20, 1e-16, "log1p");
    close(logGrowth(1e308, 1e-10), Math.log(1e308) - Math.log(1e-10), 1e-15, "overflow");
  });
});
