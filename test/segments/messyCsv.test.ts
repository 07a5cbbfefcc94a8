import { describe, expect, it } from "vitest";
import { csatSummary, npsSummary, segmentReport, trend } from "../../src/index.ts";
import { messySurvey } from "./messyCsv.ts";

const { rows, clean } = messySurvey(50_000);
const options = { metrics: { nps: "ltr", csat: "sat" }, missing: "skip", onInvalid: "skip" } as const;

/** Skip counts of the clean rows that have a region. */
function expectedSkips(kept: typeof clean, field: "ltr" | "sat") {
  const missing = kept.filter((r) => r[field] === "missing").length;
  const invalid = kept.filter((r) => r[field] === "invalid").length;
  return { missing, invalid };
}

describe("segmentReport and trend on a 50,000-row CSV read as strings", () => {
  it('segmentReport(rows, { missing: "skip", onInvalid: "skip" }) equals brute force on the clean values', () => {
    const report = segmentReport(rows, { by: "region", ...options });
    const kept = clean.filter((r) => r.region !== undefined);
    expect(report.total.n).toBe(kept.length);
    expect(report.skipped.records).toMatchObject({ missing: clean.length - kept.length, invalid: 0 });
    expect(report.skipped.records.firstMissing).toBe(clean.findIndex((r) => r.region === undefined));
    expect(report.skipped.nps).toMatchObject(expectedSkips(kept, "ltr"));
    expect(report.skipped.csat).toMatchObject(expectedSkips(kept, "sat"));
    const firstInvalidLtr = clean.findIndex((r) => r.region !== undefined && r.ltr === "invalid");
    expect(report.skipped.nps.firstInvalid).toBe(firstInvalidLtr);
    for (const segment of report.segments) {
      const inside = kept.filter((r) => r.region === segment.key);
      const ltr = inside.flatMap((r) => (typeof r.ltr === "number" ? [r.ltr] : []));
      const sat = inside.flatMap((r) => (typeof r.sat === "number" ? [r.sat] : []));
      const { vsRest: _n, ...nps } = segment.nps!;
      const { vsRest: _c, ...csat } = segment.csat!;
      expect(nps).toEqual(npsSummary(ltr));
      expect(csat).toEqual(csatSummary(sat));
    }
  });

  it('trend(rows, { every: "month", missing: "skip", onInvalid: "skip" }) equals brute force per month', () => {
    const t = trend(rows, { time: "date", every: "month", ...options });
    expect(t.periods.map((p) => p.period)).toEqual(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]);
    for (const p of t.periods) {
      const inside = clean.filter((r) => r.date.startsWith(p.period));
      expect(p.n).toBe(inside.length);
      const ltr = inside.flatMap((r) => (typeof r.ltr === "number" ? [r.ltr] : []));
      const { change: _c, ...nps } = p.nps!;
      expect(nps).toEqual(npsSummary(ltr));
    }
    expect(t.skipped.nps).toMatchObject(expectedSkips(clean, "ltr"));
  });

  it("without the skip options the first bad cell throws, naming its row and the option to pass", () => {
    const first = clean.findIndex((r) => r.region === undefined || typeof r.ltr !== "number");
    const kind = clean[first]!.region === undefined || clean[first]!.ltr === "missing" ? /pass missing: "skip"/ : /pass onInvalid: "skip"/;
    expect(() => segmentReport(rows, { by: "region", metrics: { nps: "ltr" } })).toThrow(new RegExp(`^records\\[${first}\\]`));
    expect(() => segmentReport(rows, { by: "region", metrics: { nps: "ltr" } })).toThrow(kind);
    const firstMissing = clean.findIndex((r) => r.region === undefined || r.ltr === "missing");
    expect(() => segmentReport(rows, { by: "region", metrics: { nps: "ltr" }, onInvalid: "skip" })).toThrow(
      new RegExp(`^records\\[${firstMissing}\\].*pass missing: "skip"`),
    );
  });
});
