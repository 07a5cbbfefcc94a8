import { describe, expect, it } from "vitest";
import { METRICS } from "../../src/_lib/metrics.ts";
import { type Comparison, compareProportions, proportionInterval, segmentReport, type Tally, trend } from "../../src/index.ts";
import { reportSegments } from "../../src/segments/segmentReport.ts";

// Edges of segmentReport and trend that the mutation runs found untested.
describe("segmentReport and trend: edges", () => {
  it("names options.by when it is neither a field name nor an accessor, and time when a record has none", () => {
    expect(() => segmentReport([{ g: "a", ltr: 9 }], { by: 5 as never, metrics: { nps: "ltr" } })).toThrow(
      /^options.by must be a field name or an accessor function; got 5$/,
    );
    expect(() =>
      trend(
        [
          { at: "2026-01-01", ltr: 9 },
          { at: null, ltr: 9 },
        ],
        { time: (r) => r.at, every: "month", metrics: { nps: "ltr" } },
      ),
    ).toThrow(/^records\[1\] time must be a time, not missing/);
  });

  it("calls a segment significant only when its Holm-adjusted p-value is below 1 − confidence, not equal to it", () => {
    // A metric whose every comparison has the p-value given: with two segments Holm doubles the
    // smaller, so p = α/2 adjusts to exactly α (doubling is exact in binary); one unit in the last
    // place of α/2 (2⁻⁵⁸) less adjusts to just below it.
    const alpha = 1 - 0.95;
    const withP = (p: number) => ({
      ...METRICS,
      share: {
        defaultScale: [0, 1] as const,
        options: [],
        summarize: (t: Tally, _o: unknown, confidence: number) =>
          proportionInterval({ successes: t.counts[1]!, n: t.counts[0]! + t.counts[1]! }, { confidence }),
        compare: (a: Tally, b: Tally, _o: unknown, confidence: number): Comparison<string> => ({
          ...compareProportions(
            { successes: a.counts[1]!, n: a.counts[0]! + a.counts[1]! },
            { successes: b.counts[1]!, n: b.counts[0]! + b.counts[1]! },
            { confidence },
          ),
          pValue: p,
        }),
      },
    });
    const records = Array.from({ length: 80 }, (_, i) => ({ g: i % 2 ? "a" : "b", x: i % 3 ? 1 : 0 }));
    const at = (p: number) =>
      reportSegments(withP(p) as never, records, { by: "g", metrics: { share: "x" } } as never) as unknown as {
        segments: { share: { vsRest: { adjustedPValue: number; significant: boolean } } }[];
      };
    const equal = at(alpha / 2).segments.map((s) => s.share.vsRest);
    expect(equal.map((v) => v.adjustedPValue)).toEqual([alpha, alpha]);
    expect(equal.map((v) => v.significant)).toEqual([false, false]);
    const below = at(alpha / 2 - 2 ** -58).segments.map((s) => s.share.vsRest);
    expect(below.map((v) => v.adjustedPValue < alpha)).toEqual([true, true]);
    expect(below.map((v) => v.significant)).toEqual([true, true]);
  });
});
