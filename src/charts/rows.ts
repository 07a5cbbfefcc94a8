import { estimateOf, keyLabel, kindOf, metricsOf } from "./kinds.ts";

type Obj = Record<string, unknown>;

/**
 * One flat row of {@link toRows}: plain values only (strings, numbers, booleans, null), the same
 * columns for every row of a result.
 *
 * @category Charts
 */
export type Row = Readonly<Record<string, string | number | boolean | null>>;

interface Entry {
  estimate: number;
  n: number;
  standardError: number;
  interval: { lower: number; upper: number };
}

/** The estimate's columns: score, interval, n, standard error. */
function estimateColumns(e: Entry): Record<string, number> {
  return { estimate: e.estimate, lower: e.interval.lower, upper: e.interval.upper, n: e.n, standardError: e.standardError };
}

function segmentRows(r: Obj): Row[] {
  const total = r.total as Obj;
  const metrics = metricsOf(total);
  const rows: Row[] = [];
  for (const metric of metrics) {
    const all = total[metric] as Entry | null;
    if (all !== null)
      rows.push({
        segment: "(all)",
        metric,
        ...estimateColumns(all),
        difference: null,
        pValue: null,
        adjustedPValue: null,
        significant: null,
        tooFew: null,
      });
    for (const s of r.segments as Obj[]) {
      const e = s[metric] as (Entry & { vsRest: Obj | null }) | null;
      if (e === null) continue;
      const vs = e.vsRest;
      rows.push({
        segment: keyLabel(s.key),
        metric,
        ...estimateColumns(e),
        difference: vs === null ? null : (vs.difference as number),
        pValue: vs === null ? null : (vs.pValue as number),
        adjustedPValue: vs === null ? null : (vs.adjustedPValue as number),
        significant: vs === null ? null : (vs.significant as boolean),
        tooFew: vs === null ? null : (vs.tooFew as boolean),
      });
    }
  }
  return rows;
}

function trendRows(t: Obj): Row[] {
  const periods = t.periods as Obj[];
  const metrics = [...new Set(periods.flatMap((p) => metricsOf(p)))];
  const segments = Array.isArray(t.segments) ? (t.segments as Obj[]) : null;
  const windowed = t.window !== null && t.window !== undefined;
  // The whole sample first (segment "(all)"), then each segment, as segment reports' rows are.
  const series: { segment: string | null; periods: Obj[] }[] = [
    { segment: segments === null ? null : "(all)", periods },
    ...(segments ?? []).map((s) => ({
      segment: Array.isArray(s.key) ? (s.key as unknown[]).map(String).join(" · ") : String(s.key),
      periods: s.periods as Obj[],
    })),
  ];
  const rows: Row[] = [];
  for (const { segment, periods: entries } of series) {
    for (const metric of metrics) {
      for (const p of entries) {
        const e = p[metric] as (Entry & { change: Obj | null }) | null | undefined;
        const w = p.window as { start: string; end: string } | null | undefined;
        const base = {
          ...(segment === null ? {} : { segment }),
          period: p.period as string,
          start: p.start as string,
          ...(windowed ? { windowStart: w?.start ?? null, windowEnd: w?.end ?? null } : {}),
          metric,
        };
        if (e === null || e === undefined) {
          rows.push({
            ...base,
            estimate: null,
            lower: null,
            upper: null,
            n: 0,
            standardError: null,
            change: null,
            pValue: null,
            significant: null,
          });
          continue;
        }
        const c = e.change;
        rows.push({
          ...base,
          ...estimateColumns(e),
          change: c === null ? null : (c.difference as number),
          pValue: c === null ? null : (c.pValue as number),
          significant: c === null ? null : (c.significant as boolean),
        });
      }
    }
  }
  return rows;
}

/**
 * A result as flat rows, ready for `console.table`, a CSV writer, arquero or DuckDB: one row per
 * segment and metric (the whole sample first, as segment `"(all)"`), per period and metric, per
 * scale point of a distribution, per cohort and age, per projected period, or a single row for a
 * summary. Every row of a result has the same columns; missing values are `null`.
 *
 * | result | columns |
 * | --- | --- |
 * | `segmentReport` | segment, metric, estimate, lower, upper, n, standardError, difference, pValue, adjustedPValue, significant, tooFew |
 * | `trend` | period, start, metric, estimate, lower, upper, n, standardError, change, pValue, significant; `segment` first with `by` (`"(all)"` for the whole sample), `windowStart` and `windowEnd` with a window |
 * | `npsSummary`, `csatSummary`, `cesSummary` | metric, estimate, lower, upper, n, standardError, confidence, method |
 * | `distribution` | score, count, weight, share |
 * | `cohortRetention` | cohort, age, customers, customerShare, mrr, mrrShare |
 * | `projectRetention` | period, survival, retention |
 *
 * It lives beside {@link chart} in `cxmetrics/charts`, so the main entry stays small.
 *
 * @param result - A result of one of the functions above.
 * @returns The rows, new objects (the result is not changed).
 * @throws {@link index!MetricsTypeError} for a value that is not such a result.
 * @example
 * ```ts
 * import { segmentReport } from "cxmetrics";
 * import { toRows } from "cxmetrics/charts";
 * const records = [
 *   { region: "EMEA", ltr: 10 }, { region: "EMEA", ltr: 9 },
 *   { region: "APAC", ltr: 3 }, { region: "APAC", ltr: 8 },
 * ];
 * const rows = toRows(segmentReport(records, { by: "region", metrics: { nps: "ltr" } }));
 * rows.map((r) => [r.segment, r.estimate]); // [["(all)", 25], ["APAC", -50], ["EMEA", 100]]
 * ```
 *
 * @category Charts
 */
export function toRows(result: unknown): Row[] {
  const kind = kindOf(result);
  const r = result as Obj;
  switch (kind) {
    case "segments":
      return segmentRows(r);
    case "trend":
      return trendRows(r);
    case "nps":
    case "csat":
    case "ces":
      return [{ metric: kind, ...estimateColumns(estimateOf(r)), confidence: r.confidence as number, method: r.method as string }];
    case "distribution":
      return (r.points as Obj[]).map((p) => ({
        score: p.score as number,
        count: p.count as number,
        weight: p.weight as number,
        share: p.share as number,
      }));
    case "cohorts":
      return (r.rows as Obj[]).map((c) => ({
        cohort: c.cohort as string,
        age: c.age as number,
        customers: c.customers as number,
        customerShare: c.customerShare as number,
        mrr: c.mrr as number,
        mrrShare: c.mrrShare as number,
      }));
    case "projection":
      return (result as Obj[]).map((p) => ({
        period: p.period as number,
        survival: p.survival as number,
        retention: p.retention as number,
      }));
  }
}
