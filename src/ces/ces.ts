import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import { symmetricInterval } from "../math.ts";
import { studentTQuantileUnchecked } from "../stats/studentT.ts";
import { countFrom, tallyMoments, toTally, type ScaleInput } from "../tally/scaleInput.ts";
import type { Interval } from "../types.ts";
import { assertFinite, confidenceOption, optionsObject } from "../validate.ts";

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
}

/**
 * Options for {@link cesSummary}.
 *
 * @category CES
 */
export interface CesSummaryOptions extends CesOptions {
  /** Confidence level of the interval, in (0, 1). Default 0.95. */
  confidence?: number;
  /**
   * The score from which a response counts as "easy" (agreeing). Default: the top third of the
   * scale on the easy side: 5 on 1-7 and 4 on 1-5, or 3 and 2 when `higherIsEasier` is false
   * (then responses at or below it count).
   */
  agreeFrom?: number;
}

/**
 * The result of {@link cesSummary}.
 *
 * @category CES
 */
export interface CesSummary {
  /** Mean effort score, on the scale. */
  readonly mean: number;
  /** Sample standard deviation (n − 1 denominator; 0 when n = 1). */
  readonly standardDeviation: number;
  /** Number of responses. */
  readonly n: number;
  /** Student-t interval on the mean, clipped to the scale; the whole scale when n = 1. */
  readonly interval: Interval;
  /** Share of responses on the easy side of `agreeFrom`, a fraction. */
  readonly agreeShare: number;
  /** The confidence level used. */
  readonly confidence: number;
}

const DEFAULT_SCALE: readonly [number, number] = [1, 7];

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
 * @param options - `scale` (default `[1, 7]`), `higherIsEasier` (default `true`).
 * @returns The mean score, on the scale.
 * @throws {@link MetricsInputError} for no responses, a response off the scale, or counts that are
 *   not whole numbers ≥ 0.
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
  const o = optionsObject(options);
  higherIsEasierOf(o);
  return tallyMoments(toTally(responses, o.scale, DEFAULT_SCALE)).mean;
}

/**
 * CES with its uncertainty: mean, standard deviation, a Student-t interval on the mean
 * (mean ± t_(1−α/2, n−1) · s/√n, clipped to the scale), and the share of responses on the easy
 * side (at or above `agreeFrom`, or at or below it when `higherIsEasier` is false).
 *
 * With one response the standard deviation is 0 and the interval is the whole scale: one answer
 * says nothing about the spread.
 *
 * @param responses - Raw responses, a {@link Tally}, or `{ counts }` per scale point.
 * @param options - `scale`, `higherIsEasier`, `confidence` (default 0.95), `agreeFrom`.
 * @returns `{ mean, standardDeviation, n, interval, agreeShare, confidence }`.
 * @throws {@link MetricsInputError} as {@link ces}, and for a confidence outside (0, 1) or
 *   `agreeFrom` off the scale.
 * @see Student (1908), "The probable error of a mean", Biometrika 6(1), 1-25.
 * @example
 * ```ts
 * import { cesSummary } from "cxmetrics";
 * const s = cesSummary([7, 6, 5, 6, 3, 6, 7, 5]);
 * s.mean; // 5.625
 * s.agreeShare; // 0.875 (7 of 8 at 5 or above)
 * ```
 *
 * @category CES
 */
export function cesSummary(responses: ScaleInput, options?: CesSummaryOptions): CesSummary {
  const o = optionsObject(options);
  const confidence = confidenceOption(o.confidence);
  const easyHigh = higherIsEasierOf(o);
  const t = toTally(responses, o.scale, DEFAULT_SCALE);
  const [min, max] = t.scale;
  const third = Math.floor((max - min) / 3);
  const agreeFrom = o.agreeFrom === undefined ? (easyHigh ? max - third : min + third) : assertFinite(o.agreeFrom, "options.agreeFrom");
  if (agreeFrom < min || agreeFrom > max) {
    throw new MetricsInputError("OUT_OF_RANGE", "options.agreeFrom", agreeFrom, `a score on the scale [${min}, ${max}]`);
  }
  const { mean, variance, n } = tallyMoments(t);
  const standardDeviation = Math.sqrt(variance);
  let interval: Interval;
  if (n < 2) {
    interval = { lower: min, upper: max };
  } else {
    const h = -studentTQuantileUnchecked((1 - confidence) / 2, n - 1) * (standardDeviation / Math.sqrt(n));
    interval = symmetricInterval(mean, h, min, max);
  }
  return { mean, standardDeviation, n, interval, agreeShare: countFrom(t, agreeFrom, !easyHigh) / n, confidence };
}
