import { readOptions } from "../_lib/core/options.ts";
import { bigintKey, type CellRules, isMissingCell, trimEnds } from "../_lib/read/cells.ts";
import { timeReader } from "../_lib/read/time.ts";
import { MetricsInputError } from "../errors.ts";
import type { Tally } from "../types.ts";
import { groupColumns } from "./columnGroups.ts";
import {
  DEDUPE_EXPECTED,
  type DedupePlan,
  type DedupeSummary,
  dedupedSpans,
  dedupeLog,
  dedupeOption,
  respondentReader,
  type SegmentDedupeOptions,
} from "./dedupe.ts";
import {
  addCounts,
  type Grouped,
  type GroupState,
  groupRecords,
  guardedComparison,
  holmFamily,
  type KeyNames,
  type KeyReader,
  mergeClusterSums,
  NO_KEY,
  type Plan,
  planMetrics,
  planTally,
  type ReadRules,
  type RowSource,
  readRules,
  rowSource,
  summarizeCounts,
  toGetter,
} from "./engine.ts";
import { groupRecordArray } from "./recordGroups.ts";
import { type AnyMetric, METRICS, type Registry } from "./registry.ts";
import type {
  Accessor,
  MetricName,
  Metrics,
  MetricTallies,
  RecordsInput,
  ReportOptions,
  SegmentEntries,
  Skipped,
  SummaryEntries,
} from "./spec.ts";

/**
 * A segment's key: the value of `by`, or one value per accessor when `by` is an array.
 *
 * @category Segments and trends
 */
export type SegmentKey = string | number | boolean | readonly (string | number | boolean)[];

/**
 * Options for {@link segmentReport}.
 *
 * @category Segments and trends
 */
export interface SegmentReportOptions<R, M extends PropertyKey, Reg = Metrics> extends ReportOptions<R, M, Reg> {
  /** The segment: a field name or accessor, or an array of them for nested segments (region × plan). */
  by: Accessor<R> | readonly Accessor<R>[];
  /**
   * Strings read as a missing segment key. Default none: only a blank, `null`, `undefined` or
   * `NaN` key is missing, and `"NA"` (North America), `"N/A"` or `"-"` is a segment of its own.
   * Keys are compared without the white space at their ends (`"APAC "` is `"APAC"`).
   */
  keyMissingValues?: readonly string[];
  /**
   * One respondent, one vote: only each respondent's latest (or first) response counts in each
   * segment. "Latest" is by `time` when given (a Date, epoch milliseconds or an ISO 8601 string),
   * else by the records' order (the last record is the latest).
   */
  dedupe?: SegmentDedupeOptions<R>;
}

/**
 * One segment of a {@link SegmentReport}: its key, record count, tallies and, per requested
 * metric, the summary with `vsRest`.
 *
 * @category Segments and trends
 */
export type Segment<M extends keyof Reg, Reg = Metrics> = {
  /** The segment's key (an array for nested segments). */
  readonly key: SegmentKey;
  /** Records in the segment. */
  readonly n: number;
  /** Per metric, the segment's tally: merge them across machines or days with `mergeTallies`. */
  readonly tallies: MetricTallies<M>;
  /** Records `dedupe` left out of the segment (its respondents' other responses); 0 without it. */
  readonly dropped: number;
} & SegmentEntries<M, Reg>;

/**
 * The result of {@link segmentReport}.
 *
 * @category Segments and trends
 */
export interface SegmentReport<M extends keyof Reg, Reg = Metrics> {
  /** All records together: their count and each metric's summary. */
  readonly total: {
    /** Records with a valid key. */
    readonly n: number;
  } & SummaryEntries<M, Reg>;
  /** One entry per segment, sorted by key. */
  readonly segments: readonly Segment<M, Reg>[];
  /** What was skipped, split into missing and invalid, with the first row of each. */
  readonly skipped: Skipped<M>;
  /** The confidence level used. */
  readonly confidence: number;
  /** The fewest responses per side a comparison needed to be flagged. */
  readonly minN: number;
  /** The deduplication used (`by` is the field name, or null for an accessor), and the records it left out in all; or null. */
  readonly dedupe: DedupeSummary | null;
}

type KeyValue = string | number | boolean;

export const SEGMENT_OPTIONS = [
  "by",
  "metrics",
  "confidence",
  "missing",
  "missingValues",
  "keyMissingValues",
  "onInvalid",
  "minN",
  "dedupe",
] as const;

const KEY_EXPECTED = "a string, finite number or boolean";

/**
 * A segment key value (a string without the white space at its ends, a finite number or a
 * boolean; numeric strings stay strings), or why not. `cells` are the key rules: only the
 * caller's key markers, never the values' "NA".
 */
function keyValue(v: unknown, cells: CellRules): KeyValue | "missing" | "invalid" {
  if (isMissingCell(v, cells)) return "missing";
  if (typeof v === "string") return trimEnds(v);
  // A BIGINT key column: the number it is, or its digits past 2^53 (where no double is exact).
  if (typeof v === "bigint") return bigintKey(v);
  return typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)) ? v : "invalid";
}

/** The key reader of `by`: one accessor (the value is the Map key) or several (a JSON string). */
export function segmentKeys(by: unknown, cells: CellRules): KeyReader {
  const problem = { kind: "missing" as "missing" | "invalid", value: undefined as unknown, expected: KEY_EXPECTED };
  const fail = (kind: "missing" | "invalid", value: unknown) => {
    problem.kind = kind;
    problem.value = value;
    return NO_KEY;
  };
  if (Array.isArray(by)) {
    if (by.length === 0) throw new MetricsInputError("EMPTY_INPUT", "options.by", by, "at least one field or accessor");
    const getters = by.map((b, j) => toGetter(b, `options.by[${j}]`));
    const parts: KeyValue[] = [];
    return {
      problem,
      read(record, i) {
        for (let j = 0; j < getters.length; j++) {
          const raw = getters[j]!(record, i);
          const v = keyValue(raw, cells);
          if (v === "missing" || v === "invalid") return fail(v, raw);
          parts[j] = v;
        }
        return JSON.stringify(parts);
      },
      shown: (mapKey) => JSON.parse(mapKey as string) as KeyValue[],
    };
  }
  const get = toGetter(by, "options.by");
  return {
    problem,
    // The raw value is the Map key; it is checked once per distinct value. Objects are never Map
    // keys here (each would be a new entry): they are invalid at once.
    read(record, i) {
      const raw = get(record, i);
      return (typeof raw === "object" && raw !== null) || typeof raw === "function" ? fail("invalid", raw) : raw;
    },
    check(mapKey) {
      const v = keyValue(mapKey, cells);
      if (v !== "missing" && v !== "invalid") return true;
      fail(v, mapKey);
      return false;
    },
    // "APAC " and "APAC" are one segment: the shown key is trimmed, and groups with one shown key merge.
    // A BIGINT key is shown as the number it is (1n and 1 are one segment).
    shown: (mapKey) => (typeof mapKey === "string" ? trimEnds(mapKey) : typeof mapKey === "bigint" ? bigintKey(mapKey) : mapKey),
  };
}

/** Groups whose shown keys are equal ("APAC " and "APAC" read as two Map keys) merged into one. */
function mergeEqualKeys(states: readonly GroupState[]): GroupState[] {
  const byKey = new Map<string, GroupState>();
  for (const s of states) {
    const id = JSON.stringify(s.key);
    const seen = byKey.get(id);
    if (seen === undefined) {
      byKey.set(id, s);
      continue;
    }
    byKey.set(id, {
      key: seen.key,
      n: seen.n + s.n,
      counts: seen.counts.map((c, j) => c.map((x, k) => x + s.counts[j]![k]!)),
      clusters: seen.clusters?.map((c, j) =>
        c === undefined ? undefined : mergeClusterSums([c, s.clusters?.[j]], seen.counts[j]!.length / 3),
      ),
    });
  }
  return byKey.size === states.length ? [...states] : [...byKey.values()];
}

const TYPE_ORDER: Record<string, number> = { number: 0, string: 1, boolean: 2 };

function compareKeyValues(a: KeyValue, b: KeyValue): number {
  if (typeof a !== typeof b) return TYPE_ORDER[typeof a]! - TYPE_ORDER[typeof b]!;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order segment keys: by value, element by element for nested keys (all of one length, and distinct). */
export function compareKeys(a: SegmentKey, b: SegmentKey): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    let c = 0;
    for (let i = 0; c === 0 && i < a.length; i++) c = compareKeyValues(a[i]!, b[i]!);
    return c;
  }
  return compareKeyValues(a as KeyValue, b as KeyValue);
}

/**
 * The report engine for any metric registry: {@link segmentReport} is this with the built-in
 * metrics. Internal; exported for tests that add a metric.
 */
export function reportSegments<Reg extends { readonly [K in keyof Reg]: AnyMetric }, R, M extends keyof Reg & string>(
  registry: Reg,
  records: RecordsInput<R>,
  options: SegmentReportOptions<R, M, Reg>,
): SegmentReport<M, Reg>;
// The implementation builds entries keyed by metric name in a loop; the overload above states
// the precise shape that loop produces (checked by the tests against each summary function).
export function reportSegments(
  registry: Registry,
  records: unknown,
  options: { readonly [K in (typeof SEGMENT_OPTIONS)[number]]?: unknown },
): object {
  refuseTimeShapes(options);
  const o = readOptions(options, "segmentReport", SEGMENT_OPTIONS);
  const rules = readRules(o);
  const plans = planMetrics(o.metrics, registry);
  const by = o.by;
  const keys = segmentKeys(by, rules.keys);
  const keyNames = { field: typeof by === "string" ? by : undefined, option: "options.by", label: "segment key" };
  // Arrays of records keyed by field names, and columns keyed by one column, take a fast path;
  // anything it does not cover is read record by record.
  const fields =
    typeof by === "string"
      ? [by]
      : Array.isArray(by) && by.length > 0 && by.every((b) => typeof b === "string")
        ? (by as string[])
        : undefined;
  // The records' form is read once; each reader below takes that one form.
  const source = rowSource(records);
  const dedupe = dedupeOption(o.dedupe, true);
  if (dedupe !== undefined) return assembleSegments(dedupedGroups(source, by, keyNames, plans, rules, dedupe), plans, rules, dedupe);
  const grouped =
    (fields !== undefined && source.kind === "list" && Array.isArray(source.list)
      ? groupRecordArray(source.list, fields, keys, keyNames, plans, rules)
      : undefined) ??
    (source.kind === "columns" && typeof by === "string" ? groupColumns(source.columns, by, keys, keyNames, plans, rules) : undefined) ??
    groupRecords(source, keys, keyNames, plans, rules);
  return assembleSegments(grouped, plans, rules);
}

/** A window or smoothing given to a report without a time: an error, not a silent plain report. */
export function refuseTimeShapes(options: unknown): void {
  if (typeof options !== "object" || options === null) return;
  for (const name of ["window", "smoothing"] as const) {
    if (name in options) {
      throw new MetricsInputError(
        "INVALID_OPTION",
        `options.${name}`,
        (options as Record<string, unknown>)[name],
        "",
        `options.${name} needs a time: use trend(records, { time, every, by, ${name} }) for a ${name === "window" ? "rolling metric" : "smoothed metric"} per segment`,
      );
    }
  }
}

/**
 * The report from records grouped by segment (read from records, or from counts a database
 * returned): segments in key order, each summarised and tested against the rest.
 */
export function assembleSegments(grouped: Grouped, plans: readonly Plan[], rules: ReadRules, dedupe?: DedupePlan): object {
  const states = mergeEqualKeys([...grouped.groups.values()]).sort((a, b) => compareKeys(a.key as SegmentKey, b.key as SegmentKey));
  const total = addCounts(plans, states);
  let n = 0;
  for (const s of states) n += s.n;

  const totalEntry: Record<string, unknown> = { n };
  const segments = states.map((s): Record<string, unknown> & { tallies: Record<string, Tally> } => ({
    key: s.key,
    n: s.n,
    tallies: {},
    dropped: s.dropped ?? 0,
  }));
  plans.forEach((plan, j) => {
    const size = plan.max - plan.min + 1;
    // Clustered plans: each segment's accounts, all accounts, and the rest's (an account that
    // answered in two segments is in both: the two sides are then not independent samples).
    const clusters = plan.cluster === undefined ? undefined : states.map((s) => s.clusters?.[j]);
    const others = (i: number) =>
      clusters === undefined
        ? undefined
        : mergeClusterSums(
            clusters.filter((_, k) => k !== i),
            size,
          );
    totalEntry[plan.name] = summarizeCounts(plan, total[j]!, rules.confidence, clusters && mergeClusterSums(clusters, size));
    const raw = states.map((s, i) => {
      const inside = s.counts[j]!;
      const rest = total[j]!.map((c, k) => c - inside[k]!);
      const own = clusters?.[i];
      return {
        inside,
        summary: summarizeCounts(plan, inside, rules.confidence, own),
        vs: guardedComparison(plan, inside, rest, rules, own, others(i)),
      };
    });
    const vsRest = holmFamily(
      raw.map((r) => r.vs),
      rules.confidence,
    );
    raw.forEach((r, i) => {
      const segment = segments[i]!;
      segment.tallies[plan.name] = planTally(plan, r.inside);
      segment[plan.name] = r.summary === null ? null : { ...r.summary, vsRest: vsRest[i] };
    });
  });
  let dropped = 0;
  for (const s of states) dropped += s.dropped ?? 0;
  return {
    total: totalEntry,
    segments,
    skipped: grouped.skipped,
    confidence: rules.confidence,
    minN: rules.minN,
    dedupe: dedupe === undefined ? null : { by: dedupe.names.field ?? null, keep: dedupe.keep, dropped },
  };
}

/**
 * The groups of a deduplicated report: every record read and checked as usual (skips, errors),
 * then each segment counted again with one record per respondent: the latest (or first) by
 * `dedupe.time`, or by the records' order.
 */
function dedupedGroups(
  source: RowSource,
  by: unknown,
  keyNames: KeyNames,
  plans: readonly Plan[],
  rules: ReadRules,
  dedupe: DedupePlan,
): Grouped {
  const seg = segmentKeys(by, rules.keys);
  const log = dedupeLog(plans);
  const respondent = respondentReader(dedupe, rules, log);
  const times = timeReader("UTC", undefined);
  const timeNames: KeyNames = { field: dedupe.timeField, option: "options.dedupe.time", label: "dedupe time" };
  const problem: KeyReader["problem"] = { kind: "missing", value: undefined, expected: "", key: keyNames };
  const fail = (kind: "missing" | "invalid", value: unknown, expected: string, key: KeyNames) => {
    Object.assign(problem, { kind, value, expected, key });
    return NO_KEY;
  };
  const keys: KeyReader = {
    problem,
    read(record, i) {
      const raw = seg.read(record, i);
      if (raw === NO_KEY) return fail(seg.problem.kind, seg.problem.value, seg.problem.expected, keyNames);
      const why = respondent(record, i);
      if (why !== undefined) return fail(why.kind, why.value, DEDUPE_EXPECTED, dedupe.names);
      if (dedupe.time === undefined) {
        log.pending.order = i;
      } else {
        const v = dedupe.time(record, i);
        const at = isMissingCell(v, rules.cells) ? "a time" : times.instantOf(v);
        if (typeof at !== "number") return fail(at === "a time" ? "missing" : "invalid", v, at, timeNames);
        log.pending.order = at;
      }
      return raw;
    },
    shown: seg.shown,
  };
  if (seg.check !== undefined) {
    keys.check = (mapKey) => {
      if (seg.check!(mapKey)) return true;
      fail(seg.problem.kind, seg.problem.value, seg.problem.expected, keyNames);
      return false;
    };
  }
  const all = groupRecords(source, keys, keyNames, plans, rules, log);
  // Rows per shown key ("APAC " and "APAC" are one segment, and one respondent in it is one vote).
  const rowsOf = new Map<string, { key: unknown; n: number; rows: number[] }>();
  const shownOf = new Map<unknown, string>();
  for (const [mapKey, state] of all.groups) {
    const id = JSON.stringify(state.key);
    shownOf.set(mapKey, id);
    const seen = rowsOf.get(id);
    if (seen === undefined) rowsOf.set(id, { key: state.key, n: state.n, rows: [] });
    else seen.n += state.n;
  }
  for (let r = 0; r < log.key.length; r++) rowsOf.get(shownOf.get(log.key[r])!)!.rows.push(r);
  const groups = new Map<unknown, GroupState>();
  for (const [id, { key, n, rows }] of rowsOf) {
    const [kept] = dedupedSpans(log, rows, () => 0, [{ lo: 0, hi: 0 }], dedupe.keep, plans);
    groups.set(id, { key, n: kept!.n, counts: kept!.counts, dropped: n - kept!.n, clusters: kept!.clusters });
  }
  return { groups, skipped: all.skipped };
}

/**
 * Every metric per segment (region, plan, channel, or several at once), with each segment
 * tested against all other responses and the tests corrected for their number.
 *
 * One pass over the records builds a tally per segment and metric (counts per scale point, never
 * copies of the records); every summary is then exactly what `npsSummary`, `csatSummary` and
 * `cesSummary` give on that segment's responses. Each segment's `vsRest` compares it with the
 * union of the other segments (`compareNps`; for CSAT the two-proportion z test, or Fisher's
 * exact test where an expected count is below 5; Welch's t for CES), and `adjustedPValue`
 * applies Holm's correction across the segments of each metric. `significant` uses the adjusted
 * value, so ten segments do not give ten chances at a false alarm, and is never true when either
 * side has fewer than `minN` responses (`tooFew`).
 *
 * Values are read as a CSV gives them: numbers or numeric strings (`"9"`). A missing value
 * (`null`, blank, `"N/A"`) throws unless `missing: "skip"`; an invalid one (11 on 0-10, a word)
 * throws unless `onInvalid: "skip"`. Skipped keys drop the record; skipped values drop only that
 * metric's value; `skipped` counts both kinds with the first row of each. When every record, or
 * every value of a metric, would be skipped, the report throws and names the field, listing the
 * fields the first record has (a misspelt `by` is an error, not an empty report).
 *
 * With `dedupe: { by, keep, time? }`, only each respondent's latest (or first) response counts in
 * each segment (by `time`, or the records' order), and each segment says how many it `dropped`. A
 * metric spec with `cluster` (`{ value, weight, cluster }`) clusters every summary and test by
 * account, as R survey's `svydesign(ids = ~account, weights = ~w)`. A `window` or `smoothing` is
 * an error here: they need a time (use {@link trend}).
 *
 * @param records - An array (or any iterable) of records.
 * @param options - `by`, `metrics`, `confidence` (default 0.95), `missing` (default `"throw"`),
 *   `missingValues`, `keyMissingValues`, `onInvalid` (default `"throw"`), `minN` (default 30),
 *   `dedupe`.
 * @returns `{ total, segments, skipped, confidence, minN, dedupe }`; segments sorted by key.
 * @throws {@link MetricsInputError} / {@link MetricsTypeError} for bad or unknown options, a
 *   field no record has, no records, everything skipped, and (by default) the first record with a
 *   missing or invalid key or value, naming it.
 * @see S. Holm, Scandinavian Journal of Statistics 6 (1979), 65-70.
 * @example
 * ```ts
 * import { segmentReport } from "cxmetrics";
 * const records = [
 *   { region: "EMEA", ltr: 10, sat: 5 },
 *   { region: "EMEA", ltr: 9, sat: 4 },
 *   { region: "APAC", ltr: 3, sat: 2 },
 *   { region: "APAC", ltr: 8, sat: 4 },
 * ];
 * const report = segmentReport(records, { by: "region", metrics: { nps: "ltr", csat: "sat" } });
 * report.segments.map((s) => [s.key, s.nps?.estimate]); // [["APAC", -50], ["EMEA", 100]]
 * ```
 *
 * @category Segments and trends
 */
export function segmentReport<R, M extends MetricName>(records: RecordsInput<R>, options: SegmentReportOptions<R, M>): SegmentReport<M> {
  return reportSegments(METRICS, records, options);
}
