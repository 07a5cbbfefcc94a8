import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chart, toRows } from "../../src/charts/index.ts";
import {
  cesSummary,
  cohortRetention,
  csatSummary,
  distribution,
  fitSbg,
  MetricsTypeError,
  npsSummary,
  projectRetention,
  segmentReport,
  trend,
} from "../../src/index.ts";
import { COHORT_CHANGES, markItems, renderSvg } from "./render.ts";

// Every spec is compiled with vega-lite and rendered with vega to SVG (headless, no browser), and
// the marks that must be there are counted in the SVG.
const records = Array.from({ length: 600 }, (_, i) => ({
  region: ["north", "south", "east", "west", "tiny"][i % 5 === 4 && i > 100 ? i % 4 : i % 5]!,
  ltr: i % 5 === 0 ? 10 : i % 5 === 1 ? (i % 2 ? 3 : 9) : (i * 7) % 11,
  sat: 1 + ((i * 3) % 5),
  effort: 1 + (i % 7),
  at: `2026-${String(1 + (i % 8)).padStart(2, "0")}-${String(1 + (i % 27)).padStart(2, "0")}`,
}));

async function rendered(spec: object) {
  const { svg, warnings } = await renderSvg(spec);
  expect(warnings).toEqual([]);
  return markItems(svg);
}

describe("chart: Vega-Lite specs that compile and render", () => {
  it("NPS summary: three stacked bars, score and interval in the title, points on the axis", async () => {
    const s = npsSummary({ promoters: 60, passives: 25, detractors: 15 });
    const spec = chart(s);
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(spec.title).toMatchObject({ text: "NPS 45.0 points", subtitle: "95% interval 29.3 to 58.0 (adjusted-wald), n = 100" });
    expect(await rendered(spec)).toEqual({ rect: 3 });
  });

  it("CSAT and CES summaries: the share with its interval rule; the mean as a point with its interval", async () => {
    const c = chart(csatSummary({ counts: [2, 3, 10, 40, 45] }));
    expect(c.title).toMatchObject({ text: "CSAT 85.0%" });
    expect(await rendered(c)).toEqual({ rect: 2, rule: 1 });
    const e = chart(cesSummary([7, 6, 5, 6, 3, 6, 7, 5]));
    expect(e.title).toMatchObject({ text: "CES 5.63" });
    expect(await rendered(e)).toEqual({ rule: 1, symbol: 1 });
  });

  it("distribution: one bar segment per scale point", async () => {
    const d = distribution(
      records.map((r) => r.sat),
      { scale: [1, 5] },
    );
    expect(await rendered(chart(d))).toEqual({ rect: 5 });
  });

  it("segment report: one interval and one point per segment, the overall line, significant and small segments marked", async () => {
    const report = segmentReport(records, { by: "region", metrics: { nps: "ltr", csat: "sat" }, minN: 30 });
    const spec = chart(report);
    const items = await rendered(spec);
    const segments = report.segments.length;
    expect(items.rule).toBe(segments + 1); // an interval per segment + the overall reference
    expect(items.symbol).toBe(segments);
    const layers = spec.layer as { data: { values: { segment: string; status: string }[] } }[];
    const rows = layers[0]!.data.values;
    for (const s of report.segments) {
      const row = rows.find((r) => r.segment === s.key)!;
      const expected =
        s.nps!.n < 30 ? "fewer than 30 responses" : s.nps!.vsRest!.significant ? "different from the rest" : "not significantly different";
      expect(row.status).toBe(expected);
    }
    expect(rows.some((r) => r.status === "different from the rest")).toBe(true);
    expect(rows.some((r) => r.status === "fewer than 30 responses")).toBe(true);
    // the other metric on request, with its unit on the axis
    const csat = chart(report, { metric: "csat" });
    expect(JSON.stringify(csat)).toContain('"title":"CSAT (share satisfied)"');
    expect(() => chart(report, { metric: "ces" })).toThrow(/^options.metric must be one of the report's metrics: "nps", "csat"; got "ces"/);
  });

  it("trend: the band and the line broken at an empty period, a marker per significant change", async () => {
    const withGap = records.filter((r) => !r.at.startsWith("2026-04"));
    const t = trend(withGap, { time: "at", every: "month", metrics: { nps: "ltr" }, minN: 10 });
    expect(t.periods.some((p) => p.n === 0)).toBe(true);
    const items = await rendered(chart(t));
    expect(items.area).toBe(2); // two runs: before and after the empty April
    expect(items.line).toBe(2);
    const significant = t.periods.filter((p) => p.nps?.change?.significant === true).length;
    expect(items.symbol ?? 0).toBe(significant);
    expect(significant).toBeGreaterThan(0);
  });

  it("a trend per segment: a band and a line per segment in its own colour; windowed and smoothed trends say so", async () => {
    const t = trend(records, { time: "at", every: "month", by: "region", window: { periods: 2 }, metrics: { nps: "ltr" }, minN: 10 });
    const segments = t.segments!.length;
    expect(segments).toBeGreaterThan(1);
    const spec = chart(t);
    const items = await rendered(spec);
    expect(items.area).toBe(segments);
    expect(items.line).toBe(segments);
    const significant = t.segments!.flatMap((s) => s.periods).filter((p) => p.nps?.change?.significant === true).length;
    expect(items.symbol ?? 0).toBe(significant);
    expect(JSON.stringify(spec)).toContain("per segment (rolling)");
    expect(JSON.stringify(spec)).toContain(
      "each point: the 2 months ending with it; diamonds: a significant change from the window before (Holm)",
    );
    const smoothed = chart(trend(records, { time: "at", every: "month", smoothing: { halfLife: 2 }, metrics: { nps: "ltr" } }));
    expect(JSON.stringify(smoothed)).toContain("smoothed, half-life 2 months");
    expect((await rendered(smoothed)).symbol ?? 0).toBe(0);
  });

  it("toRows of a trend per segment: the whole sample as (all), then each segment, with the window's days", () => {
    const t = trend(records, { time: "at", every: "month", by: "region", window: { days: 45 }, metrics: { nps: "ltr" } });
    const rows = toRows(t);
    expect(rows.length).toBe((1 + t.segments!.length) * t.periods.length);
    expect(Object.keys(rows[0]!)).toEqual([
      "segment",
      "period",
      "start",
      "windowStart",
      "windowEnd",
      "metric",
      "estimate",
      "lower",
      "upper",
      "n",
      "standardError",
      "change",
      "pValue",
      "significant",
    ]);
    expect(rows[0]).toMatchObject({ segment: "(all)", period: t.periods[0]!.period, windowEnd: t.periods[0]!.window!.end });
    const s = t.segments![1]!;
    const row = rows.find((r) => r.segment === s.key && r.period === s.periods[2]!.period)!;
    expect(row.estimate).toBe(s.periods[2]!.nps?.estimate ?? null);
    expect(new Set(rows.map((r) => Object.keys(r).join())).size).toBe(1);
  });

  it("cohort retention: a cell (and its label) per cohort and age; projections with the actual curve beside them", async () => {
    const changes = COHORT_CHANGES;
    const cohorts = cohortRetention(changes, { every: "month" });
    const items = await rendered(chart(cohorts));
    expect(items.rect).toBe(cohorts.rows.length);
    expect(items.text).toBe(cohorts.rows.length);
    const model = fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]);
    const projection = projectRetention(model, 12);
    const actual = [0.631, 0.468, 0.382, 0.326, 0.289, 0.262, 0.241];
    const p = await rendered(chart(projection, { actual }));
    expect(p.line).toBe(2);
    expect(p.symbol).toBe(projection.length + actual.length);
  });

  it("is plain JSON with a Jupyter display hook JSON does not see", () => {
    const spec = chart(npsSummary([10, 9, 3]), { title: "Q3", width: 300, height: 80 });
    expect(JSON.parse(JSON.stringify(spec))).toEqual({ ...spec });
    expect(Object.keys(spec)).not.toContain("Symbol(Jupyter.display)");
    expect(spec).toMatchObject({ width: 300, height: 80, title: { text: "Q3" } });
    const display = (spec as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]!();
    expect(display["application/vnd.vegalite.v5+json"]).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(display["text/plain"]).toMatch(/^Q3\n/);
  });

  it("any segment report of any data renders without a warning (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ g: fc.constantFrom("a", "b", "c", "d"), v: fc.integer({ min: 0, max: 10 }) }), {
          minLength: 1,
          maxLength: 80,
        }),
        async (rows) => {
          const report = segmentReport(rows, { by: "g", metrics: { nps: "v" } });
          const items = await rendered(chart(report));
          expect(items.symbol).toBe(report.segments.length);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("any value: a spec or a MetricsTypeError naming the argument, and the value untouched (property)", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withTypedArray: true, withSparseArray: true }), (value) => {
        const before = fc.stringify(value);
        for (const f of [chart, toRows]) {
          try {
            f(value);
          } catch (error) {
            expect(error).toBeInstanceOf(MetricsTypeError);
            expect((error as MetricsTypeError).argument).toBe("result");
          }
        }
        expect(fc.stringify(value)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses what it cannot draw", () => {
    const cases: [() => unknown, RegExp][] = [
      [() => chart({ estimate: 3 }), /^result must be a result of npsSummary, csatSummary, cesSummary, distribution, segmentReport/],
      [() => chart([1, 2, 3]), /^result must be a result of/],
      [() => chart(npsSummary([9]), { colour: "red" } as never), /^options.colour is not an option of chart/],
      [() => chart(npsSummary([9]), { width: -1 }), /^options.width must be a width or height in pixels, a number above 0; got -1/],
      [
        () => chart(npsSummary([9]), { metric: "nps" }),
        /^options.metric must be left out: only a segment report or a trend has several metrics/,
      ],
      [() => chart(npsSummary([9]), { actual: [0.5] }), /^options.actual must be left out: only a retention projection/],
      [
        () => chart(projectRetention({ model: "sbg", params: { alpha: 1, beta: 2 } }, 3), { actual: [1.5] }),
        /^options.actual must be observed survival shares/,
      ],
    ];
    for (const [call, message] of cases) {
      expect(call, String(message)).toThrow(message);
      expect(call).toThrow(MetricsTypeError);
    }
  });
});

describe("toRows: flat rows for console.table, CSV and DuckDB", () => {
  it("a segment report: the whole sample, then each segment per metric, with its test", () => {
    const report = segmentReport(records, { by: "region", metrics: { nps: "ltr", csat: "sat" } });
    const rows = toRows(report);
    expect(rows).toHaveLength(2 * (1 + report.segments.length));
    expect(rows[0]).toMatchObject({ segment: "(all)", metric: "nps", estimate: report.total.nps!.estimate, pValue: null });
    for (const s of report.segments) {
      const row = rows.find((r) => r.segment === s.key && r.metric === "csat")!;
      expect(row).toEqual({
        segment: s.key,
        metric: "csat",
        estimate: s.csat!.estimate,
        lower: s.csat!.interval.lower,
        upper: s.csat!.interval.upper,
        n: s.csat!.n,
        standardError: s.csat!.standardError,
        difference: s.csat!.vsRest!.difference,
        pValue: s.csat!.vsRest!.pValue,
        adjustedPValue: s.csat!.vsRest!.adjustedPValue,
        significant: s.csat!.vsRest!.significant,
        tooFew: s.csat!.vsRest!.tooFew,
      });
    }
    // the same columns in every row, plain values only
    const columns = Object.keys(rows[0]!).join();
    for (const r of rows) {
      expect(Object.keys(r).join()).toBe(columns);
      for (const v of Object.values(r)) expect(v === null || ["string", "number", "boolean"].includes(typeof v)).toBe(true);
    }
  });

  it("a trend: every period of every metric, empty periods as nulls; summaries, distributions, cohorts and projections", () => {
    const t = trend(
      records.filter((r) => !r.at.startsWith("2026-04")),
      { time: "at", every: "month", metrics: { nps: "ltr", ces: "effort" } },
    );
    const rows = toRows(t);
    expect(rows).toHaveLength(2 * t.periods.length);
    expect(rows.find((r) => r.period === "2026-04" && r.metric === "nps")).toMatchObject({ n: 0, estimate: null, change: null });
    expect(toRows(npsSummary([10, 9, 3]))).toEqual([
      expect.objectContaining({ metric: "nps", estimate: npsSummary([10, 9, 3]).estimate, method: "adjusted-wald" }),
    ]);
    expect(toRows(distribution([1, 5, 5], { scale: [1, 5] }))).toHaveLength(5);
    expect(toRows(projectRetention({ model: "sbg", params: { alpha: 1, beta: 2 } }, 4)).map((r) => r.period)).toEqual([1, 2, 3, 4]);
    expect(() => toRows("report")).toThrow(/^result must be a result of/);
  });
});
