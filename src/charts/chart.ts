import { MetricsTypeError } from "../errors.ts";
import { chooseMetric, estimateOf, keyLabel, kindOf, METRIC_AXES, metricsOf, shown } from "./kinds.ts";
import { type ChartOptions, chartOptions, finish, type VegaLiteSpec } from "./spec.ts";

type Obj = Record<string, unknown>;
type Estimateish = { estimate: number; interval: { lower: number; upper: number }; n: number; confidence: number; method: string };

const COLORS = {
  detractor: "#c8423b",
  passive: "#b9b9b9",
  promoter: "#2f8a57",
  accent: "#1f4e9a",
  muted: "#7b8794",
  faint: "#cfd4da",
  reference: "#333333",
};

/** The colour scale of named categories: the library's colours, or the caller's scheme. */
function categories(domain: readonly string[], range: readonly string[], scheme: string | undefined): Obj {
  return scheme === undefined ? { domain, range } : { domain, scheme };
}

const percent = (confidence: number) => `${Math.round(confidence * 1000) / 10}%`;

function intervalText(metric: string, s: Estimateish): string {
  return `${percent(s.confidence)} interval ${shown(metric, s.interval.lower)} to ${shown(metric, s.interval.upper)} (${s.method}), n = ${s.n.toLocaleString("en")}`;
}

/** One stacked bar of the groups' shares (fractions summing to 1), in the groups' order and colours. */
function shareBar(
  groups: readonly string[],
  shares: readonly number[],
  colors: readonly string[],
  title: string,
  o: Partial<ChartOptions>,
): Obj {
  return {
    data: { values: shares.map((share, order) => ({ group: groups[order], share, order })) },
    mark: { type: "bar", height: { band: 0.8 } },
    encoding: {
      x: { field: "share", type: "quantitative", stack: "zero", scale: { domain: [0, 1] }, axis: { format: "%", title } },
      color: { field: "group", type: "nominal", scale: categories(groups, colors, o.scheme), legend: { title: null, orient: "bottom" } },
      order: { field: "order" },
      tooltip: [{ field: "group" }, { field: "share", format: ".1%" }],
    },
  };
}

/** NPS summary: the stacked share bar of detractors, passives and promoters, the score in the title. */
function npsChart(s: Obj, o: Partial<ChartOptions>): VegaLiteSpec {
  const shares = s.shares as { detractors: number; passives: number; promoters: number };
  const groups = ["Detractors", "Passives", "Promoters"];
  const bar = shareBar(
    groups,
    [shares.detractors, shares.passives, shares.promoters],
    [COLORS.detractor, COLORS.passive, COLORS.promoter],
    "Share of responses",
    o,
  );
  return finish(bar, o, `NPS ${shown("nps", s.estimate as number)} points`, intervalText("nps", estimateOf(s)), 50);
}

/** CSAT summary: satisfied against not, with the interval of the share as a rule across the bar. */
function csatChart(s: Obj, o: Partial<ChartOptions>): VegaLiteSpec {
  const p = s.estimate as number;
  const interval = s.interval as { lower: number; upper: number };
  const groups = ["Satisfied", "Not satisfied"];
  return finish(
    {
      layer: [
        shareBar(groups, [p, 1 - p], [COLORS.promoter, COLORS.passive], "CSAT (share satisfied)", o),
        {
          data: { values: [{ lower: interval.lower, upper: interval.upper }] },
          mark: { type: "rule", strokeWidth: 2, color: COLORS.reference },
          encoding: { x: { field: "lower", type: "quantitative" }, x2: { field: "upper" } },
        },
      ],
    },
    o,
    `CSAT ${shown("csat", p)}`,
    intervalText("csat", estimateOf(s)),
    50,
  );
}

/** CES summary: the mean as a point with its interval. */
function cesChart(s: Obj, o: Partial<ChartOptions>): VegaLiteSpec {
  const interval = s.interval as { lower: number; upper: number };
  const values = [{ estimate: s.estimate, lower: interval.lower, upper: interval.upper }];
  const x = { type: "quantitative", scale: { zero: false }, axis: { title: "CES (scale points)" } };
  return finish(
    {
      data: { values },
      layer: [
        { mark: { type: "rule", strokeWidth: 2, color: COLORS.accent }, encoding: { x: { field: "lower", ...x }, x2: { field: "upper" } } },
        { mark: { type: "point", filled: true, size: 90, color: COLORS.accent }, encoding: { x: { field: "estimate", ...x } } },
      ],
    },
    o,
    `CES ${shown("ces", s.estimate as number)}`,
    intervalText("ces", estimateOf(s)),
    50,
  );
}

/** A distribution: the stacked bar of each scale point's share, low scores to high. */
function distributionChart(d: Obj, o: Partial<ChartOptions>): VegaLiteSpec {
  const points = d.points as { score: number; count: number; weight: number; share: number }[];
  const top = d.topBox as { scores: [number, number]; share: number };
  return finish(
    {
      data: { values: points.map((p) => ({ score: p.score, share: p.share, count: p.count })) },
      mark: { type: "bar", height: { band: 0.8 } },
      encoding: {
        x: {
          field: "share",
          type: "quantitative",
          stack: "zero",
          scale: { domain: [0, 1] },
          axis: { format: "%", title: "Share of responses" },
        },
        color: {
          field: "score",
          type: "ordinal",
          scale: { scheme: o.scheme ?? "redyellowgreen" },
          legend: { title: "Score", orient: "bottom" },
        },
        order: { field: "score" },
        tooltip: [{ field: "score" }, { field: "count" }, { field: "share", format: ".1%" }],
      },
    },
    o,
    `Top box (${top.scores[0]}-${top.scores[1]}) ${(100 * top.share).toFixed(1)}%`,
    `Mean ${(d.mean as number).toFixed(2)}, median ${d.median}, n = ${(d.n as number).toLocaleString("en")}`,
    50,
  );
}

/**
 * A segment report: the forest plot of one metric, a row per segment with its point and
 * interval, the whole sample's score as a dashed line; segments significantly different from
 * the rest (Holm-adjusted) in the accent colour, segments with fewer than minN responses grey.
 */
function segmentsChart(r: Obj, o: Partial<ChartOptions>): VegaLiteSpec {
  const total = r.total as Obj;
  const metric = chooseMetric(metricsOf(total), o.metric);
  const axis = METRIC_AXES[metric]!;
  const minN = r.minN as number;
  const values = (r.segments as Obj[]).flatMap((s) => {
    const e = s[metric] as (Estimateish & { vsRest: Obj | null }) | null;
    if (e === null) return [];
    const vs = e.vsRest;
    const status =
      e.n < minN ? `fewer than ${minN} responses` : vs?.significant === true ? "different from the rest" : "not significantly different";
    return [
      {
        segment: keyLabel(s.key),
        estimate: e.estimate,
        lower: e.interval.lower,
        upper: e.interval.upper,
        n: e.n,
        adjustedPValue: vs === null ? null : vs.adjustedPValue,
        status,
      },
    ];
  });
  const overall = total[metric] as Estimateish | null;
  const statuses = ["different from the rest", "not significantly different", `fewer than ${minN} responses`];
  const color = {
    field: "status",
    type: "nominal",
    scale: categories(statuses, [COLORS.accent, COLORS.muted, COLORS.faint], o.scheme),
    legend: { title: null, orient: "bottom" },
  };
  const x = { type: "quantitative", scale: { zero: false }, axis: { title: axis.title, format: axis.format } };
  const tooltip = [
    { field: "segment" },
    { field: "estimate", format: axis.format === ".0%" ? ".1%" : ".2f" },
    { field: "lower", format: axis.format === ".0%" ? ".1%" : ".2f" },
    { field: "upper", format: axis.format === ".0%" ? ".1%" : ".2f" },
    { field: "n" },
    { field: "adjustedPValue", title: "p (Holm)", format: ".3g" },
  ];
  const layers: Obj[] = [
    {
      data: { values },
      mark: { type: "rule", strokeWidth: 2 },
      encoding: {
        y: { field: "segment", type: "nominal", sort: null, axis: { title: null } },
        x: { field: "lower", ...x },
        x2: { field: "upper" },
        color,
        tooltip,
      },
    },
    {
      data: { values },
      mark: { type: "point", filled: true, size: 70 },
      encoding: { y: { field: "segment", type: "nominal", sort: null }, x: { field: "estimate", ...x }, color, tooltip },
    },
  ];
  if (overall !== null) {
    layers.push({
      data: { values: [{ overall: overall.estimate }] },
      mark: { type: "rule", strokeDash: [4, 4], color: COLORS.reference },
      encoding: { x: { field: "overall", type: "quantitative" } },
    });
  }
  return finish(
    { layer: layers },
    o,
    overall === null ? `${axis.name} by segment` : `${axis.name} by segment (all: ${shown(metric, overall.estimate)})`,
    `${percent(r.confidence as number)} intervals; dashed line: all responses; colour: each segment against the rest, Holm-adjusted`,
    Math.max(60, 24 * values.length),
  );
}

/**
 * A trend: the metric per period as a line with its interval as a band, broken where a period
 * has no responses; periods whose change from the previous one is significant are marked.
 */
function trendChart(t: Obj, o: Partial<ChartOptions>): VegaLiteSpec {
  const periods = t.periods as Obj[];
  const available = [...new Set(periods.flatMap((p) => metricsOf(p)))];
  const metric = chooseMetric(available, o.metric);
  const axis = METRIC_AXES[metric]!;
  // A trend per segment draws each segment (colour per segment); a trend without, the overall line.
  const segments = Array.isArray(t.segments) ? (t.segments as Obj[]) : null;
  const series: { name: string | null; periods: Obj[] }[] =
    segments === null ? [{ name: null, periods }] : segments.map((s) => ({ name: segmentLabel(s.key), periods: s.periods as Obj[] }));
  // A run is a stretch of periods with data: a new run after each gap breaks the line and band.
  let run = 0;
  const values = series.flatMap(({ name, periods: entries }) => {
    let gap = true;
    return entries.flatMap((p) => {
      const e = p[metric] as (Estimateish & { change: Obj | null }) | null | undefined;
      if (e === null || e === undefined) {
        gap = true;
        return [];
      }
      if (gap) run++;
      gap = false;
      return [
        {
          ...(name === null ? {} : { segment: name }),
          period: p.period,
          start: p.start,
          run,
          estimate: e.estimate,
          lower: e.interval.lower,
          upper: e.interval.upper,
          n: e.n,
          significant: e.change?.significant === true,
        },
      ];
    });
  });
  const changes = values.filter((v) => v.significant);
  // Period starts are calendar dates: read and labelled in UTC, so no viewer's time zone shifts them.
  const unit = { day: "utcyearmonthdate", week: "utcyearmonthdate", month: "utcyearmonth", quarter: "utcyearquarter", year: "utcyear" }[
    t.every as string
  ];
  const x = { field: "start", type: "temporal", timeUnit: unit, axis: { title: null } };
  const y = { type: "quantitative", scale: { zero: false }, axis: { title: axis.title, format: axis.format } };
  const tooltip = [
    ...(segments === null ? [] : [{ field: "segment" }]),
    { field: "period" },
    { field: "estimate", format: ".2f" },
    { field: "lower", format: ".2f" },
    { field: "upper", format: ".2f" },
    { field: "n" },
  ];
  const colour =
    segments === null
      ? {}
      : { color: { field: "segment", type: "nominal", legend: { title: null }, scale: { scheme: o.scheme ?? "tableau10" } } };
  const fill = segments === null ? { color: COLORS.accent } : {};
  const window = t.window as { periods?: number; days?: number } | null | undefined;
  const smoothing = t.smoothing as { halfLife: number } | null | undefined;
  const every = t.every as string;
  const pooled =
    window?.periods !== undefined
      ? `each point: the ${window.periods} ${every}s ending with it`
      : window?.days !== undefined
        ? `each point: the ${window.days} days ending with its ${every}`
        : smoothing != null
          ? `smoothed, half-life ${smoothing.halfLife} ${every}s`
          : "";
  const against = window != null ? "the window before" : "the period before";
  const marks = smoothing != null ? "" : `; diamonds: a significant change from ${against}${segments === null ? "" : " (Holm)"}`;
  return finish(
    {
      data: { values },
      layer: [
        {
          mark: { type: "area", opacity: segments === null ? 0.18 : 0.12, ...fill },
          encoding: { x, y: { field: "lower", ...y }, y2: { field: "upper" }, detail: { field: "run" }, ...colour },
        },
        {
          mark: { type: "line", strokeWidth: 2, ...fill },
          encoding: { x, y: { field: "estimate", ...y }, detail: { field: "run" }, tooltip, ...colour },
        },
        // Only when there is one: a layer without data would make Vega warn of an empty extent.
        ...(changes.length === 0
          ? []
          : [
              {
                data: { values: changes },
                mark: { type: "point", shape: "diamond", filled: true, size: 110, color: COLORS.detractor },
                encoding: { x, y: { field: "estimate", ...y }, tooltip },
              },
            ]),
      ],
    },
    o,
    `${axis.name} by ${every}${segments === null ? "" : ", per segment"}${window != null ? " (rolling)" : smoothing != null ? " (smoothed)" : ""}`,
    `Band: ${percent(t.confidence as number)} interval${pooled === "" ? "" : `; ${pooled}`}${marks}; time zone ${t.timeZone as string}`,
    220,
  );
}

/** A segment key as a label: nested keys joined with " · ". */
function segmentLabel(key: unknown): string {
  return Array.isArray(key) ? key.map(String).join(" · ") : String(key);
}

/** Cohort retention: the heat map of each cohort's customers still billing by age. */
function cohortsChart(c: Obj, o: Partial<ChartOptions>): VegaLiteSpec {
  const rows = c.rows as { cohort: string; age: number; customers: number; customerShare: number; mrrShare: number }[];
  const cohorts = [...new Set(rows.map((r) => r.cohort))];
  return finish(
    {
      data: {
        values: rows.map((r) => ({ cohort: r.cohort, age: r.age, share: r.customerShare, customers: r.customers, mrrShare: r.mrrShare })),
      },
      layer: [
        {
          mark: { type: "rect" },
          encoding: {
            x: { field: "age", type: "ordinal", axis: { title: `Age (${c.every as string}s since the first)`, labelAngle: 0 } },
            y: { field: "cohort", type: "ordinal", sort: cohorts, axis: { title: "Cohort" } },
            color: {
              field: "share",
              type: "quantitative",
              scale: { scheme: o.scheme ?? "blues", domain: [0, 1] },
              legend: { title: "Customers retained", format: "%" },
            },
            tooltip: [
              { field: "cohort" },
              { field: "age" },
              { field: "customers" },
              { field: "share", format: ".1%" },
              { field: "mrrShare", title: "MRR retained", format: ".1%" },
            ],
          },
        },
        {
          mark: { type: "text", fontSize: 10 },
          encoding: {
            x: { field: "age", type: "ordinal" },
            y: { field: "cohort", type: "ordinal", sort: cohorts },
            text: { field: "share", type: "quantitative", format: ".0%" },
            color: { condition: { test: "datum.share > 0.6", value: "white" }, value: "black" },
          },
        },
      ],
    },
    o,
    "Customer retention by cohort",
    `Share of each cohort's customers still billing; time zone ${c.timeZone as string}`,
    Math.max(80, 22 * cohorts.length),
  );
}

/** A retention projection: the projected survival curve, and the observed shares beside it when given. */
function projectionChart(p: readonly { period: number; survival: number }[], o: Partial<ChartOptions>): VegaLiteSpec {
  const actual = o.actual;
  if (
    actual !== undefined &&
    (!Array.isArray(actual) || !actual.every((a) => typeof a === "number" && Number.isFinite(a) && a >= 0 && a <= 1))
  ) {
    throw new MetricsTypeError(
      "INVALID_TYPE",
      "options.actual",
      actual,
      "observed survival shares of periods 1, 2, …: fractions in [0, 1]",
    );
  }
  const values = [
    ...p.map((r) => ({ period: r.period, survival: r.survival, series: "Projected" })),
    ...(actual ?? []).map((survival, i) => ({ period: i + 1, survival, series: "Actual" })),
  ];
  const series = actual === undefined ? ["Projected"] : ["Actual", "Projected"];
  return finish(
    {
      data: { values },
      mark: { type: "line", point: true },
      encoding: {
        x: { field: "period", type: "quantitative", axis: { title: "Periods since the start", tickMinStep: 1 } },
        y: { field: "survival", type: "quantitative", scale: { domain: [0, 1] }, axis: { title: "Share still customers", format: "%" } },
        color: {
          field: "series",
          type: "nominal",
          scale: categories(series, actual === undefined ? [COLORS.accent] : [COLORS.reference, COLORS.accent], o.scheme),
          legend: { title: null, orient: "bottom" },
        },
        strokeDash: {
          field: "series",
          type: "nominal",
          scale: {
            domain: series,
            range:
              actual === undefined
                ? [[4, 3]]
                : [
                    [1, 0],
                    [4, 3],
                  ],
          },
        },
        tooltip: [{ field: "series" }, { field: "period" }, { field: "survival", format: ".1%" }],
      },
    },
    o,
    actual === undefined ? "Projected retention" : "Retention: actual and projected",
    `Survival S(t) of the shifted-beta-geometric model, ${p.length} periods`,
    220,
  );
}

/**
 * A Vega-Lite chart of a result, one call away from a picture: plain JSON (Vega-Lite v5) for
 * `vega-embed`, the Vega editor or a notebook, built by plain code (no Vega in the package).
 *
 * | result | chart |
 * | --- | --- |
 * | `npsSummary` | stacked bar of detractors, passives and promoters; the score and interval in the title |
 * | `csatSummary` | satisfied against not, with the interval of the share as a rule |
 * | `cesSummary` | the mean as a point with its interval |
 * | `distribution` | stacked bar of each scale point's share |
 * | `segmentReport` (or `segmentReportFromCounts`) | forest plot: a row per segment, point and interval, the whole sample as a dashed line, segments that differ from the rest (Holm) in colour, segments under `minN` grey |
 * | `trend` (or `trendFromCounts`) | line with its confidence band, broken where a period has no responses; significant changes marked; with `by`, a line and band per segment in its own colour; a window or smoothing named in the subtitle |
 * | `cohortRetention` | heat map of customers retained by cohort and age |
 * | `projectRetention` | the projected survival curve, with `actual` survival shares beside it |
 *
 * Axes carry their units ("NPS (points)", shares as percentages). In a Deno Jupyter notebook the
 * spec displays as the chart when it is a cell's last expression.
 *
 * @param result - A result of one of the functions above.
 * @param options - `title`, `metric` (for reports), `width` (default 480), `height`, `scheme`, `actual` (for projections).
 * @returns A {@link VegaLiteSpec}.
 * @throws {@link index!MetricsTypeError} for a value that is not such a result, an unknown option, a
 *   metric the report does not have, or a size that is not a positive number.
 * @see A. Satyanarayan, D. Moritz, K. Wongsuphasawat & J. Heer, "Vega-Lite: A Grammar of
 *   Interactive Graphics", IEEE TVCG 23(1), 2017.
 * @example
 * ```ts
 * import { npsSummary } from "cxmetrics";
 * import { chart } from "cxmetrics/charts";
 * const spec = chart(npsSummary({ promoters: 60, passives: 25, detractors: 15 }));
 * spec.$schema; // "https://vega.github.io/schema/vega-lite/v5.json"
 * spec.title; // { text: "NPS 45.0 points", subtitle: "95% interval 29.3 to 58.0 (adjusted-wald), n = 100", … }
 * JSON.stringify(spec); // plain JSON for vega-embed, the Vega editor or a file
 * ```
 *
 * @category Charts
 */
export function chart(result: unknown, options?: ChartOptions): VegaLiteSpec {
  const o = chartOptions(options);
  const kind = kindOf(result);
  if (o.actual !== undefined && kind !== "projection") {
    throw new MetricsTypeError(
      "INVALID_OPTION",
      "options.actual",
      o.actual,
      "left out: only a retention projection has observed values beside it",
    );
  }
  if (o.metric !== undefined && kind !== "segments" && kind !== "trend") {
    throw new MetricsTypeError(
      "INVALID_OPTION",
      "options.metric",
      o.metric,
      "left out: only a segment report or a trend has several metrics",
    );
  }
  const r = result as Obj;
  switch (kind) {
    case "nps":
      return npsChart(r, o);
    case "csat":
      return csatChart(r, o);
    case "ces":
      return cesChart(r, o);
    case "distribution":
      return distributionChart(r, o);
    case "segments":
      return segmentsChart(r, o);
    case "trend":
      return trendChart(r, o);
    case "cohorts":
      return cohortsChart(r, o);
    case "projection":
      return projectionChart(result as { period: number; survival: number }[], o);
  }
}
