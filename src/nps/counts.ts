// Any NPS input (raw scores, group counts, a tally) as validated group counts. Internal.

import { clip } from "../_lib/core/math.ts";
import { assertKnownKeys } from "../_lib/core/options.ts";
import { assertCount, assertExactTotal } from "../_lib/core/validate.ts";
import { NO_WEIGHTS, readScaleInput, type Weights } from "../_lib/count/tallies.ts";
import { isWeighted, type WeightedMean, type WeightedTally, weightedMean } from "../_lib/count/weighted.ts";
import { bandStart, DEFAULT_SCALES, type Scale, scaleOption } from "../_lib/read/scales.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import type { MissingMode } from "../types.ts";

/** The option names every NPS function shares. */
export const NPS_SCALE_OPTIONS = ["scale", "promoterFrom", "passiveFrom", "missing", "missingValues"] as const;

/** The reading options of the functions that take raw scores alone (not comparisons, not migration). */
export const NPS_READ_OPTIONS = [...NPS_SCALE_OPTIONS, "onInvalid"] as const;

/** The argument names of the three counts, written once per argument (no string built per call). */
function countNames(argument: string): readonly [string, string, string] {
  return [`${argument}.promoters`, `${argument}.passives`, `${argument}.detractors`];
}
const COUNT_NAMES: Record<string, readonly [string, string, string]> = {
  input: countNames("input"),
  a: countNames("a"),
  b: countNames("b"),
};

/** Validated scale and bands. */
export interface NpsBands {
  readonly min: number;
  readonly max: number;
  readonly promoterFrom: number;
  readonly passiveFrom: number;
}

/** Validate scale and band options once, at the boundary; `scale` overrides the option's. */
export function resolveBands(o: Partial<NpsScaleOptions>, scale?: Scale): NpsBands {
  const [min, max] = scale ?? scaleOption(o.scale, DEFAULT_SCALES.nps);
  const promoterFrom = bandStart(o.promoterFrom, 9, "options.promoterFrom", min, max);
  const passiveFrom = bandStart(o.passiveFrom, 7, "options.passiveFrom", min, promoterFrom);
  return { min, max, promoterFrom, passiveFrom };
}

/** Group counts and the missing and invalid values skipped on the way; for weighted input, its tally and bands. */
export interface ValidNpsCounts extends NpsCounts {
  readonly missing: number;
  readonly invalid: number;
  readonly weighted?: WeightedNpsInput;
}

/** A weighted NPS input: the weighted tally and the bands to read it with. */
export interface WeightedNpsInput {
  readonly tally: WeightedTally;
  readonly bands: NpsBands;
}

/** The weighted NPS (the mean of the +100/0/−100 scores) and the weighted group shares. */
export interface WeightedNps extends WeightedMean {
  readonly shares: NpsCounts;
}

/**
 * Validated group counts of any NPS input, with at least one response: the three group counts,
 * or anything a scale metric takes (raw scores, a tally, `{ counts }`) classified by the bands.
 */
export function npsCounts(input: unknown, o: Partial<NpsScaleOptions>, argument: string, weights = NO_WEIGHTS): ValidNpsCounts {
  if (typeof input === "object" && input !== null && ("promoters" in input || "passives" in input || "detractors" in input)) {
    if (weights.value !== undefined) throw weightsWithCounts(weights);
    return groupCounts(input, argument);
  }
  return scaleCounts(input, o, argument, weights);
}

/** `{ promoters, passives, detractors }` checked: known fields, whole counts, at least one response. Small, to stay inlined. */
function groupCounts(input: object, argument: string): ValidNpsCounts {
  assertKnownKeys(input, argument, COUNT_FIELDS, "a field of NPS counts");
  const c = input as Partial<NpsCounts>;
  const names = COUNT_NAMES[argument] ?? countNames(argument);
  const counts: ValidNpsCounts = {
    promoters: assertCount(c.promoters, names[0]),
    passives: assertCount(c.passives, names[1]),
    detractors: assertCount(c.detractors, names[2]),
    missing: 0,
    invalid: 0,
    weighted: undefined,
  };
  const total = counts.promoters + counts.passives + counts.detractors;
  if (total === 0) throw new MetricsInputError("EMPTY_INPUT", argument, input, "at least one response");
  assertExactTotal(total, argument, input);
  return counts;
}

const COUNT_FIELDS = ["promoters", "passives", "detractors"];

/** The error for weights given with group counts. */
function weightsWithCounts(weights: Weights): Error {
  return new MetricsTypeError(
    "INVALID_TYPE",
    weights.argument,
    weights.value,
    "left out with group counts: weights go one per raw response, and a weighted tally (tally(scores, { scale, weights })) carries its own",
  );
}

/** Raw scores, a tally or `{ counts }` classified by the bands; weighted input keeps its tally. */
function scaleCounts(input: unknown, o: Partial<NpsScaleOptions>, argument: string, weights: Weights): ValidNpsCounts {
  const t = readScaleInput(input, o, DEFAULT_SCALES.nps, argument, weights);
  const bands = resolveBands(o, t.scale);
  const counts = classifyCounts(t.counts, bands, t.missing ?? 0, t.invalid ?? 0);
  return isWeighted(t) ? { ...counts, weighted: { tally: t, bands } } : counts;
}

/** The +100/0/−100 score of a point on the scale. */
export function npsValue(score: number, bands: NpsBands): number {
  return score >= bands.promoterFrom ? 100 : score >= bands.passiveFrom ? 0 : -100;
}

/** The weighted NPS alone: 100 (Σw promoters − Σw detractors) / Σw. */
export function weightedNpsEstimate({ tally, bands }: WeightedNpsInput): number {
  const g = classifyCounts(tally.weights, bands, 0, 0);
  return clip((100 * (g.promoters - g.detractors)) / (g.promoters + g.passives + g.detractors), -100, 100);
}

/** The weighted NPS with its linearised standard error and Kish's effective n. */
export function weightedNps({ tally, bands }: WeightedNpsInput): WeightedNps {
  const mean = weightedMean(tally, (s) => npsValue(s, bands));
  const groups = classifyCounts(tally.weights, bands, 0, 0);
  const total = groups.promoters + groups.passives + groups.detractors;
  return {
    ...mean,
    shares: { promoters: groups.promoters / total, passives: groups.passives / total, detractors: groups.detractors / total },
  };
}

/**
 * Counts as many as the effective sample size holds: each group's weighted share of Kish's
 * effective n. The adjusted-Wald and score intervals take these for weighted input.
 */
export function effectiveCounts(w: WeightedNps): NpsCounts {
  return {
    promoters: w.shares.promoters * w.effectiveN,
    passives: w.shares.passives * w.effectiveN,
    detractors: w.shares.detractors * w.effectiveN,
  };
}

/** Counts per scale point (indexed from bands.min) into promoters, passives and detractors. */
function classifyCounts(counts: readonly number[], bands: NpsBands, missing: number, invalid: number): ValidNpsCounts {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let k = 0; k < counts.length; k++) {
    const s = bands.min + k;
    if (s >= bands.promoterFrom) promoters += counts[k]!;
    else if (s >= bands.passiveFrom) passives += counts[k]!;
    else detractors += counts[k]!;
  }
  return { promoters, passives, detractors, missing, invalid, weighted: undefined };
}

/**
 * Numbers of promoters, passives and detractors.
 *
 * @category NPS
 */
export interface NpsCounts {
  /** Responses at or above `promoterFrom` (9-10 on the standard scale). */
  readonly promoters: number;
  /** Responses from `passiveFrom` up to `promoterFrom` (7-8). */
  readonly passives: number;
  /** Responses below `passiveFrom` (0-6). */
  readonly detractors: number;
}

/**
 * How likelihood-to-recommend scores are read: the scale, where its groups begin, and what to do
 * with missing values. The default is the standard 0-10 question: detractors 0-6, passives 7-8,
 * promoters 9-10.
 *
 * @category NPS
 */
export interface NpsScaleOptions {
  /** The response scale `[min, max]` of whole numbers. Default `[0, 10]`; some teams ask 1-10. */
  scale?: readonly [number, number];
  /** The lowest score counted as a promoter. Default 9. */
  promoterFrom?: number;
  /** The lowest score counted as a passive; scores below it are detractors. Default 7. */
  passiveFrom?: number;
  /**
   * `"throw"` (default) on a missing score (`null`, `undefined`, `NaN`, a blank string or one of
   * `missingValues`), or `"skip"` it and count it in the summary's `missing`.
   */
  missing?: MissingMode;
  /** Strings read as missing. Default `["NA", "N/A", "n/a", "-"]`; blank strings are always missing. */
  missingValues?: readonly string[];
}
