// The engine under segmentReport and trend: validate the metric specs against a registry, read
// the records in one pass into per-group tallies (counts per scale point, never copies of the
// records), and account for every value skipped. Internal.

import { assertKnownKeys, nearest } from "../_lib/core/options.ts";
import { assertArrayLike, assertCountAtLeast, assertOneOf, assertScale, confidenceOption } from "../_lib/core/validate.ts";
import { powerOfTwoNear, type WeightedTally } from "../_lib/count/weighted.ts";
import { type CellRules, cellRules, isMissingCell, keyCellRules, missingError, readCell, readId } from "../_lib/read/cells.ts";
import { type ColumnRows, columnRows } from "../_lib/read/columns.ts";
import { isOnScale, scoreError } from "../_lib/read/scales.ts";
import { isMetricsError, MetricsInputError, MetricsTypeError } from "../errors.ts";
import type { ClusteredTally, Comparison, Estimate, Tally } from "../types.ts";
import { holmAdjust } from "./holm.ts";
import type { AnyMetric } from "./registry.ts";

/** One requested metric: where its values come from and how they are read. */
export interface Plan {
  readonly name: string;
  readonly def: AnyMetric;
  readonly get: (record: unknown, index: number) => unknown;
  /** How the values are named in messages: `records[i].ltr` or `records[i] nps value`. */
  readonly field: string | undefined;
  /** The weight of each value, when the spec names one: the plan's counts are then weighted (see {@link planTally}). */
  readonly weight: ((record: unknown, index: number) => unknown) | undefined;
  /** How the weights are named in messages, as `field`. */
  readonly weightField: string | undefined;
  /**
   * Each value's cluster (account), when the spec names one: the plan's counts are then weighted
   * (weight 1 without a weight), and each group keeps per cluster its sums of weights per scale
   * point, for standard errors clustered by account.
   */
  readonly cluster: ((record: unknown, index: number) => unknown) | undefined;
  /** How the clusters are named in messages, as `field`. */
  readonly clusterField: string | undefined;
  readonly min: number;
  readonly max: number;
  readonly options: Record<string, unknown>;
  /**
   * The unit the plan's weight sums are counted in: a power of two near the first weight read (NaN
   * until then), so that weights of 1e200 or 1e-200 neither overflow nor underflow Σw². Set once
   * per report; every summary is the same for weights in any unit.
   */
  readonly weightUnit: { value: number };
}

/** A field name or function as a getter. */
export function toGetter(accessor: unknown, argument: string): (record: unknown, index: number) => unknown {
  if (typeof accessor === "function") return accessor as (record: unknown, index: number) => unknown;
  if (typeof accessor === "string") return (record) => (record as Record<string, unknown>)[accessor];
  throw new MetricsTypeError("INVALID_TYPE", argument, accessor, "a field name or an accessor function");
}

/** The same error with `options.` in its argument and message replaced by `prefix.`. */
function prefixed(error: MetricsInputError | MetricsTypeError, prefix: string): Error {
  const argument = error.argument.replace(/^options\b/, prefix);
  const message = error.message.split(error.argument).join(argument);
  const Kind = error instanceof MetricsInputError ? MetricsInputError : MetricsTypeError;
  return new Kind(error.code, argument, error.value, "", message);
}

/** Validate `metrics` into plans, in the registry's order. */
export function planMetrics<Reg extends { readonly [K in keyof Reg]: AnyMetric }>(metrics: unknown, registry: Reg): Plan[] {
  const names = Object.keys(registry) as (keyof Reg & string)[];
  if (typeof metrics !== "object" || metrics === null) {
    throw new MetricsTypeError("INVALID_TYPE", "options.metrics", metrics, `an object naming fields for some of ${names.join(", ")}`);
  }
  assertKnownKeys(metrics, "options.metrics", names, "a metric");
  const plans: Plan[] = [];
  for (const name of names) {
    const spec = (metrics as Record<string, unknown>)[name];
    if (spec === undefined) continue;
    const def: AnyMetric = registry[name];
    const argument = `options.metrics.${name}`;
    let accessor: unknown = spec;
    let weightAccessor: unknown;
    let clusterAccessor: unknown;
    let options: Record<string, unknown> = {};
    if (typeof spec === "object" && spec !== null) {
      // A metric takes `cluster` only when it has clustered summaries (the built-in ones do).
      const clusterable = def.summarizeClustered !== undefined && def.compareClustered !== undefined ? ["cluster"] : [];
      assertKnownKeys(spec, argument, ["value", "weight", ...clusterable, ...def.options], `an option of the ${name} metric`);
      ({ value: accessor, weight: weightAccessor, cluster: clusterAccessor, ...options } = spec as Record<string, unknown>);
      accessor = accessor ?? undefined;
    }
    const weight = weightAccessor === undefined ? undefined : toGetter(weightAccessor, `${argument}.weight`);
    const cluster = clusterAccessor === undefined ? undefined : toGetter(clusterAccessor, `${argument}.cluster`);
    const get = toGetter(accessor, typeof spec === "object" ? `${argument}.value` : argument);
    const [min, max] = options.scale === undefined ? def.defaultScale : assertScale(options.scale, `${argument}.scale`);
    const resolved = { ...options, scale: [min, max] };
    try {
      // Summarising one response checks every option now, before any record is read.
      def.summarize({ scale: [min, max], counts: [1, ...new Array<number>(max - min).fill(0)] }, resolved, 0.95);
    } catch (error) {
      throw isMetricsError(error) ? prefixed(error, argument) : error;
    }
    plans.push({
      name,
      def,
      get,
      field: typeof accessor === "string" ? accessor : undefined,
      weight,
      weightField: typeof weightAccessor === "string" ? weightAccessor : undefined,
      cluster,
      clusterField: typeof clusterAccessor === "string" ? clusterAccessor : undefined,
      min,
      max,
      options: resolved,
      weightUnit: { value: Number.NaN },
    });
  }
  if (plans.length === 0) throw new MetricsInputError("EMPTY_INPUT", "options.metrics", metrics, `at least one of ${names.join(", ")}`);
  return plans;
}

/** The reading rules every report shares. */
export interface ReadRules {
  readonly cells: CellRules;
  /** How keys are read: the same `missing` mode, and only the key markers the caller names. */
  readonly keys: CellRules;
  readonly skipInvalid: boolean;
  readonly confidence: number;
  readonly minN: number;
}

/** The options every report shares, validated. */
export function readRules(o: Record<string, unknown>): ReadRules {
  const cells = cellRules(o.missing, o.missingValues);
  return {
    cells,
    keys: keyCellRules(cells.skipMissing, o.keyMissingValues),
    skipInvalid: assertOneOf(o.onInvalid, "options.onInvalid", ["throw", "skip"] as const, "throw") === "skip",
    confidence: confidenceOption(o.confidence),
    minN: o.minN === undefined ? 30 : assertCountAtLeast(o.minN, "options.minN", 1),
  };
}

/** What a key reader returns for a record without a valid key; the reason is in `problem`. */
export const NO_KEY: unique symbol = Symbol("no key");

/**
 * Reads each record's group: `read` returns a Map key (a value, a JSON string for nested keys,
 * a period index), or NO_KEY with the reason left in `problem`. Nothing is allocated per record.
 */
export interface KeyReader {
  read(record: unknown, index: number): unknown;
  /**
   * When given, `read` may return keys it has not checked, and `check` says, once per distinct
   * key, whether it is valid (true) or sets `problem` and returns false. Keys repeat, so this
   * takes the checks off the per-record path.
   */
  check?(mapKey: unknown): boolean;
  /** The key shown in the result for a Map key, asked once per new group. */
  shown(mapKey: unknown): unknown;
  /** Why the last read returned NO_KEY; `key` names the key when a reader reads several (a time and a segment). */
  readonly problem: { kind: "missing" | "invalid"; value: unknown; expected: string; key?: KeyNames };
}

/** A mutable skip counter. */
export interface Counter {
  missing: number;
  invalid: number;
  firstMissing: number | null;
  firstInvalid: number | null;
}

export function counter(): Counter {
  return { missing: 0, invalid: 0, firstMissing: null, firstInvalid: null };
}

export function note(c: Counter, kind: "missing" | "invalid", i: number): void {
  if (kind === "missing") {
    if (c.missing++ === 0) c.firstMissing = i;
  } else if (c.invalid++ === 0) {
    c.firstInvalid = i;
  }
}

/** The skip counters of a read: the records', and one per plan. */
export function emptySkipped(plans: readonly Plan[]): Grouped["skipped"] {
  const skipped: { records: Counter } & Record<string, Counter> = { records: counter() };
  for (const plan of plans) skipped[plan.name] = counter();
  return skipped;
}

/**
 * The groups that got records, from counts kept in flat arrays (group g's counts of plan j at
 * `flat[j][g * sizes[j] …]`, its records at `n[g]`), as the report engine's group states.
 */
export function collectGroups(states: GroupState[], n: Float64Array, flat: Float64Array[], sizes: number[]): Map<unknown, GroupState> {
  const map = new Map<unknown, GroupState>();
  for (let g = 0; g < states.length; g++) {
    if (n[g] === 0) continue;
    const state = states[g]!;
    state.n = n[g]!;
    for (let j = 0; j < flat.length; j++) state.counts.push(Array.from(flat[j]!.subarray(g * sizes[j]!, (g + 1) * sizes[j]!)));
    // Keyed by group: two raw keys may show as one ("APAC " and "APAC"), and the report merges them.
    map.set(g, state);
  }
  return map;
}

/** One group's state while reading. */
export interface GroupState {
  readonly key: unknown;
  n: number;
  readonly counts: number[][];
  /** Records a deduplicated report left out of the group. */
  readonly dropped?: number;
  /** Per plan with a cluster, the group's sums per cluster (undefined for the other plans). */
  readonly clusters?: readonly (ClusterSums | undefined)[];
}

/** The result of reading the records. */
export interface Grouped {
  readonly groups: Map<unknown, GroupState>;
  readonly skipped: { readonly records: Counter } & Record<string, Counter>;
}

/**
 * Records in the one form they were read as, once, at the report's entry: a list (an array or an
 * array-like), columns read row by row (an object of columns, an Arrow Table), or an iterable.
 */
export type RowSource =
  | { readonly kind: "list"; readonly list: ArrayLike<unknown> }
  | { readonly kind: "columns"; readonly columns: ColumnRows }
  | { readonly kind: "iterable"; readonly iterable: Iterable<unknown> };

/** The form of a report's records, read once; anything else throws naming `records`. */
export function rowSource(records: unknown): RowSource {
  const columns = columnRows(records);
  if (columns !== undefined) return { kind: "columns", columns };
  if (typeof records === "object" && records !== null && typeof (records as ArrayLike<unknown>).length === "number") {
    return { kind: "list", list: assertArrayLike(records, "records") };
  }
  if (typeof records === "object" && records !== null && Symbol.iterator in records)
    return { kind: "iterable", iterable: records as Iterable<unknown> };
  return { kind: "list", list: assertArrayLike(records, "records") };
}

function forEachRecord(source: RowSource, visit: (record: unknown, index: number) => void): void {
  if (source.kind === "columns") {
    const { columns } = source;
    const { row, length } = columns;
    for (let i = 0; i < length; i++) {
      columns.moveTo(i);
      visit(row, i);
    }
  } else if (source.kind === "list") {
    const { list } = source;
    const n = list.length;
    for (let i = 0; i < n; i++) visit(list[i], i);
  } else {
    let i = 0;
    for (const record of source.iterable) visit(record, i++);
  }
}

/** The error for a field a record does not have at all: most likely a misspelt field name. */
function noSuchField(record: object, i: number, field: string, option: string): Error {
  const fields = Object.keys(record);
  const guess = nearest(field, fields);
  return new MetricsTypeError(
    "INVALID_OPTION",
    option,
    field,
    "",
    `records[${i}] has no field "${field}" (${option}); its fields are ${fields.join(", ")}${guess === undefined ? "" : `: did you mean "${guess}"?`}`,
  );
}

/**
 * What the error for a missing key suggests: a blank key drops only its own records when skipped
 * (a marker such as "NA" is a key, so skipping never drops a region).
 */
export const MISSING_KEY_REMEDY = 'pass missing: "skip" to drop the records without one';

/** A record without a valid key: skipped and counted, or an error naming it (off the hot path). */
export function skipRecord(record: object, i: number, k: KeyReader["problem"], names: KeyNames, rules: ReadRules, counter: Counter): void {
  const key = k.key ?? names;
  if (k.kind === "missing" && key.field !== undefined && !(key.field in record) && !rules.cells.skipMissing) {
    throw noSuchField(record, i, key.field, key.option);
  }
  const skip = k.kind === "missing" ? rules.keys.skipMissing : rules.skipInvalid;
  if (skip) {
    note(counter, k.kind, i);
    return;
  }
  if (k.kind === "missing") throw missingError(k.value, `records[${i}] ${key.label}`, k.expected, MISSING_KEY_REMEDY);
  // A number or a date-shaped string out of range is a domain error; anything else a type error.
  const Kind =
    typeof k.value === "number" || k.value instanceof Date || /^\d{4}-\d\d-\d\d/.test(String(k.value))
      ? MetricsInputError
      : MetricsTypeError;
  throw new Kind(
    Kind === MetricsInputError ? "OUT_OF_RANGE" : "INVALID_TYPE",
    `records[${i}] ${key.label}`,
    k.value,
    `${k.expected} (or pass onInvalid: "skip")`,
  );
}

/**
 * A metric value that is not already a whole number on the scale (off the hot path): a numeric
 * string read, a missing or invalid value skipped and counted (undefined), or an error naming it.
 * Returns the value's index on the scale.
 */
export function readValue(v: unknown, record: object, i: number, plan: Plan, rules: ReadRules, counter: Counter): number | undefined {
  const cell = readCell(v, rules.cells.markers);
  if (isOnScale(cell, plan.min, plan.max)) {
    return cell - plan.min;
  }
  if (cell === undefined) {
    if (plan.field !== undefined && !(plan.field in record) && !rules.cells.skipMissing) {
      throw noSuchField(record, i, plan.field, `options.metrics.${plan.name}`);
    }
    if (!rules.cells.skipMissing) throw missingError(v, valueName(plan, i), `a whole number from ${plan.min} to ${plan.max}`);
    note(counter, "missing", i);
  } else if (rules.skipInvalid) {
    note(counter, "invalid", i);
  } else {
    throw scoreError(typeof cell === "number" ? cell : v, valueName(plan, i), plan.min, plan.max, ' (or pass onInvalid: "skip")');
  }
  return undefined;
}

/**
 * A weighted value into its plan's counts `[counts, Σw, Σw²]` (one block of scale points each):
 * a missing or invalid value or weight is skipped and counted, or throws naming it, as values
 * are; a weight of 0 drops the value.
 */
function readWeightedInto(
  record: object,
  i: number,
  plan: Plan,
  counts: number[],
  rules: ReadRules,
  counter: Counter,
  clusters: ClusterSums | undefined,
): number {
  const k = readValue(plan.get(record, i), record, i, plan, rules, counter);
  if (k === undefined) return -1;
  const raw = plan.weight === undefined ? 1 : plan.weight(record, i);
  const w = readCell(raw, rules.cells.markers);
  const name = plan.weightField === undefined ? `records[${i}] ${plan.name} weight` : `records[${i}].${plan.weightField}`;
  if (w === undefined) {
    if (plan.weightField !== undefined && !(plan.weightField in record) && !rules.cells.skipMissing) {
      throw noSuchField(record, i, plan.weightField, `options.metrics.${plan.name}.weight`);
    }
    if (!rules.cells.skipMissing) throw missingError(raw, name, "a weight, a finite number >= 0");
    note(counter, "missing", i);
    return -1;
  }
  if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
    if (rules.skipInvalid) {
      note(counter, "invalid", i);
      return -1;
    }
    const Kind = typeof w === "number" ? MetricsInputError : MetricsTypeError;
    throw new Kind(
      Kind === MetricsInputError ? "OUT_OF_RANGE" : "INVALID_TYPE",
      name,
      raw,
      'a weight, a finite number >= 0 (or pass onInvalid: "skip")',
    );
  }
  if (w === 0) return -1;
  let id: string | number | undefined;
  if (plan.cluster !== undefined) {
    id = readClusterId(record, i, plan, rules, counter);
    if (id === undefined) return -1;
  }
  const size = plan.max - plan.min + 1;
  let unit = plan.weightUnit.value;
  if (Number.isNaN(unit)) unit = plan.weightUnit.value = powerOfTwoNear(w);
  const r = w / unit;
  counts[k]!++;
  counts[size + k]! += r;
  counts[2 * size + k]! += r * r;
  if (clusters !== undefined && id !== undefined) clusterRow(clusters, id, size)[k]! += r;
  WEIGHT.ratio = r;
  WEIGHT.cluster = id;
  return k;
}

/** Per cluster (account) of one group and plan: its sums of weights per scale point, in the plan's unit. */
export type ClusterSums = Map<string | number, Float64Array>;

/**
 * A value's cluster id (a string or a finite number), or undefined when it is missing and
 * missing values are skipped (the value is then skipped and counted missing); otherwise throws
 * naming the field: a response without its account cannot be placed.
 */
function readClusterId(record: object, i: number, plan: Plan, rules: ReadRules, counter: Counter): string | number | undefined {
  const raw = plan.cluster!(record, i);
  const id = isMissingCell(raw, rules.keys) ? undefined : readId(raw);
  if (id !== undefined) return id;
  const name = plan.clusterField === undefined ? `records[${i}] ${plan.name} cluster` : `records[${i}].${plan.clusterField}`;
  if (plan.clusterField !== undefined && !(plan.clusterField in record) && !rules.cells.skipMissing) {
    throw noSuchField(record, i, plan.clusterField, `options.metrics.${plan.name}.cluster`);
  }
  if (!isMissingCell(raw, rules.keys)) {
    throw new MetricsTypeError("INVALID_TYPE", name, raw, "a cluster id (an account: a string or a finite number)");
  }
  if (!rules.cells.skipMissing) throw missingError(raw, name, "a cluster id (an account: a string or a finite number)");
  note(counter, "missing", i);
  return undefined;
}

/** The weight (in its plan's unit) of the value readWeightedInto last counted. */
const WEIGHT: { ratio: number; cluster: string | number | undefined } = { ratio: 0, cluster: undefined };

/**
 * The records a report counted, one entry each, for reports that count some of them again in
 * other groups (one response per respondent, see dedupe.ts): the record's index, its Map key,
 * and per plan the index of its value on the scale (-1 when skipped) and its weight.
 */
export interface RowLog {
  readonly index: number[];
  readonly key: unknown[];
  /** Per plan: the value's index on the scale, or -1 when the value was skipped. */
  readonly values: number[][];
  /** Per plan: the value's weight in the plan's unit (1 for an unweighted plan). */
  readonly weights: number[][];
  /** Per plan: the value's cluster id (undefined for a plan without a cluster, or a skipped value). */
  readonly clusters: (string | number | undefined)[][];
  /** Called once per counted record, after its key was accepted (the key reader's extras are logged here). */
  commit(index: number, mapKey: unknown): void;
}

/** How a report's key is named in messages. */
export interface KeyNames {
  readonly field: string | undefined;
  readonly option: string;
  readonly label: string;
}

/**
 * Reads the records in one pass into a tally per group and plan. `keys` reads a record's group;
 * `keyField`/`keyOption` name the key for messages (a field name, or undefined for an accessor).
 */
export function groupRecords(
  source: RowSource,
  keys: KeyReader,
  key: KeyNames,
  plans: readonly Plan[],
  rules: ReadRules,
  log?: RowLog,
): Grouped {
  const groups = new Map<unknown, GroupState>();
  // Keys already found missing or invalid, with why (for keys checked once, see KeyReader.check).
  const badKeys = new Map<unknown, KeyReader["problem"]>();
  const skipped = emptySkipped(plans);
  const metricCounters = plans.map((plan) => skipped[plan.name]!);
  let count = 0;
  let first: unknown;
  let lastMapKey: unknown;
  let last: GroupState | undefined;
  const p = plans.length;
  const clustered = plans.some((plan) => plan.cluster !== undefined);
  forEachRecord(source, (record, i) => {
    if (count++ === 0) first = record;
    if (typeof record !== "object" || record === null) {
      if (rules.skipInvalid) return note(skipped.records, "invalid", i);
      throw new MetricsTypeError("INVALID_TYPE", `records[${i}]`, record, 'an object (or pass onInvalid: "skip")');
    }
    const mapKey = keys.read(record, i);
    if (mapKey === NO_KEY) return skipRecord(record, i, keys.problem, key, rules, skipped.records);
    let state: GroupState;
    if (last !== undefined && mapKey === lastMapKey) {
      state = last;
    } else {
      let found = groups.get(mapKey);
      if (found === undefined) {
        const bad = badKeys.get(mapKey);
        if (bad !== undefined) return skipRecord(record, i, bad, key, rules, skipped.records);
        if (keys.check !== undefined && !keys.check(mapKey)) {
          badKeys.set(mapKey, { ...keys.problem });
          return skipRecord(record, i, keys.problem, key, rules, skipped.records);
        }
        found = {
          key: keys.shown(mapKey),
          n: 0,
          counts: plans.map(emptyCounts),
          clusters: clustered ? plans.map(clusterSumsOf) : undefined,
        };
        groups.set(mapKey, found);
      }
      lastMapKey = mapKey;
      last = state = found;
    }
    state.n++;
    if (log !== undefined) return logRecord(record, i, mapKey, state, log, plans, rules, metricCounters);
    for (let j = 0; j < p; j++) {
      const plan = plans[j]!;
      if (isWeightedPlan(plan)) {
        readWeightedInto(record, i, plan, state.counts[j]!, rules, metricCounters[j]!, state.clusters?.[j]);
        continue;
      }
      const v = plan.get(record, i);
      if (typeof v === "number" && v >= plan.min && v <= plan.max && Math.floor(v) === v) {
        state.counts[j]![v - plan.min]!++;
        continue;
      }
      const k = readValue(v, record, i, plan, rules, metricCounters[j]!);
      if (k !== undefined) state.counts[j]![k]!++;
    }
  });
  const records = source.kind === "list" ? source.list : source.kind === "columns" ? source.columns : source.iterable;
  return checkGrouped({ groups, skipped }, records, count, first, key, plans);
}

/** A record's values counted into its group and written to the log (the slow path of groupRecords). */
function logRecord(
  record: object,
  i: number,
  mapKey: unknown,
  state: GroupState,
  log: RowLog,
  plans: readonly Plan[],
  rules: ReadRules,
  counters: readonly Counter[],
): void {
  log.commit(i, mapKey);
  for (let j = 0; j < plans.length; j++) {
    const plan = plans[j]!;
    if (isWeightedPlan(plan)) {
      const k = readWeightedInto(record, i, plan, state.counts[j]!, rules, counters[j]!, state.clusters?.[j]);
      log.values[j]!.push(k);
      log.weights[j]!.push(k < 0 ? 0 : WEIGHT.ratio);
      log.clusters[j]!.push(k < 0 ? undefined : WEIGHT.cluster);
      continue;
    }
    const k = readValue(plan.get(record, i), record, i, plan, rules, counters[j]!) ?? -1;
    if (k >= 0) state.counts[j]![k]!++;
    log.values[j]!.push(k);
    log.weights[j]!.push(1);
    log.clusters[j]!.push(undefined);
  }
}

/**
 * The checks after reading: at least one record, at least one with a valid key, and a valid
 * value of every metric; otherwise an error naming the field and the first record's fields.
 */
export function checkGrouped(
  grouped: Grouped,
  records: unknown,
  count: number,
  first: unknown,
  key: KeyNames,
  plans: readonly Plan[],
): Grouped {
  const { groups, skipped } = grouped;
  const metricCounters = plans.map((plan) => skipped[plan.name]!);
  if (count === 0) throw new MetricsInputError("EMPTY_INPUT", "records", records, "at least one record");
  const fieldsOfFirst = typeof first === "object" && first !== null ? Object.keys(first).join(", ") : "none (it is not an object)";
  if (groups.size === 0) {
    throw new MetricsInputError(
      "EMPTY_INPUT",
      key.option,
      key.field ?? "an accessor",
      `a ${key.label} that at least one record has: all ${count} records were skipped (${skipped.records.missing} missing, ${skipped.records.invalid} invalid); the first record's fields are ${fieldsOfFirst}`,
    );
  }
  plans.forEach((plan, j) => {
    let total = 0;
    for (const g of groups.values()) total += countOf(plan, g.counts[j]!);
    if (total === 0) {
      const s = metricCounters[j]!;
      throw new MetricsInputError(
        "EMPTY_INPUT",
        `options.metrics.${plan.name}`,
        plan.field ?? "an accessor",
        `a field with at least one valid value: all ${s.missing + s.invalid} values were skipped (${s.missing} missing, ${s.invalid} invalid); the first record's fields are ${fieldsOfFirst}`,
      );
    }
  });
  return grouped;
}

function valueName(plan: Plan, i: number): string {
  return plan.field === undefined ? `records[${i}] ${plan.name} value` : `records[${i}].${plan.field}`;
}

/**
 * A plan's empty counts: one per scale point, and for a weighted plan two more blocks of the same
 * length for the sums of weights and of squared weights.
 */
export function emptyCounts(plan: Plan): number[] {
  return new Array<number>((isWeightedPlan(plan) ? 3 : 1) * (plan.max - plan.min + 1)).fill(0);
}

/** Whether a plan's counts carry weight sums: it names a weight, or a cluster (weight 1). */
export function isWeightedPlan(plan: Plan): boolean {
  return plan.weight !== undefined || plan.cluster !== undefined;
}

/** A new group's cluster sums for a plan: a Map for a plan with a cluster, else undefined. */
export function clusterSumsOf(plan: Plan): ClusterSums | undefined {
  return plan.cluster === undefined ? undefined : new Map();
}

/** Cluster sums of several groups for one plan, merged (an account in several groups adds up). */
export function mergeClusterSums(parts: Iterable<ClusterSums | undefined>, size: number): ClusterSums {
  const merged: ClusterSums = new Map();
  for (const part of parts) if (part !== undefined) addClusterSums(merged, part, size);
  return merged;
}

/** `part`'s cluster sums added into `into` (an account in both adds up). */
export function addClusterSums(into: ClusterSums, part: ClusterSums, size: number): void {
  for (const [id, sums] of part) {
    const row = clusterRow(into, id, size);
    for (let k = 0; k < size; k++) row[k]! += sums[k]!;
  }
}

/** A cluster's sums per scale point in `clusters`, created (all 0) on its first use. */
export function clusterRow(clusters: ClusterSums, id: string | number, size: number): Float64Array {
  let row = clusters.get(id);
  if (row === undefined) {
    row = new Float64Array(size);
    clusters.set(id, row);
  }
  return row;
}

/** The tally of counts on a plan's scale: a weighted tally for a weighted plan. */
export function planTally(plan: Plan, counts: readonly number[]): Tally {
  const size = plan.max - plan.min + 1;
  const own = counts.slice(0, size);
  if (!isWeightedPlan(plan)) return { scale: [plan.min, plan.max], counts: own };
  // Where no response is counted the sums are 0 exactly (a rest-of-sample difference can leave an ulp).
  const block = (b: number) => own.map((c, k) => (c === 0 ? 0 : counts[b * size + k]!));
  const squares = block(2);
  // Relative to the unit, only weights some 10^150 apart can overflow or underflow their squares.
  if (squares.some((q, k) => own[k]! > 0 && !(q > 0 && q < Number.POSITIVE_INFINITY))) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      plan.weightField === undefined ? `options.metrics.${plan.name}.weight` : `records' ${plan.weightField}`,
      `weights around ${plan.weightUnit.value}`,
      "weights within about 10^150 of one another: their squares must add up in a double",
    );
  }
  return { scale: [plan.min, plan.max], counts: own, weights: block(1), squaredWeights: squares };
}

/** Counts of several groups added, per plan. */
export function addCounts(plans: readonly Plan[], groups: Iterable<GroupState>): number[][] {
  const total = plans.map(emptyCounts);
  for (const g of groups) {
    for (let j = 0; j < plans.length; j++) {
      const c = g.counts[j]!;
      const t = total[j]!;
      for (let k = 0; k < c.length; k++) t[k]! += c[k]!;
    }
  }
  return total;
}

/** The number of responses in a plan's counts. */
export function countOf(plan: Plan, counts: readonly number[]): number {
  let n = 0;
  for (let k = 0; k <= plan.max - plan.min; k++) n += counts[k]!;
  return n;
}

/** A plan's summary of counts, or null when there are none. */
export function summarizeCounts(plan: Plan, counts: readonly number[], confidence: number, clusters?: ClusterSums): Estimate | null {
  if (countOf(plan, counts) === 0) return null;
  if (plan.cluster !== undefined) return plan.def.summarizeClustered!(clusteredTally(plan, counts, clusters), plan.options, confidence);
  return plan.def.summarize(planTally(plan, counts), plan.options, confidence);
}

/** A clustered plan's counts and cluster sums as the tally its clustered summary reads. */
export function clusteredTally(plan: Plan, counts: readonly number[], clusters: ClusterSums | undefined): ClusteredTally {
  return { ...(planTally(plan, counts) as WeightedTally), clusterSums: clusters === undefined ? [] : [...clusters.values()] };
}

/**
 * A family of comparisons tested together (the segments of a metric, or the segments' changes
 * in one period) with Holm's correction: each tested one gets its `adjustedPValue`, and is
 * significant only by it (never when `tooFew`); an untestable one (null) stays null.
 */
export function holmFamily<C extends Comparison & { tooFew: boolean }>(
  family: readonly (C | null)[],
  confidence: number,
): ((C & { adjustedPValue: number }) | null)[] {
  const tested = family.flatMap((c, i) => (c === null ? [] : [i]));
  const adjusted = holmAdjust(tested.map((i) => family[i]!.pValue));
  const out: ((C & { adjustedPValue: number }) | null)[] = family.map(() => null);
  tested.forEach((i, k) => {
    const c = family[i]!;
    const adjustedPValue = adjusted[k]!;
    out[i] = { ...c, adjustedPValue, significant: adjustedPValue < 1 - confidence && !c.tooFew };
  });
  return out;
}

/** A comparison of a with b with the small-sample guard, or null when untestable. */
export function guardedComparison(
  plan: Plan,
  a: readonly number[],
  b: readonly number[],
  rules: ReadRules,
  clustersA?: ClusterSums,
  clustersB?: ClusterSums,
): (Comparison & { tooFew: boolean }) | null {
  const na = countOf(plan, a);
  const nb = countOf(plan, b);
  if (na === 0 || nb === 0) return null;
  const c =
    plan.cluster === undefined
      ? plan.def.compare(planTally(plan, a), planTally(plan, b), plan.options, rules.confidence)
      : plan.def.compareClustered!(clusteredTally(plan, a, clustersA), clusteredTally(plan, b, clustersB), plan.options, rules.confidence);
  if (c === null) return null;
  const tooFew = Math.min(na, nb) < rules.minN;
  return { ...c, significant: c.significant && !tooFew, tooFew };
}
