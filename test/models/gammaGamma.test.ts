import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedSpend, fitGammaGamma, MetricsInputError, MetricsTypeError, rfmSummary } from "../../src/index.ts";
import { once } from "../helpers.ts";
import { cdnowTransactions } from "./cdnow.ts";

const transactions = cdnowTransactions;

const repeatBuyers = once(() => rfmSummary(transactions, { end: "1997-09-30" }).filter((c) => c.frequency > 0));

describe("fitGammaGamma", () => {
  const fitted = once(() => fitGammaGamma(repeatBuyers()));

  it("fitGammaGamma(CDNOW's 946 repeat buyers) reproduces the published fit: p 6.25, q 3.74, γ 15.44", () => {
    expect(repeatBuyers()).toHaveLength(946);
    expect(fitted().params.p.toFixed(2)).toBe("6.25");
    expect(fitted().params.q.toFixed(2)).toBe("3.74");
    expect(fitted().params.gamma.toFixed(2)).toBe("15.44");
    expect(fitted()).toMatchObject({ model: "gamma-gamma", n: 946, converged: true });
  });

  it("fitGammaGamma(customers with count) equals the fit of the expanded customers", () => {
    // The first 200 CDNOW repeat buyers, each repeated 1-3 times (a sample with a proper maximum).
    const rows = repeatBuyers()
      .slice(0, 200)
      .map((c) => ({ frequency: c.frequency, monetary: c.monetary }));
    const expanded = rows.flatMap((r, i) => Array.from({ length: (i % 3) + 1 }, () => r));
    const counted = rows.map((r, i) => ({ ...r, count: (i % 3) + 1 }));
    const a = fitGammaGamma(expanded);
    const b = fitGammaGamma(counted.reverse());
    for (const p of ["p", "q", "gamma"] as const) expect(b.params[p]).toBeCloseTo(a.params[p], 4);
    expect(b.n).toBe(expanded.length);
  });

  it("fitGammaGamma(values in cents) scales γ by 100 and leaves p and q unchanged", () => {
    const cents = fitGammaGamma(repeatBuyers().map((c) => ({ frequency: c.frequency, monetary: 100 * c.monetary })));
    // To the optimiser's precision (the fits stop within about 1e-5 relative of the peak).
    expect(cents.params.gamma / fitted().params.gamma).toBeCloseTo(100, 2);
    expect(cents.params.p).toBeCloseTo(fitted().params.p, 4);
    expect(cents.params.q).toBeCloseTo(fitted().params.q, 4);
  });

  it("fitGammaGamma(customers) rejects what the model cannot take", () => {
    expect(() => fitGammaGamma([{ frequency: 0, monetary: 0 }])).toThrow(/customers\[0\].frequency/);
    expect(() =>
      fitGammaGamma([
        { frequency: 2, monetary: 10 },
        { frequency: 3, monetary: 10 },
      ]),
    ).toThrow(/mean values that vary/);
    expect(() => fitGammaGamma([{ frequency: 2, spend: 10 } as never])).toThrow(
      /^customers\[0\].spend must be named monetary: spend looks like monetary/,
    );
    expect(() => fitGammaGamma([])).toThrow(MetricsInputError);
  });
});

describe("fitGammaGamma against scipy (test/fixtures/scipy/gamma-gamma.py)", () => {
  // The likelihood there is the model's definition, integrated over ν by scipy.integrate.quad, not
  // the closed form the library evaluates; its maximum is scipy's Nelder-Mead from a grid of starts,
  // its standard errors from a central-difference Hessian of that integral.
  const scipy = JSON.parse(readFileSync(new URL("../fixtures/scipy/gamma-gamma.json", import.meta.url), "utf8"));
  const rows = (scipy.rows as [number, number, number][]).map(([frequency, monetary, count]) => ({ frequency, monetary, count }));
  // Fitted in each test (a few milliseconds): a fit cached by the first test would leave the
  // others covering no code, and mutation testing would not run them.
  const fit = () => fitGammaGamma(rows);

  it("reaches scipy's maximum: the same log-likelihood (1e-12 relative) and parameters (1e-5)", () => {
    expect(Math.abs(fit().logLikelihood! / scipy.mle.logLikelihood - 1)).toBeLessThan(1e-12);
    (["p", "q", "gamma"] as const).forEach((name, i) => {
      expect(Math.abs(fit().params[name] / scipy.mle.params[i] - 1), name).toBeLessThan(1e-5);
    });
    expect(fit().n).toBe(432);
  });

  it("has scipy's standard errors, to the precision of two finite-difference Hessians (2e-3 relative)", () => {
    (["p", "q", "gamma"] as const).forEach((name, i) => {
      expect(Math.abs(fit().standardErrors![name] / scipy.mle.standardErrors[i] - 1), name).toBeLessThan(2e-3);
    });
  });
});

describe("expectedSpend", () => {
  const cdnow = { model: "gamma-gamma" as const, params: { p: 6.25, q: 3.74, gamma: 15.44 } };

  it("expectedSpend(model, customer) is the weighted mean of the population mean and the customer's own", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.01, max: 1e4, noNaN: true }), (x, m) => {
        const { p, q, gamma } = cdnow.params;
        // E(M) = (1 − w)·pγ/(q − 1) + w·m with w = px/(px + q − 1) (Fader, Hardie & Lee 2005, eq. 5).
        const w = (p * x) / (p * x + q - 1);
        const expected = (1 - w) * ((p * gamma) / (q - 1)) + w * m;
        const e = expectedSpend(cdnow, { frequency: x, monetary: m });
        expect(Math.abs(e - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected));
        // Between the population mean and the customer's own mean.
        expect(e).toBeGreaterThanOrEqual(Math.min(m, (p * gamma) / (q - 1)) - 1e-9);
        expect(e).toBeLessThanOrEqual(Math.max(m, (p * gamma) / (q - 1)) + 1e-9);
      }),
    );
  });

  it("expectedSpend(x) needs q > 1 and a Gamma-Gamma model", () => {
    expect(() => expectedSpend({ model: "gamma-gamma", params: { p: 6, q: 1, gamma: 15 } }, { frequency: 1, monetary: 10 })).toThrow(
      /model.params.q/,
    );
    expect(() => expectedSpend({ model: "bg-nbd", params: {} } as never, { frequency: 1, monetary: 10 })).toThrow(MetricsTypeError);
  });
});
