import { readOptions } from "../_lib/core/options.ts";
import { assertArrayLike, assertCount, assertCountAtLeast, assertFraction } from "../_lib/core/validate.ts";
import { MetricsInputError } from "../errors.ts";
import { logBeta } from "../stats/gamma.ts";
import { fitPositive, readModel } from "./fitting.ts";

/**
 * A shifted-beta-geometric model of subscription retention: each customer renews each period
 * with a probability θ of leaving, θ ~ Beta(α, β) across customers. Fitted by {@link fitSbg}, or
 * built by hand from published parameters (`{ model: "sbg", params: { alpha, beta } }`).
 *
 * @category Customer-base models
 */
export interface SbgModel {
  /** Names the model. */
  readonly model: "sbg";
  /** The Beta(α, β) mixing distribution of the churn probability, both in (0, 10¹²]. */
  readonly params: {
    /** α > 0: with β, the spread of the churn probability across customers (mean α/(α + β)). */
    readonly alpha: number;
    /** β > 0. */
    readonly beta: number;
  };
  /** Maximised log-likelihood (fits only). */
  readonly logLikelihood?: number;
  /** Standard errors of α and β from the observed information (fits only). */
  readonly standardErrors?: {
    /** Standard error of α. */
    readonly alpha: number;
    /** Standard error of β. */
    readonly beta: number;
  };
  /** Customers in the cohort fitted (fits only). */
  readonly n?: number;
  /** Whether the maximisation converged (fits only). */
  readonly converged?: boolean;
  /** Optimiser iterations (fits only). */
  readonly iterations?: number;
}

/** ln P(T = t) = ln B(α + 1, β + t − 1) − ln B(α, β): the share who leave in period t. */
function logChurnAt(alpha: number, beta: number, t: number): number {
  return logBeta(alpha + 1, beta + t - 1) - logBeta(alpha, beta);
}

/** ln S(t) = ln B(α, β + t) − ln B(α, β): the share still customers after t periods. */
function logSurvival(alpha: number, beta: number, t: number): number {
  return logBeta(alpha, beta + t) - logBeta(alpha, beta);
}

/** The sBG log-likelihood of survivors n_0 … n_T. */
function logLikelihood(alpha: number, beta: number, survivors: readonly number[]): number {
  let ll = 0;
  for (let t = 1; t < survivors.length; t++) {
    const lost = survivors[t - 1]! - survivors[t]!;
    if (lost > 0) ll += lost * logChurnAt(alpha, beta, t);
  }
  const T = survivors.length - 1;
  return ll + survivors[T]! * logSurvival(alpha, beta, T);
}

/**
 * Fits the shifted-beta-geometric model to a cohort's survivors by maximum likelihood (Fader &
 * Hardie 2007): `survivors[t]` customers still active after t periods, `survivors[0]` the
 * cohort's size. With P(t) = B(α + 1, β + t − 1)/B(α, β) the share who leave in period t and
 * S(T) = B(α, β + T)/B(α, β) the share left after T periods, it maximises
 *
 * LL(α, β) = Σₜ (n₍ₜ₋₁₎ − nₜ) ln P(t) + n_T ln S(T)
 *
 * over ln α and ln β (Nelder-Mead, then Newton steps), and gives standard errors of α and β
 * from the observed information. A cohort table's `customers` array (`cohortRetention`) is such
 * a series.
 *
 * @param survivors - Whole numbers, non-increasing, at least three (periods 0, 1, 2, …), the
 *   first ≥ 1; some customers must leave and some must stay for the model to be identified.
 * @returns `{ model: "sbg", params: { alpha, beta }, logLikelihood, standardErrors, n, converged, iterations }`.
 * @throws {@link MetricsInputError} for counts that are not whole numbers ≥ 0, an increasing
 *   series, fewer than three periods, data that cannot identify the model (no one leaves, or no
 *   one stays), or a fit that does not converge.
 * @throws {@link MetricsTypeError} for survivors that are not an array.
 * @see P. S. Fader & B. G. S. Hardie, "How to Project Customer Retention", Journal of Interactive
 *   Marketing 21(1), 2007, 76-90.
 * @example
 * ```ts
 * import { fitSbg } from "cxmetrics";
 * // Fader & Hardie (2007), "high end" customers, years 0-7 of 1,000.
 * const model = fitSbg([1000, 869, 743, 653, 593, 551, 517, 491]);
 * model.params.alpha; // 0.668…
 * model.params.beta; // 3.806…
 * ```
 *
 * @category Customer-base models
 */
export function fitSbg(survivors: ArrayLike<number>): SbgModel {
  const list = assertArrayLike(survivors, "survivors");
  if (list.length < 3)
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "survivors",
      survivors,
      "at least three periods (0, 1, 2): two parameters need two periods of churn",
    );
  const n: number[] = [];
  for (let t = 0; t < list.length; t++) {
    const x = assertCount(list[t], `survivors[${t}]`);
    if (t > 0 && x > n[t - 1]!)
      throw new MetricsInputError(
        "OUT_OF_RANGE",
        `survivors[${t}]`,
        x,
        `at most survivors[${t - 1}] (${n[t - 1]}): survivors cannot increase`,
      );
    n.push(x);
  }
  assertCountAtLeast(n[0], "survivors[0]", 1);
  const T = n.length - 1;
  if (n[T] === n[0] || n[T] === 0) {
    throw new MetricsInputError(
      "UNDEFINED_RESULT",
      "survivors",
      survivors,
      "a series in which some customers leave and some stay: otherwise the data cannot identify the model",
    );
  }
  const fit = fitPositive(["alpha", "beta"], ([a, b]) => logLikelihood(a!, b!, n), "survivors", survivors, "sBG");
  return { model: "sbg", ...fit, n: n[0]! };
}

/** A validated sBG model's parameters, read for `fn`. */
function sbgParams(model: SbgModel, fn: string): { alpha: number; beta: number } {
  return readModel(model, fn, "sbg", ["alpha", "beta"], "fitSbg");
}

/**
 * One period of {@link projectRetention}.
 *
 * @category Customer-base models
 */
export interface RetentionProjection {
  /** Periods since the start: 1, 2, … */
  readonly period: number;
  /** S(t): the share of the cohort still customers after t periods, in [0, 1]. */
  readonly survival: number;
  /** r(t) = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1): the share of last period's customers who renew. */
  readonly retention: number;
}

/** The longest curve projectRetention gives (a list of 100,000 periods is already a century of days). */
const MAX_PERIODS = 100_000;

/**
 * The survival and retention curve an sBG model projects: S(t) = B(α, β + t)/B(α, β) and the
 * period-to-period retention r(t) = (β + t − 1)/(α + β + t − 1), which rises with t as the
 * customers most likely to leave have left (Fader & Hardie 2007).
 *
 * @param model - A model from {@link fitSbg}, or `{ model: "sbg", params: { alpha, beta } }`.
 * @param periods - How many periods to project, a whole number from 1 to 100,000.
 * @returns One `{ period, survival, retention }` per period 1 … periods.
 * @throws {@link MetricsInputError} for parameters outside (0, 10¹²] or periods that is not a whole number from 1 to 100,000.
 * @throws {@link MetricsTypeError} for a model that is not an sBG model, or an unknown field.
 * @see P. S. Fader & B. G. S. Hardie, Journal of Interactive Marketing 21(1), 2007, eq. 5-7.
 * @example
 * ```ts
 * import { projectRetention } from "cxmetrics";
 * const curve = projectRetention({ model: "sbg", params: { alpha: 0.668, beta: 3.806 } }, 12);
 * const [first] = curve;
 * const last = curve.at(-1);
 * first?.retention; // 0.8506…: β/(α + β)
 * last?.survival; // 0.3780…: 37.8% of the cohort after 12 years
 * ```
 *
 * @category Customer-base models
 */
export function projectRetention(model: SbgModel, periods: number): RetentionProjection[] {
  const { alpha, beta } = sbgParams(model, "projectRetention");
  const T = assertCountAtLeast(periods, "periods", 1);
  if (T > MAX_PERIODS) throw new MetricsInputError("OUT_OF_RANGE", "periods", T, `at most ${MAX_PERIODS} periods`);
  const curve: RetentionProjection[] = [];
  for (let t = 1; t <= T; t++) {
    // (t − 1) added as one term: β + t − 1 would round a tiny β away at t = 1 (and give 0/0).
    curve.push({ period: t, survival: Math.exp(logSurvival(alpha, beta, t)), retention: (beta + (t - 1)) / (alpha + beta + (t - 1)) });
  }
  return curve;
}

/**
 * Options of {@link discountedExpectedLifetime}.
 *
 * @category Customer-base models
 */
export interface DiscountedLifetimeOptions {
  /** Discount rate per period, a fraction in [0.0001, 1] (0.1 for 10% per year with yearly periods). Required. */
  readonly discountRate: number;
  /**
   * Renewals the customer has already made. Given, the result is their discounted expected
   * residual lifetime (DERL), evaluated just before their next renewal; left out, the discounted
   * expected lifetime (DEL) of a customer about to make their first payment.
   */
  readonly renewals?: number;
}

const DEL_OPTIONS = ["discountRate", "renewals"] as const;

/**
 * The discounted expected lifetime of a subscriber under an sBG model, in payments (multiply by
 * the payment per period for money), from Fader & Hardie (2010), with z = 1/(1 + d):
 *
 * DEL = Σₜ₌₀^∞ S(t) zᵗ = ₂F₁(1, β; α + β; z) for a new customer (the first payment counted in
 * full), and, for a customer who has made n − 1 = `renewals` renewals,
 *
 * DERL = Σₖ₌₀^∞ S(n + k)/S(n − 1) zᵏ = (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; z),
 *
 * evaluated just before the n-th renewal, that payment counted in full if it is made. The series
 * is summed term by term (each term is the last times (b + k)/(c + k) · z < z) until what is left
 * is below 10⁻¹⁶ of the sum.
 *
 * @param model - A model from {@link fitSbg}, or `{ model: "sbg", params: { alpha, beta } }`.
 * @param options - `discountRate` (required) and `renewals`.
 * @returns Discounted payments, ≥ 1 for DEL and ≥ 0 for DERL.
 * @throws {@link MetricsInputError} for a discount rate outside [0.0001, 1] (5 → "did you mean
 *   0.05?"; below 0.0001 the series would take too long to converge), renewals that are not a
 *   whole number ≥ 0, or parameters outside (0, 10¹²].
 * @throws {@link MetricsTypeError} for a model that is not sBG, or an unknown option.
 * @see P. S. Fader & B. G. S. Hardie, "Customer-Base Valuation in a Contractual Setting: The
 *   Perils of Ignoring Heterogeneity", Marketing Science 29(1), 2010, 85-93.
 * @example
 * ```ts
 * import { discountedExpectedLifetime } from "cxmetrics";
 * const highEnd = { model: "sbg" as const, params: { alpha: 0.668, beta: 3.806 } };
 * discountedExpectedLifetime(highEnd, { discountRate: 0.1 }); // 5.9226… yearly payments
 * discountedExpectedLifetime(highEnd, { discountRate: 0.1, renewals: 4 }); // 6.897… after four renewals
 * ```
 *
 * @category Customer-base models
 */
export function discountedExpectedLifetime(model: SbgModel, options: DiscountedLifetimeOptions): number {
  const { alpha, beta } = sbgParams(model, "discountedExpectedLifetime");
  const o = readOptions(options, "discountedExpectedLifetime", DEL_OPTIONS);
  const d = assertFraction(o.discountRate, "options.discountRate");
  if (d < 1e-4)
    throw new MetricsInputError("OUT_OF_RANGE", "options.discountRate", d, "at least 0.0001 (the series converges too slowly below)");
  const renewals = o.renewals === undefined ? null : assertCount(o.renewals, "options.renewals");
  const z = 1 / (1 + d);
  // ₂F₁(1, b; c; z) = Σ (b)ₖ/(c)ₖ zᵏ, with the factor in front for DERL.
  const b = renewals === null ? beta : beta + (renewals + 1);
  const c = alpha + b;
  const front = renewals === null ? 1 : (beta + renewals) / (alpha + beta + renewals);
  let term = 1;
  let sum = 1;
  for (let k = 0; ; k++) {
    term *= ((b + k) / (c + k)) * z;
    sum += term;
    // Every later ratio is below z, so what is left is below term · z/(1 − z).
    if (term * z < 1e-16 * sum * (1 - z)) break;
  }
  return front * sum;
}
