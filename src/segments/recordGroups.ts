// The fast path of a segment report over an array of records keyed by field names: one loop that
// reads each record's key fields and metric fields directly, finds the group through one Map per
// key field (no key string built per record), and counts into flat arrays. A record whose key is
// new, missing or invalid, or a value that is not already a score, goes to the row path's own
// readers at its index, in its order, so the report and its errors are those of the row path.
// Internal.
import { MetricsTypeError } from "../errors.ts";
import {
  checkGrouped,
  collectGroups,
  emptySkipped,
  type Grouped,
  type GroupState,
  type KeyNames,
  type KeyReader,
  NO_KEY,
  note,
  type Plan,
  type ReadRules,
  readValue,
  skipRecord,
} from "./engine.ts";

/** A tree of Maps, one level per key field, whose leaves are group indexes. */
type KeyTree = Map<unknown, KeyTree | number>;

/**
 * Groups an array of records by one or more key fields, or undefined when the fast path does not
 * apply (a weighted metric, an accessor, more than three metrics): the caller then reads the
 * records one by one.
 */
export function groupRecordArray(
  records: readonly unknown[],
  by: readonly string[],
  keys: KeyReader,
  keyNames: KeyNames,
  plans: readonly Plan[],
  rules: ReadRules,
): Grouped | undefined {
  if (plans.length > 3 || plans.some((p) => p.weight !== undefined || p.cluster !== undefined || p.field === undefined)) return undefined;
  const skipped = emptySkipped(plans);
  const counters = plans.map((plan) => skipped[plan.name]!);
  const sizes = plans.map((plan) => plan.max - plan.min + 1);
  const states: GroupState[] = [];
  const tree: KeyTree = new Map();
  let capacity = 64;
  let n = new Float64Array(capacity);
  let flat = sizes.map((size) => new Float64Array(capacity * size));
  const depth = by.length;
  const nested = depth > 1;

  /** The group of a key seen for the first time (checked by the key reader), or −1 to skip the record. */
  const newGroup = (record: object, i: number): number => {
    const mapKey = keys.read(record, i);
    if (mapKey === NO_KEY || (keys.check !== undefined && !keys.check(mapKey))) {
      skipRecord(record, i, keys.problem, keyNames, rules, skipped.records);
      return -1;
    }
    const parts = nested ? (JSON.parse(mapKey as string) as unknown[]) : [mapKey];
    let level = tree;
    for (let d = 0; d < depth - 1; d++) {
      let next = level.get(parts[d]) as KeyTree | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(parts[d], next);
      }
      level = next;
    }
    const found = level.get(parts[depth - 1]);
    if (found !== undefined) return found as number;
    const g = states.push({ key: keys.shown(mapKey), n: 0, counts: [] }) - 1;
    level.set(parts[depth - 1], g);
    if (g === capacity) {
      capacity *= 2;
      const grow = (a: Float64Array, size: number) => {
        const b = new Float64Array(capacity * size);
        b.set(a);
        return b;
      };
      n = grow(n, 1);
      flat = flat.map((a, j) => grow(a, sizes[j]!));
    }
    return g;
  };

  const [f0, f1, f2] = [plans[0]!.field!, plans[1]?.field ?? "", plans[2]?.field ?? ""];
  const [m0, m1, m2] = [plans[0]!.min, plans[1]?.min ?? 0, plans[2]?.min ?? 0];
  const [s0, s1, s2] = [sizes[0]!, sizes[1] ?? 0, sizes[2] ?? 0];
  const p = plans.length;
  const key0 = by[0]!;
  const length = records.length;
  // The count arrays as locals, read again only when a new group may have grown them (not in a
  // helper: a closure assigning them would move them out of registers). `n` stands in for a
  // metric the report does not have; the p > 1 and p > 2 tests keep it from being indexed. Each
  // group's n is its first metric's counts (added after the loop) and the records they leave out.
  let n0 = n;
  let c0 = flat[0]!;
  let c1 = flat[1] ?? n;
  let c2 = flat[2] ?? n;
  for (let i = 0; i < length; i++) {
    const record = records[i] as Record<string, unknown>;
    if (typeof record !== "object" || record === null) {
      if (rules.skipInvalid) {
        note(skipped.records, "invalid", i);
        continue;
      }
      throw new MetricsTypeError("INVALID_TYPE", `records[${i}]`, record, 'an object (or pass onInvalid: "skip")');
    }
    let node = tree.get(record[key0]);
    for (let d = 1; d < depth && node !== undefined; d++) node = (node as KeyTree).get(record[by[d]!]);
    let g = typeof node === "number" ? node : -1;
    if (g < 0) {
      g = newGroup(record, i);
      if (g < 0) continue;
      n0 = n;
      c0 = flat[0]!;
      c1 = flat[1] ?? n;
      c2 = flat[2] ?? n;
    }
    // n counts here only the records the first metric does not count; its counts are added after.
    const a = record[f0];
    if (typeof a === "number" && a >= m0 && a - m0 < s0 && (a | 0) === a) c0[g * s0 + a - m0]!++;
    else {
      const k = readValue(a, record, i, plans[0]!, rules, counters[0]!);
      if (k !== undefined) c0[g * s0 + k]!++;
      else n0[g]!++;
    }
    if (p > 1) {
      const b = record[f1];
      if (typeof b === "number" && b >= m1 && b - m1 < s1 && (b | 0) === b) c1[g * s1 + b - m1]!++;
      else {
        const k = readValue(b, record, i, plans[1]!, rules, counters[1]!);
        if (k !== undefined) c1[g * s1 + k]!++;
      }
      if (p > 2) {
        const c = record[f2];
        if (typeof c === "number" && c >= m2 && c - m2 < s2 && (c | 0) === c) c2[g * s2 + c - m2]!++;
        else {
          const k = readValue(c, record, i, plans[2]!, rules, counters[2]!);
          if (k !== undefined) c2[g * s2 + k]!++;
        }
      }
    }
  }
  const first = flat[0]!;
  for (let g = 0; g < states.length; g++) for (let k = 0; k < s0; k++) n[g]! += first[g * s0 + k]!;
  return checkGrouped({ groups: collectGroups(states, n, flat, sizes), skipped }, records, length, records[0], keyNames, plans);
}
