import { MetricsInputError } from "../errors.ts";
import { proportionBounds, PROPORTION_INTERVAL_METHODS, type ProportionIntervalMethod } from "../stats/proportionInterval.ts";
import { countFrom, tallyMoments, toTally, type ScaleInput } from "../tally/scaleInput.ts";
import type { Tally } from "../tally/tally.ts";
import type { Interval } from "../types.ts";
import { assertFinite, assertOneOf, confidenceOption, optionsObject } from "../validate.ts";

/**
 * Options for {@link csat}.
 *
 * @category CSAT
 */
export interface CsatOptions {
  /** The response scale `[min, max]`. Default `[1, 5]`. */
  scale?: readonly [number, number];
  /** The lowest score counted as satisfied. Default: the top two boxes, `max − 1` (4 on 1-5). */
  satisfiedFrom?: number;
}

/**
 * Options for {@link csatSummary}.
 *
 * @category CSAT
 */
export interface CsatSummaryOptions extends CsatOptions {
  /** Confidence level of the interval, in (0, 1). Default 0.95. */
  confidence?: number;
  /** Interval method for the share satisfied (see {@link proportionInterval}). Default `"wilson"`. */
  method?: ProportionIntervalMethod;
}

/**
 * The result of {@link csatSummary}.
 *
 * @category CSAT
 */
export interface CsatSummary {
  /** Share of responses satisfied, a fraction in [0, 1]. */
  readonly score: number;
  /** Number of responses. */
  readonly n: number;
  /** Number of satisfied responses. */
  readonly satisfied: number;
  /** Mean response, on the scale. */
  readonly mean: number;
  /** Interval for the share satisfied, fractions. */
  readonly interval: Interval;
  /** The confidence level used. */
  readonly confidence: number;
  /** The interval method used. */
  readonly method: ProportionIntervalMethod;
}

const DEFAULT_SCALE: readonly [number, number] = [1, 5];

function resolve(responses: ScaleInput, o: Partial<CsatOptions>): { t: Tally; satisfiedFrom: number } {
  const t = toTally(responses, o.scale, DEFAULT_SCALE);
  const [min, max] = t.scale;
  const satisfiedFrom = o.satisfiedFrom === undefined ? max - 1 : assertFinite(o.satisfiedFrom, "options.satisfiedFrom");
  if (!(satisfiedFrom > min && satisfiedFrom <= max)) {
    throw new MetricsInputError("OUT_OF_RANGE", "options.satisfiedFrom", satisfiedFrom, `a score in (${min}, ${max}]`);
  }
  return { t, satisfiedFrom };
}

/**
 * Customer Satisfaction Score: the share of responses at or above `satisfiedFrom` (the "top-2
 * box" on a 1-5 scale: 4 and 5), a fraction in [0, 1].
 *
 * CSAT = #(response ≥ satisfiedFrom) / n. Some vendors report the mean rating instead; that is
 * the `mean` of {@link csatSummary}.
 *
 * @param responses - Raw responses, a {@link Tally}, or `{ counts }` per scale point.
 * @param options - `scale` (default `[1, 5]`), `satisfiedFrom` (default `max − 1`).
 * @returns The share satisfied, a fraction.
 * @throws {@link MetricsInputError} for no responses, a response off the scale, counts that are not
 *   whole numbers ≥ 0, or `satisfiedFrom` outside (min, max].
 * @see ACSI methodology; Qualtrics, "What is CSAT" (top-2-box definition).
 * @example
 * ```ts
 * import { csat } from "cxmetrics";
 * csat([5, 4, 3, 5, 2]); // 0.6
 * csat({ counts: [2, 3, 10, 40, 45] }); // 0.85 (counts for 1..5)
 * ```
 *
 * @category CSAT
 */
export function csat(responses: ScaleInput, options?: CsatOptions): number {
  const { t, satisfiedFrom } = resolve(responses, optionsObject(options));
  const { n } = tallyMoments(t);
  return countFrom(t, satisfiedFrom) / n;
}

/**
 * CSAT with its confidence interval: the share satisfied, the count, the mean rating, and a
 * Wilson interval on the share (or another {@link proportionInterval} method).
 *
 * @param responses - Raw responses, a {@link Tally}, or `{ counts }` per scale point.
 * @param options - `scale`, `satisfiedFrom`, `confidence` (default 0.95), `method` (default `"wilson"`).
 * @returns `{ score, n, satisfied, mean, interval, confidence, method }`; score and interval are
 *   fractions, mean is on the scale.
 * @throws {@link MetricsInputError} as {@link csat}, and for a confidence outside (0, 1).
 * @see E. B. Wilson, "Probable inference, the law of succession, and statistical inference",
 *   JASA 22 (1927), 209-212.
 * @example
 * ```ts
 * import { csatSummary } from "cxmetrics";
 * csatSummary({ counts: [2, 3, 10, 40, 45] }).interval; // { lower: 0.7671..., upper: 0.9069... }
 * ```
 *
 * @category CSAT
 */
export function csatSummary(responses: ScaleInput, options?: CsatSummaryOptions): CsatSummary {
  const o = optionsObject(options);
  const confidence = confidenceOption(o.confidence);
  const method = o.method === undefined ? "wilson" : assertOneOf(o.method, "options.method", PROPORTION_INTERVAL_METHODS);
  const { t, satisfiedFrom } = resolve(responses, o);
  const { mean, n } = tallyMoments(t);
  const satisfied = countFrom(t, satisfiedFrom);
  return {
    score: satisfied / n,
    n,
    satisfied,
    mean,
    interval: proportionBounds(satisfied, n, confidence, method),
    confidence,
    method,
  };
}
