import { readRow } from "../_lib/core/options.ts";
import { assertCount, assertCountAtLeast } from "../_lib/core/validate.ts";
import { MetricsInputError } from "../errors.ts";
import { logBeta, logGamma } from "../stats/gamma.ts";
import { fitPositive, groupHistories } from "./fitting.ts";

/**
 * A BG/BB model of repeat transactions at discrete opportunities (Fader, Hardie & Shang 2010):
 * while alive, a customer transacts at each opportunity with probability p ~ Beta(α, β), and
 * drops out before each next opportunity with probability θ ~ Beta(γ, δ). Fitted by
 * {@link fitBgBb}, or built by hand from published parameters.
 *
 * @category Customer-base models
 */
export interface BgBbModel {
  /** Names the model. */
  readonly model: "bg-bb";
  /** The parameters, all in (0, 10¹²]. */
  readonly params: {
    /** First shape of the Beta distribution of the transaction probability. */
    readonly alpha: number;
    /** Second shape of the Beta distribution of the transaction probability. */
    readonly beta: number;
    /** First shape of the Beta distribution of the dropout probability. */
    readonly gamma: number;
    /** Second shape of the Beta distribution of the dropout probability. */
    readonly delta: number;
  };
  /** Maximised log-likelihood (fits only). */
  readonly logLikelihood?: number;
  /** Standard errors of the parameters from the observed information (fits only). */
  readonly standardErrors?: {
    /** Of alpha. */
    readonly alpha: number;
    /** Of beta. */
    readonly beta: number;
    /** Of gamma. */
    readonly gamma: number;
    /** Of delta. */
    readonly delta: number;
  };
  /** Customers fitted, counting `count` (fits only). */
  readonly n?: number;
  /** Whether the maximisation converged (fits only). */
  readonly converged?: boolean;
  /** Optimiser iterations (fits only). */
  readonly iterations?: number;
}

/**
 * One customer's history over discrete opportunities after the first transaction. `count` stands
 * for that many identical customers.
 *
 * @category Customer-base models
 */
export interface OpportunityHistory {
  /** Repeat transactions, a whole number, 0 ≤ frequency ≤ recency. */
  readonly frequency: number;
  /** The opportunity of the last repeat transaction (1 … periods; 0 when frequency is 0). */
  readonly recency: number;
  /** Opportunities observed after the first transaction, a whole number from 1 to 10⁴. */
  readonly periods: number;
  /** How many identical customers this row stands for. Default 1. */
  readonly count?: number;
}

const FIELDS = ["frequency", "recency", "periods", "count", "id", "monetary"] as const;

/** The most opportunities per customer: the likelihood sums one term per unobserved one. */
const MAX_PERIODS = 10_000;

/** Fields of a continuous-time history, which the discrete-time model must not be given. */
const DISCRETE_ONLY = {
  T: "is a field of continuous-time histories (BG/NBD, Pareto/NBD); BG/BB is discrete-time and reads periods, the opportunities after the first transaction",
};

/** A validated history. */
function history(value: unknown, argument: string, fn = "fitBgBb"): { x: number; tx: number; n: number; count: number } {
  const h = readRow(value, fn, FIELDS, argument, DISCRETE_ONLY);
  const x = assertCount(h.frequency, `${argument}.frequency`);
  const n = assertCountAtLeast(h.periods, `${argument}.periods`, 1);
  if (n > MAX_PERIODS) throw new MetricsInputError("OUT_OF_RANGE", `${argument}.periods`, n, `at most ${MAX_PERIODS}`);
  const tx = assertCount(h.recency, `${argument}.recency`);
  if (tx > n) throw new MetricsInputError("OUT_OF_RANGE", `${argument}.recency`, tx, `at most ${argument}.periods (${n})`);
  if (x > tx) throw new MetricsInputError("OUT_OF_RANGE", `${argument}.frequency`, x, `at most ${argument}.recency (${tx})`);
  if (x === 0 && tx !== 0)
    throw new MetricsInputError("OUT_OF_RANGE", `${argument}.recency`, tx, "0 when frequency is 0 (no repeat transaction)");
  const count = h.count === undefined ? 1 : assertCountAtLeast(h.count, `${argument}.count`, 1);
  return { x, tx, n, count };
}

/**
 * One customer's BG/BB log-likelihood (Fader, Hardie & Shang 2010, eq. 5): alive through all n
 * opportunities, or alive through tₓ + i and gone after, i = 0 … n − tₓ − 1. The dropout terms
 * are summed relative to the first by the ratio of consecutive terms, B(a, b + 1)/B(a, b) =
 * b/(a + b) in both Betas (each ratio below 1, so nothing overflows), then combined with the
 * alive term by log-sum-exp.
 */
function logLikelihood(alpha: number, beta: number, gamma: number, delta: number, x: number, tx: number, n: number): number {
  const base = -logBeta(alpha, beta) - logBeta(gamma, delta);
  const alive = logBeta(alpha + x, beta + n - x) + logBeta(gamma, delta + n);
  if (tx === n) return base + alive;
  let term = 1;
  let sum = 1;
  for (let i = 0; i < n - tx - 1; i++) {
    term *= ((beta + tx - x + i) / (alpha + beta + tx + i)) * ((delta + tx + i) / (gamma + delta + 1 + tx + i));
    sum += term;
  }
  const gone = logBeta(alpha + x, beta + tx - x) + logBeta(gamma + 1, delta + tx) + Math.log(sum);
  const top = Math.max(alive, gone);
  return base + top + Math.log(Math.exp(alive - top) + Math.exp(gone - top));
}

/**
 * Fits the BG/BB model to customers' histories over discrete opportunities (yearly donations,
 * annual events) by maximum likelihood (Fader, Hardie & Shang 2010): for a customer with x repeat
 * transactions, the last at opportunity tₓ, out of n,
 *
 * L = B(α + x, β + n − x)/B(α, β) · B(γ, δ + n)/B(γ, δ)
 *   + Σᵢ₌₀^{n−tₓ−1} B(α + x, β + tₓ − x + i)/B(α, β) · B(γ + 1, δ + tₓ + i)/B(γ, δ),
 *
 * summed in logs (log-sum-exp) over customers, each weighted by its `count` (so a million
 * customers compress to their distinct histories), maximised over the logs of α, β, γ, δ
 * (Nelder-Mead, then Newton steps), with standard errors from the observed information.
 *
 * @param customers - `{ frequency, recency, periods, count? }` per customer (or per group of identical ones).
 * @returns `{ model: "bg-bb", params: { alpha, beta, gamma, delta }, logLikelihood, standardErrors, n, converged, iterations }`.
 * @throws {@link MetricsInputError} for an invalid history (frequency above recency, recency
 *   above periods, fractions), no customers, data that cannot identify the model (no repeat
 *   transaction at all, or every opportunity taken by everyone), or a fit that does not converge.
 * @throws {@link MetricsTypeError} for customers that are not an array, or an unknown field.
 * @see P. S. Fader, B. G. S. Hardie & J. Shang, "Customer-Base Analysis in a Discrete-Time
 *   Noncontractual Setting", Marketing Science 29(6), 2010, 1086-1108.
 * @example
 * ```ts
 * import { fitBgBb } from "cxmetrics";
 * const model = fitBgBb([
 *   { frequency: 0, recency: 0, periods: 6, count: 3464 },
 *   { frequency: 1, recency: 1, periods: 6, count: 1091 },
 *   { frequency: 2, recency: 5, periods: 6, count: 200 },
 *   { frequency: 4, recency: 6, periods: 6, count: 300 },
 *   { frequency: 6, recency: 6, periods: 6, count: 1203 },
 * ]);
 * model.params.alpha > 0; // true
 * ```
 *
 * @category Customer-base models
 */
export function fitBgBb(customers: ArrayLike<OpportunityHistory>): BgBbModel {
  const { rows, n: total } = groupHistories(
    customers,
    (v, arg) => history(v, arg),
    (h) => [h.x, h.tx, h.n],
  );
  if (rows.every((g) => g.x === 0) || rows.every((g) => g.x === g.n)) {
    throw new MetricsInputError(
      "UNDEFINED_RESULT",
      "customers",
      customers,
      "some repeat transactions and some missed opportunities: without both the data cannot identify the model",
    );
  }
  const ll = ([alpha, beta, gamma, delta]: readonly number[]) => {
    let sum = 0;
    for (const g of rows) sum += g.count * logLikelihood(alpha!, beta!, gamma!, delta!, g.x, g.tx, g.n);
    return sum;
  };
  const fit = fitPositive(["alpha", "beta", "gamma", "delta"], ll, "customers", customers, "BG/BB");
  return { model: "bg-bb", ...fit, n: total };
}

/** BG/BB parameters, validated. */
export interface BgBbParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly delta: number;
}

/** A validated history, read for `fn`. */
export function readOpportunityHistory(value: unknown, fn: string, argument: string): { x: number; tx: number; n: number } {
  return history(value, argument, fn);
}

/** A whole number of opportunities from 0 to 10⁴, named `argument`. */
export function readOpportunities(value: unknown, argument: string): number {
  const n = assertCount(value, argument);
  if (n > MAX_PERIODS) throw new MetricsInputError("OUT_OF_RANGE", argument, n, `at most ${MAX_PERIODS}`);
  return n;
}

/** Σᵢ B(γ, δ + i)/B(γ, δ) for i = from … to − 1 (the chances of being alive at each), by term ratios. */
function survivalSum(gamma: number, delta: number, from: number, to: number): number {
  if (to <= from) return 0;
  let term = Math.exp(logBeta(gamma, delta + from) - logBeta(gamma, delta));
  let sum = term;
  for (let i = from + 1; i < to; i++) {
    term *= (delta + i - 1) / (gamma + delta + i - 1);
    sum += term;
  }
  return sum;
}

/** P(alive at opportunity n + 1 | x, tₓ, n) (Fader, Hardie & Shang 2010, eq. 11). */
export function bgBbAlive(p: BgBbParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  const alive = logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta) + logBeta(gamma, delta + n + 1) - logBeta(gamma, delta);
  return Math.min(1, Math.exp(alive - logLikelihood(alpha, beta, gamma, delta, x, tx, n)));
}

/** E[X(n)]: transactions in the first n opportunities, α/(α + β) · Σᵢ₌₁ⁿ B(γ, δ + i)/B(γ, δ) (eq. 9 as a sum, exact at γ = 1). */
export function bgBbExpected(p: BgBbParams, n: number): number {
  return (p.alpha / (p.alpha + p.beta)) * survivalSum(p.gamma, p.delta, 1, n + 1);
}

/**
 * E[X(n, n + m) | x, tₓ, n] (eq. 13 as a sum): B(α + x + 1, β + n − x)/B(α, β) ·
 * Σᵢ₌₁ᵐ B(γ, δ + n + i)/B(γ, δ), over the customer's likelihood.
 */
export function bgBbConditional(p: BgBbParams, x: number, tx: number, n: number, m: number): number {
  const { alpha, beta, gamma, delta } = p;
  const logRate = logBeta(alpha + x + 1, beta + n - x) - logBeta(alpha, beta) - logLikelihood(alpha, beta, gamma, delta, x, tx, n);
  return Math.exp(logRate) * survivalSum(gamma, delta, n + 1, n + m + 1);
}

/**
 * P(X(n) = x) (eq. 8): C(n, x) B(α + x, β + n − x)/B(α, β) · B(γ, δ + n)/B(γ, δ)
 * + Σᵢ₌ₓ^(n−1) C(i, x) B(α + x, β + i − x)/B(α, β) · B(γ + 1, δ + i)/B(γ, δ), each term in logs.
 */
export function bgBbCountProbability(p: BgBbParams, x: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  if (x > n) return 0;
  const base = -logBeta(alpha, beta) - logBeta(gamma, delta);
  const logChoose = (i: number) => logGamma(i + 1) - logGamma(x + 1) - logGamma(i - x + 1);
  let sum = Math.exp(base + logChoose(n) + logBeta(alpha + x, beta + n - x) + logBeta(gamma, delta + n));
  for (let i = x; i < n; i++) {
    sum += Math.exp(base + logChoose(i) + logBeta(alpha + x, beta + i - x) + logBeta(gamma + 1, delta + i));
  }
  return Math.min(1, sum);
}
