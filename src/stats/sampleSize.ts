import { MetricsInputError } from "../errors.ts";
import { ceilCount } from "../math.ts";
import {
  assertCountAtLeast,
  assertFiniteResult,
  assertFraction,
  assertInRange,
  assertObject,
  assertPositive,
  confidenceOption,
} from "../validate.ts";
import { zForConfidence } from "./normal.ts";

/**
 * Options for {@link sampleSizeForProportion}.
 *
 * @category Statistics
 */
export interface ProportionSampleSizeOptions {
  /** The ± margin wanted, a fraction in (0, 1): 0.05 for ±5 points. */
  marginOfError: number;
  /** Confidence level, in (0, 1). Default 0.95. */
  confidence?: number;
  /** Expected proportion, a fraction. Default 0.5, the worst case. */
  proportion?: number;
  /** Size of the finite population (whole number ≥ 1); omit for a large population. */
  population?: number;
}

/**
 * Options for {@link sampleSizeForMean}.
 *
 * @category Statistics
 */
export interface MeanSampleSizeOptions {
  /** The ± margin wanted, in the units of the scores, > 0. */
  marginOfError: number;
  /** Expected standard deviation of the scores (a pilot or past survey), > 0. */
  standardDeviation: number;
  /** Confidence level, in (0, 1). Default 0.95. */
  confidence?: number;
  /** Size of the finite population (whole number ≥ 1); omit for a large population. */
  population?: number;
}

/** Cochran's finite population correction n0 / (1 + (n0 − 1)/N), rounded up, at most N. */
function correctAndRound(n0: number, population: unknown, margin: number): number {
  let n: number;
  if (population === undefined) {
    n = ceilCount(n0);
  } else {
    const N = assertCountAtLeast(population, "options.population", 1);
    n = Number.isFinite(n0) ? Math.min(N, ceilCount(n0 / (1 + (n0 - 1) / N))) : N;
  }
  return assertFiniteResult(n, "options.marginOfError", margin);
}

/**
 * How many responses a survey needs to estimate a proportion (a share satisfied, a response
 * rate) within ± `marginOfError`, by Cochran's formula:
 *
 * n0 = z² p(1 − p) / e², and with a finite population N, n = n0 / (1 + (n0 − 1)/N),
 *
 * rounded **up** (a sample rounded down misses its margin). Known value: N = 10,000 at ±5% and
 * 95% needs 370; an unlimited population needs 385.
 *
 * @param options - `marginOfError` (fraction), `confidence` (0.95), `proportion` (0.5), `population`.
 * @returns The number of completed responses needed, a whole number ≥ 1 (at most N).
 * @throws {@link MetricsInputError} for a margin outside (0, 1), a proportion outside [0, 1], a
 *   confidence outside (0, 1), or a population that is not a whole number ≥ 1.
 * @see W. G. Cochran, Sampling Techniques, 3rd ed. (1977), eq. 4.2 and §4.4.
 * @example
 * ```ts
 * import { sampleSizeForProportion } from "cxmetrics";
 * sampleSizeForProportion({ marginOfError: 0.05 }); // 385
 * sampleSizeForProportion({ marginOfError: 0.05, population: 10000 }); // 370
 * ```
 *
 * @category Statistics
 */
export function sampleSizeForProportion(options: ProportionSampleSizeOptions): number {
  const o = assertObject(options, "options");
  const e = assertInRange(o.marginOfError, "options.marginOfError", 0, 1, { openMin: true, openMax: true });
  const confidence = confidenceOption(o.confidence);
  const p = o.proportion === undefined ? 0.5 : assertFraction(o.proportion, "options.proportion");
  const z = zForConfidence(confidence);
  return correctAndRound((z * z * p * (1 - p)) / (e * e), o.population, e);
}

/**
 * How many responses a survey needs to estimate a mean (a CES or CSAT average) within
 * ± `marginOfError`, by Cochran's formula n0 = (zσ/e)², with the finite population correction
 * n = n0 / (1 + (n0 − 1)/N) when N is given, rounded **up**. `standardDeviation` and
 * `marginOfError` are in the units of the scores.
 *
 * @param options - `marginOfError`, `standardDeviation`, `confidence` (0.95), `population`.
 * @returns The number of completed responses needed, a whole number ≥ 1 (at most N).
 * @throws {@link MetricsInputError} for a margin or standard deviation that is not > 0, a
 *   confidence outside (0, 1), or a population that is not a whole number ≥ 1.
 * @see W. G. Cochran, Sampling Techniques, 3rd ed. (1977), §4.3-4.4.
 * @example
 * ```ts
 * import { sampleSizeForMean } from "cxmetrics";
 * sampleSizeForMean({ marginOfError: 0.1, standardDeviation: 1.2 }); // 554
 * ```
 *
 * @category Statistics
 */
export function sampleSizeForMean(options: MeanSampleSizeOptions): number {
  const o = assertObject(options, "options");
  const e = assertPositive(o.marginOfError, "options.marginOfError");
  const sd = assertPositive(o.standardDeviation, "options.standardDeviation");
  const confidence = confidenceOption(o.confidence);
  const z = zForConfidence(confidence);
  return correctAndRound(((z * sd) / e) ** 2, o.population, e);
}

/**
 * How many people to invite so that, at the expected response rate, the survey collects
 * `sampleSize` responses: ⌈sampleSize / responseRate⌉.
 *
 * @param sampleSize - Responses needed, a whole number ≥ 1 (e.g. from {@link sampleSizeForProportion}).
 * @param responseRate - Expected share who respond, a fraction in (0, 1].
 * @returns Invitations to send, a whole number.
 * @throws {@link MetricsInputError} for a sample size that is not a whole number ≥ 1 or a response
 *   rate outside (0, 1].
 * @example
 * ```ts
 * import { invitationsNeeded } from "cxmetrics";
 * invitationsNeeded(370, 0.12); // 3084
 * ```
 *
 * @category Statistics
 */
export function invitationsNeeded(sampleSize: number, responseRate: number): number {
  const n = assertCountAtLeast(sampleSize, "sampleSize", 1);
  const r = assertInRange(responseRate, "responseRate", 0, 1, { openMin: true });
  return assertFiniteResult(ceilCount(n / r), "responseRate", r);
}
