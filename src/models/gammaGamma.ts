import { readRow } from "../_lib/core/options.ts";
import { assertArrayLike, assertCount, assertCountAtLeast, assertInRange } from "../_lib/core/validate.ts";
import { MetricsInputError } from "../errors.ts";
import { logGamma } from "../stats/gamma.ts";
import { fitPositive, readModel } from "./fitting.ts";

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV"): each
 * customer's transaction values vary around their mean with Gamma(p, ν) noise, and ν ~ Gamma(q, γ)
 * across customers. Fitted by {@link fitGammaGamma}, or built by hand.
 *
 * @category Customer-base models
 */
export interface GammaGammaModel {
  /** Names the model. */
  readonly model: "gamma-gamma";
  /** The parameters, all in (0, 10¹²]. */
  readonly params: {
    /** Shape of the spread of one customer's transaction values. */
    readonly p: number;
    /** Shape of the distribution of ν across customers. */
    readonly q: number;
    /** Scale of the distribution of ν across customers, in the currency of the values. */
    readonly gamma: number;
  };
  /** Maximised log-likelihood (fits only). */
  readonly logLikelihood?: number;
  /** Standard errors of the parameters (fits only). */
  readonly standardErrors?: {
    /** Of p. */
    readonly p: number;
    /** Of q. */
    readonly q: number;
    /** Of gamma. */
    readonly gamma: number;
  };
  /** Customers fitted, counting `count` (fits only). */
  readonly n?: number;
  /** Whether the maximisation converged (fits only). */
  readonly converged?: boolean;
  /** Optimiser iterations (fits only). */
  readonly iterations?: number;
}

/**
 * One customer's repeat transactions for the spend model: how many and their mean value (the
 * `frequency` and `monetary` of {@link rfmSummary}, whose other fields are accepted and not read).
 *
 * @category Customer-base models
 */
export interface SpendHistory {
  /** Repeat transactions, a whole number ≥ 1. */
  readonly frequency: number;
  /** Their mean value, > 0. */
  readonly monetary: number;
  /** How many identical customers this row stands for. Default 1. */
  readonly count?: number;
}

const SPEND_FIELDS = ["frequency", "monetary", "count", "id", "recency", "T", "holdoutFrequency"] as const;

function spend(value: unknown, argument: string, fn: string): { x: number; m: number; count: number } {
  const s = readRow(value, fn, SPEND_FIELDS, argument);
  return {
    x: assertCountAtLeast(s.frequency, `${argument}.frequency`, 1),
    m: assertInRange(s.monetary, `${argument}.monetary`, 0, 1e12, { openMin: true }),
    count: s.count === undefined ? 1 : assertCountAtLeast(s.count, `${argument}.count`, 1),
  };
}

/** One customer's Gamma-Gamma log-likelihood of its mean value m over x transactions. */
function logLikelihood(p: number, q: number, g: number, x: number, m: number): number {
  const px = p * x;
  return (
    logGamma(px + q) -
    logGamma(px) -
    logGamma(q) +
    q * Math.log(g) +
    (px - 1) * Math.log(m) +
    px * Math.log(x) -
    (px + q) * Math.log(x * m + g)
  );
}

/**
 * Fits the Gamma-Gamma spend model by maximum likelihood to customers with at least one repeat
 * transaction (Fader, Hardie & Lee 2005): for x transactions with mean value m,
 *
 * ln L = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ + (px − 1) ln m + px ln x − (px + q) ln(xm + γ),
 *
 * summed over customers (weighted by `count`), maximised over ln p, ln q, ln γ, with standard
 * errors from the observed information. Keep only customers with frequency ≥ 1 (the model
 * describes repeat transactions; `rfmSummary` rows with frequency 0 are an error here).
 *
 * @param customers - `{ frequency, monetary, count? }` per customer with frequency ≥ 1.
 * @returns `{ model: "gamma-gamma", params: { p, q, gamma }, logLikelihood, standardErrors, n, converged, iterations }`.
 * @throws {@link MetricsInputError} for a frequency below 1, a monetary value that is not > 0, no
 *   customers, data that cannot identify the model (every mean value the same), or a fit that does not converge.
 * @throws {@link MetricsTypeError} for customers that are not an array, or an unknown field.
 * @see P. S. Fader, B. G. S. Hardie & K. L. Lee, "RFM and CLV: Using Iso-Value Curves for Customer
 *   Base Analysis", Journal of Marketing Research 42(4), 2005; B. G. S. Hardie, "The Gamma-Gamma
 *   Model of Monetary Value" (2013 note).
 * @example
 * ```ts
 * import { fitGammaGamma } from "cxmetrics";
 * const model = fitGammaGamma([
 *   { frequency: 1, monetary: 10, count: 150 },
 *   { frequency: 1, monetary: 20, count: 80 },
 *   { frequency: 1, monetary: 40, count: 45 },
 *   { frequency: 1, monetary: 80, count: 8 },
 *   { frequency: 2, monetary: 20, count: 57 },
 *   { frequency: 2, monetary: 35, count: 42 },
 *   { frequency: 3, monetary: 30, count: 23 },
 *   { frequency: 6, monetary: 25, count: 21 },
 *   { frequency: 6, monetary: 70, count: 6 },
 * ]);
 * model.params.p > 0; // true
 * ```
 *
 * @category Customer-base models
 */
export function fitGammaGamma(customers: ArrayLike<SpendHistory>): GammaGammaModel {
  const list = assertArrayLike(customers, "customers");
  const rows: { x: number; m: number; count: number }[] = [];
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const s = spend(list[i], `customers[${i}]`, "fitGammaGamma");
    rows.push(s);
    n += s.count;
  }
  if (rows.length === 0)
    throw new MetricsInputError("EMPTY_INPUT", "customers", customers, "at least one customer with a repeat transaction");
  if (rows.every((r) => r.m === rows[0]!.m)) {
    throw new MetricsInputError(
      "UNDEFINED_RESULT",
      "customers",
      customers,
      "mean values that vary across customers: otherwise the data cannot identify the model",
    );
  }
  const ll = (p: number, q: number, g: number) => {
    let total = 0;
    for (const r of rows) total += r.count * logLikelihood(p, q, g, r.x, r.m);
    return total;
  };
  const fit = fitPositive(["p", "q", "gamma"], ([p, q, g]) => ll(p!, q!, g!), "customers", customers, "Gamma-Gamma", ["p", "q"]);
  return { model: "gamma-gamma", ...fit, n };
}

/**
 * A customer's expected mean transaction value under a Gamma-Gamma model, given x repeat
 * transactions with mean value m (Fader, Hardie & Lee 2005, eq. 5):
 *
 * E(M | p, q, γ, m, x) = p(γ + m·x)/(p·x + q − 1),
 *
 * a weighted mean of the population mean pγ/(q − 1) and the customer's own m, leaning on m the
 * more transactions there are; a customer with no repeat transaction (x = 0, m = 0) gets the
 * population mean. Needs q > 1 (a finite population mean).
 *
 * @param model - A model from {@link fitGammaGamma}, or `{ model: "gamma-gamma", params: { p, q, gamma } }`.
 * @param customer - `{ frequency, monetary }` (an `rfmSummary` row): monetary > 0 after repeat purchases, 0 with none.
 * @returns The expected mean transaction value, in the currency of the values.
 * @throws {@link MetricsInputError} for q ≤ 1, parameters outside (0, 10¹²], or an invalid history.
 * @throws {@link MetricsTypeError} for a model that is not Gamma-Gamma, or an unknown field.
 * @see P. S. Fader, B. G. S. Hardie & K. L. Lee, Journal of Marketing Research 42(4), 2005.
 * @example
 * ```ts
 * import { expectedSpend } from "cxmetrics";
 * const cdnow = { model: "gamma-gamma" as const, params: { p: 6.25, q: 3.74, gamma: 15.44 } };
 * expectedSpend(cdnow, { frequency: 2, monetary: 22.35 }); // 24.66…: 6.25 × (15.44 + 2 × 22.35) / (6.25 × 2 + 3.74 − 1)
 * ```
 *
 * @category Customer-base models
 */
export function expectedSpend(model: GammaGammaModel, customer: SpendHistory): number {
  const params = gammaGammaParams(model, "expectedSpend");
  const c = readRow(customer, "expectedSpend", SPEND_FIELDS, "customer");
  const x = assertCount(c.frequency, "customer.frequency");
  return conditionalSpend(params, x, readMonetary(c.monetary, x, "customer.monetary"));
}

/** A Gamma-Gamma model's parameters, with q > 1 (a finite mean) checked; errors name `argument`. */
export function gammaGammaParams(model: unknown, fn: string, argument = "model"): { p: number; q: number; gamma: number } {
  const params = readModel(model, fn, "gamma-gamma", ["p", "q", "gamma"], "fitGammaGamma", argument);
  if (params.q <= 1)
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      `${argument}.params.q`,
      params.q,
      "above 1: with q ≤ 1 the population's mean spend is infinite",
    );
  return params;
}

/** A mean repeat-purchase value: > 0 after repeat purchases, 0 without (as rfmSummary gives it). */
export function readMonetary(value: unknown, x: number, argument: string): number {
  if (x > 0) return assertInRange(value, argument, 0, 1e12, { openMin: true });
  if (value !== 0) throw new MetricsInputError("OUT_OF_RANGE", argument, value, "0 when frequency is 0 (no repeat purchase to average)");
  return 0;
}

/** E(M | x, m) = p(γ + m·x)/(p·x + q − 1): the population mean pγ/(q − 1) at x = 0. */
export function conditionalSpend(params: { p: number; q: number; gamma: number }, x: number, m: number): number {
  const { p, q, gamma } = params;
  return (p * (gamma + m * x)) / (p * x + q - 1);
}
