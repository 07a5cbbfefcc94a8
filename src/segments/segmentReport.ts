import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import type { CesSummary } from "../ces/ces.ts";
import type { CsatSummary } from "../csat/csat.ts";
import type { NpsSummary } from "../nps/summary.ts";
import type { Tally } from "../tally/tally.ts";
import { assertObject, confidenceOption } from "../validate.ts";
import { toGetter, type Accessor } from "./accessor.ts";
import { groupRecords, onInvalidOption, groupTally, totalCounts, type KeyOf, type OnInvalid, type SkippedCounts } from "./group.ts";
import { holmAdjust } from "./holm.ts";
import { compareGroups, planMetrics, summarize, type MetricsSpec } from "./plan.ts";

/**
 * A segment key: one value, or one value per `by` accessor for nested segments.
 *
 * @category Segments and trends
 */
export type SegmentKey = string | number | boolean | ReadonlyArray<string | number | boolean>;

/**
 * Options for {@link segmentReport}.
 *
 * @category Segments and trends
 */
export interface SegmentReportOptions<R> {
  /** The segment: a field name or accessor, or several for nested segments (region × plan). */
  by: Accessor<R> | ReadonlyArray<Accessor<R>>;
  /** Which metrics from which fields, e.g. `{ nps: "ltr", csat: "sat", ces: "effort" }`. */
  metrics: MetricsSpec<R>;
  /** Confidence level of intervals and tests, in (0, 1). Default 0.95. */
  confidence?: number;
  /** `"throw"` (default) at the first missing or invalid key or value, or `"skip"` and count it. */
  onInvalid?: OnInvalid;
}

/**
 * How a segment compares with all other responses.
 *
 * @category Segments and trends
 */
export interface VsRest {
  /** Segment minus rest, in the metric's unit (NPS points, CSAT share, CES mean). */
  readonly difference: number;
  /** Two-sided p-value (compareNps, compareProportions or compareMeans). */
  readonly pValue: number;
  /** Holm-adjusted p-value over all segments compared for this metric. */
  readonly adjustedPValue: number;
  /** Whether adjustedPValue < 1 − confidence. */
  readonly significant: boolean;
}

/**
 * A metric summary of a segment with its comparison to the rest (null if it cannot be tested).
 *
 * @category Segments and trends
 */
export type WithVsRest<S> = S & {
  /** The segment against all other responses; null when the rest has no responses or the test is undefined. */
  readonly vsRest: VsRest | null;
};

/**
 * One segment of a {@link SegmentReport}. A metric is null when the segment has no valid value for it.
 *
 * @category Segments and trends
 */
export interface Segment {
  /** The segment's key (an array for nested segments). */
  readonly key: SegmentKey;
  /** Records in the segment. */
  readonly n: number;
  /** NPS summary (as {@link npsSummary}) and its test against the rest. */
  readonly nps?: WithVsRest<NpsSummary> | null;
  /** CSAT summary (as {@link csatSummary}) and its test against the rest. */
  readonly csat?: WithVsRest<CsatSummary> | null;
  /** CES summary (as {@link cesSummary}) and its test against the rest. */
  readonly ces?: WithVsRest<CesSummary> | null;
  /** The segment's tallies per metric: exact, mergeable with {@link mergeTallies}. */
  readonly tallies: SegmentTallies;
}

/**
 * A segment's tallies, one per metric computed.
 *
 * @category Segments and trends
 */
export interface SegmentTallies {
  /** Likelihood-to-recommend counts per scale point. */
  readonly nps?: Tally;
  /** Satisfaction counts per scale point. */
  readonly csat?: Tally;
  /** Effort counts per scale point. */
  readonly ces?: Tally;
}

/**
 * The result of {@link segmentReport}.
 *
 * @category Segments and trends
 */
export interface SegmentReport {
  /** All records together. */
  readonly total: {
    /** Records with a valid key. */
    readonly n: number;
    /** NPS summary of all records. */
    readonly nps?: NpsSummary | null;
    /** CSAT summary of all records. */
    readonly csat?: CsatSummary | null;
    /** CES summary of all records. */
    readonly ces?: CesSummary | null;
  };
  /** One entry per segment, sorted by key. */
  readonly segments: readonly Segment[];
  /** What was skipped with `onInvalid: "skip"` (all zeros otherwise). */
  readonly skipped: SkippedCounts;
  /** The confidence level used. */
  readonly confidence: number;
}

type KeyValue = string | number | boolean;

function isKeyValue(v: unknown): v is KeyValue {
  return typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
}

function keyFunction(by: unknown, onInvalid: OnInvalid): KeyOf {
  const fail = (i: number, v: unknown) => {
    if (onInvalid === "skip") return undefined;
    throw new MetricsTypeError("INVALID_TYPE", `records[${i}] segment key`, v, "a string, finite number or boolean");
  };
  if (Array.isArray(by)) {
    if (by.length === 0) throw new MetricsInputError("EMPTY_INPUT", "options.by", by, "at least one field or accessor");
    const getters = by.map((b, j) => toGetter(b, `options.by[${j}]`));
    return (record, i) => {
      const key: KeyValue[] = [];
      for (const get of getters) {
        const v = get(record, i);
        if (!isKeyValue(v)) return fail(i, v);
        key.push(v);
      }
      return { mapKey: JSON.stringify(key), key };
    };
  }
  const get = toGetter(by, "options.by");
  return (record, i) => {
    const v = get(record, i);
    return isKeyValue(v) ? { mapKey: v, key: v } : fail(i, v);
  };
}

const TYPE_ORDER: Record<string, number> = { number: 0, string: 1, boolean: 2 };

function compareKeyValues(a: KeyValue, b: KeyValue): number {
  if (typeof a !== typeof b) return TYPE_ORDER[typeof a]! - TYPE_ORDER[typeof b]!;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Order segment keys: by value, element by element for nested keys.
 *
 * @category Segments and trends
 */
export function compareKeys(a: SegmentKey, b: SegmentKey): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareKeyValues(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return compareKeyValues(a as KeyValue, b as KeyValue);
}

/**
 * Every metric per segment (region, plan, channel, or several at once), with each segment
 * tested against all other responses and the tests corrected for their number.
 *
 * One pass over the records builds a tally per segment and metric (counts per scale point, never
 * copies of the records); every summary is then exactly what `npsSummary`, `csatSummary` and
 * `cesSummary` give on that segment's responses. Each segment's `vsRest` compares it with the
 * union of the other segments (`compareNps`, `compareProportions` on the share satisfied,
 * `compareMeans` (Welch) for CES), and `adjustedPValue` applies Holm's correction across the
 * segments of each metric; `significant` uses the adjusted value, so ten segments do not give ten
 * chances at a false alarm.
 *
 * A record's values are read with the accessors; with `onInvalid: "skip"`, a record without a
 * valid key is dropped and a missing or invalid metric value is skipped for that metric only,
 * and `skipped` counts both.
 *
 * @param records - An array (or any iterable) of records.
 * @param options - `by`, `metrics`, `confidence` (default 0.95), `onInvalid` (default `"throw"`).
 * @returns `{ total, segments, skipped, confidence }`; segments sorted by key.
 * @throws {@link MetricsInputError} / {@link MetricsTypeError} for bad options, and (with the
 *   default `onInvalid: "throw"`) for the first record with an invalid key or value, naming it.
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
 * report.segments.map((s) => [s.key, s.nps?.score]); // [["APAC", -50], ["EMEA", 100]]
 * ```
 *
 * @category Segments and trends
 */
export function segmentReport<R>(records: ArrayLike<R> | Iterable<R>, options: SegmentReportOptions<R>): SegmentReport {
  const o = assertObject(options, "options");
  const confidence = confidenceOption(o.confidence);
  const onInvalid = onInvalidOption(o.onInvalid);
  const plans = planMetrics(o.metrics);
  const { groups, skipped } = groupRecords(records, keyFunction(o.by, onInvalid), plans, onInvalid);
  const states = [...groups.values()].sort((a, b) => compareKeys(a.key as SegmentKey, b.key as SegmentKey));
  const total = totalCounts(plans, states);
  let n = 0;
  for (const s of states) n += s.n;

  const totalSummary: Record<string, unknown> = { n };
  plans.forEach((plan, j) => {
    totalSummary[plan.name] = summarize(plan, groupTally(plan, total[j]!), confidence);
  });

  const segments = states.map((s) => ({ key: s.key as SegmentKey, n: s.n, tallies: {} as Record<string, Tally> }) as Record<string, unknown> & { tallies: Record<string, Tally> });
  plans.forEach((plan, j) => {
    const raw = states.map((s) => {
      const inside = groupTally(plan, s.counts[j]!);
      const rest = groupTally(plan, total[j]!.map((c, k) => c - s.counts[j]![k]!));
      return { inside, summary: summarize(plan, inside, confidence), vs: compareGroups(plan, inside, rest, confidence) };
    });
    const tested = raw.flatMap((r, i) => (r.vs === null ? [] : [i]));
    const adjusted = holmAdjust(tested.map((i) => raw[i]!.vs!.pValue));
    const adjustedOf = new Map(tested.map((i, k) => [i, adjusted[k]!]));
    raw.forEach((r, i) => {
      const segment = segments[i]!;
      segment.tallies[plan.name] = r.inside;
      if (r.summary === null) {
        segment[plan.name] = null;
        return;
      }
      const adj = adjustedOf.get(i);
      const vsRest: VsRest | null =
        r.vs === null || adj === undefined
          ? null
          : { difference: r.vs.difference, pValue: r.vs.pValue, adjustedPValue: adj, significant: adj < 1 - confidence };
      segment[plan.name] = { ...r.summary, vsRest };
    });
  });
  return {
    total: totalSummary as unknown as SegmentReport["total"],
    segments: segments as unknown as Segment[],
    skipped,
    confidence,
  };
}

