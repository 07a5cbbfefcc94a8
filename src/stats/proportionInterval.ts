import { MetricsInputError } from "../errors.ts";
import { clip, symmetricInterval } from "../math.ts";
import {
  assertCount,
  assertCountAtLeast,
  assertOneOf,
  confidenceOption,
  optionsObject,
} from "../validate.ts";
import { betaQuantile } from "./beta.ts";
import { zForConfidence } from "./normal.ts";

/**
 * Methods of {@link proportionInterval}.
 *
 * @category Statistics
 */
export type ProportionIntervalMethod = "wald" | "wilson" | "agresti-coull" | "clopper-pearson" | "jeffreys";

/**
 * All methods {@link proportionInterval} accepts.
 *
 * @category Statistics
 */
export const PROPORTION_INTERVAL_METHODS: readonly ProportionIntervalMethod[] = [
  "wald",
  "wilson",
  "agresti-coull",
  "clopper-pearson",
  "jeffreys",
];

/**
 * Options for {@link proportionInterval}.
 *
 * @category Statistics
 */
export interface ProportionIntervalOptions {
  /** Confidence level, in (0, 1). Default 0.95. */
  confidence?: number;
  /** Default `"wilson"`. */
  method?: ProportionIntervalMethod;
}

/**
 * The result of {@link proportionInterval}: fractions in [0, 1].
 *
 * @category Statistics
 */
export interface ProportionInterval {
  /** successes / trials. */
  readonly estimate: number;
  /** Lower bound, in [0, 1]. */
  readonly lower: number;
  /** Upper bound, in [0, 1]. */
  readonly upper: number;
  /** The confidence level used. */
  readonly confidence: number;
  /** The method used. */
  readonly method: ProportionIntervalMethod;
}

/**
 * Bounds of a proportion interval for validated x of n at critical value z, as fractions.
 *
 * @category Statistics
 */
export function proportionBounds(
  x: number,
  n: number,
  confidence: number,
  method: ProportionIntervalMethod,
): { lower: number; upper: number } {
  const p = x / n;
  const alpha = 1 - confidence;
  switch (method) {
    case "wald": {
      const h = zForConfidence(confidence) * Math.sqrt((p * (1 - p)) / n);
      return symmetricInterval(p, h, 0, 1);
    }
    case "wilson": {
      const z = zForConfidence(confidence);
      const z2 = z * z;
      const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
      const h = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
      return { lower: x === 0 ? 0 : clip(centre - h, 0, 1), upper: x === n ? 1 : clip(centre + h, 0, 1) };
    }
    case "agresti-coull": {
      const z = zForConfidence(confidence);
      const nt = n + z * z;
      const pt = (x + (z * z) / 2) / nt;
      const h = z * Math.sqrt((pt * (1 - pt)) / nt);
      return symmetricInterval(pt, h, 0, 1);
    }
    case "clopper-pearson":
      // Beta quantiles: lower B(α/2; x, n − x + 1), upper B(1 − α/2; x + 1, n − x), the upper one
      // taken as 1 − B(α/2; n − x, x + 1) to keep its digits.
      return {
        lower: x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1),
        upper: x === n ? 1 : 1 - betaQuantile(alpha / 2, n - x, x + 1),
      };
    case "jeffreys":
      // Beta(x + ½, n − x + ½) posterior quantiles, with the bounds at x = 0 and x = n set to 0
      // and 1 as Brown, Cai & DasGupta (2001) recommend.
      return {
        lower: x === 0 ? 0 : betaQuantile(alpha / 2, x + 0.5, n - x + 0.5),
        upper: x === n ? 1 : 1 - betaQuantile(alpha / 2, n - x + 0.5, x + 0.5),
      };
  }
}

/**
 * Validate successes of trials; returns both.
 *
 * @category Statistics
 */
export function assertSuccesses(successes: unknown, trials: unknown, prefix = ""): [number, number] {
  const n = assertCountAtLeast(trials, `${prefix}trials`, 1);
  const x = assertCount(successes, `${prefix}successes`);
  if (x > n) throw new MetricsInputError("OUT_OF_RANGE", `${prefix}successes`, x, `at most ${prefix}trials (${n})`);
  return [x, n];
}

/**
 * A confidence interval for a proportion: `successes` out of `trials` (a share satisfied, a
 * response rate, a conversion rate), as fractions in [0, 1].
 *
 * Methods, with z the two-sided normal critical value and p = x/n:
 * - `"wilson"` (default): (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Good coverage at
 *   every n; Brown, Cai & DasGupta (2001) recommend it.
 * - `"wald"`: p ± z√(p(1−p)/n). Known to undercover for small n or p near 0 or 1.
 * - `"agresti-coull"`: the Wald formula on x + z²/2 of n + z².
 * - `"clopper-pearson"`: the exact interval from beta quantiles; at least the nominal coverage,
 *   wider than needed.
 * - `"jeffreys"`: the equal-tailed Beta(x + ½, n − x + ½) interval, with bound 0 at x = 0 and 1
 *   at x = n.
 * Bounds are clipped to [0, 1].
 *
 * @param successes - Whole number, 0 ≤ successes ≤ trials.
 * @param trials - Whole number ≥ 1.
 * @param options - `confidence` (default 0.95) and `method` (default `"wilson"`).
 * @returns `{ estimate, lower, upper, confidence, method }`, fractions.
 * @throws {@link MetricsInputError} for counts that are negative, fractional or successes > trials,
 *   zero trials, or a confidence outside (0, 1).
 * @throws {@link MetricsTypeError} for an unknown method.
 * @see L. D. Brown, T. T. Cai & A. DasGupta, "Interval Estimation for a Binomial Proportion",
 *   Statistical Science 16(2), 2001, 101-133.
 * @example
 * ```ts
 * import { proportionInterval } from "cxmetrics";
 * proportionInterval(42, 50); // { estimate: 0.84, lower: 0.7148..., upper: 0.9166..., confidence: 0.95, method: "wilson" }
 * proportionInterval(0, 20, { method: "clopper-pearson" }).upper; // 0.1684...
 * ```
 *
 * @category Statistics
 */
export function proportionInterval(
  successes: number,
  trials: number,
  options?: ProportionIntervalOptions,
): ProportionInterval {
  const o = optionsObject(options);
  const confidence = confidenceOption(o.confidence);
  const method = o.method === undefined ? "wilson" : assertOneOf(o.method, "options.method", PROPORTION_INTERVAL_METHODS);
  const [x, n] = assertSuccesses(successes, trials);
  const { lower, upper } = proportionBounds(x, n, confidence, method);
  return { estimate: x / n, lower, upper, confidence, method };
}
