import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import { assertCount, assertScale } from "../validate.ts";
import { assertTally, countInto, isTally, type Tally } from "./tally.ts";

/**
 * What the scale-based metrics (CSAT, CES) accept: raw responses (an array or typed array of
 * whole numbers on the scale), a {@link Tally}, or `{ counts }`, the number of responses at
 * each scale point from the lowest up, on the scale given in the options.
 *
 * @category Tallies
 */
export type ScaleInput = ArrayLike<number> | Tally | ScaleCounts;

/**
 * Responses per scale point, lowest point first, on the scale given in the options.
 *
 * @category Tallies
 */
export interface ScaleCounts {
  /** `counts[i]` responses scored `min + i`; one whole number ≥ 0 per scale point. */
  readonly counts: ArrayLike<number>;
}

/**
 * Any scale input as a validated tally with at least one response.
 * `scaleOption` is the caller's `options.scale` (undefined if not given).
 * @internal
 *
 * @category Tallies
 */
export function toTally(
  input: ScaleInput,
  scaleOption: unknown,
  defaultScale: readonly [number, number],
  argument = "responses",
): Tally {
  if (typeof input !== "object" || input === null) {
    throw new MetricsTypeError("INVALID_TYPE", argument, input, "an array of responses, a tally, or { counts }");
  }
  const scale = scaleOption === undefined ? undefined : assertScale(scaleOption, "options.scale");
  let result: Tally;
  if (isTally(input)) {
    result = assertTally(input, argument);
    if (scale !== undefined && (scale[0] !== result.scale[0] || scale[1] !== result.scale[1])) {
      throw new MetricsInputError("OUT_OF_RANGE", `${argument}.scale`, result.scale, `options.scale, [${scale[0]}, ${scale[1]}]`);
    }
  } else {
    const [min, max] = scale ?? defaultScale;
    if ("counts" in input && typeof (input as { counts?: unknown }).counts === "object") {
      const given = (input as { counts: ArrayLike<number> }).counts;
      if (given.length !== max - min + 1) {
        throw new MetricsInputError(
          "OUT_OF_RANGE",
          `${argument}.counts.length`,
          given.length,
          `${max - min + 1}, one count per point of the scale [${min}, ${max}]`,
        );
      }
      const counts: number[] = [];
      for (let i = 0; i < given.length; i++) counts.push(assertCount(given[i], `${argument}.counts[${i}]`));
      result = { scale: [min, max], counts };
    } else if (typeof (input as ArrayLike<number>).length === "number") {
      const counts = new Array<number>(max - min + 1).fill(0);
      countInto(input as ArrayLike<number>, min, max, counts);
      result = { scale: [min, max], counts };
    } else {
      throw new MetricsTypeError("INVALID_TYPE", argument, input, "an array of responses, a tally, or { counts }");
    }
  }
  if (tallyTotal(result) === 0) throw new MetricsInputError("EMPTY_INPUT", argument, input, "at least one response");
  return result;
}

/**
 * The number of responses in a tally.
 *
 * @category Tallies
 */
export function tallyTotal(t: Tally): number {
  let n = 0;
  for (let i = 0; i < t.counts.length; i++) n += t.counts[i]!;
  return n;
}

/**
 * Mean and unbiased variance (0 for n = 1) of the scores a tally holds, two-pass.
 *
 * @category Tallies
 */
export function tallyMoments(t: Tally): { mean: number; variance: number; n: number } {
  const min = t.scale[0];
  let n = 0;
  let sum = 0;
  for (let i = 0; i < t.counts.length; i++) {
    n += t.counts[i]!;
    sum += t.counts[i]! * (min + i);
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < t.counts.length; i++) {
    const d = min + i - mean;
    ss += t.counts[i]! * d * d;
  }
  return { mean, variance: n > 1 ? ss / (n - 1) : 0, n };
}

/**
 * Responses at or above `from` (or at or below it, when `below`).
 *
 * @category Tallies
 */
export function countFrom(t: Tally, from: number, below = false): number {
  const min = t.scale[0];
  let c = 0;
  for (let i = 0; i < t.counts.length; i++) {
    const v = min + i;
    if (below ? v <= from : v >= from) c += t.counts[i]!;
  }
  return c;
}
