// The fast path of a segment report over columns: one pass over the key's codes and up to three
// metric columns, counting into flat arrays, with no row object touched unless a cell is not a
// valid score (then the row path's own readers decide, at the same row, in the same order, so the
// report and its errors are those of the records). Internal.
import type { Column, ColumnRows } from "../_lib/read/columns.ts";
import {
  checkGrouped,
  collectGroups,
  emptySkipped,
  type Grouped,
  type GroupState,
  type KeyNames,
  type KeyReader,
  NO_KEY,
  type Plan,
  type ReadRules,
  readValue,
  skipRecord,
} from "./engine.ts";

/** Codes for a key column: its own for a dictionary column, else one per distinct value (a Map lookup per row). */
function keyCodes(c: Column): { codes: ArrayLike<number | null>; dictionary: ArrayLike<unknown> } {
  if ("codes" in c) return c;
  const index = new Map<unknown, number>();
  const dictionary: unknown[] = [];
  const codes = new Int32Array(c.values.length);
  for (let i = 0; i < codes.length; i++) {
    const v = c.values[i];
    let code = index.get(v);
    if (code === undefined) {
      code = dictionary.push(v) - 1;
      index.set(v, code);
    }
    codes[i] = code;
  }
  return { codes, dictionary };
}

/**
 * Groups columnar rows by one key column, or undefined when the fast path does not apply (a
 * weighted metric, an accessor, a dictionary-coded metric column, more than three metrics): the
 * caller then reads the rows one by one.
 */
export function groupColumns(
  rows: ColumnRows,
  by: string,
  keys: KeyReader,
  keyNames: KeyNames,
  plans: readonly Plan[],
  rules: ReadRules,
): Grouped | undefined {
  const keyColumn = rows.columns.get(by);
  if (keyColumn === undefined || plans.length > 3) return undefined;
  const values: ArrayLike<unknown>[] = [];
  for (const plan of plans) {
    const c =
      plan.weight === undefined && plan.cluster === undefined && plan.field !== undefined ? rows.columns.get(plan.field) : undefined;
    if (c === undefined || !("values" in c)) return undefined;
    values.push(c.values);
  }
  const { codes, dictionary } = keyCodes(keyColumn);
  // Each dictionary entry is checked once: its group, or −1 when it is missing or invalid.
  const groupOf = new Int32Array(dictionary.length);
  const states: GroupState[] = [];
  const byKey = new Map<unknown, number>();
  for (let code = 0; code < dictionary.length; code++) {
    const v = dictionary[code];
    const valid = v !== undefined && v !== null && (typeof v !== "object" || v === null) && typeof v !== "function" && keys.check!(v);
    if (!valid) {
      groupOf[code] = -1;
      continue;
    }
    let g = byKey.get(v);
    if (g === undefined) {
      g = states.push({ key: keys.shown(v), n: 0, counts: [] }) - 1;
      byKey.set(v, g);
    }
    groupOf[code] = g;
  }
  const skipped = emptySkipped(plans);
  const counters = plans.map((plan) => skipped[plan.name]!);
  const groups = states.length;
  const n = new Float64Array(groups);
  const sizes = plans.map((plan) => plan.max - plan.min + 1);
  const flat = sizes.map((size) => new Float64Array(groups * size));
  const p = plans.length;
  const [v0, v1, v2] = values as [ArrayLike<unknown>, ArrayLike<unknown> | undefined, ArrayLike<unknown> | undefined];
  const [c0, c1, c2] = flat as [Float64Array, Float64Array | undefined, Float64Array | undefined];
  const [s0, s1, s2] = [sizes[0]!, sizes[1] ?? 0, sizes[2] ?? 0];
  const [m0, m1, m2] = [plans[0]!.min, plans[1]?.min ?? 0, plans[2]?.min ?? 0];
  const { row } = rows;
  /** A cell that is not a plain score: the row path's reader, at row i. */
  const slow = (v: unknown, i: number, j: number): number => {
    rows.moveTo(i);
    const k = readValue(v, row, i, plans[j]!, rules, counters[j]!);
    return k === undefined ? -1 : k;
  };
  /** A missing, invalid or out-of-range key: the key reader decides, as for a record; −1 skips the row. */
  const slowKey = (i: number): number => {
    rows.moveTo(i);
    const mapKey = keys.read(row, i);
    if (mapKey === NO_KEY || (keys.check !== undefined && !keys.check(mapKey))) {
      skipRecord(row, i, keys.problem, keyNames, rules, skipped.records);
      return -1;
    }
    return byKey.get(mapKey) ?? -1;
  };
  const columns: Columns = { codes, groupOf, v0, v1, v2, c0, c1, c2, s0, s1, s2, m0, m1, m2, p };
  if (isIntegerArray(codes) && values.every(isIntegerArray)) countIntegerRows(columns, n, slowKey, slow);
  else countRows(columns, n, slowKey, slow);
  return checkGrouped({ groups: collectGroups(states, n, flat, sizes), skipped }, rows, rows.length, row, keyNames, plans);
}

/** Everything the counting loop reads, as one object of locals. */
interface Columns {
  readonly codes: ArrayLike<number | null>;
  readonly groupOf: Int32Array;
  readonly v0: ArrayLike<unknown>;
  readonly v1: ArrayLike<unknown> | undefined;
  readonly v2: ArrayLike<unknown> | undefined;
  readonly c0: Float64Array;
  readonly c1: Float64Array | undefined;
  readonly c2: Float64Array | undefined;
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
  readonly m0: number;
  readonly m1: number;
  readonly m2: number;
  readonly p: number;
}

/**
 * The hot loop, on its own so that everything it touches is a local: per row, the group of its
 * code, then each metric's score counted, or handed to `slow` (−1: not counted).
 */
function countRows(x: Columns, n: Float64Array, slowKey: (i: number) => number, slow: (v: unknown, i: number, j: number) => number): void {
  const { codes, groupOf, v0, v1, v2, c0, c1, c2, s0, s1, s2, m0, m1, m2, p } = x;
  const D = groupOf.length;
  const length = codes.length;
  for (let i = 0; i < length; i++) {
    const code = codes[i] as number;
    // A null code passes both comparisons (as 0) and a fractional one indexes no group: either
    // gives undefined here, and goes to the key reader with the missing and invalid codes.
    let g = code >= 0 && code < D ? groupOf[code]! : -1;
    if (!(g >= 0)) {
      g = slowKey(i);
      if (g < 0) continue;
    }
    n[g]!++;
    const a = v0[i] as number;
    const k0 = typeof a === "number" ? a - m0 : -1; // (a BigInt minus a number would throw: BigInts go to slow, which rejects them)
    if (k0 >= 0 && k0 < s0 && (k0 | 0) === k0 && k0 + m0 === a) c0[g * s0 + k0]!++;
    else {
      const k = slow(a, i, 0);
      if (k >= 0) c0[g * s0 + k]!++;
    }
    if (p > 1) {
      const b = v1![i] as number;
      const k1 = typeof b === "number" ? b - m1 : -1;
      if (k1 >= 0 && k1 < s1 && (k1 | 0) === k1 && k1 + m1 === b) c1![g * s1 + k1]!++;
      else {
        const k = slow(b, i, 1);
        if (k >= 0) c1![g * s1 + k]!++;
      }
      if (p > 2) {
        const c = v2![i] as number;
        const k2 = typeof c === "number" ? c - m2 : -1;
        if (k2 >= 0 && k2 < s2 && (k2 | 0) === k2 && k2 + m2 === c) c2![g * s2 + k2]!++;
        else {
          const k = slow(c, i, 2);
          if (k >= 0) c2![g * s2 + k]!++;
        }
      }
    }
  }
}

/** Typed arrays of whole numbers: every value is an integer, so a range check is the whole check. */
function isIntegerArray(a: ArrayLike<unknown>): boolean {
  return (
    a instanceof Uint8Array ||
    a instanceof Int8Array ||
    a instanceof Uint16Array ||
    a instanceof Int16Array ||
    a instanceof Int32Array ||
    a instanceof Uint32Array ||
    a instanceof Uint8ClampedArray
  );
}

/**
 * {@link countRows} for integer typed arrays: a value is a score exactly when it is in range (one
 * unsigned comparison), and `n` is counted from the first metric's counts afterwards, plus the
 * rows whose first value went to `slow` (which never returns a score for them).
 */
function countIntegerRows(
  x: Columns,
  n: Float64Array,
  slowKey: (i: number) => number,
  slow: (v: unknown, i: number, j: number) => number,
): void {
  const { groupOf, c0, c1, c2, s0, s1, s2, m0, m1, m2, p } = x;
  const codes = x.codes as Int32Array;
  const v0 = x.v0 as Int32Array;
  const v1 = x.v1 as Int32Array;
  const v2 = x.v2 as Int32Array;
  const D = groupOf.length;
  const length = codes.length;
  for (let i = 0; i < length; i++) {
    const code = codes[i]!;
    let g = code >= 0 && code < D ? groupOf[code]! : -1;
    if (g < 0) {
      g = slowKey(i);
      if (g < 0) continue;
    }
    // A whole number off the scale is never a score: `slow` throws, or counts it as skipped.
    const k0 = v0[i]! - m0;
    if (k0 >>> 0 < s0) c0[g * s0 + k0]!++;
    else {
      n[g]!++;
      slow(v0[i], i, 0);
    }
    if (p > 1) {
      const k1 = v1[i]! - m1;
      if (k1 >>> 0 < s1) c1![g * s1 + k1]!++;
      else slow(v1[i], i, 1);
      if (p > 2) {
        const k2 = v2[i]! - m2;
        if (k2 >>> 0 < s2) c2![g * s2 + k2]!++;
        else slow(v2[i], i, 2);
      }
    }
  }
  // Every row with a group counted once in the first metric's counts, or in n when its value was not a score.
  for (let g = 0; g < n.length; g++) {
    let sum = 0;
    for (let k = 0; k < s0; k++) sum += c0[g * s0 + k]!;
    n[g]! += sum;
  }
}
