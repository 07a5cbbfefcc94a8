import { assertKnownKeys, readOptions } from "../_lib/core/options.ts";
import { assertCountAtLeast, assertFinite, assertNonNegative, confidenceOption } from "../_lib/core/validate.ts";
import { type Moments, moments } from "../_lib/count/moments.ts";
import { assertTally, isResponses, tallyMoments } from "../_lib/count/tallies.ts";
import { STRICT_CELLS } from "../_lib/read/cells.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import type { Comparison, Tally } from "../types.ts";
import { type MeanComparison, welch } from "./welch.ts";

export type { MeanComparison } from "./welch.ts";

const COMPARE_MEANS_OPTIONS = ["confidence"] as const;

/**
 * A sample summarized by its mean, sample standard deviation and size.
 *
 * @category Statistics
 */
export interface MeanSummary {
  /** Sample mean. */
  mean: number;
  /** Sample standard deviation (n − 1 denominator), ≥ 0. */
  standardDeviation: number;
  /** Sample size, a whole number ≥ 2. */
  n: number;
}

/**
 * One sample for {@link compareMeans}: raw values (numeric strings are read as numbers), a
 * {@link Tally}, or a `{ mean, standardDeviation, n }` summary.
 *
 * @category Statistics
 */
export type MeanSample = ArrayLike<unknown> | Tally | MeanSummary;

/**
 * Options for {@link compareMeans}.
 *
 * @category Statistics
 */
export interface CompareMeansOptions {
  /** Confidence level of the interval, and 1 − the significance level. Default 0.95. */
  confidence?: number;
}

function sampleMoments(input: unknown, argument: string): Moments {
  const expected = "an array of numbers, a tally { scale, counts }, or { mean, standardDeviation, n }";
  if (typeof input !== "object" || input === null) throw new MetricsTypeError("INVALID_TYPE", argument, input, expected);
  let m: Moments;
  if (isResponses(input)) {
    m = moments(input, argument, STRICT_CELLS);
  } else if ("scale" in input) {
    m = tallyMoments(assertTally(input, argument));
  } else if ("mean" in input) {
    assertKnownKeys(input, argument, ["mean", "standardDeviation", "n"], "a field of a mean summary");
    const s = input as Partial<MeanSummary>;
    const sd = assertNonNegative(s.standardDeviation, `${argument}.standardDeviation`);
    return { mean: assertFinite(s.mean, `${argument}.mean`), variance: sd * sd, n: assertCountAtLeast(s.n, `${argument}.n`, 2) };
  } else {
    throw new MetricsTypeError("INVALID_TYPE", argument, input, expected);
  }
  if (m.n < 2) throw new MetricsInputError("OUT_OF_RANGE", argument, input, "a sample of at least 2 values");
  return m;
}

/**
 * Compares the means of two independent samples (CES or CSAT means of two segments or
 * periods) with Welch's t test, which does not assume equal variances:
 *
 * SE = √(s_a²/n_a + s_b²/n_b), t = (m_a − m_b)/SE,
 * df = SE⁴ / ((s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1)),
 * p = 2·P(T_df > |t|), interval (m_a − m_b) ± t_(1−α/2, df)·SE.
 *
 * Each sample is raw numbers, a {@link Tally}, or a `{ mean, standardDeviation, n }` summary.
 * When both samples have zero variance the test is degenerate: equal means give t = 0 and p = 1
 * (df = n_a + n_b − 2); different means throw.
 *
 * @param a - The first sample.
 * @param b - The second sample.
 * @param options - `confidence` (default 0.95).
 * @returns A {@link Comparison} with `method: "welch"` and `df`.
 * @throws {@link MetricsInputError} for fewer than 2 values, non-finite values, a negative standard
 *   deviation, a confidence outside (0, 1), or two constant samples with different means.
 * @throws {@link MetricsTypeError} for a sample that is none of the three forms, or an unknown field or option.
 * @see B. L. Welch, "The generalization of 'Student's' problem when several different population
 *   variances are involved", Biometrika 34 (1947), 28-35.
 * @example
 * ```ts
 * import { compareMeans } from "cxmetrics";
 * compareMeans([5, 6, 7, 5, 6], [4, 4, 5, 3, 5, 4]).pValue; // 0.00935...
 * ```
 *
 * @category Statistics
 */
export function compareMeans(a: MeanSample, b: MeanSample, options?: CompareMeansOptions): MeanComparison {
  const o = readOptions(options, "compareMeans", COMPARE_MEANS_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  return welch(sampleMoments(a, "a"), sampleMoments(b, "b"), confidence, "b", b);
}
