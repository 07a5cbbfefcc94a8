import { symmetricInterval } from "../_lib/math.ts";
import { readOptions } from "../_lib/options.ts";
import { bandStart, DEFAULT_SCALES } from "../_lib/scales.ts";
import { countFrom, readScaleInput, tallyMoments } from "../_lib/tallies.ts";
import { confidenceOption } from "../_lib/validate.ts";
import { welch } from "../_lib/welch.ts";
import type { ScaleInput } from "../csat/csat.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import type { Estimate, Interval, MissingMode } from "../shapes.ts";
import type { MeanComparison } from "../stats/compareMeans.ts";
import { studentTQuantileUnchecked } from "../stats/studentT.ts";

const CES_SUMMARY_OPTIONS = ["scale", "higherIsEasier", "missing", "missingValues", "confidence", "agreeFrom"] as const;
const COMPARE_CES_OPTIONS = ["scale", "higherIsEasier", "missing", "missingValues", "confidence"] as const;

/**
 * Options for {@link ces}.
 *
 * @category CES
 */
export interface CesOptions {
  /** The response scale `[min, max]`. Default `[1, 7]`. */
  scale?: readonly [number, number];
  /**
   * Whether a high score means an easy experience ("The company made it easy…", agree = 7).
   * Default `true`. Set `false` for the older "How much effort…" wording where 1 is easiest.
   */
  higherIsEasier?: boolean;
  /** `"throw"` (default) on a missing response, or `"skip"` it and count it in `missing`. */
  missing?: MissingMode;
  /** Strings read as missing. Default `["NA", "N/A", "n/a", "-"]`; blanks are always missing. */
  missingValues?: readonly string[];
}

/**
 * Options for {@link cesSummary}.
 *
 * @category CES
 */
export interface CesSummaryOptions extends CesOptions {
  /** Confidence level of the interval, a fraction in (0, 1). Default 0.95. */
  confidence?: number;
  /**
   * The score from which a response counts as "easy" (agreeing). Default: the top third of the
   * scale on the easy side: 5 on 1-7 and 4 on 1-5, or 3 and 2 when `higherIsEasier` is false
   * (then responses at or below it count).
   */
  agreeFrom?: number;
}

/**
 * Options for {@link compareCes}.
 *
 * @category CES
 */
export interface CompareCesOptions extends CesOptions {
  /** Confidence level of the interval, and 1 − the significance level. Default 0.95. */
  confidence?: number;
}

/**
 * The result of {@link cesSummary}: an {@link Estimate} of the mean effort score, on the scale,
 * with a Student-t interval (`method: "t"`).
 *
 * @category CES
 */
export interface CesSummary extends Estimate<"t"> {
  /** Mean effort score, on the scale. */
  readonly estimate: number;
  /** Sample standard deviation (n − 1 denominator; 0 when n = 1). */
  readonly standardDeviation: number;
  /** Share of responses on the easy side of `agreeFrom`, a fraction. */
  readonly agreeShare: number;
  /** Missing values skipped (`missing: "skip"`); 0 otherwise. */
  readonly missing: number;
}

const CES_OPTIONS = ["scale", "higherIsEasier", "missing", "missingValues"] as const;

function higherIsEasierOf(o: Partial<CesOptions>): boolean {
  if (o.higherIsEasier === undefined) return true;
  if (typeof o.higherIsEasier !== "boolean") {
    throw new MetricsTypeError("INVALID_TYPE", "options.higherIsEasier", o.higherIsEasier, "true or false");
  }
  return o.higherIsEasier;
}

/**
 * Customer Effort Score: the mean response to the effort question, on its scale.
 *
 * CES = Σ responses / n. Read it with its direction: with the default `higherIsEasier: true`
 * (CES 2.0, "The company made it easy to handle my issue", 1-7) higher is better; with the
 * original wording ("How much effort did you personally have to put forth…") lower is better.
 *
 * @param responses - Raw responses, a {@link Tally}, or `{ counts }` per scale point.
 * @param options - `scale` (default `[1, 7]`), `higherIsEasier` (default `true`), `missing`, `missingValues`.
 * @returns The mean score, on the scale.
 * @throws {@link MetricsInputError} for no responses, a response off the scale, a missing response
 *   (unless `missing: "skip"`), or counts that are not whole numbers ≥ 0.
 * @throws {@link MetricsTypeError} for input of the wrong type or an unknown option.
 * @see M. Dixon, K. Freeman & N. Toman, "Stop Trying to Delight Your Customers", Harvard Business
 *   Review, July 2010; CEB (Gartner), CES 2.0 (2013).
 * @example
 * ```ts
 * import { ces } from "cxmetrics";
 * ces([7, 6, 5, 6, 3]); // 5.4
 * ```
 *
 * @category CES
 */
export function ces(responses: ScaleInput, options?: CesOptions): number {
  const o = readOptions(options, "ces", CES_OPTIONS);
  higherIsEasierOf(o);
  return tallyMoments(readScaleInput(responses, o, DEFAULT_SCALES.ces)).mean;
}

/**
 * CES with its uncertainty: an {@link Estimate} of the mean (its `estimate`), with the standard
 * deviation, a Student-t interval mean ± t_(1−α/2, n−1) · s/√n clipped to the scale
 * (`standardError` s/√n, `marginOfError` t·s/√n), and the share of responses on the easy side
 * (at or above `agreeFrom`, or at or below it when `higherIsEasier` is false).
 *
 * With one response the standard deviation is 0 and the interval is the whole scale: one answer
 * says nothing about the spread (`marginOfError` is then half the scale's width).
 *
 * @param responses - Raw responses, a {@link Tally}, or `{ counts }` per scale point.
 * @param options - `scale`, `higherIsEasier`, `missing`, `missingValues`, `confidence` (default 0.95), `agreeFrom`.
 * @returns `{ estimate, n, standardError, marginOfError, interval, confidence, method, standardDeviation, agreeShare, missing }`.
 * @throws {@link MetricsInputError} as {@link ces}, and for a confidence outside (0, 1) or
 *   `agreeFrom` off the scale.
 * @throws {@link MetricsTypeError} for an unknown option.
 * @see Student (1908), "The probable error of a mean", Biometrika 6(1), 1-25.
 * @example
 * ```ts
 * import { cesSummary } from "cxmetrics";
 * const s = cesSummary([7, 6, 5, 6, 3, 6, 7, 5]);
 * s.estimate; // 5.625
 * s.agreeShare; // 0.875 (7 of 8 at 5 or above)
 * ```
 *
 * @category CES
 */
export function cesSummary(responses: ScaleInput, options?: CesSummaryOptions): CesSummary {
  const o = readOptions(options, "cesSummary", CES_SUMMARY_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  const easyHigh = higherIsEasierOf(o);
  const t = readScaleInput(responses, o, DEFAULT_SCALES.ces);
  const [min, max] = t.scale;
  const third = Math.floor((max - min) / 3);
  const agreeFrom = bandStart(o.agreeFrom, easyHigh ? max - third : min + third, "options.agreeFrom", min, max, true);
  const { mean, variance, n } = tallyMoments(t);
  const standardDeviation = Math.sqrt(variance);
  const standardError = standardDeviation / Math.sqrt(n);
  let interval: Interval;
  let marginOfError: number;
  if (n < 2) {
    interval = { lower: min, upper: max };
    marginOfError = (max - min) / 2;
  } else {
    marginOfError = -studentTQuantileUnchecked((1 - confidence) / 2, n - 1) * standardError;
    interval = symmetricInterval(mean, marginOfError, min, max);
  }
  return {
    estimate: mean,
    n,
    standardError,
    marginOfError,
    interval,
    confidence,
    method: "t",
    standardDeviation,
    agreeShare: countFrom(t, agreeFrom, !easyHigh) / n,
    missing: t.missing ?? 0,
  };
}

/**
 * Compares the mean effort score of two independent samples, a − b, with Welch's t test (as
 * {@link compareMeans}): a {@link Comparison} in scale points, `statistic` t, with `df`. Each
 * sample is raw responses, a {@link Tally} or `{ counts }`, read with the same options.
 *
 * @param a - The first sample (at least 2 responses).
 * @param b - The second sample (at least 2 responses).
 * @param options - `scale`, `higherIsEasier`, `missing`, `missingValues`, `confidence` (default 0.95).
 * @throws {@link MetricsInputError} as {@link ces} for either sample, for a sample of one response,
 *   or for two constant samples with different means.
 * @throws {@link MetricsTypeError} for an unknown option.
 * @see B. L. Welch, Biometrika 34 (1947), 28-35.
 * @example
 * ```ts
 * import { compareCes } from "cxmetrics";
 * compareCes([6, 7, 5, 6, 7], [4, 5, 3, 5, 4]).difference; // 2
 * ```
 *
 * @category CES
 */
export function compareCes(a: ScaleInput, b: ScaleInput, options?: CompareCesOptions): MeanComparison {
  const o = readOptions(options, "compareCes", COMPARE_CES_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  higherIsEasierOf(o);
  const ma = tallyMoments(readScaleInput(a, o, DEFAULT_SCALES.ces, "a"));
  const mb = tallyMoments(readScaleInput(b, o, DEFAULT_SCALES.ces, "b"));
  for (const [m, name] of [
    [ma, "a"],
    [mb, "b"],
  ] as const) {
    if (m.n < 2) throw new MetricsInputError("OUT_OF_RANGE", name, m.n, "a sample of at least 2 responses");
  }
  return welch(ma, mb, confidence, "b", b);
}
