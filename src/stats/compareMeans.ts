import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import type { Comparison } from "../types.ts";
import {
  assertCountAtLeast,
  assertFinite,
  assertFiniteResult,
  assertNonNegative,
  confidenceOption,
  optionsObject,
} from "../validate.ts";
import { moments, type Moments } from "./moments.ts";
import { studentTCdfUnchecked, studentTQuantileUnchecked } from "./studentT.ts";

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
 * Options for {@link compareMeans}.
 *
 * @category Statistics
 */
export interface CompareMeansOptions {
  /** Confidence level of the interval, and 1 − the significance level. Default 0.95. */
  confidence?: number;
}

/**
 * The result of {@link compareMeans}, in the units of the scores.
 *
 * @category Statistics
 */
export interface MeanComparison extends Comparison {
  /** mean_a − mean_b. */
  readonly difference: number;
  /** √(s_a²/n_a + s_b²/n_b). */
  readonly standardError: number;
  /** Welch's t statistic. */
  readonly t: number;
  /** Welch-Satterthwaite degrees of freedom (fractional). */
  readonly df: number;
}

function summarize(input: ArrayLike<number> | MeanSummary, argument: string): Moments {
  if (typeof input !== "object" || input === null) {
    throw new MetricsTypeError("INVALID_TYPE", argument, input, "an array of numbers or { mean, standardDeviation, n }");
  }
  if ("mean" in input) {
    const sd = assertNonNegative(input.standardDeviation, `${argument}.standardDeviation`);
    return {
      mean: assertFinite(input.mean, `${argument}.mean`),
      variance: sd * sd,
      n: assertCountAtLeast(input.n, `${argument}.n`, 2),
    };
  }
  const m = moments(input as ArrayLike<number>, argument);
  if (m.n < 2) throw new MetricsInputError("OUT_OF_RANGE", `${argument}.length`, m.n, "at least 2 values");
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
 * Each sample is raw numbers or a `{ mean, standardDeviation, n }` summary. When both samples
 * have zero variance the test is degenerate: equal means give t = 0 and p = 1 (df = n_a + n_b − 2);
 * different means throw.
 *
 * @param a - The first sample.
 * @param b - The second sample.
 * @param options - `confidence` (default 0.95).
 * @throws {@link MetricsInputError} for fewer than 2 values, non-finite values, a negative standard
 *   deviation, a confidence outside (0, 1), or two constant samples with different means.
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
export function compareMeans(
  a: ArrayLike<number> | MeanSummary,
  b: ArrayLike<number> | MeanSummary,
  options?: CompareMeansOptions,
): MeanComparison {
  const o = optionsObject(options);
  const confidence = confidenceOption(o.confidence);
  const ma = summarize(a, "a");
  const mb = summarize(b, "b");
  const va = ma.variance / ma.n;
  const vb = mb.variance / mb.n;
  const difference = ma.mean - mb.mean;
  const standardError = Math.sqrt(va + vb);
  let t: number;
  let df: number;
  if (standardError > 0) {
    assertFiniteResult(standardError, "b", b);
    t = assertFiniteResult(difference / standardError, "b", b);
    // Welch-Satterthwaite, written with the variance shares so that it cannot overflow.
    const ra = va / (va + vb);
    const rb = vb / (va + vb);
    df = 1 / ((ra * ra) / (ma.n - 1) + (rb * rb) / (mb.n - 1));
  } else if (difference === 0) {
    t = 0;
    df = ma.n + mb.n - 2;
  } else {
    throw new MetricsInputError(
      "UNDEFINED_RESULT",
      "b",
      b,
      "a sample with some variance: both samples are constant with different means, so the t test is undefined",
    );
  }
  const pValue = Math.min(1, 2 * studentTCdfUnchecked(-Math.abs(t), df));
  const h = -studentTQuantileUnchecked((1 - confidence) / 2, df) * standardError;
  return {
    difference,
    standardError,
    t,
    df,
    pValue,
    interval: { lower: difference - h, upper: difference + h },
    significant: pValue < 1 - confidence,
    confidence,
  };
}
