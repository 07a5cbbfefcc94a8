import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cohortRetention,
  discountedExpectedLifetime,
  fitSbg,
  MetricsInputError,
  MetricsTypeError,
  projectRetention,
} from "../../src/index.ts";
import { rng } from "../segments/records.ts";

// Fader & Hardie (2007) retention data, copied from ../shared/data with its attribution.
const rows = readFileSync(new URL("../fixtures/shared/sbg-retention.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",").map(Number));
const survivors = (column: 1 | 2, years = 7) => rows.slice(0, years + 1).map((r) => Math.round(10 * r[column]!));

describe("fitSbg", () => {
  it("fitSbg(years 0-7 of 1,000) reproduces Fader & Hardie's published fits to the digits given", () => {
    const high = fitSbg(survivors(1));
    expect(high.params.alpha.toFixed(3)).toBe("0.668");
    expect(high.params.beta.toFixed(3)).toBe("3.806");
    const regular = fitSbg(survivors(2));
    expect(regular.params.alpha.toFixed(3)).toBe("0.704");
    expect(regular.params.beta.toFixed(3)).toBe("1.182");
    expect(high).toMatchObject({ model: "sbg", n: 1000, converged: true });
    expect(high.standardErrors!.alpha).toBeGreaterThan(0);
  });

  it("fitSbg(survivors) is the maximum: the log-likelihood falls in every direction from it", () => {
    const s = survivors(1);
    const m = fitSbg(s);
    const ll = (a: number, b: number) => {
      // Independent of the library: the likelihood from the recursion P(1) = a/(a+b),
      // P(t) = P(t−1)(b + t − 2)/(a + b + t − 1), S(T) = 1 − ΣP.
      let p = a / (a + b);
      let left = 1 - p;
      let value = (s[0]! - s[1]!) * Math.log(p);
      for (let t = 2; t < s.length; t++) {
        p *= (b + t - 2) / (a + b + t - 1);
        left -= p;
        value += (s[t - 1]! - s[t]!) * Math.log(p);
      }
      return value + s[s.length - 1]! * Math.log(left);
    };
    const { alpha, beta } = m.params;
    expect(ll(alpha, beta)).toBeCloseTo(m.logLikelihood!, 8);
    for (const [da, db] of [
      [1e-3, 0],
      [-1e-3, 0],
      [0, 1e-3],
      [0, -1e-3],
      [1e-3, 1e-3],
      [-1e-3, 1e-3],
    ]) {
      expect(ll(alpha * (1 + da!), beta * (1 + db!))).toBeLessThan(ll(alpha, beta));
    }
  });

  it("fitSbg(simulated cohort) recovers the parameters it was simulated with, within 3 standard errors", () => {
    const random = rng(99);
    for (const [alpha, beta] of [
      [0.7, 1.2],
      [2, 6],
    ] as const) {
      // Each of 20,000 customers draws θ ~ Beta(α, β) (via two gammas) and renews with 1 − θ.
      const gamma = (shape: number): number => {
        if (shape < 1) return gamma(shape + 1) * random() ** (1 / shape);
        const d = shape - 1 / 3;
        const c = 1 / Math.sqrt(9 * d);
        for (;;) {
          const u1 = random();
          const u2 = random();
          const x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
          const v = (1 + c * x) ** 3;
          if (v > 0 && Math.log(random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
        }
      };
      const counts = new Array<number>(9).fill(0);
      for (let i = 0; i < 20_000; i++) {
        const g1 = gamma(alpha);
        const theta = g1 / (g1 + gamma(beta));
        let t = 0;
        while (t < 8 && random() >= theta) t++;
        for (let k = 0; k <= t; k++) counts[k]!++;
      }
      const m = fitSbg(counts);
      expect(Math.abs(m.params.alpha - alpha)).toBeLessThan(3 * m.standardErrors!.alpha);
      expect(Math.abs(m.params.beta - beta)).toBeLessThan(3 * m.standardErrors!.beta);
    }
  });

  it("fitSbg(cohortRetention(...).matrix[i].customers) takes a cohort's survivor series as it is", () => {
    // Churn falling month by month (25 %, then 17 %, 10 %, 6 %), as in a cohort of mixed customers.
    const leaves = (i: number) => (i % 4 === 0 ? 2 : i % 8 === 1 ? 3 : i % 16 === 2 ? 4 : i % 32 === 3 ? 5 : 0);
    const changes = Array.from({ length: 320 }, (_, i) => [
      { customer: i, time: "2025-01-10", mrr: 10 },
      ...(leaves(i) > 0 ? [{ customer: i, time: `2025-0${leaves(i)}-15`, mrr: 0 }] : []),
    ]).flat();
    const cohort = cohortRetention(changes).matrix[0]!;
    const m = fitSbg(cohort.customers);
    expect(m.n).toBe(320);
    expect(m.params.alpha).toBeGreaterThan(0);
  });

  it("fitSbg(survivors) rejects series that cannot identify the model, naming why", () => {
    expect(() => fitSbg([1000, 900])).toThrow(/at least three periods/);
    expect(() => fitSbg([1000, 1000, 1000])).toThrow(/some customers leave and some stay/);
    expect(() => fitSbg([1000, 0, 0])).toThrow(/some customers leave and some stay/);
    expect(() => fitSbg([1000, 900, 950])).toThrow(/survivors cannot increase/);
    expect(() => fitSbg([100, 86.9, 74.3])).toThrow(/survivors\[1\] must be a whole number/);
    expect(() => fitSbg("1000,900" as never)).toThrow(MetricsTypeError);
  });
});

describe("projectRetention", () => {
  it("projectRetention(model, 12) follows S(t) = B(α, β + t)/B(α, β) and r(t) = (β + t − 1)/(α + β + t − 1)", () => {
    const alpha = 0.668;
    const beta = 3.806;
    const curve = projectRetention({ model: "sbg", params: { alpha, beta } }, 12);
    // The recursion S(t) = S(t − 1)·r(t), written out independently.
    let s = 1;
    curve.forEach((row, i) => {
      const t = i + 1;
      const r = (beta + t - 1) / (alpha + beta + t - 1);
      s *= r;
      expect(row.period).toBe(t);
      expect(row.retention).toBeCloseTo(r, 15);
      expect(row.survival).toBeCloseTo(s, 13);
    });
  });

  it("projectRetention(fit on years 0-7) projects years 8-12 near the actual survivors (Fader & Hardie's validation)", () => {
    for (const column of [1, 2] as const) {
      const curve = projectRetention(fitSbg(survivors(column)), 12);
      for (let year = 8; year <= 12; year++) {
        // Within 2 points of the actual share, as in the paper's holdout comparison.
        expect(Math.abs(100 * curve[year - 1]!.survival - rows[year]![column]!)).toBeLessThan(2);
      }
    }
  });

  it("projectRetention(model) has retention rising with t and survival falling, for any parameters", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), (alpha, beta) => {
        const curve = projectRetention({ model: "sbg", params: { alpha, beta } }, 24);
        for (let i = 1; i < curve.length; i++) {
          expect(curve[i]!.retention).toBeGreaterThanOrEqual(curve[i - 1]!.retention);
          expect(curve[i]!.survival).toBeLessThanOrEqual(curve[i - 1]!.survival);
          expect(curve[i]!.survival).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("projectRetention(model) keeps its digits for tiny parameters (found by the fuzz run: 0/0 at α = β = 5e-324)", () => {
    const [first] = projectRetention({ model: "sbg", params: { alpha: 5e-324, beta: 5e-324 } }, 2);
    expect(first!.retention).toBe(0.5);
  });

  it("projectRetention(x) rejects a model that is not sBG and bad periods", () => {
    expect(() => projectRetention({ model: "bg-nbd", params: { alpha: 1, beta: 1 } } as never, 3)).toThrow(MetricsTypeError);
    expect(() => projectRetention({ model: "sbg", params: { alpha: 0, beta: 1 } }, 3)).toThrow(MetricsInputError);
    expect(() => projectRetention({ model: "sbg", params: { alpha: 1, beta: 1, gamma: 2 } } as never, 3)).toThrow(
      /model.params.gamma is not a field/,
    );
    expect(() => projectRetention({ model: "sbg", params: { alpha: 1, beta: 1 } }, 0)).toThrow(/periods/);
  });
});

describe("discountedExpectedLifetime", () => {
  const highEnd = { model: "sbg" as const, params: { alpha: 0.668, beta: 3.806 } };

  it("discountedExpectedLifetime(model, options) matches scipy.special.hyp2f1 (test/fixtures/scipy/sbg-del.py)", () => {
    // alpha, beta, discount rate, renewals ("del" for DEL), value: from sbg-del.txt, scipy 1.10.1.
    const cases: [number, number, number, number | null, number][] = [
      [0.668, 3.806, 0.1, null, 5.922596407612753],
      [0.668, 3.806, 0.1, 0, 5.414856048374033],
      [0.668, 3.806, 0.1, 4, 6.89705739774609],
      [0.704, 1.182, 0.1, null, 3.6951474055745748],
      [0.704, 1.182, 0.1, 4, 5.894422859844158],
      [0.704, 1.182, 0.01, null, 9.418759576248688],
      [2.5, 0.3, 0.25, null, 1.1271609151921445],
      [2.5, 0.3, 0.25, 12, 2.658732899665318],
      [0.05, 40, 0.02, 3, 49.3196908528371],
      [1, 1, 1, null, 1.3862943611198901],
    ];
    for (const [alpha, beta, discountRate, renewals, expected] of cases) {
      const model = { model: "sbg" as const, params: { alpha, beta } };
      const value = discountedExpectedLifetime(model, renewals === null ? { discountRate } : { discountRate, renewals });
      expect(Math.abs(value - expected) / expected).toBeLessThan(1e-13);
    }
  });

  it("discountedExpectedLifetime(α = β = 1) is (1 + d)·ln(1 + 1/d) to 10⁻¹³ down to d = 0.001 (the series' stopping rule)", () => {
    // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z with z = 1/(1 + d). At d = 0.001 the sum runs to about 30,000
    // terms; stopping where the tail bound is 10⁻¹⁶ of the sum keeps it within 3·10⁻¹⁴ of the log.
    for (const d of [0.5, 0.1, 0.01, 0.001]) {
      const value = discountedExpectedLifetime({ model: "sbg", params: { alpha: 1, beta: 1 } }, { discountRate: d });
      const exact = (1 + d) * Math.log1p(1 / d);
      expect(Math.abs(value - exact) / exact, String(d)).toBeLessThan(1e-13);
    }
  });

  it("discountedExpectedLifetime(α = β = 1, d = 1) is Σ 2⁻ᵗ/(t + 1) = 2 ln 2", () => {
    expect(discountedExpectedLifetime({ model: "sbg", params: { alpha: 1, beta: 1 } }, { discountRate: 1 })).toBeCloseTo(2 * Math.LN2, 14);
  });

  it("DEL = 1 + DERL(0 renewals)/(1 + d); DERL rises with renewals; both fall as the discount rate rises", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.integer({ min: 0, max: 50 }),
        (alpha, beta, d, renewals) => {
          const model = { model: "sbg" as const, params: { alpha, beta } };
          const del = discountedExpectedLifetime(model, { discountRate: d });
          const derl0 = discountedExpectedLifetime(model, { discountRate: d, renewals: 0 });
          expect(del).toBeCloseTo(1 + derl0 / (1 + d), 10);
          const derl = discountedExpectedLifetime(model, { discountRate: d, renewals });
          expect(discountedExpectedLifetime(model, { discountRate: d, renewals: renewals + 1 })).toBeGreaterThanOrEqual(derl * (1 - 1e-12));
          expect(discountedExpectedLifetime(model, { discountRate: d * 1.5, renewals })).toBeLessThanOrEqual(derl * (1 + 1e-12));
          expect(derl).toBeLessThanOrEqual((1 + d) / d + 1e-9);
        },
      ),
    );
  });

  it("discountedExpectedLifetime(model, bad options) throws naming the option", () => {
    expect(() => discountedExpectedLifetime(highEnd, { discountRate: 10 })).toThrow(/did you mean 0.1\?/);
    expect(() => discountedExpectedLifetime(highEnd, { discountRate: 0 })).toThrow(/at least 0.0001/);
    expect(() => discountedExpectedLifetime(highEnd, {} as never)).toThrow(/options.discountRate/);
    expect(() => discountedExpectedLifetime(highEnd, { discountRate: 0.1, renewals: 1.5 })).toThrow(/options.renewals/);
    expect(() => discountedExpectedLifetime(highEnd, { discountRate: 0.1, renewal: 2 } as never)).toThrow(/did you mean renewals\?/);
    expect(() => discountedExpectedLifetime({ model: "bg-nbd", params: {} } as never, { discountRate: 0.1 })).toThrow(MetricsTypeError);
  });
});
