import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitBgNbd, MetricsInputError, MetricsTypeError, probabilityAlive, rfmSummary } from "../../src/index.ts";
import { once } from "../helpers.ts";
import { cdnow, cdnowTransactions } from "./cdnow.ts";

const outlier = JSON.parse(readFileSync(new URL("../fixtures/scipy/bg-nbd-outlier.json", import.meta.url), "utf8"));

const PUBLISHED = { model: "bg-nbd" as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };

describe("fitBgNbd", () => {
  const fitted = once(() => fitBgNbd(cdnow));

  it("fitBgNbd(CDNOW summary) reproduces the published fit: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4", () => {
    expect(fitted().params.r.toFixed(3)).toBe("0.243");
    expect(fitted().params.alpha.toFixed(3)).toBe("4.414");
    expect(fitted().params.a.toFixed(3)).toBe("0.793");
    expect(fitted().params.b.toFixed(3)).toBe("2.426");
    expect(fitted().logLikelihood!.toFixed(1)).toBe("-9582.4");
    expect(fitted()).toMatchObject({ model: "bg-nbd", n: 2357, converged: true });
  });

  it("fitBgNbd(CDNOW and one customer with 200 purchases in the first of 1,000 weeks) matches scipy's maximum", () => {
    // That customer's two likelihood terms differ by a factor of about e¹⁰⁰⁰: they must be added in
    // logs from the larger. Reference: test/fixtures/scipy/bg-nbd-outlier.py (scipy.optimize.minimize).
    const [frequency, recency, T] = outlier.customer;
    const fit = fitBgNbd([...cdnow, { frequency, recency, T }]);
    expect(fit.logLikelihood).toBeCloseTo(outlier.logLikelihood, 5);
    ["r", "alpha", "a", "b"].forEach((p, i) => {
      expect(Math.abs(fit.params[p as "r"] / outlier.params[i] - 1)).toBeLessThan(1e-5);
    });
  });

  it("fitBgNbd(customers with count) equals the fit of the expanded customers, and ignores row order", () => {
    const counted = new Map<string, { frequency: number; recency: number; T: number; count: number }>();
    for (const c of cdnow) {
      const key = `${c.frequency}|${c.recency}|${c.T}`;
      const g = counted.get(key);
      if (g) g.count++;
      else counted.set(key, { ...c, count: 1 });
    }
    const compressed = fitBgNbd([...counted.values()].reverse());
    expect(compressed.n).toBe(2357);
    for (const p of ["r", "alpha", "a", "b"] as const) expect(compressed.params[p]).toBeCloseTo(fitted().params[p], 6);
    expect(compressed.logLikelihood).toBeCloseTo(fitted().logLikelihood!, 6);
  });

  it("fitBgNbd(times in days) rescales α by 7 and leaves r, a, b and P(alive) unchanged", () => {
    const days = fitBgNbd(cdnow.map((c) => ({ frequency: c.frequency, recency: 7 * c.recency, T: 7 * c.T })));
    expect(days.params.alpha / fitted().params.alpha).toBeCloseTo(7, 4);
    for (const p of ["r", "a", "b"] as const) expect(days.params[p]).toBeCloseTo(fitted().params[p], 5);
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(probabilityAlive(days, { frequency: 2, recency: 7 * 30.43, T: 7 * 38.86 })).toBeCloseTo(probabilityAlive(fitted(), c), 6);
  });

  it("fitBgNbd(rfmSummary(transactions)) takes the summary rows as they are", () => {
    const rows = rfmSummary(cdnowTransactions, { end: "1997-09-30" });
    const fit = fitBgNbd(rows);
    expect(fit.n).toBe(2357);
    expect(fit.params.r.toFixed(3)).toBe("0.243");
  });

  it("fitBgNbd(customers) rejects histories that cannot be, or cannot identify the model", () => {
    expect(() => fitBgNbd([{ frequency: 0, recency: 0, T: 10 }])).toThrow(/some repeat purchases/);
    expect(() => fitBgNbd([{ frequency: 2, recency: 12, T: 10 }])).toThrow(/customers\[0\].recency must be at most customers\[0\].T/);
    expect(() => fitBgNbd([{ frequency: 1.5, recency: 2, T: 10 }])).toThrow(MetricsInputError);
    expect(() => fitBgNbd([{ frequency: 1, recency: 0, T: 10 }])).toThrow(/above 0 when frequency is above 0/);
    expect(() => fitBgNbd([{ frequency: 1, recency: 2, T: 10, weight: 2 } as never])).toThrow(
      /^customers\[0\].weight must be named count: weight looks like count, which fitBgNbd reads under that name/,
    );
    expect(() => fitBgNbd([])).toThrow(MetricsInputError);
  });
});

describe("probabilityAlive", () => {
  it("probabilityAlive(BG/NBD, customer) is Fader, Hardie & Lee's closed form", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (x, share, T) => {
          const tx = share * T;
          const { r, alpha, a, b } = PUBLISHED.params;
          // The formula written out in ordinary arithmetic, for moderate histories where it does not overflow.
          const ratio = ((alpha + T) / (alpha + tx)) ** (r + x);
          const expected = 1 / (1 + (a / (b + x - 1)) * ratio);
          const p = probabilityAlive(PUBLISHED, { frequency: x, recency: tx, T });
          if (Number.isFinite(ratio)) expect(p).toBeCloseTo(expected, 12);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it("probabilityAlive(BG/NBD, no repeat purchase) is 1; heavy buyers long gone do not overflow", () => {
    expect(probabilityAlive(PUBLISHED, { frequency: 0, recency: 0, T: 38.86 })).toBe(1);
    const gone = probabilityAlive(PUBLISHED, { frequency: 500, recency: 0.5, T: 52 });
    expect(gone).toBeGreaterThanOrEqual(0);
    expect(gone).toBeLessThan(1e-100);
    expect(probabilityAlive(PUBLISHED, { frequency: 500, recency: 52, T: 52 })).toBeCloseTo(1 / (1 + 0.793 / 501.426), 12);
  });

  it("probabilityAlive(BG/NBD) keeps a chance between 10⁻³⁰⁸ and 10⁻³²³ (log-odds near 720): e^(−L), not 0", () => {
    const { r, alpha, a, b } = PUBLISHED.params;
    const [x, T] = [400, 39];
    // log-odds of having left L = ln a − ln(b + x − 1) + (r + x)·ln((α + T)/(α + tₓ)) (eq. 11): pick tₓ for L = 720.
    const tx = (alpha + T) / Math.exp((720 - Math.log(a) + Math.log(b + x - 1)) / (r + x)) - alpha;
    const L = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
    expect(L).toBeCloseTo(720, 9);
    const alive = probabilityAlive(PUBLISHED, { frequency: x, recency: tx, T });
    // 1/(1 + e^L) = e^(−L)/(1 + e^(−L)) = e^(−L) here, a subnormal double (about 11 significant digits).
    expect(alive).toBeGreaterThan(0);
    expect(Math.abs(alive / Math.exp(-L) - 1)).toBeLessThan(1e-9);
  });

  it("probabilityAlive(x) rejects a model that is not BG/NBD", () => {
    expect(() => probabilityAlive({ model: "sbg", params: { alpha: 1, beta: 1 } } as never, { frequency: 0, recency: 0, T: 1 })).toThrow(
      MetricsTypeError,
    );
  });
});
