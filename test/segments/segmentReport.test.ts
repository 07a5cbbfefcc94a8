import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cesSummary,
  compareCes,
  compareCsat,
  compareNps,
  csatSummary,
  MetricsInputError,
  MetricsTypeError,
  npsSummary,
  segmentReport,
} from "../../src/index.ts";
import { type Rec, recordArb, rng } from "./records.ts";

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
            const c = compareNps(
              inside.map((r) => r.ltr),
              rest.map((r) => r.ltr),
            );
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
    expect(report.segments.map((s) => s.key)).toEqual([
      ["APAC", "Pro"],
      ["EMEA", "Free"],
      ["EMEA", "Pro"],
    ]);
    expect(report.segments[0]!.nps!.method).toBe("wald");
  });

  it("skips or throws on invalid values, counting what it skipped", () => {
    const records: { region?: string; ltr: number; effort?: number }[] = [
      { region: "EMEA", ltr: 10, effort: 3 },
      { region: "EMEA", ltr: 11, effort: 5 },
      { region: undefined, ltr: 9, effort: 5 },
      { region: "APAC", ltr: 7 },
    ];
    expect(() => segmentReport(records, { by: "region", metrics: { nps: "ltr" } })).toThrow(
      /records\[1\].ltr must be a whole number from 0 to 10 \(or pass onInvalid: "skip"\); got 11/,
    );
    expect(() => segmentReport(records, { by: "region", metrics: { nps: "ltr" }, onInvalid: "skip" })).toThrow(
      /records\[2\] segment key must be .*not missing/,
    );
    const report = segmentReport(records, { by: "region", metrics: { nps: "ltr", ces: "effort" }, onInvalid: "skip", missing: "skip" });
    expect(report.skipped).toEqual({
      records: { missing: 1, invalid: 0, firstMissing: 2, firstInvalid: null },
      nps: { missing: 0, invalid: 1, firstMissing: null, firstInvalid: 1 },
      ces: { missing: 1, invalid: 0, firstMissing: 3, firstInvalid: null },
    });
    expect(report.total.n).toBe(3);
    const apac = report.segments.find((s) => s.key === "APAC")!;
    expect(apac.ces).toBeNull(); // zero responses for CES in this segment
    expect(apac.nps!.n).toBe(1);
  });

  it("rejects bad options", () => {
    expect(() => segmentReport([], { by: "x", metrics: {} })).toThrow(MetricsInputError);
    expect(() => segmentReport([{ x: "a", ltr: 9 }], { by: "x", metrics: { nps: { value: "ltr", promotorFrom: 3 } } as never })).toThrow(
      "options.metrics.nps.promotorFrom is not an option of the nps metric; did you mean promoterFrom?",
    );
    expect(() => segmentReport([{ x: "a", ltr: 9 }], { by: "x", metrics: { nps: "ltr" }, confidenceLevel: 0.9 } as never)).toThrow(
      /did you mean confidence\?/,
    );
    expect(() => segmentReport([], { by: "x", metrics: { mood: "m" } as never })).toThrow(MetricsTypeError);
    expect(() => segmentReport([], { by: 5 as never, metrics: { nps: "ltr" } })).toThrow(MetricsTypeError);
    expect(() => segmentReport([], { by: "x", metrics: { nps: "ltr" }, confidence: 2 })).toThrow(MetricsInputError);
    expect(() => segmentReport([], { by: "x", metrics: { nps: { value: "ltr", scale: [1, 5] } } })).toThrow(
      /options.metrics.nps.promoterFrom/,
    );
    expect(() => segmentReport([], { by: "x", metrics: { nps: "ltr" } })).toThrow(/records must be at least one record/);
  });

  it('segmentReport(records, { by: "regoin" }) names the missing field and the record\'s fields (0.1.0 gave segments: [])', () => {
    const records = [{ region: "EMEA", ltr: 9 }];
    expect(() => segmentReport(records, { by: "regoin" as never, metrics: { nps: "ltr" } })).toThrow(
      'records[0] has no field "regoin" (options.by); its fields are region, ltr: did you mean "region"?',
    );
    expect(() => segmentReport(records, { by: "regoin" as never, metrics: { nps: "ltr" }, missing: "skip" })).toThrow(
      /all 1 records were skipped \(1 missing, 0 invalid\); the first record's fields are region, ltr/,
    );
  });

  it('segmentReport(records, { onInvalid: "skip" }) throws instead of skipping every value (0.1.0 gave every metric null)', () => {
    const records = [
      { region: "EMEA", ltr: "ten" },
      { region: "APAC", ltr: "n.a." },
    ];
    expect(() => segmentReport(records, { by: "region", metrics: { nps: "ltr" }, onInvalid: "skip" })).toThrow(
      /options.metrics.nps must be a field with at least one valid value: all 2 values were skipped \(0 missing, 2 invalid\)/,
    );
  });

  it("segmentReport(records) never flags a segment with fewer than minN responses (tooFew)", () => {
    const records = [
      ...Array.from({ length: 200 }, (_, i) => ({ g: "big", ltr: i % 10 === 0 ? 3 : 9 })),
      ...Array.from({ length: 12 }, () => ({ g: "small", ltr: 0 })),
    ];
    const report = segmentReport(records, { by: "g", metrics: { nps: "ltr" } });
    const small = report.segments.find((s) => s.key === "small")!.nps!.vsRest!;
    expect(small.tooFew).toBe(true);
    expect(small.adjustedPValue).toBeLessThan(0.001);
    expect(small.significant).toBe(false);
    const lowered = segmentReport(records, { by: "g", metrics: { nps: "ltr" }, minN: 10 });
    expect(lowered.segments.find((s) => s.key === "small")!.nps!.vsRest!.significant).toBe(true);
    expect(() => segmentReport(records, { by: "g", metrics: { nps: "ltr" }, minN: 0 })).toThrow(/options.minN/);
  });
});

describe("segmentReport: each metric's options and the confidence reach its summary and comparison", () => {
  it("every segment's summary and vsRest are those of the metric's own functions with the same options", () => {
    const regions = ["north", "south"];
    const rows = Array.from({ length: 240 }, (_, i) => ({
      region: regions[i % 2]!,
      ltr: (i * 7 + (i % 2) * 3) % 11,
      sat: 1 + ((i * 3 + (i % 2)) % 5),
      effort: 1 + ((i * 5 + (i % 2) * 2) % 7),
    }));
    const options = {
      by: "region",
      confidence: 0.8,
      metrics: {
        nps: { value: "ltr", promoterFrom: 8, passiveFrom: 6, method: "wald" },
        csat: { value: "sat", satisfiedFrom: 3 },
        ces: { value: "effort", higherIsEasier: false, agreeFrom: 3 },
      },
    } as const;
    const report = segmentReport(rows, options);
    const of = (region: string, inside: boolean, field: "ltr" | "sat" | "effort") =>
      rows.filter((r) => (r.region === region) === inside).map((r) => r[field]);
    for (const segment of report.segments) {
      const key = segment.key as string;
      const { vsRest: npsVs, ...nps } = segment.nps!;
      expect(nps).toEqual(npsSummary(of(key, true, "ltr"), { promoterFrom: 8, passiveFrom: 6, method: "wald", confidence: 0.8 }));
      // The interval method is not a comparison method: the comparison takes its default.
      const npsCompared = compareNps(of(key, true, "ltr"), of(key, false, "ltr"), { promoterFrom: 8, passiveFrom: 6, confidence: 0.8 });
      expect(npsVs).toMatchObject({ difference: npsCompared.difference, interval: npsCompared.interval });
      const { vsRest: csatVs, ...csat } = segment.csat!;
      expect(csat).toEqual(csatSummary(of(key, true, "sat"), { satisfiedFrom: 3, confidence: 0.8 }));
      // Every expected count is at least 5 here: the Newcombe interval, compareCsat's default.
      const csatCompared = compareCsat(of(key, true, "sat"), of(key, false, "sat"), { satisfiedFrom: 3, confidence: 0.8 });
      expect(csatVs).toMatchObject({ difference: csatCompared.difference, interval: csatCompared.interval });
      const { vsRest: cesVs, ...ces } = segment.ces!;
      expect(ces).toEqual(cesSummary(of(key, true, "effort"), { higherIsEasier: false, agreeFrom: 3, confidence: 0.8 }));
      const cesCompared = compareCes(of(key, true, "effort"), of(key, false, "effort"), { higherIsEasier: false, confidence: 0.8 });
      expect(cesVs).toMatchObject({ difference: cesCompared.difference, interval: cesCompared.interval });
    }
  });
});
