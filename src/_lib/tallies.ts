// Any scale input (raw responses, a tally, { counts }) as a validated tally, and the few sums
// every summary takes from a tally. Internal.
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import type { Tally } from "../tally/tally.ts";
import { type CellRules, cellRules, STRICT_CELLS } from "./cells.ts";
import { countInto } from "./count.ts";
import { assertKnownKeys } from "./options.ts";
import type { Scale } from "./scales.ts";
import { assertCount, assertScale } from "./validate.ts";

/** Validate a tally from outside (for example parsed JSON): keys, scale, length and counts. */
export function assertTally(value: object, argument: string): Tally {
  assertKnownKeys(value, argument, ["scale", "counts", "missing"], "a field of a tally");
  const t = value as Tally;
  const scale = assertScale(t.scale, `${argument}.scale`);
  const expected = scale[1] - scale[0] + 1;
  if (typeof t.counts !== "object" || t.counts === null || t.counts.length !== expected) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      `${argument}.counts`,
      t.counts,
      `${expected} counts, one per point of the scale [${scale[0]}, ${scale[1]}]`,
    );
  }
  const counts: number[] = [];
  for (let i = 0; i < expected; i++) counts.push(assertCount(t.counts[i], `${argument}.counts[${i}]`));
  const missing = t.missing === undefined ? 0 : assertCount(t.missing, `${argument}.missing`);
  return { scale, counts, missing };
}

/** Whether `value` is array-like raw responses (an array or typed array). */
export function isResponses(value: object): value is ArrayLike<unknown> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

/** Raw responses counted into a tally on [min, max]. */
export function countResponses(
  responses: ArrayLike<unknown>,
  scale: Scale,
  rules: CellRules = STRICT_CELLS,
  argument = "responses",
): Tally {
  const [min, max] = scale;
  const counts = new Array<number>(max - min + 1).fill(0);
  const missing = countInto(responses, min, max, counts, rules, argument);
  return { scale: [min, max], counts, missing };
}

/**
 * Any scale input (raw responses, a tally, or `{ counts }` on the scale) as a validated tally.
 * `scaleOption` is the caller's validated scale, undefined when not given; a tally's own scale
 * must agree with it.
 */
export function toTally(input: unknown, scale: Scale | undefined, fallback: Scale, rules: CellRules, argument = "responses"): Tally {
  const expected = "an array of responses, a tally { scale, counts }, or { counts }";
  if (typeof input !== "object" || input === null) throw new MetricsTypeError("INVALID_TYPE", argument, input, expected);
  if (isResponses(input)) return countResponses(input, scale ?? fallback, rules, argument);
  if ("scale" in input) {
    const t = assertTally(input, argument);
    if (scale !== undefined && (scale[0] !== t.scale[0] || scale[1] !== t.scale[1])) {
      throw new MetricsInputError("OUT_OF_RANGE", `${argument}.scale`, t.scale, `options.scale, [${scale[0]}, ${scale[1]}]`);
    }
    return t;
  }
  if ("counts" in input) {
    const [min, max] = scale ?? fallback;
    return assertTally({ ...input, scale: [min, max] }, argument);
  }
  throw new MetricsTypeError("INVALID_TYPE", argument, input, expected);
}

/** `t`, or an EMPTY_INPUT error when it holds no response. */
export function nonEmpty(t: Tally, argument: string, input: unknown): Tally {
  if (tallyTotal(t) === 0) {
    const hint = (t.missing ?? 0) > 0 ? ` (all ${t.missing} values were missing)` : "";
    throw new MetricsInputError("EMPTY_INPUT", argument, input, `at least one response${hint}`);
  }
  return t;
}

/** The number of responses in a tally. */
export function tallyTotal(t: Tally): number {
  let n = 0;
  for (let i = 0; i < t.counts.length; i++) n += t.counts[i]!;
  return n;
}

/** Mean and unbiased variance (0 for n = 1) of the scores a tally holds, two-pass. */
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

/** Responses at or above `from` (or at or below it, when `below`). */
export function countFrom(t: Tally, from: number, below = false): number {
  const min = t.scale[0];
  let c = 0;
  for (let i = 0; i < t.counts.length; i++) {
    const v = min + i;
    if (below ? v <= from : v >= from) c += t.counts[i]!;
  }
  return c;
}

/** The options every scale metric (CSAT, CES) reads its input with. */
export interface ScaleReadOptions {
  scale?: unknown;
  missing?: unknown;
  missingValues?: unknown;
}

/** A scale metric's input as a validated, non-empty tally, read with the caller's options. */
export function readScaleInput(input: unknown, o: ScaleReadOptions, fallback: Scale, argument = "responses"): Tally {
  const scale = o.scale === undefined ? undefined : assertScale(o.scale, "options.scale");
  return nonEmpty(toTally(input, scale, fallback, cellRules(o.missing, o.missingValues), argument), argument, input);
}
