import { ceilCount } from "../_lib/core/math.ts";
import { readFields, readOptions } from "../_lib/core/options.ts";
import { assertCountAtLeast, assertFiniteResult, assertFraction, assertPositive, confidenceOption } from "../_lib/core/validate.ts";
import { MetricsInputError } from "../errors.ts";
import { zForConfidence } from "./normal.ts";

const SAMPLE_SIZE_FOR_PROPORTION_FIELDS = ["marginOfError"] as const;
const SAMPLE_SIZE_FOR_PROPORTION_OPTIONS = ["confidence", "proportion", "population"] as const;
const SAMPLE_SIZE_FOR_MEAN_FIELDS = ["marginOfError", "standardDeviation"] as const;
const SAMPLE_SIZE_FOR_MEAN_OPTIONS = ["confidence", "population"] as const;
const INVITATIONS_NEEDED_FIELDS = ["n", "responseRate"] as const;

/**
 * The precision wanted for a proportion.
 *
 * @category Statistics
 */
export interface ProportionPrecision {
  /** The ± margin wanted, a fraction in (0, 1): 0.05 for ±5 percentage points. */
  marginOfError: number;
}

/**
 * The precision wanted for a mean, and the spread expected.
 *
 * @category Statistics
 */
export interface MeanPrecision {
  /** The ± margin wanted, in the units of the scores, > 0. */
  marginOfError: number;
  /** Expected standard deviation of the scores (a pilot or past survey), > 0. */
  standardDeviation: number;
}

/**
 * Options for {@link sampleSizeForProportion}.
 *
 * @category Statistics
 */
export interface ProportionSampleSizeOptions {
  /** Confidence level, a fraction in (0, 1). Default 0.95. */
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
  /** Confidence level, a fraction in (0, 1). Default 0.95. */
  confidence?: number;
  /** Size of the finite population (whole number ≥ 1); omit for a large population. */
  population?: number;
}

/**
 * A response goal and the share expected to respond.
 *
 * @category Statistics
 */
export interface InvitationGoal {
  /** Responses needed, a whole number ≥ 1 (e.g. from {@link sampleSizeForProportion}). */
  n: number;
  /** Expected share who respond, a fraction in (0, 1]. */
  responseRate: number;
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
  return assertFiniteResult(n, "precision.marginOfError", margin);
}

/**
 * How many responses a survey needs to estimate a proportion (a share satisfied, a response
 * rate) within ± `marginOfError`, by Cochran's formula:
 *
 * n0 = z² p(1 − p) / e², and with a finite population N, n = n0 / (1 + (n0 − 1)/N),
 *
 * rounded **up** (a sample rounded down misses its margin). Known value: N = 10,000 at ±5% and
 * 95% needs 370; an unlimited population needs 385. The margin is a fraction: 5 is rejected
 * with the hint 0.05.
 *
 * @param precision - `{ marginOfError }`, a fraction in (0, 1).
 * @param options - `confidence` (0.95), `proportion` (0.5), `population`.
 * @returns The number of completed responses needed, a whole number ≥ 1 (at most N).
 * @throws {@link MetricsInputError} for a margin outside (0, 1), a proportion outside [0, 1], a
 *   confidence outside (0, 1), or a population that is not a whole number ≥ 1.
 * @throws {@link MetricsTypeError} for an unknown field or option.
 * @see W. G. Cochran, Sampling Techniques, 3rd ed. (1977), eq. 4.2 and §4.4.
 * @example
 * ```ts
 * import { sampleSizeForProportion } from "cxmetrics";
 * sampleSizeForProportion({ marginOfError: 0.05 }); // 385
 * sampleSizeForProportion({ marginOfError: 0.05 }, { population: 10000 }); // 370
 * ```
 *
 * @category Statistics
 */
export function sampleSizeForProportion(precision: ProportionPrecision, options?: ProportionSampleSizeOptions): number {
  const q = readFields(precision, "sampleSizeForProportion", SAMPLE_SIZE_FOR_PROPORTION_FIELDS, "precision");
  const o = readOptions(options, "sampleSizeForProportion", SAMPLE_SIZE_FOR_PROPORTION_OPTIONS);
  const e = assertFraction(q.marginOfError, "precision.marginOfError", true);
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
 * @param precision - `{ marginOfError, standardDeviation }`, both > 0.
 * @param options - `confidence` (0.95), `population`.
 * @returns The number of completed responses needed, a whole number ≥ 1 (at most N).
 * @throws {@link MetricsInputError} for a margin or standard deviation that is not > 0, a
 *   confidence outside (0, 1), or a population that is not a whole number ≥ 1.
 * @throws {@link MetricsTypeError} for an unknown field or option.
 * @see W. G. Cochran, Sampling Techniques, 3rd ed. (1977), §4.3-4.4.
 * @example
 * ```ts
 * import { sampleSizeForMean } from "cxmetrics";
 * sampleSizeForMean({ marginOfError: 0.1, standardDeviation: 1.2 }); // 554
 * ```
 *
 * @category Statistics
 */
export function sampleSizeForMean(precision: MeanPrecision, options?: MeanSampleSizeOptions): number {
  const q = readFields(precision, "sampleSizeForMean", SAMPLE_SIZE_FOR_MEAN_FIELDS, "precision");
  const o = readOptions(options, "sampleSizeForMean", SAMPLE_SIZE_FOR_MEAN_OPTIONS);
  const e = assertPositive(q.marginOfError, "precision.marginOfError");
  const sd = assertPositive(q.standardDeviation, "precision.standardDeviation");
  const z = zForConfidence(confidenceOption(o.confidence));
  return correctAndRound(((z * sd) / e) ** 2, o.population, e);
}

/**
 * How many people to invite so that, at the expected response rate, the survey collects `n`
 * responses: ⌈n / responseRate⌉.
 *
 * @param goal - `{ n, responseRate }`: responses needed (whole number ≥ 1) and the expected
 *   share who respond (a fraction in (0, 1]; 12 is rejected with the hint 0.12).
 * @returns Invitations to send, a whole number.
 * @throws {@link MetricsInputError} for n that is not a whole number ≥ 1 or a response rate
 *   outside (0, 1].
 * @throws {@link MetricsTypeError} for an unknown field.
 * @example
 * ```ts
 * import { invitationsNeeded } from "cxmetrics";
 * invitationsNeeded({ n: 370, responseRate: 0.12 }); // 3084
 * ```
 *
 * @category Statistics
 */
export function invitationsNeeded(goal: InvitationGoal): number {
  const g = readFields(goal, "invitationsNeeded", INVITATIONS_NEEDED_FIELDS, "goal");
  const n = assertCountAtLeast(g.n, "goal.n", 1);
  const r = assertFraction(g.responseRate, "goal.responseRate");
  if (r === 0)
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "goal.responseRate",
      r,
      "a fraction in (0, 1]: at a rate of 0 no number of invitations is enough",
    );
  return assertFiniteResult(ceilCount(n / r), "goal.responseRate", r);
}
