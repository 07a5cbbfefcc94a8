import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MetricsInputError,
  MetricsTypeError,
  cesSummary,
  compareNps,
  csatSummary,
  holmAdjust,
  npsSummary,
  segmentReport,
  trend,
} from "../../src/index.ts";
import { expectRelative } from "../helpers.ts";

interface Rec {
  region: string;
  plan: string;
  ltr: number;
  sat: number;
  effort: number;
}

const recordArb = fc.record({
  region: fc.constantFrom("EMEA", "APAC", "Americas", "LATAM"),
  plan: fc.constantFrom("Free", "Pro"),
  ltr: fc.integer({ min: 0, max: 10 }),
  sat: fc.integer({ min: 1, max: 5 }),
  effort: fc.integer({ min: 1, max: 7 }),
});

/** Deterministic generator (mulberry32) so the flagged-segment test is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("holmAdjust", () => {
  it("matches R's p.adjust(p, 'holm')", () => {
    // R 4.2: p.adjust(c(0.01, 0.04, 0.03), "holm") = 0.03 0.06 0.06
    const a = holmAdjust([0.01, 0.04, 0.03]);
    [0.03, 0.06, 0.06].forEach((v, i) => expectRelative(a[i]!, v, 1e-15));
    // R 4.2: p.adjust(c(0.2, 0.001, 0.5, 0.04, 0.0301), "holm") = 0.4 0.005 0.5 0.1204 0.1204
    const b = holmAdjust([0.2, 0.001, 0.5, 0.04, 0.0301]);
    [0.4, 0.005, 0.5, 0.1204, 0.1204].forEach((v, i) => expectRelative(b[i]!, v, 1e-14));
  });

  it("never lowers a p-value and stays in [0, 1]", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (ps) => {
        holmAdjust(ps).forEach((q, i) => {
          expect(q).toBeGreaterThanOrEqual(ps[i]!);
          expect(q).toBeLessThanOrEqual(1);
        });
      }),
    );
    expect(() => holmAdjust([0.5, 1.5])).toThrow(MetricsInputError);
  });
});

describe("segmentReport", () => {
  it("equals a brute-force per-segment computation", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 250 }), (records) => {
        const report = segmentReport(records, { by: "region", metrics: { nps: "ltr", csat: "sat", ces: "effort" } });
        const keys = [...new Set(records.map((r) => r.region))].sort();
        expect(report.segments.map((s) => s.key)).toEqual(keys);
        expect(report.total.n).toBe(records.length);
        expect(report.total.nps).toEqual(npsSummary(records.map((r) => r.ltr)));
        for (const segment of report.segments) {
          const inside = records.filter((r) => r.region === segment.key);
          const rest = records.filter((r) => r.region !== segment.key);
          expect(segment.n).toBe(inside.length);
          const { vsRest, ...nps } = segment.nps!;
          expect(nps).toEqual(npsSummary(inside.map((r) => r.ltr)));
          const { vsRest: csatVs, ...csat } = segment.csat!;
          expect(csat).toEqual(csatSummary(inside.map((r) => r.sat)));
          const { vsRest: cesVs, ...ces } = segment.ces!;
          expect(ces).toEqual(cesSummary(inside.map((r) => r.effort)));
          if (rest.length > 0) {
            const c = compareNps(inside.map((r) => r.ltr), rest.map((r) => r.ltr));
            expect(vsRest!.difference).toBe(c.difference);
            expect(vsRest!.pValue).toBe(c.pValue);
            expect(vsRest!.adjustedPValue).toBeGreaterThanOrEqual(c.pValue);
            expect(csatVs).not.toBeNull();
          } else {
            expect(vsRest).toBeNull();
            expect(cesVs).toBeNull();
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("is invariant under permutation of the records and survives a JSON round trip", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 120 }), (records) => {
        const options = { by: ["region", "plan"], metrics: { nps: "ltr", ces: "effort" } } as const;
        const a = segmentReport(records, { ...options, by: [...options.by] });
        const b = segmentReport(records.slice().reverse(), { ...options, by: [...options.by] });
        expect(b).toEqual(a);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }),
      { numRuns: 40 },
    );
  });

  it("flags a segment that truly differs and not one that does not (seeded data)", () => {
    const random = rng(20261123);
    const records: { segment: string; ltr: number }[] = [];
    for (let i = 0; i < 4000; i++) {
      const segment = ["A", "B", "C", "D"][i % 4]!;
      // Segments A-C draw from one distribution; D is shifted down by 1.5 points.
      const base = 7.6 + (segment === "D" ? -1.5 : 0) + (random() + random() + random() - 1.5) * 3;
      records.push({ segment, ltr: Math.max(0, Math.min(10, Math.round(base))) });
    }
    const report = segmentReport(records, { by: "segment", metrics: { nps: "ltr" } });
    const flagged = report.segments.filter((s) => s.nps?.vsRest?.significant).map((s) => s.key);
    expect(flagged).toContain("D");
    const d = report.segments.find((s) => s.key === "D")!;
    expect(d.nps!.vsRest!.difference).toBeLessThan(0);
    // A segment identical to the whole (a copy of all records, as a fifth segment) is not flagged.
    const copy = records.map((r) => ({ segment: "E", ltr: r.ltr }));
    const withCopy = segmentReport([...records, ...copy], { by: "segment", metrics: { nps: "ltr" } });
    expect(withCopy.segments.find((s) => s.key === "E")!.nps!.vsRest!.significant).toBe(false);
  });

  it("accepts accessors and nested keys, and an iterable of records", () => {
    const records: Rec[] = [
      { region: "EMEA", plan: "Pro", ltr: 10, sat: 5, effort: 7 },
      { region: "EMEA", plan: "Free", ltr: 3, sat: 2, effort: 2 },
      { region: "APAC", plan: "Pro", ltr: 9, sat: 4, effort: 6 },
    ];
    const report = segmentReport(new Set(records), {
      by: [(r: Rec) => r.region, "plan"],
      metrics: { nps: { value: (r: Rec) => r.ltr, method: "wald" } },
    });
    expect(report.segments.map((s) => s.key)).toEqual([["APAC", "Pro"], ["EMEA", "Free"], ["EMEA", "Pro"]]);
    expect(report.segments[0]!.nps!.method).toBe("wald");
  });

  it("skips or throws on invalid values, counting what it skipped", () => {
    const records = [
      { region: "EMEA", ltr: 10, effort: 3 },
      { region: "EMEA", ltr: 11, effort: 5 },
      { region: undefined, ltr: 9, effort: 5 },
      { region: "APAC", ltr: 7 },
    ];
    expect(() => segmentReport(records, { by: "region", metrics: { nps: "ltr" } })).toThrow(/records\[1\].nps/);
    const report = segmentReport(records, { by: "region", metrics: { nps: "ltr", ces: "effort" }, onInvalid: "skip" });
    expect(report.skipped).toEqual({ records: 1, nps: 1, ces: 1 });
    expect(report.total.n).toBe(3);
    const apac = report.segments.find((s) => s.key === "APAC")!;
    expect(apac.ces).toBeNull(); // zero responses for CES in this segment
    expect(apac.nps!.n).toBe(1);
  });

  it("rejects bad options", () => {
    expect(() => segmentReport([], { by: "x", metrics: {} })).toThrow(MetricsInputError);
    expect(() => segmentReport([], { by: "x", metrics: { mood: "m" } as never })).toThrow(MetricsTypeError);
    expect(() => segmentReport([], { by: 5 as never, metrics: { nps: "ltr" } })).toThrow(MetricsTypeError);
    expect(() => segmentReport([], { by: "x", metrics: { nps: "ltr" }, confidence: 2 })).toThrow(MetricsInputError);
    expect(() => segmentReport([], { by: "x", metrics: { nps: { value: "ltr", scale: [1, 5] } } })).toThrow(/promoterFrom/);
    expect(segmentReport([], { by: "x", metrics: { nps: "ltr" } }).segments).toEqual([]);
  });
});

describe("trend", () => {
  const records = [
    { at: "2026-01-05", ltr: 9 },
    { at: "2026-01-20", ltr: 6 },
    { at: "2026-02-03", ltr: 10 },
    { at: "2026-02-17", ltr: 9 },
    { at: new Date("2026-04-01T10:00:00Z"), ltr: 8 },
  ];

  it("groups by calendar month in order, with the change from the previous period", () => {
    const t = trend(records, { time: "at", every: "month", metrics: { nps: "ltr" } });
    expect(t.periods.map((p) => [p.period, p.start, p.n, p.nps!.score])).toEqual([
      ["2026-01", "2026-01-01", 2, 0],
      ["2026-02", "2026-02-01", 2, 100],
      ["2026-04", "2026-04-01", 1, 0],
    ]);
    expect(t.periods[0]!.nps!.change).toBeNull();
    const c = compareNps([10, 9], [9, 6]);
    expect(t.periods[1]!.nps!.change).toEqual({ difference: c.difference, pValue: c.pValue, significant: c.significant });
  });

  it("labels ISO weeks and quarters", () => {
    const t = trend(
      [{ at: "2024-12-30", ltr: 9 }, { at: "2026-01-01", ltr: 9 }, { at: "2026-12-31", ltr: 9 }, { at: "2021-01-03", ltr: 9 }],
      { time: "at", every: "week", metrics: { nps: "ltr" } },
    );
    // 2024-12-30 is the Monday of ISO week 2025-W01; 2021-01-03 (a Sunday) is in 2020-W53.
    expect(t.periods.map((p) => [p.period, p.start])).toEqual([
      ["2020-W53", "2020-12-28"],
      ["2025-W01", "2024-12-30"],
      ["2026-W01", "2025-12-29"],
      ["2026-W53", "2026-12-28"],
    ]);
    const q = trend(records, { time: "at", every: "quarter", metrics: { nps: "ltr" } });
    expect(q.periods.map((p) => p.period)).toEqual(["2026-Q1", "2026-Q2"]);
  });

  it("equals per-period summaries on random data (days)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.integer({ min: 0, max: 20 }), ltr: fc.integer({ min: 0, max: 10 }) }), { minLength: 1, maxLength: 150 }), (rows) => {
        const recs = rows.map((r) => ({ at: Date.UTC(2026, 2, 1 + r.day, 12), ltr: r.ltr }));
        const t = trend(recs, { time: "at", every: "day", metrics: { nps: "ltr" } });
        const days = [...new Set(rows.map((r) => r.day))].sort((a, b) => a - b);
        expect(t.periods.length).toBe(days.length);
        t.periods.forEach((p, i) => {
          const inside = rows.filter((r) => r.day === days[i]).map((r) => r.ltr);
          const { change, ...summary } = p.nps!;
          expect(summary).toEqual(npsSummary(inside));
          expect(change === null).toBe(i === 0);
        });
      }),
      { numRuns: 50 },
    );
  });

  it("rejects an invalid time unless skipping", () => {
    expect(() => trend([{ at: "soon", ltr: 9 }], { time: "at", every: "day", metrics: { nps: "ltr" } })).toThrow(MetricsTypeError);
    expect(trend([{ at: "soon", ltr: 9 }], { time: "at", every: "day", metrics: { nps: "ltr" }, onInvalid: "skip" }).skipped.records).toBe(1);
    expect(() => trend([], { time: "at", every: "year" as never, metrics: { nps: "ltr" } })).toThrow(MetricsTypeError);
  });
});
