import { MetricsTypeError } from "../errors.ts";
import type { CesSummary } from "../ces/ces.ts";
import type { CsatSummary } from "../csat/csat.ts";
import type { NpsSummary } from "../nps/summary.ts";
import { assertObject, assertOneOf, confidenceOption } from "../validate.ts";
import { toGetter, type Accessor } from "./accessor.ts";
import { groupRecords, onInvalidOption, groupTally, type KeyOf, type OnInvalid, type SkippedCounts } from "./group.ts";
import { compareGroups, planMetrics, summarize, type MetricsSpec } from "./plan.ts";

/**
 * The length of a trend's periods (calendar periods in UTC; weeks are ISO weeks from Monday).
 *
 * @category Segments and trends
 */
export type TrendInterval = "day" | "week" | "month" | "quarter";

/**
 * Options for {@link trend}.
 *
 * @category Segments and trends
 */
export interface TrendOptions<R> {
  /** When each response was given: a field or accessor giving a Date, epoch milliseconds or an ISO 8601 string. */
  time: Accessor<R>;
  /** Period length. */
  every: TrendInterval;
  /** Which metrics from which fields, as in {@link segmentReport}. */
  metrics: MetricsSpec<R>;
  /** Confidence level of intervals and tests, in (0, 1). Default 0.95. */
  confidence?: number;
  /** `"throw"` (default) or `"skip"` records with a missing or invalid time or value. */
  onInvalid?: OnInvalid;
}

/**
 * The change of a metric from the previous period.
 *
 * @category Segments and trends
 */
export interface PeriodChange {
  /** This period minus the previous, in the metric's unit. */
  readonly difference: number;
  /** Two-sided p-value of the test of no change. */
  readonly pValue: number;
  /** Whether pValue < 1 − confidence (each change tested on its own, no multiplicity correction). */
  readonly significant: boolean;
}

/**
 * A metric summary with its change from the previous period (null for the first period or when untestable).
 *
 * @category Segments and trends
 */
export type WithChange<S> = S & {
  /** Against the previous period with data; null for the first period or when the test is undefined. */
  readonly change: PeriodChange | null;
};

/**
 * One period of a {@link Trend}.
 *
 * @category Segments and trends
 */
export interface TrendPeriod {
  /** Label: `2026-03-14`, `2026-W11`, `2026-03` or `2026-Q1`. */
  readonly period: string;
  /** First day of the period, `YYYY-MM-DD` (UTC). */
  readonly start: string;
  /** Records in the period. */
  readonly n: number;
  /** NPS summary and change. */
  readonly nps?: WithChange<NpsSummary> | null;
  /** CSAT summary and change. */
  readonly csat?: WithChange<CsatSummary> | null;
  /** CES summary and change. */
  readonly ces?: WithChange<CesSummary> | null;
}

/**
 * The result of {@link trend}.
 *
 * @category Segments and trends
 */
export interface Trend {
  /** Periods that have records, in time order. */
  readonly periods: readonly TrendPeriod[];
  /** What was skipped with `onInvalid: "skip"`. */
  readonly skipped: SkippedCounts;
  /** The period length used. */
  readonly every: TrendInterval;
  /** The confidence level used. */
  readonly confidence: number;
}

const DAY = 86400000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The period containing time `ms`: its label and its first day.
 *
 * @category Segments and trends
 */
export function periodOf(ms: number, every: TrendInterval): { label: string; start: string } {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (every === "day") {
    const s = isoDate(Date.UTC(y, m, d.getUTCDate()));
    return { label: s, start: s };
  }
  if (every === "month") return { label: `${pad(y, 4)}-${pad(m + 1)}`, start: isoDate(Date.UTC(y, m, 1)) };
  if (every === "quarter") {
    const q = Math.floor(m / 3);
    return { label: `${pad(y, 4)}-Q${q + 1}`, start: isoDate(Date.UTC(y, 3 * q, 1)) };
  }
  // ISO 8601 week: starts on Monday; belongs to the year of its Thursday.
  const midnight = Date.UTC(y, m, d.getUTCDate());
  const monday = midnight - ((d.getUTCDay() + 6) % 7) * DAY;
  const thursday = new Date(monday + 3 * DAY);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * DAY)) + 1;
  return { label: `${pad(weekYear, 4)}-W${pad(week)}`, start: isoDate(monday) };
}

function toMillis(v: unknown): number | undefined {
  const ms = v instanceof Date ? v.getTime() : typeof v === "number" ? v : typeof v === "string" ? Date.parse(v) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Metrics over time: one summary per calendar period, in order, each with its interval and the
 * change from the previous period with its significance.
 *
 * Records are grouped in one pass into tallies per period (UTC days, ISO weeks starting Monday,
 * calendar months or quarters). Each period's summary is exactly the metric's `*Summary` on its
 * responses; `change` tests it against the previous period that has data (`compareNps`,
 * `compareProportions`, `compareMeans`). Periods without records are left out.
 *
 * @param records - An array (or any iterable) of records.
 * @param options - `time`, `every`, `metrics`, `confidence` (default 0.95), `onInvalid` (default `"throw"`).
 * @returns `{ periods, skipped, every, confidence }`.
 * @throws {@link MetricsInputError} / {@link MetricsTypeError} for bad options, and (with the
 *   default `onInvalid: "throw"`) for a record with an invalid time or value.
 * @example
 * ```ts
 * import { trend } from "cxmetrics";
 * const records = [
 *   { at: "2026-01-05", ltr: 9 }, { at: "2026-01-20", ltr: 6 },
 *   { at: "2026-02-03", ltr: 10 }, { at: "2026-02-17", ltr: 9 },
 * ];
 * trend(records, { time: "at", every: "month", metrics: { nps: "ltr" } }).periods.map((p) => [p.period, p.nps?.score]);
 * // [["2026-01", 0], ["2026-02", 100]]
 * ```
 *
 * @category Segments and trends
 */
export function trend<R>(records: ArrayLike<R> | Iterable<R>, options: TrendOptions<R>): Trend {
  const o = assertObject(options, "options");
  const confidence = confidenceOption(o.confidence);
  const onInvalid = onInvalidOption(o.onInvalid);
  const every = assertOneOf(o.every, "options.every", ["day", "week", "month", "quarter"] as const);
  const plans = planMetrics(o.metrics);
  const getTime = toGetter(o.time, "options.time");
  const keyOf: KeyOf = (record, i) => {
    const v = getTime(record, i);
    const ms = toMillis(v);
    if (ms === undefined) {
      if (onInvalid === "skip") return undefined;
      throw new MetricsTypeError("INVALID_TYPE", `records[${i}] time`, v, "a Date, epoch milliseconds or an ISO 8601 date string");
    }
    const p = periodOf(ms, every);
    return { mapKey: p.label, key: p };
  };
  const { groups, skipped } = groupRecords(records, keyOf, plans, onInvalid);
  const states = [...groups.values()].sort((a, b) => {
    const sa = (a.key as { start: string }).start;
    const sb = (b.key as { start: string }).start;
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
  const periods = states.map((s, i) => {
    const { label, start } = s.key as { label: string; start: string };
    const period: Record<string, unknown> = { period: label, start, n: s.n };
    plans.forEach((plan, j) => {
      const t = groupTally(plan, s.counts[j]!);
      const summary = summarize(plan, t, confidence);
      if (summary === null) {
        period[plan.name] = null;
        return;
      }
      // The previous period with a response for this metric.
      let change: PeriodChange | null = null;
      for (let k = i - 1; k >= 0; k--) {
        const prev = states[k]!.counts[j]!;
        if (prev.some((c) => c > 0)) {
          const c = compareGroups(plan, t, groupTally(plan, prev), confidence);
          change = c === null ? null : { ...c, significant: c.pValue < 1 - confidence };
          break;
        }
      }
      period[plan.name] = { ...summary, change };
    });
    return period as unknown as TrendPeriod;
  });
  return { periods, skipped, every, confidence };
}
