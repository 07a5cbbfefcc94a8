import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  MetricsInputError,
  MetricsTypeError,
  probabilityAlive,
  purchaseCountProbability,
} from "../../src/index.ts";

// test/fixtures/scipy/purchase-models.py: the papers' formulas in scipy (hyp2f1 untransformed,
// quad for Pareto/NBD, closed forms in gamma functions for BG/BB).
const scipy = JSON.parse(readFileSync(new URL("../fixtures/scipy/purchase-models.json", import.meta.url), "utf8"));

const bgNbd = ([r, alpha, a, b]: number[]) => ({ model: "bg-nbd" as const, params: { r: r!, alpha: alpha!, a: a!, b: b! } });
const pareto = ([r, alpha, s, beta]: number[]) => ({ model: "pareto-nbd" as const, params: { r: r!, alpha: alpha!, s: s!, beta: beta! } });
const bgBb = ([alpha, beta, gamma, delta]: number[]) => ({
  model: "bg-bb" as const,
  params: { alpha: alpha!, beta: beta!, gamma: gamma!, delta: delta! },
});
const CDNOW = bgNbd([0.243, 4.414, 0.793, 2.426]);
const DONATIONS = bgBb([1.204, 0.75, 0.657, 2.783]);

function close(got: number, want: number, rel: number, what: unknown) {
  expect(Math.abs(got - want), `${JSON.stringify(what)}: got ${got}, want ${want}`).toBeLessThanOrEqual(rel * Math.abs(want) + 1e-300);
}

/**
 * P(X(t) = n) over n = 0 … 1,499 for models whose rates are at most 3/1 a period over t ≤ 40 (at
 * most 120 purchases expected while alive, so the rest is negligible): sums to 1 and, where
 * `meanToo`, has mean E[X(t)].
 */
function checkCountDistribution(model: Parameters<typeof purchaseCountProbability>[0], t: number, meanToo: boolean) {
  let total = 0;
  let mean = 0;
  for (let n = 0; n < 1500; n++) {
    const q = purchaseCountProbability(model, n, t);
    expect(q).toBeGreaterThanOrEqual(0);
    total += q;
    mean += n * q;
  }
  expect(total).toBeCloseTo(1, 9);
  if (meanToo) close(mean, expectedPurchases(model, t), 1e-6, { model, t });
}

/** Four positive parameters: a shape in [0.1, 3], a scale in [1, 20], then two in [lo, 5] and [0.2, hi]. */
const fourParams = (lo: number, hi: number) =>
  fc.tuple(
    fc.double({ min: 0.1, max: 3, noNaN: true }),
    fc.double({ min: 1, max: 20, noNaN: true }),
    fc.double({ min: lo, max: 5, noNaN: true }),
    fc.double({ min: 0.2, max: hi, noNaN: true }),
  );

describe("BG/NBD predictions", () => {
  it("conditionalExpectedPurchases reproduces Fader, Hardie & Lee's worked example: 1.226 in the next 39 weeks", () => {
    expect(conditionalExpectedPurchases(CDNOW, { frequency: 2, recency: 30.43, T: 38.86 }, 39).toFixed(3)).toBe("1.226");
  });

  it("expectedPurchases, conditionalExpectedPurchases and purchaseCountProbability equal scipy's hyp2f1 and nbinom forms (1e-10 relative)", () => {
    for (const c of scipy.bgNbdExpected) close(expectedPurchases(bgNbd(c.params), c.t), c.value, 1e-10, c);
    for (const c of scipy.bgNbdConditional) {
      close(conditionalExpectedPurchases(bgNbd(c.params), { frequency: c.x, recency: c.tx, T: c.T }, c.t), c.value, 1e-10, c);
    }
    for (const c of scipy.bgNbdPmf) close(purchaseCountProbability(bgNbd(c.params), c.n, c.t), c.value, 1e-10, c);
  });

  it("probabilityAlive is 1 for a customer with no repeat purchase, whatever the parameters", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (p, T) => {
          expect(probabilityAlive(bgNbd(p), { frequency: 0, recency: 0, T })).toBe(1);
        },
      ),
    );
  });

  it("P(X(t) = n) sums to 1 over n and its mean is E[X(t)] (an exact identity)", () => {
    // The mean converges only if a > 1 (a heavy tail otherwise); compared where the truncation is negligible.
    fc.assert(
      fc.property(fourParams(1, 5), fc.double({ min: 0.5, max: 40, noNaN: true }), (p, t) =>
        checkCountDistribution(bgNbd(p), t, p[2] > 1.5),
      ),
      { numRuns: 25 },
    );
  });

  it("is exact through a = 1, where the papers' formula divides by 0", () => {
    const at = (a: number) => bgNbd([0.5, 3, a, 2]);
    const h = { frequency: 3, recency: 20, T: 30 };
    for (const f of [
      (m: ReturnType<typeof at>) => expectedPurchases(m, 39),
      (m: ReturnType<typeof at>) => conditionalExpectedPurchases(m, h, 39),
    ]) {
      close(f(at(1)), (f(at(1 + 1e-7)) + f(at(1 - 1e-7))) / 2, 1e-9, "a = 1");
    }
  });
});

describe("Pareto/NBD predictions", () => {
  it("expectedPurchases and conditionalExpectedPurchases equal scipy (quad) to 1e-9 relative", () => {
    for (const c of scipy.paretoExpected) close(expectedPurchases(pareto(c.params), c.t), c.value, 1e-9, c);
    for (const c of scipy.pareto.filter((c: { conditional39?: number }) => c.conditional39 !== undefined)) {
      const got = conditionalExpectedPurchases(pareto(c.params), { frequency: c.x, recency: c.tx, T: c.T }, 39);
      if (c.conditional39 === 0) expect(got).toBeLessThan(1e-300);
      else close(got, c.conditional39, 1e-9, c);
    }
  });

  it("is exact through s = 1 (where E[X(t)] = (rβ/α) ln(1 + t/β))", () => {
    const model = pareto([0.8, 3, 1, 5]);
    close(expectedPurchases(model, 39), (0.8 * 5 * Math.log1p(39 / 5)) / 3, 1e-14, "s = 1");
    const h = { frequency: 2, recency: 10, T: 20 };
    const near = (s: number) => conditionalExpectedPurchases(pareto([0.8, 3, s, 5]), h, 39);
    close(conditionalExpectedPurchases(model, h, 39), (near(1 + 1e-7) + near(1 - 1e-7)) / 2, 1e-9, "s = 1");
  });

  it("purchaseCountProbability equals scipy's quadrature over the lifetime (1e-9 relative), sums to 1 and has mean E[X(t)]", () => {
    for (const c of [...scipy.paretoPmf, ...scipy.paretoPmfLargeR])
      close(purchaseCountProbability(pareto(c.params), c.n, c.t), c.value, 1e-9, c);
    fc.assert(
      fc.property(fourParams(1.5, 30), fc.double({ min: 0.5, max: 40, noNaN: true }), (p, t) => checkCountDistribution(pareto(p), t, true)),
      { numRuns: 10 },
    );
    // 15,000 quadratures: 1.8 s with a mutation run beside it (vitest.config.ts allows 20 s).
  });

  it("purchaseCountProbability over no time: no purchases for certain", () => {
    const model = pareto([0.55, 10.6, 0.61, 11.7]);
    expect(purchaseCountProbability(model, 0, 0)).toBe(1);
    expect(purchaseCountProbability(model, 1, 0)).toBe(0);
    expect(purchaseCountProbability(model, 7, 0)).toBe(0);
  });
});

describe("BG/BB predictions", () => {
  it("probabilityAlive, conditionalExpectedPurchases, expectedPurchases and purchaseCountProbability equal the papers' closed forms in scipy (1e-10)", () => {
    for (const c of scipy.bgBb) {
      const h = { frequency: c.x, recency: c.tx, periods: c.n };
      close(probabilityAlive(bgBb(c.params), h), c.alive, 1e-10, c);
      close(conditionalExpectedPurchases(bgBb(c.params), h, 5), c.conditional5, 1e-10, c);
    }
    for (const c of scipy.bgBbExpected) close(expectedPurchases(bgBb(c.params), c.n), c.value, 1e-10, c);
    for (const c of scipy.bgBbPmf) close(purchaseCountProbability(bgBb(c.params), c.x, c.n), c.value, 1e-10, c);
  });

  it("P(X(n) = x) over x = 0 … n sums to 1, and its mean is E[X(n)]", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 60 }),
        (p, n) => {
          let total = 0;
          let mean = 0;
          for (let x = 0; x <= n; x++) {
            const q = purchaseCountProbability(bgBb(p), x, n);
            total += q;
            mean += x * q;
          }
          expect(total).toBeCloseTo(1, 10);
          close(mean, expectedPurchases(bgBb(p), n), 1e-9, { p, n });
        },
      ),
    );
  });

  it("probabilityAlive of a donor who missed only the last opportunity has its closed form, even where the terms differ beyond e⁷⁰⁹", () => {
    // x = tₓ = n − 1: the likelihood is alive-throughout plus gone-after-n−1, in the ratio
    // ρ = β/(α + x + β) · (δ + n − 1)/γ, and P(alive at n + 1) = (δ + n)/(γ + δ + n) · 1/(1 + 1/ρ)
    // (Fader, Hardie & Shang 2010, eqs. 5 and 11, by B(a, b + 1)/B(a, b) = b/(a + b)).
    const closedForm = ([alpha, beta, gamma, delta]: number[], n: number) =>
      (delta! + n) / (gamma! + delta! + n) / (1 + ((alpha! + n - 1 + beta!) * gamma!) / (beta! * (delta! + n - 1)));
    const logUniform = (lo: number, hi: number) => fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);
    fc.assert(
      fc.property(
        fc.tuple(logUniform(0.01, 1e3), logUniform(0.01, 1e3), logUniform(1e-300, 1e3), logUniform(0.01, 1e12)),
        fc.integer({ min: 1, max: 50 }),
        (p, n) => close(probabilityAlive(bgBb(p), { frequency: n - 1, recency: n - 1, periods: n }), closedForm(p, n), 1e-10, { p, n }),
      ),
    );
    // ρ ≈ 3·10³⁰⁹: gone-after is e⁻⁷¹³ of alive-throughout.
    const extreme = [1, 1, 1e-300, 1e10];
    close(probabilityAlive(bgBb(extreme), { frequency: 1, recency: 1, periods: 2 }), closedForm(extreme, 2), 1e-12, extreme);
  });

  it("a longer horizon adds purchases, and a donor who gave at every opportunity is expected to give more than one who lapsed", () => {
    const whole = expectedPurchases(DONATIONS, 11);
    const first = expectedPurchases(DONATIONS, 6);
    expect(whole).toBeGreaterThan(first);
    expect(conditionalExpectedPurchases(DONATIONS, { frequency: 6, recency: 6, periods: 6 }, 5)).toBeGreaterThan(
      conditionalExpectedPurchases(DONATIONS, { frequency: 1, recency: 1, periods: 6 }, 5),
    );
  });
});

describe("time units", () => {
  it("rescaling time (weeks to days) rescales α (and β) and leaves every prediction in real time unchanged", () => {
    const param = fc.double({ min: 0.05, max: 20, noNaN: true });
    fc.assert(
      fc.property(
        fc.tuple(param, param, param, param),
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        ([p1, p2, p3, p4], x, share, T, t) => {
          const weeks = { frequency: x, recency: x === 0 ? 0 : share * T, T };
          const days = { frequency: x, recency: 7 * weeks.recency, T: 7 * T };
          for (const [w, d] of [
            [bgNbd([p1, p2, p3, p4]), bgNbd([p1, 7 * p2, p3, p4])],
            [pareto([p1, p2, p3, p4]), pareto([p1, 7 * p2, p3, 7 * p4])],
          ] as const) {
            close(expectedPurchases(d, 7 * t), expectedPurchases(w, t), 1e-9, { w, t });
            close(conditionalExpectedPurchases(d, days, 7 * t), conditionalExpectedPurchases(w, weeks, t), 1e-9, { w, weeks, t });
            close(probabilityAlive(d, days), probabilityAlive(w, weeks), 1e-9, { w, weeks });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("prediction errors", () => {
  it("name the argument, the value and what was expected", () => {
    expect(() => expectedPurchases({ model: "sbg", params: { alpha: 1, beta: 1 } } as never, 3)).toThrow(
      /model\.model must be a purchase model: "bg-nbd", "pareto-nbd" or "bg-bb"/,
    );
    expect(() => expectedPurchases(null as never, 3)).toThrow(MetricsTypeError);
    expect(() => expectedPurchases(CDNOW, -1)).toThrow(/^t must be/);
    expect(() => expectedPurchases(DONATIONS, 2.5)).toThrow(MetricsInputError);
    expect(() => expectedPurchases(DONATIONS, 20_000)).toThrow(/t must be at most 10000/);
    expect(() => purchaseCountProbability(CDNOW, 1.5, 3)).toThrow(/^n must be/);
    expect(() => probabilityAlive(CDNOW, { frequency: 2, recency: 0, T: 5 })).toThrow(/customer\.recency/);
    expect(() => probabilityAlive(DONATIONS, { frequency: 2, recency: 1, periods: 6 })).toThrow(/customer\.frequency/);
    expect(() => probabilityAlive(CDNOW, { frequency: 2, recency: 3, T: 5, periods: 4 } as never)).toThrow(/periods/);
    // The horizon of a conditional expectation is named t, for every model.
    for (const [model, customer] of [
      [CDNOW, { frequency: 2, recency: 3, T: 5 }],
      [pareto([0.55, 10.6, 0.61, 11.7]), { frequency: 2, recency: 3, T: 5 }],
      [DONATIONS, { frequency: 2, recency: 3, periods: 6 }],
    ] as const) {
      expect(() => conditionalExpectedPurchases(model as never, customer as never, -1)).toThrow(/^t must be/);
    }
  });

  it("a result out of double precision's reach names the parameters", () => {
    const paramsError = (call: () => unknown, message: RegExp) => {
      expect(call).toThrow(MetricsInputError);
      expect(call).toThrow(
        expect.objectContaining({ code: "UNDEFINED_RESULT", argument: "model.params", message: expect.stringMatching(message) }),
      );
    };
    // rβ/(α(s − 1)) ≈ 10³²⁴: E[X(t)] overflows.
    paramsError(
      () => expectedPurchases(pareto([1e12, 1e-300, 2, 1e12]), 10),
      /^model\.params must be a value for which the result fits in a double/,
    );
    // α and β 10²² apart: the two terms of the Pareto/NBD likelihood cannot be told apart.
    paramsError(
      () => probabilityAlive(pareto([0.01, 1e-10, 0.01, 1e12]), { frequency: 1, recency: 1e-6, T: 1e12 }),
      /^model\.params must be alpha and beta within a factor of 10¹⁵ of each other \(beyond, the terms of the likelihood cannot be told apart in double precision\); got /,
    );
  });
});
