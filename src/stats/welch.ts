// Welch's two-sample t comparison from moments, shared by compareMeans, compareCes and the
// reports. Internal.

import { assertFiniteResult } from "../_lib/core/validate.ts";
import type { Moments } from "../_lib/count/moments.ts";
import { MetricsInputError } from "../errors.ts";
import type { Comparison } from "../types.ts";
import { studentTCdfUnchecked, studentTQuantileUnchecked } from "./studentT.ts";

/** Welch's t test and interval for ma − mb; `blame` names the argument for overflow errors. */
export function welch(ma: Moments, mb: Moments, confidence: number, blame: string, value: unknown): MeanComparison {
  const va = ma.variance / ma.n;
  const vb = mb.variance / mb.n;
  const difference = ma.mean - mb.mean;
  const standardError = Math.sqrt(va + vb);
  let statistic: number;
  let df: number;
  if (standardError > 0) {
    assertFiniteResult(standardError, blame, value);
    statistic = assertFiniteResult(difference / standardError, blame, value);
    // Welch-Satterthwaite, written with the variance shares so that it cannot overflow.
    const ra = va / (va + vb);
    const rb = vb / (va + vb);
    df = 1 / ((ra * ra) / (ma.n - 1) + (rb * rb) / (mb.n - 1));
  } else if (difference === 0) {
    statistic = 0;
    df = ma.n + mb.n - 2;
  } else {
    throw new MetricsInputError(
      "UNDEFINED_RESULT",
      blame,
      value,
      "a sample with some variance: both samples are constant with different means, so the t test is undefined",
    );
  }
  const pValue = Math.min(1, 2 * studentTCdfUnchecked(-Math.abs(statistic), df));
  const h = -studentTQuantileUnchecked((1 - confidence) / 2, df) * standardError;
  return {
    difference,
    standardError,
    statistic,
    pValue,
    interval: { lower: difference - h, upper: difference + h },
    significant: pValue < 1 - confidence,
    confidence,
    method: "welch",
    df,
  };
}

/**
 * The result of {@link compareMeans}: a {@link Comparison} in the units of the values, whose
 * `statistic` is Welch's t, with its degrees of freedom.
 *
 * @category Statistics
 */
export interface MeanComparison extends Comparison<"welch"> {
  /** Welch-Satterthwaite degrees of freedom (fractional). */
  readonly df: number;
}
