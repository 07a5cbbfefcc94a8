// The metric registry: segmentReport and trend are generated from it, so a metric added to a
// registry (here, in the test, without touching src) appears in both, typed.
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Tally } from "../../src/index.ts";
import { type Comparison, compareProportions, type Estimate, type MetricDefinition, proportionInterval } from "../../src/index.ts";
import { METRICS } from "../../src/segments/registry.ts";
import { reportSegments } from "../../src/segments/segmentReport.ts";
import { reportTrend } from "../../src/segments/trend.ts";

/** A fourth metric: the share of top-box answers (the scale's maximum), with a Wilson interval. */
interface TopBoxOptions {
  scale?: readonly [number, number];
}
interface TopBoxSummary extends Estimate<string> {
  readonly topBox: number;
}
const topOf = (t: Tally) => t.counts[t.counts.length - 1]!;
const nOf = (t: Tally) => t.counts.reduce((a, b) => a + b, 0);
const topBox: MetricDefinition<TopBoxOptions, TopBoxSummary, Comparison<string>> = {
  defaultScale: [1, 5],
  options: ["scale"],
  summarize: (t, _o, confidence) => ({ ...proportionInterval({ successes: topOf(t), n: nOf(t) }, { confidence }), topBox: topOf(t) }),
  compare: (a, b, _o, confidence) =>
    compareProportions({ successes: topOf(a), n: nOf(a) }, { successes: topOf(b), n: nOf(b) }, { confidence }),
};
const registry = { ...METRICS, topBox };

const records = [
  { region: "EMEA", at: "2026-01-05", sat: 5, ltr: 9 },
  { region: "EMEA", at: "2026-01-06", sat: 4, ltr: 10 },
  { region: "APAC", at: "2026-02-01", sat: 5, ltr: 3 },
  { region: "APAC", at: "2026-02-02", sat: 5, ltr: 6 },
];

describe("the metric registry", () => {
  it("reportSegments({ ...METRICS, topBox }) reports the added metric per segment, typed, beside the built-in ones", () => {
    const report = reportSegments(registry, records, { by: "region", metrics: { topBox: "sat", nps: "ltr" } });
    const apac = report.segments[0]!;
    expect(apac.key).toBe("APAC");
    expect(apac.topBox!.topBox).toBe(2);
    expect(apac.topBox!.estimate).toBe(1);
    expect(apac.topBox!.vsRest!.difference).toBe(0.5);
    expect(report.total.topBox!.estimate).toBe(0.75);
    expect(report.skipped.topBox).toEqual({ missing: 0, invalid: 0, firstMissing: null, firstInvalid: null });
    expectTypeOf(apac.topBox).toEqualTypeOf<
      (TopBoxSummary & { readonly vsRest: import("../../src/index.ts").SegmentComparison<Comparison<string>> | null }) | null
    >();
    expectTypeOf(apac.nps).not.toBeUndefined();
    expect(() => reportSegments(registry, records, { by: "region", metrics: { topBox: { value: "sat", scale: [1, 4] } } })).toThrow(
      /records\[0\].sat/,
    );
  });

  it("four metrics at once: records, an iterable and columns give one report (each metric counted, none dropped)", () => {
    // The fast paths count up to three metrics; a fourth sends the rows down the general path.
    const rows = Array.from({ length: 60 }, (_, i) => ({
      region: ["EMEA", "APAC"][i % 2],
      ltr: i % 11,
      sat: 1 + (i % 5),
      effort: 1 + (i % 7),
    }));
    const metrics = { nps: "ltr", csat: "sat", ces: "effort", topBox: "sat" } as const;
    const report = reportSegments(registry, rows, { by: "region", metrics });
    expect(reportSegments(registry, new Set(rows), { by: "region", metrics })).toEqual(report);
    const columns = {
      region: rows.map((r) => r.region),
      ltr: rows.map((r) => r.ltr),
      sat: rows.map((r) => r.sat),
      effort: rows.map((r) => r.effort),
    };
    expect(reportSegments(registry, columns, { by: "region", metrics })).toEqual(report);
    // topBox: the 12 fives among 60 answers (1 + i % 5 = 5 at i = 4, 9, …, 59), 6 in each region.
    expect(report.total.topBox!.topBox).toBe(12);
    expect(report.segments.map((s) => s.topBox!.topBox)).toEqual([6, 6]);
  });

  it("reportTrend({ ...METRICS, topBox }) reports the added metric per period", () => {
    const t = reportTrend(registry, records, { time: "at", every: "month", metrics: { topBox: "sat" } });
    expect(t.periods.map((p) => [p.period, p.topBox?.estimate])).toEqual([
      ["2026-01", 0.5],
      ["2026-02", 1],
    ]);
    expect(t.periods[1]!.topBox!.change!.period).toBe("2026-01");
  });

  it("rejects options the added metric does not declare", () => {
    expect(() =>
      reportSegments(registry, records, { by: "region", metrics: { topBox: { value: "sat", satisfiedFrom: 4 } as never } }),
    ).toThrow("options.metrics.topBox.satisfiedFrom is not an option of the topBox metric; known: value, weight, scale");
  });
});
