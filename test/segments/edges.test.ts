import { describe, expect, it } from "vitest";
import { type Comparison, compareProportions, proportionInterval, segmentReport, type Tally, trend } from "../../src/index.ts";
import { METRICS } from "../../src/segments/registry.ts";
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

describe("the registry's CSAT and CES comparisons: which test, and when none", () => {
  // Two months of CSAT (1-5, satisfied from 4): `sat` of `n` satisfied in each.
  const months = (a: [number, number], b: [number, number]) =>
    (
      [
        ["2026-01", a],
        ["2026-02", b],
      ] as const
    ).flatMap(([month, [sat, n]]) => Array.from({ length: n }, (_, i) => ({ at: `${month}-0${1 + (i % 9)}`, sat: i < sat ? 5 : 1 })));
  const change = (a: [number, number], b: [number, number]) =>
    trend(months(a, b), { time: "at", every: "month", metrics: { csat: "sat" }, minN: 1 }).periods[1]!.csat!.change!;

  it("takes the z test (Newcombe's interval) when the smaller sample times the rarer share is at least 5, Fisher's below", () => {
    // 10 and 10 with 10 satisfied in all: p = 1/2, 10 · 1/2 = 5 exactly.
    expect(change([4, 10], [6, 10]).method).toBe("newcombe");
    // 9 satisfied (p = 0.45) or 11 (1 − p = 0.45): 4.5 on either side.
    expect(change([4, 10], [5, 10]).method).toBe("fisher");
    expect(change([5, 10], [6, 10]).method).toBe("fisher");
    // Samples of 10 and 30 with 18 satisfied: the smaller sample counts, 10 · 0.45 = 4.5 (30 · 0.45 would pass).
    expect(change([5, 10], [13, 30]).method).toBe("fisher");
    expect(change([5, 10], [15, 30]).method).toBe("newcombe");
    // The figures are those of compareProportions with the method chosen.
    expect(change([4, 10], [5, 10])).toMatchObject(
      compareProportions({ successes: 5, n: 10 }, { successes: 4, n: 10 }, { method: "fisher" }),
    );
  });

  it("gives CES no comparison for a month of one response, or two constant months with different means", () => {
    const ces = (a: number[], b: number[]) =>
      trend([...a.map((s, i) => ({ at: `2026-01-0${1 + i}`, ces: s })), ...b.map((s, i) => ({ at: `2026-02-0${1 + i}`, ces: s }))], {
        time: "at",
        every: "month",
        metrics: { ces: "ces" },
        minN: 1,
      }).periods[1]!.ces!.change;
    expect(ces([5], [6, 7])).toBeNull();
    expect(ces([5, 6], [7])).toBeNull();
    expect(ces([5, 5], [6, 6])).toBeNull();
    // Constant and equal: no difference, p = 1. One varying month is enough for Welch's test.
    expect(ces([5, 5], [5, 5])).toMatchObject({ difference: 0 });
    expect(ces([5, 5], [6, 7])).toMatchObject({ difference: 1.5 });
  });
});
