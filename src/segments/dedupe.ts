// One respondent, one vote: the `dedupe` option of segmentReport and trend. The report engine
// counts every record as usual and logs each one (its group, respondent, order and value
// indexes); each group (a segment, a period or a window) is then counted again from the log,
// with only each respondent's latest (or first) record in it. Internal.

import { assertKnownKeys } from "../_lib/core/options.ts";
import { assertOneOf } from "../_lib/core/validate.ts";
import { isMissingCell, readId } from "../_lib/read/cells.ts";
import { MetricsTypeError } from "../errors.ts";
import {
  type ClusterSums,
  clusterRow,
  clusterSumsOf,
  emptyCounts,
  isWeightedPlan,
  type KeyNames,
  type Plan,
  type ReadRules,
  type RowLog,
  toGetter,
} from "./engine.ts";
import type { Accessor } from "./spec.ts";

/**
 * One respondent, one vote: only each respondent's latest (or first) response counts, within
 * each segment, period or window.
 *
 * @category Segments and trends
 */
export interface DedupeOptions<R> {
  /** The respondent id: a field name or accessor (a string or a finite number; blank is missing). */
  by: Accessor<R>;
  /** Which response counts: `"latest"` or `"first"`, by the report's time (and the records' order for equal times). */
  keep: "latest" | "first";
}

/**
 * The deduplication a report used, and what it left out.
 *
 * @category Segments and trends
 */
export interface DedupeSummary {
  /** The respondent field, or null for an accessor. */
  readonly by: string | null;
  /** Which response of each respondent counted. */
  readonly keep: "latest" | "first";
  /** Records left out in all (each respondent's other responses). */
  readonly dropped: number;
}

/**
 * The `dedupe` option of {@link segmentReport}: as {@link DedupeOptions}, with the time that orders
 * a respondent's responses (a report by segment has none of its own).
 *
 * @category Segments and trends
 */
export interface SegmentDedupeOptions<R> extends DedupeOptions<R> {
  /** When each response was given (a Date, epoch ms or an ISO 8601 string); default: the records' order. */
  time?: Accessor<R>;
}

/** Which response of a respondent counts: the latest or the first. */
export const DEDUPE_KEEP = ["latest", "first"] as const;

/** The `dedupe` option, validated. */
export interface DedupePlan {
  readonly get: (record: unknown, index: number) => unknown;
  readonly names: KeyNames;
  readonly keep: (typeof DEDUPE_KEEP)[number];
  /** What orders a respondent's records (segmentReport's `dedupe.time`); undefined: the report's time, or the records' order. */
  readonly time: ((record: unknown, index: number) => unknown) | undefined;
  readonly timeField: string | undefined;
}

/** Validates `options.dedupe` (`{ by, keep }`, and `time` where the report has none of its own). */
export function dedupeOption(value: unknown, withTime: boolean): DedupePlan | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null) {
    throw new MetricsTypeError(
      "INVALID_TYPE",
      "options.dedupe",
      value,
      '{ by: a respondent id field or accessor, keep: "latest" or "first" }',
    );
  }
  assertKnownKeys(value, "options.dedupe", withTime ? ["by", "keep", "time"] : ["by", "keep"], "an option of dedupe");
  const o = value as { by?: unknown; keep?: unknown; time?: unknown };
  const keep = assertOneOf(o.keep, "options.dedupe.keep", DEDUPE_KEEP);
  const get = toGetter(o.by, "options.dedupe.by");
  const time = o.time === undefined ? undefined : toGetter(o.time, "options.dedupe.time");
  return {
    get,
    names: { field: typeof o.by === "string" ? o.by : undefined, option: "options.dedupe.by", label: "respondent id" },
    keep,
    time,
    timeField: typeof o.time === "string" ? o.time : undefined,
  };
}

/** The row log of a deduplicated report, with each record's respondent and order. */
export interface DedupeLog extends RowLog {
  /** Per logged record: its respondent, interned. */
  readonly respondent: number[];
  /** Per logged record: what orders it among its respondent's (a time in ms, or its index). */
  readonly order: number[];
  /** Set by the key reader before a record is committed. */
  pending: { respondent: number; order: number };
}

export function dedupeLog(plans: readonly Plan[]): DedupeLog {
  const log: DedupeLog = {
    index: [],
    key: [],
    values: plans.map(() => []),
    weights: plans.map(() => []),
    clusters: plans.map(() => []),
    respondent: [],
    order: [],
    pending: { respondent: 0, order: 0 },
    commit(index, mapKey) {
      log.index.push(index);
      log.key.push(mapKey);
      log.respondent.push(log.pending.respondent);
      log.order.push(log.pending.order);
    },
  };
  return log;
}

/**
 * Reads a record's respondent id into `pending` (interned: equal ids, one number), or returns
 * why it cannot: "missing" (a blank, null, NaN) or "invalid" (an object, a boolean).
 */
export function respondentReader(plan: DedupePlan, rules: ReadRules, log: DedupeLog) {
  const ids = new Map<string | number, number>();
  return (record: unknown, i: number): { kind: "missing" | "invalid"; value: unknown } | undefined => {
    const raw = plan.get(record, i);
    if (isMissingCell(raw, rules.keys)) return { kind: "missing", value: raw };
    const id = readId(raw);
    if (id === undefined) return { kind: "invalid", value: raw };
    let n = ids.get(id);
    if (n === undefined) {
      n = ids.size;
      ids.set(id, n);
    }
    log.pending.respondent = n;
    return undefined;
  };
}

/** A group to count again, as the range of units (periods, days) it covers, inclusive. */
export interface Span {
  readonly lo: number;
  readonly hi: number;
}

/** Counts of one span after deduplication: its records and per plan its counts. */
export interface SpanCounts {
  n: number;
  readonly counts: number[][];
  /** Per plan with a cluster, the span's sums per cluster. */
  readonly clusters: (ClusterSums | undefined)[];
}

/**
 * Counts each span again with only each respondent's latest (or first) logged record in it.
 * `rows` are the positions in the log of one series' records, `unitOf` a record's unit; `spans`
 * are sorted by `hi`, with `lo` never decreasing. A respondent's records are taken in order of
 * unit, then `order`, then index: a record is the latest in a span when it lies in it and the
 * respondent's next record does not.
 */
export function dedupedSpans(
  log: DedupeLog,
  rows: readonly number[],
  unitOf: (row: number) => number,
  spans: readonly Span[],
  keep: DedupePlan["keep"],
  plans: readonly Plan[],
): SpanCounts[] {
  const out: SpanCounts[] = spans.map(() => ({ n: 0, counts: plans.map(emptyCounts), clusters: plans.map(clusterSumsOf) }));
  const units = new Map<number, number>();
  for (const r of rows) units.set(r, unitOf(r));
  const sorted = [...rows].sort(
    (a, b) =>
      log.respondent[a]! - log.respondent[b]! ||
      units.get(a)! - units.get(b)! ||
      log.order[a]! - log.order[b]! ||
      log.index[a]! - log.index[b]!,
  );
  const add = (s: number, r: number) => {
    const target = out[s]!;
    target.n++;
    plans.forEach((plan, j) => {
      const k = log.values[j]![r]!;
      if (k < 0) return;
      const c = target.counts[j]!;
      c[k]!++;
      if (!isWeightedPlan(plan)) return;
      const size = plan.max - plan.min + 1;
      const w = log.weights[j]![r]!;
      c[size + k]! += w;
      c[2 * size + k]! += w * w;
      const id = log.clusters[j]![r];
      const sums = target.clusters[j];
      if (id !== undefined && sums !== undefined) clusterRow(sums, id, size)[k]! += w;
    });
  };
  for (let q = 0; q < sorted.length; q++) {
    const r = sorted[q]!;
    const u = units.get(r)!;
    const same = (p: number) => p >= 0 && p < sorted.length && log.respondent[sorted[p]!] === log.respondent[r];
    // The first span that may hold u (spans are sorted by hi).
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.hi < u) lo = mid + 1;
      else hi = mid;
    }
    if (keep === "latest") {
      const next = same(q + 1) ? units.get(sorted[q + 1]!)! : Number.POSITIVE_INFINITY;
      for (let s = lo; s < spans.length && spans[s]!.lo <= u && spans[s]!.hi < next; s++) add(s, r);
    } else {
      const previous = same(q - 1) ? units.get(sorted[q - 1]!)! : Number.NEGATIVE_INFINITY;
      for (let s = lo; s < spans.length && spans[s]!.lo <= u; s++) if (spans[s]!.lo > previous) add(s, r);
    }
  }
  return out;
}

/** The error for a record whose respondent id is missing or invalid, naming `options.dedupe.by`. */
export const DEDUPE_EXPECTED = "a respondent id (a string or a finite number)";
