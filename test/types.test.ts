// Types that help: with typed records, field names are checked against the record's keys, and a
// report's metric fields are present exactly for the metrics asked. Checked by tsc (npm test runs
// the type-check over test/), and the expectTypeOf assertions below.
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type CompareNpsMethod,
  type Comparison,
  conditionalExpectedPurchases,
  type NpsSummary,
  type PurchaseModel,
  probabilityAlive,
  type SegmentComparison,
  segmentReport,
  trend,
} from "../src/index.ts";

interface Response {
  region: string;
  plan: string;
  ltr: number;
  sat: number;
  at: string;
}
const rows: Response[] = [
  { region: "EMEA", plan: "Pro", ltr: 9, sat: 5, at: "2026-01-05" },
  { region: "APAC", plan: "Free", ltr: 4, sat: 2, at: "2026-02-05" },
];

describe("types", () => {
  it("the purchase-model predictions take any purchase model, and a mismatched history fails at run time with its field named", () => {
    const bgNbd = { model: "bg-nbd" as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
    const bgBb = { model: "bg-bb" as const, params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 } };
    expect(() => probabilityAlive(bgBb, { frequency: 1, recency: 1, T: 5 })).toThrow(
      /^customer\.T must be left out: T is a field of continuous-time histories/,
    );
    const any: PurchaseModel = Math.random() < 2 ? bgNbd : bgBb;
    expectTypeOf(probabilityAlive(any, { frequency: 1, recency: 1, T: 5 })).toEqualTypeOf<number>();
    expectTypeOf(conditionalExpectedPurchases(any, { frequency: 1, recency: 1, T: 5 }, 10)).toEqualTypeOf<number>();
  });

  it("segmentReport(typed records) checks by and metric fields against the record's keys", () => {
    // @ts-expect-error "regoin" is not a field of Response
    expect(() => segmentReport(rows, { by: "regoin", metrics: { nps: "ltr" } })).toThrow();
    // @ts-expect-error "ltrr" is not a field of Response
    expect(() => segmentReport(rows, { by: "region", metrics: { nps: "ltrr" } })).toThrow();
    // @ts-expect-error "mood" is not a metric
    expect(() => segmentReport(rows, { by: "region", metrics: { mood: "ltr" } })).toThrow();
    // @ts-expect-error "promotorFrom" is not an option of the nps metric
    expect(() => segmentReport(rows, { by: "region", metrics: { nps: { value: "ltr", promotorFrom: 8 } } })).toThrow();
    // @ts-expect-error "regoin" is not a field of Response
    expect(() => trend(rows, { time: "regoin", every: "month", metrics: { nps: "ltr" } })).toThrow();
    expect(
      segmentReport(rows, { by: ["region", (r) => r.plan], metrics: { nps: { value: (r) => r.ltr, method: "wald" } } }).segments,
    ).toHaveLength(2);
  });

  it("segmentReport(records) results carry exactly the requested metrics, not optional", () => {
    const report = segmentReport(rows, { by: "region", metrics: { nps: "ltr" } });
    const segment = report.segments[0]!;
    expectTypeOf(segment.nps).toEqualTypeOf<
      (NpsSummary & { readonly vsRest: SegmentComparison<Comparison<CompareNpsMethod>> | null }) | null
    >();
    // @ts-expect-error csat was not requested
    expect(segment.csat).toBeUndefined();
    expectTypeOf(report.total.nps).toEqualTypeOf<NpsSummary | null>();
    expectTypeOf(report.skipped.nps.missing).toEqualTypeOf<number>();
    // @ts-expect-error ces was not requested, so nothing was skipped for it
    expect(report.skipped.ces).toBeUndefined();
    const t = trend(rows, { time: "at", every: "month", metrics: { csat: "sat" } });
    expectTypeOf(t.periods[1]!.csat!.change!.period).toEqualTypeOf<string>();
    expect(t.periods).toHaveLength(2);
  });
});
