import { readRow } from "../_lib/core/options.ts";
import { assertCount, assertCountAtLeast, assertInRange, assertNonNegative } from "../_lib/core/validate.ts";
import { MetricsInputError } from "../errors.ts";
import { regularizedBeta } from "../stats/beta.ts";
import { logBeta, logGamma } from "../stats/gamma.ts";
import { aliveFromLogOdds, fitPositive, groupHistories } from "./fitting.ts";
import { hypergeometricSeries, logGrowth, powerDifference } from "./hypergeometric.ts";

/**
 * A BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005): while alive, a customer buys
 * at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with probability
 * p ~ Beta(a, b). Fitted by {@link fitBgNbd}, or built by hand from published parameters.
 *
 * @category Customer-base models
 */
export interface BgNbdModel {
  /** Names the model. */
  readonly model: "bg-nbd";
  /** The parameters, all in (0, 10¹²]. */
  readonly params: {
    /** Shape of the Gamma distribution of purchase rates. */
    readonly r: number;
    /** Scale of the Gamma distribution of purchase rates, in the time unit of the data. */
    readonly alpha: number;
    /** First shape of the Beta distribution of the dropout probability. */
    readonly a: number;
    /** Second shape of the Beta distribution of the dropout probability. */
    readonly b: number;
  };
  /** Maximised log-likelihood (fits only). */
  readonly logLikelihood?: number;
  /** Standard errors of the parameters from the observed information (fits only). */
  readonly standardErrors?: {
    /** Of r. */
    readonly r: number;
    /** Of alpha. */
    readonly alpha: number;
    /** Of a. */
    readonly a: number;
    /** Of b. */
    readonly b: number;
  };
  /** Customers fitted, counting `count` (fits only). */
  readonly n?: number;
  /** Whether the maximisation converged (fits only). */
  readonly converged?: boolean;
  /** Optimiser iterations (fits only). */
  readonly iterations?: number;
}

/**
 * One customer's repeat-purchase history, as {@link rfmSummary} gives it (its other fields are
 * accepted and not read). `count` stands for that many identical customers.
 *
 * @category Customer-base models
 */
export interface PurchaseHistory {
  /** Repeat purchases in the calibration period, a whole number ≥ 0. */
  readonly frequency: number;
  /** Time of the last purchase since the first, 0 ≤ recency ≤ T (0 when frequency is 0). */
  readonly recency: number;
  /** Time from the first purchase to the end of the calibration period, > 0. */
  readonly T: number;
  /** How many identical customers this row stands for. Default 1. */
  readonly count?: number;
}

const HISTORY_FIELDS = ["frequency", "recency", "T", "count", "id", "monetary", "holdoutFrequency"] as const;

/** Fields of a discrete-time history, which a continuous-time model must not be given. */
const CONTINUOUS_ONLY = {
  periods:
    "is a field of discrete-time histories (BG/BB's opportunities); this model is continuous-time and reads T, the time from the first purchase to the end of the calibration period",
};

/** A validated continuous-time history, read for `fn` (shared with Pareto/NBD). */
export function readPurchaseHistory(value: unknown, fn: string, argument: string): { x: number; tx: number; T: number; count: number } {
  const h = readRow(value, fn, HISTORY_FIELDS, argument, CONTINUOUS_ONLY);
  const x = assertCount(h.frequency, `${argument}.frequency`);
  const T = assertInRange(h.T, `${argument}.T`, 0, 1e12, { openMin: true });
  const tx = assertNonNegative(h.recency, `${argument}.recency`);
  if (tx > T) throw new MetricsInputError("OUT_OF_RANGE", `${argument}.recency`, tx, `at most ${argument}.T (${T})`);
  if (x === 0 && tx !== 0)
    throw new MetricsInputError("OUT_OF_RANGE", `${argument}.recency`, tx, "0 when frequency is 0 (no repeat purchase)");
  if (x > 0 && tx === 0) throw new MetricsInputError("OUT_OF_RANGE", `${argument}.recency`, tx, "above 0 when frequency is above 0");
  const count = h.count === undefined ? 1 : assertCountAtLeast(h.count, `${argument}.count`, 1);
  return { x, tx, T, count };
}

/**
 * The BG/NBD log-likelihood of grouped histories (Fader, Hardie & Lee 2005, eq. 6), summed by
 * log-sum-exp, as a function of (r, α, a, b). Arranged for speed, since a fit evaluates it some
 * hundreds of times: the gamma-function part depends on x alone and is computed once per distinct
 * frequency, ln(α + T) and ln(α + tₓ) once per distinct time, and a customer with no repeat
 * purchase costs no transcendental function at all.
 */
function groupedLikelihood(rows: readonly { x: number; tx: number; T: number; count: number }[]) {
  const index = <K>(values: K[]) => {
    const at = new Map<K, number>();
    for (const v of values) if (!at.has(v)) at.set(v, at.size);
    return at;
  };
  const xs = index(rows.map((g) => g.x));
  const ts = index(rows.flatMap((g) => [g.T, g.tx]));
  const frequency = [...xs.keys()];
  const times = [...ts.keys()];
  const perX = new Float64Array(frequency.length);
  const rowX = rows.map((g) => xs.get(g.x)!);
  for (let i = 0; i < rows.length; i++) perX[rowX[i]!] = perX[rowX[i]!]! + rows[i]!.count;
  const rowT = rows.map((g) => ts.get(g.T)!);
  const rowTx = rows.map((g) => ts.get(g.tx)!);
  const logTime = new Float64Array(times.length);
  const logDrop = new Float64Array(frequency.length);
  return (r: number, alpha: number, a: number, b: number): number => {
    let total = 0;
    const fixed = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
    for (let i = 0; i < frequency.length; i++) {
      const x = frequency[i]!;
      total += perX[i]! * (fixed + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x));
      logDrop[i] = x > 0 ? Math.log(a) - Math.log(b + (x - 1)) : 0;
    }
    for (let i = 0; i < times.length; i++) logTime[i] = Math.log(alpha + times[i]!);
    for (let i = 0; i < rows.length; i++) {
      const x = frequency[rowX[i]!]!;
      const a3 = -(r + x) * logTime[rowT[i]!]!;
      let row = a3;
      if (x > 0) {
        const a4 = logDrop[rowX[i]!]! - (r + x) * logTime[rowTx[i]!]!;
        row = a3 > a4 ? a3 + Math.log1p(Math.exp(a4 - a3)) : a4 + Math.log1p(Math.exp(a3 - a4));
      }
      total += rows[i]!.count * row;
    }
    return total;
  };
}

/** The customers' mean age T, in the data's time unit: where the fits start their scale parameters. */
export function meanAge(rows: readonly { T: number; count: number }[]): number {
  let total = 0;
  let n = 0;
  for (const g of rows) {
    total += g.count * g.T;
    n += g.count;
  }
  return total / n;
}

/**
 * Customers' histories for a continuous-time fit (`fn`), identical ones merged into one row with
 * their `count` (so the likelihood is evaluated once per distinct history); throws when no
 * customer made a repeat purchase, since then neither BG/NBD nor Pareto/NBD is identified.
 */
export function readPurchaseHistories(customers: unknown, fn: string) {
  const grouped = groupHistories(
    customers,
    (v, arg) => readPurchaseHistory(v, fn, arg),
    (h) => [h.x, h.tx, h.T],
  );
  if (grouped.rows.every((g) => g.x === 0)) {
    throw new MetricsInputError(
      "UNDEFINED_RESULT",
      "customers",
      customers,
      "some repeat purchases: with none the data cannot identify the model",
    );
  }
  return grouped;
}

/**
 * Fits the BG/NBD model to customers' repeat-purchase histories by maximum likelihood (Fader,
 * Hardie & Lee 2005): for each customer, with frequency x, recency tₓ and age T,
 *
 * L = B(a, b + x)/B(a, b) · Γ(r + x)/Γ(r) · αʳ/(α + T)^(r + x)
 *   + [x > 0] · B(a + 1, b + x − 1)/B(a, b) · Γ(r + x)/Γ(r) · αʳ/(α + tₓ)^(r + x),
 *
 * summed in logs (log-sum-exp) over customers (each weighted by its `count`, so a million
 * customers compress to their distinct histories), maximised over the logs of r, α, a, b
 * (Nelder-Mead, then Newton steps), with standard errors from the observed information. The
 * rows of {@link rfmSummary} go in as they are.
 *
 * @param customers - `{ frequency, recency, T, count? }` per customer (or per group of identical ones).
 * @returns `{ model: "bg-nbd", params: { r, alpha, a, b }, logLikelihood, standardErrors, n, converged, iterations }`.
 * @throws {@link MetricsInputError} for an invalid history (recency above T, a fractional
 *   frequency), no customers, data that cannot identify the model (no repeat purchase at all),
 *   or a fit that does not converge.
 * @throws {@link MetricsTypeError} for customers that are not an array, or an unknown field.
 * @see P. S. Fader, B. G. S. Hardie & K. L. Lee, "Counting Your Customers the Easy Way: An
 *   Alternative to the Pareto/NBD Model", Marketing Science 24(2), 2005, 275-284.
 * @example
 * ```ts
 * import { fitBgNbd } from "cxmetrics";
 * const model = fitBgNbd([
 *   { frequency: 0, recency: 0, T: 38.86, count: 1411 },
 *   { frequency: 1, recency: 1.71, T: 38.86, count: 200 },
 *   { frequency: 1, recency: 20, T: 38.86, count: 240 },
 *   { frequency: 2, recency: 5, T: 38.86, count: 90 },
 *   { frequency: 2, recency: 30.43, T: 38.86, count: 150 },
 *   { frequency: 3, recency: 10, T: 38.86, count: 80 },
 *   { frequency: 5, recency: 35, T: 38.86, count: 60 },
 *   { frequency: 10, recency: 37, T: 38.86, count: 20 },
 * ]);
 * model.params.r > 0; // true
 * ```
 *
 * @category Customer-base models
 */
export function fitBgNbd(customers: ArrayLike<PurchaseHistory>): BgNbdModel {
  const { rows, n } = readPurchaseHistories(customers, "fitBgNbd");
  const ll = groupedLikelihood(rows);
  // α starts at the customers' mean age, so the search is the same in any time unit.
  const fit = fitPositive(
    ["r", "alpha", "a", "b"],
    ([r, alpha, a, b]) => ll(r!, alpha!, a!, b!),
    "customers",
    customers,
    "BG/NBD",
    ["r", "a", "b"],
    {
      alpha: meanAge(rows),
    },
  );
  return { model: "bg-nbd", ...fit, n };
}

/** BG/NBD parameters, validated. */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Series terms allowed in a prediction: z = t/(α + t) within about 10⁻⁵ of 1 still converges. */
const PREDICTION_TERMS = 2_000_000;

/**
 * [1 − (1 − z)^(a−1) · ₂F₁(A, a − 1; C; z)]/(a − 1), with (1 − z) = e^(−L): the bracket of the
 * BG/NBD expected counts after Euler's transformation (A = a + b − 1 − r). Split as
 * [1 − (1 − z)^(a−1)]/(a − 1) − (1 − z)^(a−1) · Σₙ≥₁ (A)ₙ(a)ₙ₋₁/((C)ₙ n!) zⁿ so it stays exact
 * through a = 1, where the papers' formula divides by 0. The horizon t is for the error where the
 * series does not converge.
 */
function bracket(p: BgNbdParams, C: number, z: number, L: number, t: number): number {
  const { r, a, b } = p;
  const A = a + b - 1 - r;
  const tail = ((A * z) / C) * hypergeometricSeries([A + 1, a], [C + 1, 2], z, PREDICTION_TERMS);
  const value = powerDifference(a - 1, L) - Math.exp(-(a - 1) * L) * tail;
  if (Number.isNaN(value)) {
    throw new MetricsInputError("UNDEFINED_RESULT", "t", t, "a horizon within about 10⁵ times alpha (the series does not converge)");
  }
  return value;
}

/** E[X(t)] for a new customer (Fader, Hardie & Lee 2005, eq. 7). */
export function bgNbdExpected(p: BgNbdParams, t: number): number {
  return (p.a + p.b - 1) * bracket(p, p.a + p.b - 1, t / (p.alpha + t), logGrowth(t, p.alpha), t);
}

/** P(alive at T | x, tₓ, T) (eq. 11), by its log-odds so heavy buyers long gone do not overflow. */
export function bgNbdAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  const logOdds = Math.log(a) - Math.log(b + (x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return aliveFromLogOdds(logOdds);
}

/** E[Y(t) | x, tₓ, T], purchases in (T, T + t] (eq. 10). */
export function bgNbdConditional(p: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  const C = p.a + p.b + (x - 1);
  const z = t / (p.alpha + T + t);
  return C * bracket(p, C, z, logGrowth(t, p.alpha + T), t) * bgNbdAlive(p, x, tx, T);
}

/**
 * P(X(t) = n) (eq. 8): B(a, b + n)/B(a, b) · NBD(n) + [n > 0] · B(a + 1, b + n − 1)/B(a, b) · P(NBD ≥ n),
 * with the negative binomial's tail as the regularized incomplete beta I_{t/(α+t)}(n, r).
 */
export function bgNbdCountProbability(p: BgNbdParams, n: number, t: number): number {
  const { r, alpha, a, b } = p;
  const logBab = logBeta(a, b);
  const logPmf =
    logGamma(r + n) - logGamma(r) - logGamma(n + 1) + r * Math.log(alpha / (alpha + t)) + (n === 0 ? 0 : n * Math.log(t / (alpha + t)));
  const stayed = Math.exp(logBeta(a, b + n) - logBab + logPmf);
  if (n === 0) return stayed;
  const tail = regularizedBeta(t / (alpha + t), alpha / (alpha + t), n, r).lower;
  return stayed + Math.exp(logBeta(a + 1, b + (n - 1)) - logBab) * tail;
}
