import { readFields, readOptions } from "../_lib/core/options.ts";
import { assertCountAtLeast, assertFiniteResult, assertFraction, assertNonNegative, confidenceOption } from "../_lib/core/validate.ts";
import { MetricsInputError } from "../errors.ts";
import { zForConfidence } from "./normal.ts";
import { studentTQuantileUnchecked } from "./studentT.ts";

const PROPORTION_MARGIN_OF_ERROR_FIELDS = ["proportion", "n"] as const;
const PROPORTION_MARGIN_OF_ERROR_OPTIONS = ["confidence", "population"] as const;
const MEAN_MARGIN_OF_ERROR_FIELDS = ["standardDeviation", "n"] as const;
const MEAN_MARGIN_OF_ERROR_OPTIONS = ["confidence", "population"] as const;

/**
 * A proportion observed (or expected) in a sample of n.
 *
 * @category Statistics
 */
export interface ProportionSample {
  /** The proportion, a fraction in [0, 1]. */
  proportion: number;
  /** Sample size, a whole number ≥ 1. */
  n: number;
}

/**
 * A sample's standard deviation and size.
 *
 * @category Statistics
 */
export interface SpreadSample {
  /** Sample standard deviation, ≥ 0, in the units of the scores. */
  standardDeviation: number;
  /** Sample size, a whole number ≥ 2 (a t quantile needs n − 1 ≥ 1 degrees of freedom). */
  n: number;
}

/**
 * Options for {@link proportionMarginOfError} and {@link meanMarginOfError}.
 *
 * @category Statistics
 */
export interface MarginOptions {
  /** Confidence level, a fraction in (0, 1). Default 0.95. */
  confidence?: number;
  /** Size of the finite population sampled (≥ n); omit for a large population. */
  population?: number;
}

/** √((N − n)/(N − 1)), the finite population correction; 1 without a population. */
function finitePopulationCorrection(n: number, population: unknown): number {
  if (population === undefined) return 1;
  const N = assertCountAtLeast(population, "options.population", 1);
  if (N < n) throw new MetricsInputError("OUT_OF_RANGE", "options.population", N, `at least the sample size n (${n})`);
  return N === n ? 0 : Math.sqrt((N - n) / (N - 1));
}

/**
 * The ± margin of error of a proportion estimated from a simple random sample:
 *
 * MoE = z · √(p(1 − p)/n) · √((N − n)/(N − 1)),
 *
 * the last factor (the finite population correction) only when `population` N is given. A
 * fraction: 0.031 is ±3.1 percentage points. It is 0 when the whole population was sampled.
 *
 * @param sample - `{ proportion, n }`: a fraction and a whole number ≥ 1.
 * @param options - `confidence` (default 0.95), `population`.
 * @returns The margin of error, a fraction.
 * @throws {@link MetricsInputError} for a proportion outside [0, 1], n < 1 or fractional, a
 *   population below n, or a confidence outside (0, 1).
 * @throws {@link MetricsTypeError} for an unknown field or option.
 * @see W. G. Cochran, Sampling Techniques, 3rd ed. (1977), §3.2-3.4.
 * @example
 * ```ts
 * import { proportionMarginOfError } from "cxmetrics";
 * proportionMarginOfError({ proportion: 0.5, n: 1000 }); // 0.0309897... (±3.1 points)
 * proportionMarginOfError({ proportion: 0.5, n: 1000 }, { population: 5000 }); // 0.0277...
 * ```
 *
 * @category Statistics
 */
export function proportionMarginOfError(sample: ProportionSample, options?: MarginOptions): number {
  const s = readFields(sample, "proportionMarginOfError", PROPORTION_MARGIN_OF_ERROR_FIELDS, "sample");
  const o = readOptions(options, "proportionMarginOfError", PROPORTION_MARGIN_OF_ERROR_OPTIONS);
  const p = assertFraction(s.proportion, "sample.proportion");
  const n = assertCountAtLeast(s.n, "sample.n", 1);
  const confidence = confidenceOption(o.confidence);
  return zForConfidence(confidence) * Math.sqrt((p * (1 - p)) / n) * finitePopulationCorrection(n, o.population);
}

/**
 * The ± margin of error of a mean (a CES or CSAT mean, a rating) from a sample of n with
 * sample standard deviation s:
 *
 * MoE = t_(1−α/2, n−1) · s/√n · √((N − n)/(N − 1)),
 *
 * using Student's t with n − 1 degrees of freedom (s is estimated from the sample), and the
 * finite population correction only when `population` N is given. In the units of the scores.
 *
 * @param sample - `{ standardDeviation, n }`: s ≥ 0 and n ≥ 2.
 * @param options - `confidence` (default 0.95), `population`.
 * @returns The margin of error, in the units of the scores.
 * @throws {@link MetricsInputError} for a negative or non-finite standard deviation, n < 2, a
 *   population below n, or a confidence outside (0, 1).
 * @throws {@link MetricsTypeError} for an unknown field or option.
 * @see W. G. Cochran, Sampling Techniques (1977), §2.5; Student (1908), Biometrika 6(1).
 * @example
 * ```ts
 * import { meanMarginOfError } from "cxmetrics";
 * meanMarginOfError({ standardDeviation: 1.2, n: 30 }); // 0.4480... (t with 29 df)
 * ```
 *
 * @category Statistics
 */
export function meanMarginOfError(sample: SpreadSample, options?: MarginOptions): number {
  const s = readFields(sample, "meanMarginOfError", MEAN_MARGIN_OF_ERROR_FIELDS, "sample");
  const o = readOptions(options, "meanMarginOfError", MEAN_MARGIN_OF_ERROR_OPTIONS);
  const sd = assertNonNegative(s.standardDeviation, "sample.standardDeviation");
  const n = assertCountAtLeast(s.n, "sample.n", 2);
  const confidence = confidenceOption(o.confidence);
  const fpc = finitePopulationCorrection(n, o.population);
  const margin = -studentTQuantileUnchecked((1 - confidence) / 2, n - 1) * (sd / Math.sqrt(n)) * fpc;
  return assertFiniteResult(margin, "sample.standardDeviation", sd);
}
