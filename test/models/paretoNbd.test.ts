import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitParetoNbd, MetricsInputError, probabilityAlive } from "../../src/index.ts";
import { paretoLogLikelihood } from "../../src/models/paretoNbd.ts";
import { once } from "../helpers.ts";
import { cdnow } from "./cdnow.ts";

// test/fixtures/scipy/purchase-models.py: the likelihood by scipy.integrate.quad of its defining
// integral (not the hypergeometric series), and scipy.optimize.minimize of it on CDNOW.
const scipy = JSON.parse(readFileSync(new URL("../fixtures/scipy/purchase-models.json", import.meta.url), "utf8"));

describe("fitParetoNbd", () => {
  const fitted = once(() => fitParetoNbd(cdnow));

  it("fitParetoNbd(CDNOW summary) reproduces the published fit: r 0.553, α 10.578, s 0.606, β 11.669, LL −9595.0", () => {
    expect(fitted().params.r.toFixed(3)).toBe("0.553");
    expect(fitted().params.alpha.toFixed(3)).toBe("10.578");
    expect(fitted().params.s.toFixed(3)).toBe("0.606");
    // β is the flattest direction (standard error 6.1): the published 11.669 and the exact maximum
    // (scipy: 11.66790) differ in the third decimal; the fit finds the exact maximum.
    expect(fitted().params.beta).toBeCloseTo(11.669, 2);
    expect(fitted().params.beta).toBeCloseTo(scipy.paretoCdnowMle.params[3], 3);
    expect(fitted().logLikelihood!.toFixed(1)).toBe("-9595.0");
    expect(fitted().logLikelihood).toBeCloseTo(scipy.paretoCdnowMle.logLikelihood, 6);
    expect(fitted()).toMatchObject({ model: "pareto-nbd", n: 2357, converged: true });
    for (const p of ["r", "alpha", "s", "beta"] as const) expect(fitted().standardErrors![p]).toBeGreaterThan(0);
  });

  it("the log-likelihood equals scipy's quadrature of its defining integral: 42 customers, and CDNOW at the published parameters", () => {
    for (const c of scipy.pareto) {
      const [r, alpha, s, beta] = c.params;
      const got = paretoLogLikelihood({ r, alpha, s, beta }, c.x, c.tx, c.T);
      expect(Math.abs(got - c.logLikelihood), JSON.stringify(c)).toBeLessThan(1e-9 * Math.max(1, Math.abs(c.logLikelihood)));
    }
    const published = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    const total = cdnow.reduce((sum, c) => sum + paretoLogLikelihood(published, c.frequency, c.recency, c.T), 0);
    expect(total).toBeCloseTo(scipy.paretoCdnowLogLikelihoodAtPublished, 7);
  });

  it("fitParetoNbd(times in days) rescales α and β by 7 and leaves r, s and P(alive) unchanged", () => {
    const days = fitParetoNbd(cdnow.map((c) => ({ frequency: c.frequency, recency: 7 * c.recency, T: 7 * c.T })));
    expect(days.params.alpha / fitted().params.alpha).toBeCloseTo(7, 3);
    expect(days.params.beta / fitted().params.beta).toBeCloseTo(7, 2);
    for (const p of ["r", "s"] as const) expect(days.params[p]).toBeCloseTo(fitted().params[p], 4);
    const week = probabilityAlive(fitted(), { frequency: 2, recency: 30.43, T: 38.86 });
    expect(probabilityAlive(days, { frequency: 2, recency: 7 * 30.43, T: 7 * 38.86 })).toBeCloseTo(week, 5);
  });

  it("fitParetoNbd(customers with count, in any order) equals the fit of the expanded rows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const sample = cdnow.filter((_, i) => (i * 7919 + seed) % 5 === 0);
        const counted = new Map<string, { frequency: number; recency: number; T: number; count: number }>();
        for (const c of sample) {
          const key = `${c.frequency}|${c.recency}|${c.T}`;
          const g = counted.get(key);
          if (g) g.count++;
          else counted.set(key, { ...c, count: 1 });
        }
        const whole = fitParetoNbd(sample);
        const compressed = fitParetoNbd([...counted.values()].reverse());
        expect(compressed.n).toBe(sample.length);
        expect(compressed.logLikelihood).toBeCloseTo(whole.logLikelihood!, 6);
        for (const p of ["r", "alpha", "s", "beta"] as const) expect(compressed.params[p]).toBeCloseTo(whole.params[p], 4);
      }),
      { numRuns: 3 },
    );
  });

  it("fitParetoNbd(CDNOW with heavy buyers: 450 purchases all in the first 0.3 weeks, 500 spread to the end) stays finite", () => {
    const heavy = [...cdnow, { frequency: 450, recency: 0.3, T: 39 }, { frequency: 500, recency: 38.9, T: 39 }];
    const fit = fitParetoNbd(heavy);
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    expect(probabilityAlive(fit, { frequency: 450, recency: 0.3, T: 39 })).toBeLessThan(1e-100);
    expect(probabilityAlive(fit, { frequency: 500, recency: 38.9, T: 39 })).toBeGreaterThan(0.9);
  });

  it("fitParetoNbd(no repeat purchases) names the reason", () => {
    expect(() => fitParetoNbd([{ frequency: 0, recency: 0, T: 10, count: 50 }])).toThrow(MetricsInputError);
    expect(() => fitParetoNbd([{ frequency: 0, recency: 0, T: 10, count: 50 }])).toThrow(/some repeat purchases/);
    expect(() => fitParetoNbd([])).toThrow(/at least one customer/);
    expect(() => fitParetoNbd([{ frequency: 1, recency: 12, T: 10 }])).toThrow(/customers\[0\]\.recency must be at most/);
  });
});

describe("probabilityAlive (Pareto/NBD)", () => {
  it("matches scipy's quadrature of the defining integral on 42 cases, heavy buyers and α, β 10⁴ apart included (1e-9 relative)", () => {
    for (const c of scipy.pareto) {
      const [r, alpha, s, beta] = c.params;
      const model = { model: "pareto-nbd" as const, params: { r, alpha, s, beta } };
      const got = probabilityAlive(model, { frequency: c.x, recency: c.tx, T: c.T });
      if (c.alive === 0) expect(got).toBeLessThan(1e-300);
      else expect(Math.abs(got - c.alive) / c.alive, `${JSON.stringify(c)} gave ${got}`).toBeLessThan(1e-9);
    }
  });

  it("is in [0, 1] and 1 when the last purchase is at T", () => {
    const model = { model: "pareto-nbd" as const, params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } };
    expect(probabilityAlive(model, { frequency: 3, recency: 20, T: 20 })).toBe(1);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        (x, share, T) => {
          const p = probabilityAlive(model, { frequency: x, recency: x === 0 ? 0 : share * T, T });
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
