import { assertKnownKeys, readOptions } from "../_lib/core/options.ts";
import { assertCountAtLeast, assertOneOf, assertPositive } from "../_lib/core/validate.ts";
import { isMissingCell } from "../_lib/read/cells.ts";
import { assertSpan, periodAt, periodIndex, type TimeReader, timeReader, timeUnitOption, timeZoneOption } from "../_lib/read/time.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import { type ClusteredTally, type Comparison, PERIOD_UNITS, type PeriodUnit, type Tally, type TimeUnit } from "../types.ts";
import {
  DEDUPE_EXPECTED,
  type DedupeLog,
  type DedupeOptions,
  type DedupePlan,
  type DedupeSummary,
  dedupedSpans,
  dedupeLog,
  dedupeOption,
  respondentReader,
  type Span,
  type SpanCounts,
} from "./dedupe.ts";
import {
  addClusterSums,
  addCounts,
  type ClusterSums,
  clusterSumsOf,
  countOf,
  type Grouped,
  type GroupState,
  groupRecords,
  guardedComparison,
  holmFamily,
  isWeightedPlan,
  type KeyNames,
  type KeyReader,
  mergeClusterSums,
  NO_KEY,
  type Plan,
  planMetrics,
  planTally,
  type ReadRules,
  readRules,
  rowSource,
  summarizeCounts,
  toGetter,
} from "./engine.ts";
import { type AnyMetric, METRICS, type Registry } from "./registry.ts";
import { compareKeys, type SegmentKey, segmentKeys } from "./segmentReport.ts";
import type {
  Accessor,
  MetricName,
  Metrics,
  MetricTallies,
  PeriodEntries,
  RecordsInput,
  ReportOptions,
  SegmentPeriodEntries,
  Skipped,
  TrendWindowSpan,
} from "./spec.ts";

/**
 * A trend's window: the pooled "rolling metric" over the last `periods` periods, or over the last
 * `days` days, ending with each period.
 *
 * @category Segments and trends
 */
export type TrendWindow =
  | {
      /** The periods pooled: this one and the k − 1 before it. */
      readonly periods: number;
      /** Not with `periods`. */
      readonly days?: undefined;
    }
  | {
      /** The days pooled: the d days ending with the period's last day. */
      readonly days: number;
      /** Not with `days`. */
      readonly periods?: undefined;
    };

/**
 * A trend's exponential smoothing: each response weighs 0.5^(age / halfLife), its age counted in
 * periods back from the period reported.
 *
 * @category Segments and trends
 */
export interface TrendSmoothing {
  /** The half-life in periods, a number > 0 (need not be whole). */
  readonly halfLife: number;
}

/**
 * Options for {@link trend}.
 *
 * @category Segments and trends
 */
export interface TrendOptions<R, M extends PropertyKey, Reg = Metrics> extends ReportOptions<R, M, Reg> {
  /**
   * When each response was given: a field or accessor giving a `Date`, epoch milliseconds (or
   * seconds with `timeUnit: "s"`), or an ISO 8601 string (`"2025-12-17"`,
   * `"2025-12-17T09:30:00Z"`, `"2025-12-17T09:30:00+09:00"`; a space may stand for the `T`).
   */
  time: Accessor<R>;
  /** Period length: `"day"`, `"week"` (ISO weeks from Monday), `"month"`, `"quarter"` or `"year"`. */
  every: PeriodUnit;
  /**
   * The IANA time zone whose calendar the periods follow (`"Asia/Tokyo"`). Default `"UTC"`, so
   * results never depend on the machine. Instants (`Z`, offsets, numbers, Dates) are converted to
   * it; a date or a time without an offset is taken as written, in that zone.
   */
  timeZone?: string;
  /** How numeric times are read: `"ms"` (default, epoch milliseconds) or `"s"` (epoch seconds). */
  timeUnit?: TimeUnit;
  /**
   * A trend per segment as well: a field name or accessor, or an array of them (as
   * `segmentReport`'s `by`). The result's `segments` then holds one trend per segment, and
   * `periods` pools the records with a valid segment key.
   */
  by?: Accessor<R> | readonly Accessor<R>[];
  /** Strings read as a missing segment key (as `segmentReport`'s); default none, so `"NA"` is a segment. */
  keyMissingValues?: readonly string[];
  /**
   * Each period's metrics over the window ending with it: `{ periods: k }` (this period and the
   * k − 1 before) or `{ days: d }` (the d days ending with the period's last day). The interval
   * is the ordinary one on the pooled responses; `change` compares with the previous window that
   * does not overlap. Not with `smoothing`.
   */
  window?: TrendWindow;
  /** Exponentially weighted metrics (see {@link TrendSmoothing}); `change` is then null. Not with `window`. */
  smoothing?: TrendSmoothing;
  /** Only each respondent's latest (or first) response counts in each period or window, per segment. */
  dedupe?: DedupeOptions<R>;
}

/**
 * The fields every entry of a trend has (overall and per segment), besides its metrics.
 *
 * @category Segments and trends
 */
export interface TrendEntryFields<M extends PropertyKey> {
  /** Label: `2026-03-14`, `2026-W11`, `2026-03`, `2026-Q1` or `2026`. */
  readonly period: string;
  /** First day of the period, `YYYY-MM-DD`, in the report's time zone. */
  readonly start: string;
  /**
   * Records counted: in the period, or in the window (0 for a period without records between the
   * first and the last); after `dedupe`, one per respondent.
   */
  readonly n: number;
  /** The window the metrics pool, in a windowed trend; otherwise null. */
  readonly window: TrendWindowSpan | null;
  /** Records `dedupe` left out of this entry (a respondent's other responses); 0 without it. */
  readonly dropped: number;
  /**
   * Per metric, the tally the entry's metrics are computed from: the period's (merge them with
   * `mergeTallies`), the window's pooled one, or the smoothed (weighted) one.
   */
  readonly tallies: MetricTallies<M>;
}

/**
 * One period of a {@link Trend}: its label, first day, record count, tallies, and per requested
 * metric the summary with its `change` from the previous period that has data.
 *
 * @category Segments and trends
 */
export type TrendPeriod<M extends keyof Reg, Reg = Metrics> = TrendEntryFields<M> & PeriodEntries<M, Reg>;

/**
 * One period of a segment's trend: as {@link TrendPeriod}, with each change Holm-adjusted across
 * the segments of the period.
 *
 * @category Segments and trends
 */
export type TrendSegmentPeriod<M extends keyof Reg, Reg = Metrics> = TrendEntryFields<M> & SegmentPeriodEntries<M, Reg>;

/**
 * One segment's trend in a {@link Trend} by segment.
 *
 * @category Segments and trends
 */
export interface TrendSegment<M extends keyof Reg, Reg = Metrics> {
  /** The segment's key (an array for nested segments). */
  readonly key: SegmentKey;
  /** Records in the segment, over all periods. */
  readonly n: number;
  /** The same periods as the trend's `periods`, for this segment's records. */
  readonly periods: readonly TrendSegmentPeriod<M, Reg>[];
}

/**
 * The result of {@link trend}.
 *
 * @category Segments and trends
 */
export interface Trend<M extends keyof Reg, Reg = Metrics> {
  /** Every period from the first record's to the last's, in order, empty ones included (n: 0). */
  readonly periods: readonly TrendPeriod<M, Reg>[];
  /** With `by`, one trend per segment, sorted by key, over the same periods; null without `by`. */
  readonly segments: readonly TrendSegment<M, Reg>[] | null;
  /** What was skipped, split into missing and invalid, with the first row of each. */
  readonly skipped: Skipped<M>;
  /** The period length used. */
  readonly every: PeriodUnit;
  /** The time zone the periods follow. */
  readonly timeZone: string;
  /** The confidence level used. */
  readonly confidence: number;
  /** The fewest responses per side a change needed to be flagged. */
  readonly minN: number;
  /** The window used, or null. */
  readonly window: TrendWindow | null;
  /** The smoothing used, or null. */
  readonly smoothing: TrendSmoothing | null;
  /** The deduplication used (`by` is the field name, or null for an accessor), and the records it left out in all; or null. */
  readonly dedupe: DedupeSummary | null;
}

export const TREND_OPTIONS = [
  "time",
  "every",
  "timeZone",
  "timeUnit",
  "metrics",
  "confidence",
  "missing",
  "missingValues",
  "onInvalid",
  "minN",
  "by",
  "keyMissingValues",
  "window",
  "smoothing",
  "dedupe",
] as const;

/** How a trend's entries are made from its periods. */
export type TrendShape =
  | { readonly kind: "plain" }
  | { readonly kind: "periods"; readonly periods: number }
  | { readonly kind: "days"; readonly days: number }
  | { readonly kind: "smoothing"; readonly halfLife: number };

/** The `window` and `smoothing` options, validated (at most one of them). */
export function trendShape(window: unknown, smoothing: unknown): TrendShape {
  if (window !== undefined && smoothing !== undefined) {
    throw new MetricsInputError(
      "INVALID_OPTION",
      "options.smoothing",
      smoothing,
      "left out when options.window is given: a window pools its periods' responses with equal weight, smoothing weighs them by age; pass one of them",
    );
  }
  if (window !== undefined) {
    const expected = "{ periods: k } or { days: d }, a whole number >= 1";
    if (typeof window !== "object" || window === null) throw new MetricsTypeError("INVALID_TYPE", "options.window", window, expected);
    assertKnownKeys(window, "options.window", ["periods", "days"], "an option of window");
    const w = window as { periods?: unknown; days?: unknown };
    if ((w.periods === undefined) === (w.days === undefined))
      throw new MetricsInputError("INVALID_OPTION", "options.window", window, expected);
    return w.periods !== undefined
      ? { kind: "periods", periods: assertCountAtLeast(w.periods, "options.window.periods", 1) }
      : { kind: "days", days: assertCountAtLeast(w.days, "options.window.days", 1) };
  }
  if (smoothing !== undefined) {
    if (typeof smoothing !== "object" || smoothing === null) {
      throw new MetricsTypeError("INVALID_TYPE", "options.smoothing", smoothing, "{ halfLife: h }, h > 0 in periods");
    }
    assertKnownKeys(smoothing, "options.smoothing", ["halfLife"], "an option of smoothing");
    return { kind: "smoothing", halfLife: assertPositive((smoothing as { halfLife?: unknown }).halfLife, "options.smoothing.halfLife") };
  }
  return { kind: "plain" };
}

/**
 * Composite keys: a record's segment number times STRIDE plus its unit (period or day) counted
 * from HALF below the first record's. Keys of the first 1,024 segments stay small integers,
 * which Maps hash fastest.
 */
const STRIDE = 2 ** 20;
const HALF = 2 ** 19;
/** The most segments a trend keeps apart (the keys stay exact integers). */
const MAX_SEGMENTS = 2 ** 32;

/** The key reader of a trend, and the segments it found (their shown keys, by number). */
export interface TrendKeys {
  readonly keys: KeyReader;
  readonly segments: unknown[];
  /** The unit the keys count from (the first record's), NaN before any record was read. */
  origin(): number;
}

/**
 * The key reader of a trend: a record's time as the index of its unit (its period, or its day for
 * a window in days), and with `by` its segment, as one number; or NO_KEY and why not.
 */
export function trendKeys(
  time: unknown,
  reader: TimeReader,
  unit: PeriodUnit,
  rules: ReadRules,
  by: unknown,
  dedupe?: { readonly plan: DedupePlan; readonly log: DedupeLog },
): TrendKeys {
  const getTime = toGetter(time, "options.time");
  const timeNames: KeyNames = { field: typeof time === "string" ? time : undefined, option: "options.time", label: "time" };
  const byNames: KeyNames = { field: typeof by === "string" ? by : undefined, option: "options.by", label: "segment key" };
  const problem: KeyReader["problem"] = { kind: "missing", value: undefined, expected: "a time", key: timeNames };
  const fail = (kind: "missing" | "invalid", value: unknown, expected: string, key: KeyNames) => {
    problem.kind = kind;
    problem.value = value;
    problem.expected = expected;
    problem.key = key;
    return NO_KEY;
  };
  const seg = by === undefined ? undefined : segmentKeys(by, rules.keys);
  // Raw key → segment number (-1 for a key found missing or invalid, with why in `bad`).
  const ids = new Map<unknown, number>();
  const bad = new Map<unknown, { kind: "missing" | "invalid"; value: unknown; expected: string }>();
  const numbers = new Map<string, number>();
  const segments: unknown[] = [];
  const segmentOf = (raw: unknown): number => {
    if (seg!.check !== undefined && !seg!.check(raw)) {
      const { kind, value, expected } = seg!.problem;
      bad.set(raw, { kind, value, expected });
      ids.set(raw, -1);
      return -1;
    }
    // Keys shown alike ("APAC " and "APAC") are one segment.
    const shown = seg!.shown(raw);
    const id = JSON.stringify(shown);
    let n = numbers.get(id);
    if (n === undefined) {
      n = segments.length;
      if (n >= MAX_SEGMENTS) throw new MetricsInputError("OUT_OF_RANGE", "options.by", by, `at most ${MAX_SEGMENTS} segments in a trend`);
      segments.push(shown);
      numbers.set(id, n);
    }
    ids.set(raw, n);
    return n;
  };
  const respondent = dedupe === undefined ? undefined : respondentReader(dedupe.plan, rules, dedupe.log);
  let origin = Number.NaN;
  const keys: KeyReader = {
    problem,
    read(record, i) {
      const v = getTime(record, i);
      const day = isMissingCell(v, rules.cells) ? "a time" : reader.dayOf(v);
      if (typeof day !== "number") return fail(day === "a time" ? "missing" : "invalid", v, day, timeNames);
      let id = 0;
      if (seg !== undefined) {
        const raw = seg.read(record, i);
        if (raw === NO_KEY) return fail(seg.problem.kind, seg.problem.value, seg.problem.expected, byNames);
        id = ids.get(raw) ?? segmentOf(raw);
        if (id < 0) {
          const why = bad.get(raw)!;
          return fail(why.kind, why.value, why.expected, byNames);
        }
      }
      if (respondent !== undefined) {
        const why = respondent(record, i);
        if (why !== undefined) return fail(why.kind, why.value, DEDUPE_EXPECTED, dedupe!.plan.names);
        // A valid day is a valid instant: the order of a respondent's responses.
        dedupe!.log.pending.order = reader.instantOf(v) as number;
      }
      const u = periodIndex(day, unit);
      if (Number.isNaN(origin)) origin = u;
      const offset = u - origin + HALF;
      if (offset < 0 || offset >= STRIDE) {
        throw new MetricsInputError(
          "OUT_OF_RANGE",
          `records[${i}] time`,
          v,
          `a time within ${HALF} ${unit} periods of the first record's (${periodAt(origin, unit).label}): check for a mistyped year`,
        );
      }
      return id * STRIDE + offset;
    },
    shown: (mapKey) => mapKey,
  };
  return { keys, segments, origin: () => origin };
}

/** A composite key's unit and segment number. */
function splitKey(key: number, origin: number): { unit: number; segment: number } {
  const offset = key % STRIDE;
  return { unit: offset - HALF + origin, segment: (key - offset) / STRIDE };
}

/**
 * The trend engine for any metric registry: {@link trend} is this with the built-in metrics.
 * Internal; exported for tests that add a metric.
 */
export function reportTrend<Reg extends { readonly [K in keyof Reg]: AnyMetric }, R, M extends keyof Reg & string>(
  registry: Reg,
  records: RecordsInput<R>,
  options: TrendOptions<R, M, Reg>,
): Trend<M, Reg>;
// As reportSegments: the loop builds entries by metric name; the overload states their shape.
export function reportTrend(
  registry: Registry,
  records: unknown,
  options: { readonly [K in (typeof TREND_OPTIONS)[number]]?: unknown },
): object {
  const o = readOptions(options, "trend", TREND_OPTIONS);
  const rules = readRules(o);
  const every = assertOneOf(o.every, "options.every", PERIOD_UNITS);
  const timeZone = timeZoneOption(o.timeZone);
  const reader = timeReader(timeZone, timeUnitOption(o.timeUnit));
  const shape = trendShape(o.window, o.smoothing);
  const plans = planMetrics(o.metrics, registry);
  const dedupePlan = dedupeOption(o.dedupe, false);
  const dedupe = dedupePlan === undefined ? undefined : { plan: dedupePlan, log: dedupeLog(plans) };
  const unit = shape.kind === "days" ? "day" : every;
  const { keys, segments, origin } = trendKeys(o.time, reader, unit, rules, o.by, dedupe);
  const grouped = groupRecords(
    rowSource(records),
    keys,
    { field: typeof o.time === "string" ? o.time : undefined, option: "options.time", label: "time" },
    plans,
    rules,
    dedupe?.log,
  );
  return assembleTrend(grouped, plans, rules, every, timeZone, {
    origin: origin(),
    shape,
    segments: o.by === undefined ? undefined : segments,
    dedupe,
  });
}

/** What a trend is, besides its periods: its shape, its segments, its deduplication. */
export interface TrendLayout {
  /** The unit the composite keys count from (see {@link trendKeys}). */
  readonly origin: number;
  readonly shape: TrendShape;
  /** The segments' shown keys by number (composite keys), or undefined for a trend without `by`. */
  readonly segments: readonly unknown[] | undefined;
  readonly dedupe?: { readonly plan: DedupePlan; readonly log: DedupeLog };
}

/** The first day (day number) of a period. */
function startDay(index: number, every: PeriodUnit): number {
  if (every === "day") return index;
  if (every === "week") return index * 7 - 3;
  return Date.parse(`${periodAt(index, every).start}T00:00:00Z`) / 86_400_000;
}

function dayLabel(day: number): string {
  return periodAt(day, "day").label;
}

/** One entry's counts: its records (after dedupe), the records before dedupe, and per plan the counts. */
interface EntryCounts {
  readonly n: number;
  readonly before: number;
  readonly counts: readonly (readonly number[])[];
  /** Per plan with a cluster, the entry's sums per cluster. */
  readonly clusters: readonly (ClusterSums | undefined)[];
}

/**
 * The trend from records grouped by composite key (unit and segment): every period from the
 * first to the last, in order, overall and per segment, as plain periods, windows or smoothed.
 */
export function assembleTrend(
  grouped: Grouped,
  plans: readonly Plan[],
  rules: ReadRules,
  every: PeriodUnit,
  timeZone: string,
  layout: TrendLayout,
): object {
  const { shape } = layout;
  const dayUnits = shape.kind === "days";
  const unitEvery: PeriodUnit = dayUnits ? "day" : every;
  // Per segment number (0 alone without `by`): the group state of each unit.
  const bySegment = new Map<number, Map<number, GroupState>>();
  let firstUnit = Number.POSITIVE_INFINITY;
  let lastUnit = Number.NEGATIVE_INFINITY;
  for (const s of grouped.groups.values()) {
    const { unit, segment } = splitKey(s.key as number, layout.origin);
    let units = bySegment.get(segment);
    if (units === undefined) {
      units = new Map();
      bySegment.set(segment, units);
    }
    units.set(unit, s);
    if (unit < firstUnit) firstUnit = unit;
    if (unit > lastUnit) lastUnit = unit;
  }
  assertSpan(firstUnit, lastUnit, unitEvery);
  const first = dayUnits ? periodIndex(firstUnit, every) : firstUnit;
  const last = dayUnits ? periodIndex(lastUnit, every) : lastUnit;
  assertSpan(first, last, every);
  const count = last - first + 1;
  // The spans of units each entry pools, and the span its change compares with.
  const entrySpans: Span[] = [];
  const previousSpans: (Span | null)[] = [];
  const dataStart = dayUnits ? startDay(first, every) : first;
  if (shape.kind === "periods" || shape.kind === "days") {
    const width = shape.kind === "periods" ? shape.periods : shape.days;
    const available = shape.kind === "periods" ? count : startDay(last + 1, every) - dataStart;
    if (width > available) {
      const option = shape.kind === "periods" ? "options.window.periods" : "options.window.days";
      const what = shape.kind === "periods" ? `${every} periods` : "days";
      throw new MetricsInputError(
        "OUT_OF_RANGE",
        option,
        width,
        `at most ${available}, the ${what} the records span (${periodAt(first, every).label} to ${periodAt(last, every).label})`,
      );
    }
  }
  for (let p = first; p <= last; p++) {
    const hi = dayUnits ? startDay(p + 1, every) - 1 : p;
    const width = shape.kind === "periods" ? shape.periods : shape.kind === "days" ? shape.days : 1;
    entrySpans.push({ lo: hi - width + 1, hi });
    previousSpans.push(shape.kind === "periods" || shape.kind === "days" ? { lo: hi - 2 * width + 1, hi: hi - width } : null);
  }

  // Every span counted, per series: summed from the units, or counted again one per respondent.
  const allSpans = [...entrySpans, ...previousSpans.filter((s): s is Span => s !== null)];
  const seriesIds = layout.segments === undefined ? [0] : [...bySegment.keys()];
  const clustersOf = (states: readonly GroupState[]) =>
    plans.map((plan, j) =>
      plan.cluster === undefined
        ? undefined
        : mergeClusterSums(
            states.map((s) => s.clusters?.[j]),
            plan.max - plan.min + 1,
          ),
    );
  const spanCounts = (units: Map<number, GroupState> | undefined, span: Span) => {
    const states: GroupState[] = [];
    if (units !== undefined) for (let u = span.lo; u <= span.hi; u++) units.get(u) !== undefined && states.push(units.get(u)!);
    let n = 0;
    for (const s of states) n += s.n;
    return { n, counts: addCounts(plans, states), clusters: clustersOf(states) };
  };
  const seriesUnits = (id: number | "all"): Map<number, GroupState> => {
    if (id !== "all") return bySegment.get(id) ?? new Map();
    if (layout.segments === undefined) return bySegment.get(0) ?? new Map();
    // Overall: the segments' units added.
    const byUnit = new Map<number, GroupState[]>();
    for (const units of bySegment.values()) {
      for (const [u, s] of units) {
        const list = byUnit.get(u);
        if (list === undefined) byUnit.set(u, [s]);
        else list.push(s);
      }
    }
    const all = new Map<number, GroupState>();
    for (const [u, states] of byUnit) {
      let n = 0;
      for (const s of states) n += s.n;
      all.set(u, { key: u, n, counts: addCounts(plans, states), clusters: clustersOf(states) });
    }
    return all;
  };
  const spanKey = (s: Span) => `${s.lo}:${s.hi}`;
  const uniqueSpans = [...new Map(allSpans.map((s) => [spanKey(s), s])).values()].sort((a, b) => a.hi - b.hi || a.lo - b.lo);
  let droppedTotal = 0;
  // With dedupe: the log's records split once into their units and, per segment, their positions.
  const logUnits: number[] = [];
  const logRows = new Map<number | "all", number[]>();
  if (layout.dedupe !== undefined) {
    const { log } = layout.dedupe;
    const all: number[] = [];
    logRows.set("all", all);
    for (let r = 0; r < log.key.length; r++) {
      const { unit, segment } = splitKey(log.key[r] as number, layout.origin);
      logUnits.push(unit);
      all.push(r);
      if (layout.segments === undefined) continue;
      const rows = logRows.get(segment);
      if (rows === undefined) logRows.set(segment, [r]);
      else rows.push(r);
    }
  }
  const seriesEntries = (id: number | "all"): [EntryCounts[], EntryCounts[]] => {
    const units = seriesUnits(id);
    const deduped = new Map<string, SpanCounts>();
    if (layout.dedupe !== undefined) {
      const rows = logRows.get(id) ?? [];
      const counted = dedupedSpans(layout.dedupe.log, rows, (r) => logUnits[r]!, uniqueSpans, layout.dedupe.plan.keep, plans);
      uniqueSpans.forEach((s, k) => {
        deduped.set(spanKey(s), counted[k]!);
      });
    }
    const entryOf = (span: Span | null): EntryCounts | null => {
      if (span === null) return null;
      const raw = spanCounts(units, span);
      const kept = deduped.get(spanKey(span));
      return kept === undefined
        ? { n: raw.n, before: raw.n, counts: raw.counts, clusters: raw.clusters }
        : { n: kept.n, before: raw.n, counts: kept.counts, clusters: kept.clusters };
    };
    return [entrySpans.map((s) => entryOf(s)!), previousSpans.map((s) => entryOf(s) ?? { n: 0, before: 0, counts: [], clusters: [] })];
  };

  const windowOf = (span: Span): TrendWindowSpan => {
    const startOf = dayUnits ? span.lo : startDay(span.lo, every);
    const endOf = dayUnits ? span.hi : startDay(span.hi + 1, every) - 1;
    return {
      start: dayLabel(startOf),
      end: dayLabel(endOf),
      first: periodAt(dayUnits ? periodIndex(span.lo, every) : span.lo, every).label,
      last: periodAt(dayUnits ? periodIndex(span.hi, every) : span.hi, every).label,
      complete: span.lo >= dataStart,
    };
  };
  const windowed = shape.kind === "periods" || shape.kind === "days";
  const decay = shape.kind === "smoothing" ? 0.5 ** (1 / shape.halfLife) : 1;
  // Labels and windows once per period, not once per segment: formatting dates is most of what
  // assembling a trend by segment would otherwise cost. Each entry gets its own copy.
  const labels = entrySpans.map((_, t) => periodAt(first + t, every));
  const entryWindows = windowed ? entrySpans.map(windowOf) : [];
  const previousWindows = windowed ? previousSpans.map((span) => (span === null ? null : windowOf(span))) : [];

  /** The entries of one series: per period its fields, and per plan its summary and raw change. */
  const buildSeries = (id: number | "all") => {
    const [entries, previous] = seriesEntries(id);
    // Smoothing: per plan the decayed sums (counts, Σw, Σw²) and the last period they were scaled to.
    const acc = plans.map((plan) => ({
      sums: new Array<number>(3 * (plan.max - plan.min + 1)).fill(0),
      at: Number.NaN,
      clusters: clusterSumsOf(plan),
    }));
    const prevWithData = plans.map((): { label: string; counts: readonly number[]; clusters: ClusterSums | undefined } | null => null);
    const rows: {
      fields: Record<string, unknown>;
      metrics: ({ summary: object; vs: (Comparison & { tooFew: boolean }) | null } | null)[];
    }[] = [];
    entries.forEach((e, t) => {
      const p = first + t;
      const { label, start } = labels[t]!;
      if (layout.dedupe !== undefined) droppedTotal += id === "all" ? e.before - e.n : 0;
      const tallies: Record<string, Tally> = {};
      const fields: Record<string, unknown> = {
        period: label,
        start,
        n: e.n,
        window: windowed ? { ...entryWindows[t]! } : null,
        dropped: e.before - e.n,
        tallies,
      };
      const metrics = plans.map((plan, j) => {
        const counts = e.counts[j]!;
        const clusters = e.clusters[j];
        if (shape.kind === "smoothing") {
          const a = acc[j]!;
          const tally = smoothedTally(plan, a, counts, p, decay, clusters);
          tallies[plan.name] = tally;
          if (!tally.counts.some((c) => c > 0)) return null;
          const summary =
            a.clusters === undefined
              ? plan.def.summarize(tally, plan.options, rules.confidence)
              : plan.def.summarizeClustered!(
                  { ...(tally as ClusteredTally), clusterSums: [...a.clusters.values()] },
                  plan.options,
                  rules.confidence,
                );
          return { summary, vs: null };
        }
        tallies[plan.name] = planTally(plan, counts);
        const summary = summarizeCounts(plan, counts, rules.confidence, clusters);
        if (summary === null) return null;
        if (windowed) {
          const before = previous[t]!;
          const vs =
            before.counts.length === 0 ? null : guardedComparison(plan, counts, before.counts[j]!, rules, clusters, before.clusters[j]);
          const w = previousWindows[t]!;
          return { summary, vs: vs === null ? null : { ...vs, period: w.last, window: { ...w } } };
        }
        const prev = prevWithData[j];
        const vs = prev == null ? null : guardedComparison(plan, counts, prev.counts, rules, clusters, prev.clusters);
        prevWithData[j] = { label, counts, clusters };
        return { summary, vs: vs === null ? null : { ...vs, period: prev!.label } };
      });
      rows.push({ fields, metrics });
    });
    return rows;
  };

  const overall = buildSeries("all").map(({ fields, metrics }) => {
    const entry = { ...fields };
    plans.forEach((plan, j) => {
      const m = metrics[j];
      entry[plan.name] = m === null || m === undefined ? null : { ...m.summary, change: m.vs };
    });
    return entry;
  });

  let segmentsOut: object[] | null = null;
  if (layout.segments !== undefined) {
    const shown = layout.segments;
    const ids = seriesIds.sort((a, b) => compareKeys(shown[a] as SegmentKey, shown[b] as SegmentKey));
    const built = ids.map((id) => buildSeries(id));
    // Holm across the segments' changes of each period and metric.
    const out = built.map((rows) => rows.map(({ fields }) => ({ ...fields }) as Record<string, unknown>));
    for (let t = 0; t < count; t++) {
      plans.forEach((plan, j) => {
        const changes = holmFamily(
          built.map((rows) => rows[t]!.metrics[j]?.vs ?? null),
          rules.confidence,
        );
        built.forEach((rows, s) => {
          const m = rows[t]!.metrics[j];
          out[s]![t]![plan.name] = m === null || m === undefined ? null : { ...m.summary, change: changes[s] };
        });
      });
    }
    segmentsOut = ids.map((id, s) => {
      let n = 0;
      for (const st of bySegment.get(id)!.values()) n += st.n;
      return { key: shown[id], n, periods: out[s]! };
    });
  }
  return {
    periods: overall,
    segments: segmentsOut,
    skipped: grouped.skipped,
    every,
    timeZone,
    confidence: rules.confidence,
    minN: rules.minN,
    window: shape.kind === "periods" ? { periods: shape.periods } : shape.kind === "days" ? { days: shape.days } : null,
    smoothing: shape.kind === "smoothing" ? { halfLife: shape.halfLife } : null,
    dedupe:
      layout.dedupe === undefined
        ? null
        : { by: layout.dedupe.plan.names.field ?? null, keep: layout.dedupe.plan.keep, dropped: droppedTotal },
  };
}

/**
 * The smoothed tally of a plan at period p: the decayed sums scaled to p's weights when p has
 * responses (then p's are added with weight 1), else as they were (weights that differ by one
 * factor give the same summary). A scale point whose weights have decayed to 0 in a double
 * (over about 1,000 half-lives old) drops out with its count.
 */
function smoothedTally(
  plan: Plan,
  acc: { sums: number[]; at: number; clusters: ClusterSums | undefined },
  counts: readonly number[],
  p: number,
  decay: number,
  clusters: ClusterSums | undefined,
): Tally {
  const size = plan.max - plan.min + 1;
  const s = acc.sums;
  if (countOf(plan, counts) > 0) {
    if (!Number.isNaN(acc.at)) {
      const f = decay ** (p - acc.at);
      for (let k = 0; k < size; k++) {
        s[size + k]! *= f;
        s[2 * size + k]! *= f * f;
      }
      if (acc.clusters !== undefined) for (const sums of acc.clusters.values()) for (let k = 0; k < size; k++) sums[k]! *= f;
    }
    if (acc.clusters !== undefined && clusters !== undefined) addClusterSums(acc.clusters, clusters, size);
    acc.at = p;
    for (let k = 0; k < size; k++) {
      s[k]! += counts[k]!;
      s[size + k]! += isWeightedPlan(plan) ? counts[size + k]! : counts[k]!;
      s[2 * size + k]! += isWeightedPlan(plan) ? counts[2 * size + k]! : counts[k]!;
    }
  }
  const live = (k: number) => s[2 * size + k]! > 0;
  const pick = (b: number) => Array.from({ length: size }, (_, k) => (live(k) ? s[b * size + k]! : 0));
  return { scale: [plan.min, plan.max], counts: pick(0), weights: pick(1), squaredWeights: pick(2) };
}

/**
 * Metrics over time: one summary per calendar period, in order, each with its interval and the
 * change from the previous period that has data, with its significance.
 *
 * Records are grouped in one pass into tallies per period (days, ISO weeks from Monday, months,
 * quarters or years) of the calendar of `timeZone` (UTC by default: the result never depends on
 * the machine's zone). Every period from the first to the last is listed; one without records
 * has `n: 0` and null metrics. Each period's summary is exactly the metric's `*Summary` on its
 * responses; `change` tests it against the period it names (`compareNps`; for CSAT the
 * two-proportion z test, or Fisher's exact test where an expected count is below 5; Welch's t
 * for CES). Each change is tested on its own (no multiplicity correction), and is never
 * significant when either side has fewer than `minN` responses (`tooFew`).
 *
 * With `by`, `segments` holds one trend per segment over the same periods, and each segment's
 * changes in a period are Holm-adjusted across the segments (`adjustedPValue`). With `window`,
 * each period's metrics pool the responses of the window ending with it (the rolling metric: its
 * interval is the ordinary one on the pooled tally; a rolling average of period scores is not
 * computed, as it has no honest interval), and `change` compares with the previous window that
 * does not overlap. With `smoothing: { halfLife: h }`, a response of a period k periods back
 * weighs 0.5^(k / h): the summary of that weighted sample, with the linearised standard error of
 * R survey's `svymean` and `effectiveN`; smoothed periods share their responses, so they have no
 * `change`. With `dedupe`, only each respondent's latest (or first) response counts in each
 * period, window and segment, and each entry says how many it `dropped`. A metric spec with
 * `cluster` clusters every summary and test by account.
 *
 * Times must be real: ISO 8601 strings (`"2025-02-30"` and `"Dec 17, 2025"` are errors), Dates,
 * or epoch milliseconds (`timeUnit: "s"` for seconds; a millisecond time before 1973 is taken
 * for seconds and rejected with that hint). Missing and invalid values are treated as in
 * {@link segmentReport}.
 *
 * @param records - An array (or any iterable) of records.
 * @param options - `time`, `every`, `metrics`, `timeZone` (default `"UTC"`), `timeUnit` (default `"ms"`),
 *   `by`, `keyMissingValues`, `window` (`{ periods }` or `{ days }`), `smoothing` (`{ halfLife }`),
 *   `dedupe` (`{ by, keep }`), `confidence` (default 0.95), `missing`, `missingValues`,
 *   `onInvalid`, `minN` (default 30).
 * @returns `{ periods, segments, skipped, every, timeZone, confidence, minN, window, smoothing, dedupe }`.
 * @throws {@link MetricsInputError} / {@link MetricsTypeError} for bad or unknown options, an
 *   unknown time zone, no records, everything skipped, a span of over 100,000 periods, a window
 *   longer than the records span, a window with smoothing, a half-life ≤ 0, a respondent or
 *   account id missing (by default), and (by default) a record with a missing or invalid time or
 *   value.
 * @see S. Holm, Scandinavian Journal of Statistics 6 (1979), 65-70; T. Lumley, "Analysis of
 *   complex survey samples", Journal of Statistical Software 9(8), 2004 (the weighted and
 *   clustered standard errors).
 * @example
 * ```ts
 * import { trend } from "cxmetrics";
 * const records = [
 *   { at: "2026-01-05", ltr: 9 }, { at: "2026-01-20", ltr: 6 },
 *   { at: "2026-03-03", ltr: 10 }, { at: "2026-03-17", ltr: 9 },
 * ];
 * trend(records, { time: "at", every: "month", metrics: { nps: "ltr" } }).periods.map((p) => [p.period, p.n, p.nps?.estimate]);
 * // [["2026-01", 2, 0], ["2026-02", 0, undefined], ["2026-03", 2, 100]]
 * // The rolling two-month NPS: March pools February and March.
 * trend(records, { time: "at", every: "month", window: { periods: 2 }, metrics: { nps: "ltr" } }).periods.map((p) => [p.period, p.n]);
 * // [["2026-01", 2], ["2026-02", 2], ["2026-03", 2]]
 * ```
 *
 * @category Segments and trends
 */
export function trend<R, M extends MetricName>(records: RecordsInput<R>, options: TrendOptions<R, M>): Trend<M> {
  return reportTrend(METRICS, records, options);
}
