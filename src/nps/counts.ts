import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import { assertTally, invalidScore, isTally, type Tally } from "../tally/tally.ts";
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

/** One pass over raw scores, classifying as it goes: no intermediate arrays. */
function countScores(scores: ArrayLike<number>, bands: NpsBands): NpsCounts {
  const { min, max, promoterFrom, passiveFrom } = bands;
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    if (s >= min && s <= max && s === Math.floor(s)) {
      if (s >= promoterFrom) promoters++;
      else if (s >= passiveFrom) passives++;
      else detractors++;
    } else {
      throw invalidScore(scores, i, min, max);
    }
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
  const bands = resolveBands(options, t.scale);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let s = min; s <= max; s++) {
    const c = t.counts[s - min]!;
    if (s >= bands.promoterFrom) promoters += c;
    else if (s >= bands.passiveFrom) passives += c;
    else detractors += c;
  }
  return { promoters, passives, detractors };
}
