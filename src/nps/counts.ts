import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import { assertTally, countInto, isTally, type Tally } from "../tally/tally.ts";
import { assertCount, assertScale, optionsObject } from "../validate.ts";
import { resolveBands, type NpsBands, type NpsScaleOptions } from "./classify.ts";

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
 * What every NPS function accepts: raw likelihood-to-recommend scores (an array or typed array),
 * the three group counts, or a {@link Tally} of scores per scale point.
 *
 * @category NPS
 */
export type NpsInput = ArrayLike<number> | NpsCounts | Tally;

function isNpsCounts(value: object): value is NpsCounts {
  return "promoters" in value || "passives" in value || "detractors" in value;
}

/**
 * Validated group counts of any NPS input, with at least one response.
 * @internal
 *
 * @category NPS
 */
export function npsCounts(input: NpsInput, options: NpsScaleOptions | undefined, argument = "input"): NpsCounts {
  if (typeof input !== "object" || input === null) {
    throw new MetricsTypeError(
      "INVALID_TYPE",
      argument,
      input,
      "an array of scores, a tally, or { promoters, passives, detractors }",
    );
  }
  let counts: NpsCounts;
  if (isTally(input)) {
    counts = countTally(assertTally(input, argument), options, argument);
  } else if (isNpsCounts(input)) {
    counts = {
      promoters: assertCount(input.promoters, `${argument}.promoters`),
      passives: assertCount(input.passives, `${argument}.passives`),
      detractors: assertCount(input.detractors, `${argument}.detractors`),
    };
  } else if (typeof (input as ArrayLike<number>).length === "number") {
    counts = countScores(input as ArrayLike<number>, resolveBands(options));
  } else {
    throw new MetricsTypeError(
      "INVALID_TYPE",
      argument,
      input,
      "an array of scores, a tally, or { promoters, passives, detractors }",
    );
  }
  if (counts.promoters + counts.passives + counts.detractors === 0) {
    throw new MetricsInputError("EMPTY_INPUT", argument, input, "at least one response");
  }
  return counts;
}

/** One pass counting raw scores per scale point, then the points sorted into the three groups. */
function countScores(scores: ArrayLike<number>, bands: NpsBands): NpsCounts {
  const counts = new Array<number>(bands.max - bands.min + 1).fill(0);
  countInto(scores, bands.min, bands.max, counts);
  return classifyCounts(counts, bands);
}

/** Counts per scale point (indexed from bands.min) into promoters, passives and detractors. */
function classifyCounts(counts: readonly number[], bands: NpsBands): NpsCounts {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let k = 0; k < counts.length; k++) {
    const s = bands.min + k;
    if (s >= bands.promoterFrom) promoters += counts[k]!;
    else if (s >= bands.passiveFrom) passives += counts[k]!;
    else detractors += counts[k]!;
  }
  return { promoters, passives, detractors };
}

function countTally(t: Tally, options: NpsScaleOptions | undefined, argument: string): NpsCounts {
  const o = optionsObject(options);
  const [min, max] = t.scale;
  const wanted = o.scale === undefined ? undefined : assertScale(o.scale, "options.scale");
  if (wanted !== undefined && (wanted[0] !== min || wanted[1] !== max)) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      `${argument}.scale`,
      t.scale,
      `the scale given in options.scale, [${wanted[0]}, ${wanted[1]}]`,
    );
  }
  return classifyCounts(t.counts, resolveBands(options, t.scale));
}
