// Any scale input (raw responses, a tally, { counts }) as a validated tally, and the few sums
// every summary takes from a tally. Internal.
import { MetricsInputError, MetricsTypeError } from "../../errors.ts";
import type { Tally } from "../../types.ts";
import { assertKnownKeys } from "../core/options.ts";
import { assertCount, assertExactTotal, assertScale } from "../core/validate.ts";
import { type CellRules, cellRules, STRICT_CELLS } from "../read/cells.ts";
import { isArrowVector, vectorValues } from "../read/columns.ts";
import type { Scale } from "../read/scales.ts";
import { countInto, SKIPPED_INVALID } from "./count.ts";
import { assertTallyWeights, countWeighted } from "./weighted.ts";

/** Validate a tally from outside (for example parsed JSON): keys, scale, length and counts. */
export function assertTally(value: object, argument: string): Tally {
  assertKnownKeys(value, argument, ["scale", "counts", "missing", "invalid", "weights", "squaredWeights"], "a field of a tally");
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
  let total = 0;
  for (let i = 0; i < expected; i++) {
    const count = assertCount(t.counts[i], `${argument}.counts[${i}]`);
    counts.push(count);
    total += count;
  }
  const missing = t.missing === undefined ? 0 : assertCount(t.missing, `${argument}.missing`);
  const invalid = t.invalid === undefined ? undefined : assertCount(t.invalid, `${argument}.invalid`);
  assertExactTotal(total + missing + (invalid ?? 0), `${argument}.counts`, t.counts);
  const weighted = assertTallyWeights(t, counts, argument);
  const skipped = invalid === undefined ? { missing } : { missing, invalid };
  return weighted === undefined ? { scale, counts, ...skipped } : { scale, counts, ...skipped, ...weighted };
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
  // The invalid values skipped, where onInvalid: "skip" asked for them to be.
  return rules.skipInvalid
    ? { scale: [min, max], counts, missing, invalid: SKIPPED_INVALID.count }
    : { scale: [min, max], counts, missing };
}

/**
 * Any scale input (raw responses, a tally, or `{ counts }` on the scale) as a validated tally.
 * `scaleOption` is the caller's validated scale, undefined when not given; a tally's own scale
 * must agree with it.
 */
export function toTally(
  value: unknown,
  scale: Scale | undefined,
  fallback: Scale,
  rules: CellRules,
  argument = "responses",
  weights: Weights = NO_WEIGHTS,
): Tally {
  const expected = "an array of responses, a tally { scale, counts }, or { counts }";
  if (typeof value !== "object" || value === null) throw new MetricsTypeError("INVALID_TYPE", argument, value, expected);
  const input: object = isArrowVector(value) ? vectorValues(value) : value;
  if (isResponses(input)) {
    if (weights.value === undefined) return countResponses(input, scale ?? fallback, rules, argument);
    return countWeighted(input, weights.value, scale ?? fallback, rules, argument, weights.argument);
  }
  if (weights.value !== undefined) {
    throw new MetricsTypeError(
      "INVALID_TYPE",
      weights.argument,
      weights.value,
      `left out when ${argument} is a tally or counts: weights go one per raw response, and a weighted tally (tally(scores, { scale, weights })) carries its own`,
    );
  }
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

/** The `weights` option of one input and how messages name it. */
export interface Weights {
  readonly value: unknown;
  readonly argument: string;
}

/** No weights: every response counts once. */
export const NO_WEIGHTS: Weights = { value: undefined, argument: "options.weights" };

/** `t`, or an EMPTY_INPUT error when it holds no response. */
export function nonEmpty(t: Tally, argument: string, input: unknown): Tally {
  if (tallyTotal(t) === 0) {
    const missing = t.missing ?? 0;
    const invalid = t.invalid ?? 0;
    const hint =
      invalid > 0
        ? ` (all ${missing + invalid} values were skipped: ${missing} missing, ${invalid} invalid)`
        : missing > 0
          ? ` (all ${missing} values were missing)`
          : "";
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

/**
 * Mean and unbiased variance (0 for n = 1) of the scores a tally holds. The mean is Σ count·score
 * / n; the variance comes from the sums of the scores' distances from the scale's start, exact
 * (in BigInt when they pass 2⁵³), through {@link varianceOfSums}: the same number as a summing
 * pass over the raw scores gives.
 */
export function tallyMoments(t: Tally): { mean: number; variance: number; n: number } {
  const min = t.scale[0];
  const span = t.counts.length - 1;
  let n = 0;
  let sum = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < t.counts.length; i++) {
    const c = t.counts[i]!;
    n += c;
    sum += c * (min + i);
    s1 += c * i;
    s2 += c * i * i;
  }
  if (n * span * span < 2 ** 53) return { mean: sum / n, variance: varianceOfSums(n, s1, s2), n };
  let b1 = 0n;
  let b2 = 0n;
  for (let i = 0; i < t.counts.length; i++) {
    const c = BigInt(t.counts[i]!);
    b1 += c * BigInt(i);
    b2 += c * BigInt(i * i);
  }
  return { mean: sum / n, variance: Number(BigInt(n) * b2 - b1 * b1) / (n * (n - 1)), n };
}

/**
 * The unbiased variance of n whole numbers from their exact sums s1 = Σd and s2 = Σd² (d any
 * fixed shift of the scores): (n·s2 − s1²) / (n(n − 1)), 0 for n = 1. The numerator is formed
 * exactly (in BigInt when n·s2 passes 2⁵³), so only its conversion and the division round.
 */
export function varianceOfSums(n: number, s1: number, s2: number): number {
  if (n < 2) return 0;
  const ns2 = n * s2;
  // n·s2 < 2⁵³ means it is exact, and so are s1² ≤ n·s2 (Cauchy–Schwarz) and the difference.
  const numerator = ns2 < 2 ** 53 ? ns2 - s1 * s1 : Number(BigInt(n) * BigInt(s2) - BigInt(s1) * BigInt(s1));
  return numerator / (n * (n - 1));
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
  onInvalid?: unknown;
}

/**
 * A scale metric's input as a validated, non-empty tally, read with the caller's options;
 * weighted when `weights` are given (or the input is a weighted tally).
 */
export function readScaleInput(input: unknown, o: ScaleReadOptions, fallback: Scale, argument = "responses", weights = NO_WEIGHTS): Tally {
  const scale = o.scale === undefined ? undefined : assertScale(o.scale, "options.scale");
  return nonEmpty(
    toTally(input, scale, fallback, cellRules(o.missing, o.missingValues, "options", o.onInvalid), argument, weights),
    argument,
    input,
  );
}

/**
 * The `weights` option of a function of one input: `{ value, argument }` for {@link readScaleInput}.
 */
export function weightsOf(o: { weights?: unknown }): Weights {
  return o.weights === undefined ? NO_WEIGHTS : { value: o.weights, argument: "options.weights" };
}

/**
 * The `weights` option of a comparison, `{ a, b }`: one list of weights per sample, both or
 * neither (a weighted sample compared with an unweighted one would mix two kinds of standard error).
 */
export function pairedWeights(value: unknown): readonly [Weights, Weights] {
  return pairedOption(value, "options.weights", "weights");
}

/**
 * An option given per sample of a comparison, `{ a, b }` (both or neither): the weights, or the
 * cluster ids (`what` names them in messages).
 */
export function pairedOption(value: unknown, argument: string, what: string): readonly [Weights, Weights] {
  if (value === undefined) return [NO_WEIGHTS, NO_WEIGHTS];
  const expected = `{ a, b }: one array of ${what} per sample`;
  if (typeof value !== "object" || value === null || isResponses(value))
    throw new MetricsTypeError("INVALID_TYPE", argument, value, expected);
  assertKnownKeys(value, argument, ["a", "b"], `a sample's ${what}`);
  const { a, b } = value as { a?: unknown; b?: unknown };
  if (a === undefined || b === undefined) throw new MetricsTypeError("INVALID_TYPE", argument, value, `${expected}, both given`);
  return [
    { value: a, argument: `${argument}.a` },
    { value: b, argument: `${argument}.b` },
  ];
}

/** Both samples weighted or neither, or throw naming the unweighted one. */
export function assertSameWeighting(a: unknown, weightedA: boolean, b: unknown, weightedB: boolean): void {
  if (weightedA !== weightedB) {
    const [which, other, value] = weightedA ? ["a", "b", b] : ["b", "a", a];
    throw new MetricsTypeError(
      "INVALID_TYPE",
      other,
      value,
      `a weighted sample, as ${which} is: compare weighted with weighted (weights: { a, b }) or unweighted with unweighted`,
    );
  }
}
