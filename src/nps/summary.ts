import { symmetricInterval } from "../math.ts";
import { zForConfidence } from "../stats/normal.ts";
import { assertOneOf, confidenceOption, optionsObject } from "../validate.ts";
import type { Interval } from "../types.ts";
import type { NpsScaleOptions } from "./classify.ts";
import { npsCounts, type NpsInput } from "./counts.ts";
import {
  adjustedNpsMoments,
  tangoInterval,
  waldNpsMoments,
  type NpsIntervalMethod,
} from "./interval.ts";

export type { NpsIntervalMethod } from "./interval.ts";

/**
 * The interval methods {@link npsSummary} accepts.
 *
 * @category NPS
 */
export const NPS_INTERVAL_METHODS: readonly NpsIntervalMethod[] = ["wald", "adjusted-wald", "score"];

/**
 * Options for {@link npsSummary}.
 *
 * @category NPS
 */
export interface NpsSummaryOptions extends NpsScaleOptions {
  /** Confidence level of the interval, in (0, 1). Default 0.95. */
  confidence?: number;
  /** Interval method. Default `"adjusted-wald"`. */
  method?: NpsIntervalMethod;
}

/**
 * The result of {@link npsSummary}. Scores, errors and bounds are in points.
 *
 * @category NPS
 */
export interface NpsSummary {
  /** The observed NPS, in points (−100..100). */
  readonly score: number;
  /** Number of responses. */
  readonly n: number;
  /** Number of promoters. */
  readonly promoters: number;
  /** Number of passives. */
  readonly passives: number;
  /** Number of detractors. */
  readonly detractors: number;
  /** Each group's share of responses, fractions summing to 1. */
  readonly shares: NpsShares;
  /** Variance of one response's −100/0/+100 score, in points², as the method estimates it. */
  readonly variance: number;
  /** Standard error of the score, in points, as the method estimates it. */
  readonly standardError: number;
  /** Half the width of the unclipped interval, in points. */
  readonly marginOfError: number;
  /** Confidence interval, in points, clipped to [−100, 100]. */
  readonly interval: Interval;
  /** The confidence level used. */
  readonly confidence: number;
  /** The interval method used. */
  readonly method: NpsIntervalMethod;
}

/**
 * Shares of responses per NPS group, fractions in [0, 1] summing to 1.
 *
 * @category NPS
 */
export interface NpsShares {
  /** Share of promoters. */
  readonly promoters: number;
  /** Share of passives. */
  readonly passives: number;
  /** Share of detractors. */
  readonly detractors: number;
}

/**
 * The Net Promoter Score with everything needed to judge it: counts, shares, variance, standard
 * error, margin of error and a confidence interval, all in points.
 *
 * Each response scores +100 (promoter), 0 (passive) or −100 (detractor); NPS is their mean.
 * With shares p (promoters) and d (detractors), the variance of one response is
 * 10⁴ · (p + d − (p − d)²) points². Methods:
 *
 * - `"adjusted-wald"` (default): add ¾ promoter, 1½ passives and ¾ detractor (n + 3), then
 *   centre ± z·√(var/(n + 3)) on the adjusted score. Rocks (2016) found it the most accurate
 *   across sample sizes, and Lewis & Sauro (2021) confirmed it on real survey data.
 * - `"wald"`: score ± z·√(var/n). Poor for small n or extreme shares; included for comparison.
 * - `"score"`: Tango's (1998) score interval, which treats NPS as a difference of two
 *   proportions from one sample; solved numerically to 1e-12 points. `variance` and
 *   `standardError` are then the plain (Wald) ones and `marginOfError` half the interval width.
 *
 * All bounds are clipped to [−100, 100]. `variance`, `standardError` and `marginOfError` are
 * those of the method (adjusted ones for `"adjusted-wald"`); `score` is always the observed NPS.
 *
 * @param input - Raw scores, `{ promoters, passives, detractors }` or a {@link Tally}.
 * @param options - `confidence` (default 0.95), `method` (default `"adjusted-wald"`), and the
 *   scale options of {@link classifyNps}.
 * @throws {@link MetricsInputError} for no responses, an invalid score or count, or a confidence
 *   outside (0, 1).
 * @throws {@link MetricsTypeError} for an unknown method or input of the wrong type.
 * @see B. Rocks, "Interval Estimation for the Net Promoter Score", The American Statistician
 *   70(4), 2016, 365-372, doi:10.1080/00031305.2016.1158732.
 * @see T. Tango, "Equivalence test and confidence interval for the difference in proportions for
 *   the paired-sample design", Statistics in Medicine 17, 1998, 891-908.
 * @example
 * ```ts
 * import { npsSummary } from "cxmetrics";
 * const s = npsSummary({ promoters: 60, passives: 25, detractors: 15 });
 * s.score; // 45
 * s.interval; // { lower: 29.34..., upper: 58.03... } (adjusted-Wald, 95%)
 * npsSummary([10, 9, 7, 3], { method: "wald", confidence: 0.9 }).marginOfError;
 * ```
 *
 * @category NPS
 */
export function npsSummary(input: NpsInput, options?: NpsSummaryOptions): NpsSummary {
  const o = optionsObject(options);
  const confidence = confidenceOption(o.confidence);
  const method = o.method === undefined ? "adjusted-wald" : assertOneOf(o.method, "options.method", NPS_INTERVAL_METHODS);
  const counts = npsCounts(input, options);
  const { promoters, passives, detractors } = counts;
  const n = promoters + passives + detractors;
  const z = zForConfidence(confidence);
  const observed = waldNpsMoments(counts);

  let variance: number;
  let standardError: number;
  let marginOfError: number;
  let interval: Interval;
  if (method === "score") {
    variance = observed.variance;
    standardError = Math.sqrt(variance / n);
    const t = tangoInterval(counts, z);
    interval = { lower: 100 * t.lower, upper: 100 * t.upper };
    marginOfError = (interval.upper - interval.lower) / 2;
  } else {
    const m = method === "wald" ? observed : adjustedNpsMoments(counts);
    variance = m.variance;
    standardError = Math.sqrt(m.variance / m.n);
    marginOfError = z * standardError;
    interval = symmetricInterval(m.centre, marginOfError, -100, 100);
  }
  return {
    score: observed.centre,
    n,
    promoters,
    passives,
    detractors,
    shares: { promoters: promoters / n, passives: passives / n, detractors: detractors / n },
    variance,
    standardError,
    marginOfError,
    interval,
    confidence,
    method,
  };
}
