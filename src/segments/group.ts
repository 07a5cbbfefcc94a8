// One pass over the records into per-group tallies: the engine under segmentReport and trend.
// Groups hold counts per scale point, never copies of the records.
import { MetricsTypeError } from "../errors.ts";
import { scoreError, type Tally } from "../tally/tally.ts";
import { assertArrayLike, assertOneOf } from "../validate.ts";
import type { MetricName, MetricPlan } from "./plan.ts";

/**
 * What happens to a record whose key or metric value is missing or invalid.
 *
 * @category Segments and trends
 */
export type OnInvalid = "throw" | "skip";

/**
 * Records skipped: with a missing or invalid key (dropped whole), or per metric value.
 *
 * @category Segments and trends
 */
export interface SkippedCounts {
  /** Records dropped because their segment key (or time) was missing or invalid. */
  readonly records: number;
  /** Records whose NPS value was missing or invalid (only that value was skipped). */
  readonly nps?: number;
  /** Records whose CSAT value was missing or invalid. */
  readonly csat?: number;
  /** Records whose CES value was missing or invalid. */
  readonly ces?: number;
}

/** The `onInvalid` option: default `"throw"`. */
export function onInvalidOption(value: unknown): OnInvalid {
  return value === undefined ? "throw" : assertOneOf(value, "options.onInvalid", ["throw", "skip"] as const);
}

/**
 * @internal
 *
 * @category Segments and trends
 */
export interface GroupState {
  readonly key: unknown;
  n: number;
  readonly counts: number[][];
}

/**
 * @internal
 *
 * @category Segments and trends
 */
export interface Grouped {
  readonly groups: Map<unknown, GroupState>;
  readonly skipped: SkippedCounts;
}

/**
 * A key function's result: the Map key and the key shown to the user; undefined = invalid.
 *
 * @category Segments and trends
 */
export type KeyOf = (record: unknown, index: number) => { mapKey: unknown; key: unknown } | undefined;

function forEachRecord(records: unknown, visit: (record: unknown, index: number) => void): void {
  if (typeof records === "object" && records !== null && typeof (records as ArrayLike<unknown>).length === "number") {
    const list = records as ArrayLike<unknown>;
    const n = list.length;
    for (let i = 0; i < n; i++) visit(list[i], i);
    return;
  }
  if (typeof records === "object" && records !== null && Symbol.iterator in records) {
    let i = 0;
    for (const record of records as Iterable<unknown>) visit(record, i++);
    return;
  }
  assertArrayLike(records, "records");
}

/**
 * Group records by key into tallies, one pass.
 *
 * @category Segments and trends
 */
export function groupRecords(records: unknown, keyOf: KeyOf, plans: readonly MetricPlan[], onInvalid: OnInvalid): Grouped {
  const groups = new Map<unknown, GroupState>();
  const skippedValues = plans.map(() => 0);
  let skippedRecords = 0;
  let lastMapKey: unknown = undefined;
  let last: GroupState | undefined;
  const p = plans.length;
  forEachRecord(records, (record, i) => {
    if (typeof record !== "object" || record === null) {
      if (onInvalid === "skip") {
        skippedRecords++;
        return;
      }
      throw new MetricsTypeError("INVALID_TYPE", `records[${i}]`, record, "an object");
    }
    const k = keyOf(record, i);
    if (k === undefined) {
      skippedRecords++;
      return;
    }
    let state: GroupState | undefined;
    if (last !== undefined && k.mapKey === lastMapKey) {
      state = last;
    } else {
      state = groups.get(k.mapKey);
      if (state === undefined) {
        state = { key: k.key, n: 0, counts: plans.map((plan) => new Array<number>(plan.max - plan.min + 1).fill(0)) };
        groups.set(k.mapKey, state);
      }
      lastMapKey = k.mapKey;
      last = state;
    }
    state.n++;
    for (let j = 0; j < p; j++) {
      const plan = plans[j]!;
      const v = plan.get(record, i);
      if (typeof v === "number" && v >= plan.min && v <= plan.max && v === Math.floor(v)) {
        state.counts[j]![v - plan.min]!++;
      } else if (onInvalid === "skip") {
        skippedValues[j]!++;
      } else {
        throw scoreError(v, `records[${i}].${plan.name}`, plan.min, plan.max, ' (or use onInvalid: "skip")');
      }
    }
  });
  const skipped: { records: number } & { [K in MetricName]?: number } = { records: skippedRecords };
  plans.forEach((plan, j) => {
    skipped[plan.name] = skippedValues[j]!;
  });
  return { groups, skipped };
}

/**
 * The tally of plan j in a group.
 *
 * @category Segments and trends
 */
export function groupTally(plan: MetricPlan, counts: readonly number[]): Tally {
  return { scale: [plan.min, plan.max], counts: counts.slice() };
}

/**
 * Counts of all groups added, per plan.
 *
 * @category Segments and trends
 */
export function totalCounts(plans: readonly MetricPlan[], groups: Iterable<GroupState>): number[][] {
  const total = plans.map((plan) => new Array<number>(plan.max - plan.min + 1).fill(0));
  for (const g of groups) {
    for (let j = 0; j < plans.length; j++) {
      const c = g.counts[j]!;
      const t = total[j]!;
      for (let k = 0; k < c.length; k++) t[k]! += c[k]!;
    }
  }
  return total;
}
