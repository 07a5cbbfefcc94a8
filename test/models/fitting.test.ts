// How the model fits end when the data cannot give an answer (a parameter running off, a search
// that does not converge, a likelihood too flat for standard errors), and that the search starts
// where the data put it, so a fit in seconds takes the path a fit in weeks takes.
import { describe, expect, it } from "vitest";
import { fitBgBb, fitBgNbd, fitGammaGamma, fitParetoNbd, fitSbg, MetricsInputError } from "../../src/index.ts";
import { once } from "../helpers.ts";
import { cdnow } from "./cdnow.ts";
import { simulateBgNbd, simulateParetoNbd } from "./simulate.mjs";

/** The error a fit throws (it must throw a MetricsInputError naming `argument` with UNDEFINED_RESULT). */
function failure(call: () => unknown, argument: string): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(MetricsInputError);
    expect(error).toMatchObject({ code: "UNDEFINED_RESULT", argument });
    return (error as Error).message;
  }
  throw new Error("the fit did not throw");
}

/** P(k) of a Poisson distribution with mean mu. */
function poisson(k: number, mu: number): number {
  let p = Math.exp(-mu);
  for (let i = 1; i <= k; i++) p *= mu / i;
  return p;
}

/**
 * 1,000 customers watched for 40 weeks who all buy at one rate (Poisson(4) counts): no spread in
 * the purchase rate, so its Gamma shape r has no finite maximum. Repeat buyers' last purchase is
 * at `at` of the way through the period their purchases span.
 */
function oneRate(at: number) {
  const rows: { frequency: number; recency: number; T: number; count: number }[] = [];
  for (let k = 0; k <= 14; k++) {
    const count = Math.round(1000 * poisson(k, 4));
    if (count > 0) rows.push({ frequency: k, recency: k === 0 ? 0 : (at * 40 * k) / (k + 1), T: 40, count });
  }
  return rows;
}

const NUMBER = "[0-9.e+-]+";

describe("a fit that cannot give an answer says why", () => {
  it("a shape that runs off: Gamma-Gamma's q with every customer's spend drawn at one rate", () => {
    // Mean values at the quantiles of one exponential distribution: no spread in ν between customers.
    const rows = Array.from({ length: 1000 }, (_, i) => ({ frequency: 1, monetary: -Math.log(1 - (i + 0.5) / 1000) }));
    expect(failure(() => fitGammaGamma(rows), "customers")).toMatch(
      new RegExp(
        `^customers must be data that identify q: it ran off to ${NUMBER} \\(no spread between customers in what it describes, so only its ratio to its partner is determined; a simpler model suits these data\\); got \\[`,
      ),
    );
  });

  it("a shape that runs off: sBG's alpha when every customer churns at one rate (survivors halve each period)", () => {
    const message = failure(() => fitSbg([1000, 500, 250, 125, 62]), "survivors");
    expect(message).toMatch(new RegExp(`^survivors must be data that identify alpha: it ran off to ${NUMBER} \\(`));
    // The value it ran to is beyond the 10⁵ at which a shape counts as run off.
    expect(Number(/ran off to ([^ ]+)/.exec(message)![1])).toBeGreaterThan(1e5);
  });

  it("a shape that runs off: Gamma-Gamma's p when each customer's mean is the same number of purchases' worth", () => {
    // Mean values 10 / x at the quantiles x of Gamma(3, 1), the same at each frequency: the spend per
    // transaction does not vary within a customer as the model's p would need.
    const quantile = (u: number) => {
      let [lo, hi] = [0, 50];
      for (let i = 0; i < 100; i++) {
        const x = (lo + hi) / 2;
        if (1 - Math.exp(-x) * (1 + x + (x * x) / 2) < u) lo = x;
        else hi = x;
      }
      return (lo + hi) / 2;
    };
    const rows = [1, 2, 3, 5, 8].flatMap((frequency) =>
      Array.from({ length: 200 }, (_, i) => ({ frequency, monetary: 10 / quantile((i + 0.5) / 200) })),
    );
    expect(failure(() => fitGammaGamma(rows), "customers")).toMatch(
      new RegExp(`^customers must be data that identify p: it ran off to ${NUMBER} \\(`),
    );
  });

  it("a shape that runs off: BG/NBD's r or a with one purchase rate for everyone", () => {
    // One purchase rate for everyone: r runs off (last purchases early) or a does (last purchases late).
    expect(failure(() => fitBgNbd(oneRate(0.3)), "customers")).toMatch(/^customers must be data that identify r: /);
    expect(failure(() => fitBgNbd(oneRate(0.7)), "customers")).toMatch(/^customers must be data that identify a: /);
  });

  /** n customers watched 20 to 40 weeks. */
  const ages = (n: number) => Array.from({ length: n }, (_, i) => 20 + (i % 21));

  it("a shape that runs off: BG/NBD's b with one drop-out probability for everyone", () => {
    const oneDropout = simulateBgNbd({ r: 1, alpha: 4, a: 1e6, b: 9e6 }, ages(2000), 8);
    expect(failure(() => fitBgNbd(oneDropout), "customers")).toMatch(
      new RegExp(`^customers must be data that identify b: it ran off to ${NUMBER} \\(`),
    );
  });

  // Pareto/NBD's likelihood costs more per customer, and its searches run longer before a shape
  // counts as run off: seconds each.
  it("a shape that runs off: Pareto/NBD's s with one lifetime rate for everyone", { timeout: 60_000 }, () => {
    const oneLifetime = simulateParetoNbd({ r: 1, alpha: 10, s: 1e6, beta: 2e7 }, ages(1000), 2);
    expect(failure(() => fitParetoNbd(oneLifetime), "customers")).toMatch(
      new RegExp(`^customers must be data that identify s: it ran off to ${NUMBER} \\(`),
    );
  });

  it("a shape that runs off: Pareto/NBD's r with one purchase rate for everyone", { timeout: 60_000 }, () => {
    const oneRateP = simulateParetoNbd({ r: 1e6, alpha: 4e6, s: 0.5, beta: 10 }, ages(500), 2);
    expect(failure(() => fitParetoNbd(oneRateP), "customers")).toMatch(
      new RegExp(`^customers must be data that identify r: it ran off to ${NUMBER} \\(`),
    );
  });

  it("a search that ends at an edge: the parameters reached are shown, named", () => {
    const twoValues = failure(
      () =>
        fitGammaGamma([
          { frequency: 1, monetary: 1 },
          { frequency: 1, monetary: 2 },
        ]),
      "customers",
    );
    expect(twoValues).toMatch(
      new RegExp(
        `^customers must be data the Gamma-Gamma model fits: the maximisation did not converge \\(p ${NUMBER}, q ${NUMBER}, gamma ${NUMBER}\\); got \\[\\{…\\}, \\{…\\}\\]$`,
      ),
    );
    expect(failure(() => fitParetoNbd(oneRate(0.5)), "customers")).toMatch(
      new RegExp(
        `^customers must be data the Pareto/NBD model fits: the maximisation did not converge \\(r ${NUMBER}, alpha ${NUMBER}, s ${NUMBER}, beta ${NUMBER}\\)`,
      ),
    );
    expect(failure(() => fitBgNbd(oneRate(1)), "customers")).toMatch(
      new RegExp(
        `^customers must be data the BG/NBD model fits: the maximisation did not converge \\(r ${NUMBER}, alpha ${NUMBER}, a ${NUMBER}, b ${NUMBER}\\)`,
      ),
    );
    // Half the donors gave every year, half never: BG/BB's search and sBG's (all but one customer gone
    // after the first period) end at an edge.
    const allOrNothing = [
      { frequency: 6, recency: 6, periods: 6, count: 100 },
      { frequency: 0, recency: 0, periods: 6, count: 100 },
    ];
    expect(failure(() => fitBgBb(allOrNothing), "customers")).toMatch(
      new RegExp(
        `^customers must be data the BG/BB model fits: the maximisation did not converge \\(alpha ${NUMBER}, beta ${NUMBER}, gamma ${NUMBER}, delta ${NUMBER}\\)`,
      ),
    );
    expect(failure(() => fitSbg([1000, 1, 1]), "survivors")).toMatch(
      new RegExp(`^survivors must be data the sBG model fits: the maximisation did not converge \\(alpha ${NUMBER}, beta ${NUMBER}\\)`),
    );
  });

  it("a likelihood too flat for standard errors", () => {
    expect(failure(() => fitParetoNbd(oneRate(1)), "customers")).toBe(
      `customers must be data with enough information for standard errors (the likelihood is flat here); got [${Array(13).fill("{…}").join(", ")}]`,
    );
  });
});

describe("the search starts at the data's time scale", () => {
  const seconds = once(() => cdnow.map((c) => ({ ...c, recency: 604_800 * c.recency, T: 604_800 * c.T })));

  it("fitBgNbd(CDNOW in seconds) reaches the fit in weeks, α scaled by 604,800, in about as many steps", () => {
    const w = fitBgNbd(cdnow);
    const s = fitBgNbd(seconds());
    expect(Math.abs(s.params.alpha / 604_800 / w.params.alpha - 1)).toBeLessThan(1e-5);
    for (const p of ["r", "a", "b"] as const) expect(Math.abs(s.params[p] / w.params[p] - 1)).toBeLessThan(1e-5);
    // Started at α = 1 the search would need more than twice the steps here.
    expect(s.iterations).toBeLessThanOrEqual(1.25 * w.iterations!);
  });

  it("fitParetoNbd(CDNOW in seconds) reaches the fit in weeks, α and β scaled by 604,800", () => {
    const w = fitParetoNbd(cdnow);
    const s = fitParetoNbd(seconds());
    expect(Math.abs(s.params.alpha / 604_800 / w.params.alpha - 1)).toBeLessThan(1e-5);
    expect(Math.abs(s.params.beta / 604_800 / w.params.beta - 1)).toBeLessThan(1e-4);
    for (const p of ["r", "s"] as const) expect(Math.abs(s.params[p] / w.params[p] - 1)).toBeLessThan(1e-5);
    expect(s.iterations).toBeLessThanOrEqual(1.25 * w.iterations!);
  });
});
