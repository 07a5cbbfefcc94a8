// The counting loops under every raw-response metric: scores into counts per scale point.
// The plain loop is the reference; large typed arrays take an unrolled path, and long byte arrays
// a pair table, both tested against it.

import { type CellRules, missingError, readCell, STRICT_CELLS } from "../read/cells.ts";
import { isOnScale, scoreError } from "../read/scales.ts";
import { countBytePairs } from "./bytePairs.ts";

/**
 * Adds `scores` into `counts` (indexed from `min`) and returns how many missing values were
 * skipped; throws on the first invalid score (or missing value, unless the rules skip them).
 */
export function countInto(
  scores: ArrayLike<unknown>,
  min: number,
  max: number,
  counts: number[],
  rules: CellRules = STRICT_CELLS,
  argument = "scores",
): number {
  SKIPPED_INVALID.count = 0;
  // Bytes two at a time; a byte off the scale leaves them to the loops below, which report it.
  if ((scores instanceof Uint8Array || scores instanceof Uint8ClampedArray) && countBytePairs(scores, min, max, counts)) return 0;
  // (A BigInt64Array is a view too; its values are BigInts, which the plain loop rejects one by one.)
  if (ArrayBuffer.isView(scores) && scores.length >= UNROLL_FROM && typeof scores[0] === "number") {
    return countUnrolled(scores as ArrayLike<number>, min, max, counts, rules, argument);
  }
  return countPlain(scores, min, max, counts, 0, rules, argument);
}

/**
 * The reference counting loop, from index `start`. Plain on purpose (no closures, no allocation)
 * because it is the hot path of every metric; anything that is not already a whole number on the
 * scale goes to {@link countCell}.
 */
export function countPlain(
  scores: ArrayLike<unknown>,
  min: number,
  max: number,
  counts: number[],
  start: number,
  rules: CellRules = STRICT_CELLS,
  argument = "scores",
): number {
  const n = scores.length;
  const span = max - min;
  let missing = 0;
  for (let i = start; i < n; i++) {
    // k is the scale point's index; (k | 0) === k holds only for whole k in int32 range, the
    // bounds check rules out NaN and off-scale values, and k + min === s rules out values that
    // only become numbers by coercion ("9", true, null): those take the slow path.
    const s = scores[i] as number;
    const k = typeof s === "number" ? s - min : -1; // (a BigInt minus a number would throw)
    if (k >= 0 && k <= span && (k | 0) === k && k + min === s) counts[k]!++;
    else missing += countCell(s, counts, min, max, rules, `${argument}[${i}]`);
  }
  return missing;
}

/**
 * One response cell read as a score on [min, max]: the whole number, or `undefined` for a missing
 * value that the rules skip; a missing value they do not skip, or anything off the scale, throws
 * naming `argument`.
 */
export function readScore(cell: unknown, min: number, max: number, rules: CellRules, argument: string): number | undefined | null {
  const v = readCell(cell, rules.markers);
  if (v === undefined) {
    if (rules.skipMissing) return undefined;
    throw missingError(cell, argument, `a whole number from ${min} to ${max}`);
  }
  if (!isOnScale(v, min, max)) {
    if (rules.skipInvalid) return null;
    throw scoreError(typeof v === "number" ? v : cell, argument, min, max);
  }
  return v;
}

/**
 * Invalid values skipped by the last counting loop (`onInvalid: "skip"`): the loops return the
 * missing values they skipped, and count these here, so the hot path keeps one return value.
 * Reset by {@link countInto}.
 */
export const SKIPPED_INVALID = { count: 0 };

/** One cell that is not a plain score: a numeric string, a missing value, or an error. */
function countCell(cell: unknown, counts: number[], min: number, max: number, rules: CellRules, argument: string): number {
  const v = readScore(cell, min, max, rules, argument);
  if (v === undefined) return 1;
  if (v === null) {
    SKIPPED_INVALID.count++;
    return 0;
  }
  counts[v - min]!++;
  return 0;
}

const UNROLL_FROM = 256;

/**
 * Four scores per step into four separate count rows, so that consecutive increments of the same
 * scale point do not wait on each other (about a third faster than the plain loop on 10⁷
 * scores). A block holding anything else hands over to the plain loop, which reads or rejects it
 * at the right index.
 */
function countUnrolled(scores: ArrayLike<number>, min: number, max: number, counts: number[], rules: CellRules, argument: string): number {
  const size = max - min + 1;
  const span = max - min;
  const rows = new Float64Array(4 * size);
  const n = scores.length;
  let i = 0;
  // A value is a score when it equals its int32 truncation (NaN, fractions and values past int32
  // do not) and that integer, less min, is at most span unsigned (below min wraps to above it).
  // The test is on the value itself: on a scale below 0, value − min can round a fraction away
  // (−1e-300 − (−3) is exactly 3).
  for (; i + 3 < n; i += 4) {
    const s0 = scores[i]!;
    const s1 = scores[i + 1]!;
    const s2 = scores[i + 2]!;
    const s3 = scores[i + 3]!;
    const k0 = (s0 | 0) - min;
    const k1 = (s1 | 0) - min;
    const k2 = (s2 | 0) - min;
    const k3 = (s3 | 0) - min;
    const valid =
      (s0 | 0) === s0 &&
      (s1 | 0) === s1 &&
      (s2 | 0) === s2 &&
      (s3 | 0) === s3 &&
      k0 >>> 0 <= span &&
      k1 >>> 0 <= span &&
      k2 >>> 0 <= span &&
      k3 >>> 0 <= span;
    if (!valid) break;
    rows[k0]!++;
    rows[size + k1]!++;
    rows[2 * size + k2]!++;
    rows[3 * size + k3]!++;
  }
  for (let k = 0; k < size; k++) counts[k]! += rows[k]! + rows[size + k]! + rows[2 * size + k]! + rows[3 * size + k]!;
  return countPlain(scores, min, max, counts, i, rules, argument);
}

/** A typed array of numbers (not of BigInts, not a DataView). */
type NumberArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/**
 * Whether `x` is a typed array of numbers, by its constructor: one from another realm (a worker's
 * or a vm's) is not, and is counted value by value instead, to the same result.
 */
export function isNumberArray(x: unknown): x is NumberArray {
  return (
    x instanceof Uint8Array ||
    x instanceof Float64Array ||
    x instanceof Int32Array ||
    x instanceof Int8Array ||
    x instanceof Uint8ClampedArray ||
    x instanceof Int16Array ||
    x instanceof Uint16Array ||
    x instanceof Uint32Array ||
    x instanceof Float32Array
  );
}

/** Below this many values the summing pass is not worth its own code path. */
const SUM_FROM = 256;

/**
 * The mean of a long typed array of whole-number scores on [min, max] in one summing pass, or
 * undefined when any value is not one (the caller then counts, and reads or rejects that value at
 * its index). Whole numbers of at most 2²⁰ add up exactly in a double over any typed array's
 * length (under 2⁵³), so the mean is the correctly rounded Σx / n, the same number the tally gives.
 */
export function meanOfWholeScores(scores: unknown, min: number, max: number): number | undefined {
  // (BigInt64Arrays are not number arrays: they are counted, and their values rejected.)
  if (!isNumberArray(scores) || scores.length < SUM_FROM) return undefined;
  if (Math.max(Math.abs(min), Math.abs(max)) > 2 ** 20) return undefined;
  const a = scores;
  const n = a.length;
  // Four sums, so that no addition waits for the one before; each exact, so their total is too.
  // A value is a score when it lies in [min, max] (NaN does not) and has no fractional part. The
  // fractional parts are summed rather than tested one by one: each is exact and ≥ 0, so their
  // sum is 0 exactly when every one is, and the loop keeps a single branch per four values.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let fractions = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const u = a[i]!;
    const v = a[i + 1]!;
    const w = a[i + 2]!;
    const x = a[i + 3]!;
    if (!(u >= min && u <= max && v >= min && v <= max && w >= min && w <= max && x >= min && x <= max)) return undefined;
    fractions += u - Math.floor(u) + (v - Math.floor(v)) + (w - Math.floor(w)) + (x - Math.floor(x));
    s0 += u;
    s1 += v;
    s2 += w;
    s3 += x;
  }
  for (; i < n; i++) {
    const u = a[i]!;
    if (!(u >= min && u <= max)) return undefined;
    fractions += u - Math.floor(u);
    s0 += u;
  }
  if (fractions !== 0) return undefined;
  const sum = s0 + s1 + (s2 + s3);
  return sum / n;
}

/**
 * What a summing pass over whole-number scores gives: their number, and the exact sums of their
 * distances from the scale's start, Σ(x − min) and Σ(x − min)² (each term a whole number of at
 * most 1000, or 10⁶ squared, so both sums stay exact past any typed array's length), and how many
 * scores lie at or past `from`.
 */
export interface ScoreSums {
  readonly n: number;
  readonly sum: number;
  readonly sumOfSquares: number;
  readonly reaching: number;
}

/**
 * The sums of a long typed array of whole-number scores on [min, max] in one pass, or undefined
 * when any value is not one (the caller then counts, and reads or rejects that value at its
 * index). `reaching` counts the scores ≥ `from`, or ≤ `from` when `below`. The mean is then
 * min + sum / n computed as (sum + n·min) / n, exact before its one rounding, the number the
 * tally gives.
 */
export function sumWholeScores(scores: unknown, min: number, max: number, from = max, below = false): ScoreSums | undefined {
  if (!isNumberArray(scores) || scores.length < SUM_FROM) return undefined;
  const a = scores;
  const n = a.length;
  // (Past these bounds a sum could round, or the int32 count below wrap: such input is counted.)
  if (Math.max(Math.abs(min), Math.abs(max)) > 2 ** 20 || n * (max - min) ** 2 >= 2 ** 53 || n >= 2 ** 31) return undefined;
  // The scores under `cut` (a distance from min) are counted in int32: ((d | 0) − cut) >>> 31 is 1
  // for a whole d below it and 0 otherwise, with no branch. Below `from` is the complement of
  // reaching it; at or below it is under from + 1.
  const cut = (from - min + (below ? 1 : 0)) | 0;
  // Four lanes, so that no addition waits for the one before; each sum exact, so their total is
  // too. A value is a score when it lies in [min, max] (NaN does not) and has no fractional part.
  // The fractional parts are summed rather than tested one by one: each is exact and ≥ 0, so
  // their sum is 0 exactly when every one is, and the loop keeps a single branch per four values.
  // They are taken of the value itself: on a scale below 0, x − min can round a fraction away
  // (−1e-300 − (−3) is exactly 3); for a whole x it is exact.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let q0 = 0;
  let q1 = 0;
  let q2 = 0;
  let q3 = 0;
  let under = 0;
  let fractions = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const u = a[i]!;
    const v = a[i + 1]!;
    const w = a[i + 2]!;
    const x = a[i + 3]!;
    if (!(u >= min && u <= max && v >= min && v <= max && w >= min && w <= max && x >= min && x <= max)) return undefined;
    fractions += u - Math.floor(u) + (v - Math.floor(v)) + (w - Math.floor(w)) + (x - Math.floor(x));
    const du = u - min;
    const dv = v - min;
    const dw = w - min;
    const dx = x - min;
    s0 += du;
    s1 += dv;
    s2 += dw;
    s3 += dx;
    q0 += du * du;
    q1 += dv * dv;
    q2 += dw * dw;
    q3 += dx * dx;
    under = (under + ((((du | 0) - cut) >>> 31) + (((dv | 0) - cut) >>> 31) + (((dw | 0) - cut) >>> 31) + (((dx | 0) - cut) >>> 31))) | 0;
  }
  for (; i < n; i++) {
    const u = a[i]!;
    if (!(u >= min && u <= max)) return undefined;
    fractions += u - Math.floor(u);
    const du = u - min;
    s0 += du;
    q0 += du * du;
    under = (under + (((du | 0) - cut) >>> 31)) | 0;
  }
  if (fractions !== 0) return undefined;
  return { n, sum: s0 + s1 + (s2 + s3), sumOfSquares: q0 + q1 + (q2 + q3), reaching: below ? under : n - under };
}
