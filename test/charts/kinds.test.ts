import { describe, expect, it } from "vitest";
import { chart, toRows } from "../../src/charts/index.ts";
import { kindOf, METRIC_AXES, shown } from "../../src/charts/kinds.ts";
import {
  cesSummary,
  cohortRetention,
  csatSummary,
  distribution,
  npsSummary,
  projectRetention,
  segmentReport,
  trend,
} from "../../src/index.ts";
import { once } from "../helpers.ts";

// What chart and toRows take a result to be: every field each kind is told apart by must be
// there, and an object missing any one of them is refused, not drawn as the wrong thing.
const records = Array.from({ length: 60 }, (_, i) => ({ g: i % 2 ? "a" : "b", ltr: (i * 7) % 11, at: `2026-0${1 + (i % 3)}-10` }));
// Made in the first test that needs them (see once).
const made = once(() => {
  const report = segmentReport(records, { by: "g", metrics: { nps: "ltr" } });
  const monthly = trend(records, { time: "at", every: "month", metrics: { nps: "ltr" } });
  const cohorts = cohortRetention(
    [
      { customer: "a", time: "2026-01-05", mrr: 10 },
      { customer: "b", time: "2026-02-05", mrr: 20 },
      { customer: "a", time: "2026-03-05", mrr: 0 },
    ],
    { every: "month" },
  );
  return {
    examples: {
      segments: report,
      trend: monthly,
      cohorts,
      distribution: distribution([1, 2, 5], { scale: [1, 5] }),
      nps: npsSummary([10, 9, 3]),
      csat: csatSummary([5, 4, 1]),
      ces: cesSummary([7, 5, 3]),
      projection: projectRetention({ model: "sbg", params: { alpha: 1, beta: 2 } }, 3),
    } as const,
    report,
    monthly,
    cohorts,
  };
});
const telling: Record<string, string[]> = {
  segments: ["segments", "total", "skipped"],
  trend: ["periods", "every", "skipped"],
  cohorts: ["rows", "matrix", "every"],
  distribution: ["points", "topBox", "bottomBox"],
  nps: ["estimate", "interval", "promoters", "passives", "detractors", "shares"],
  csat: ["estimate", "interval", "satisfied", "mean"],
  ces: ["estimate", "interval", "standardDeviation", "agreeShare"],
};

describe("kindOf: each kind by the fields only it has", () => {
  it("knows every kind, and refuses it with any one of its telling fields gone", () => {
    const { examples } = made();
    for (const [kind, result] of Object.entries(examples)) {
      expect(kindOf(result), kind).toBe(kind);
      for (const field of telling[kind] ?? []) {
        const { [field]: _gone, ...rest } = result as unknown as Record<string, unknown>;
        expect(() => kindOf(rest), `${kind} without ${field}`).toThrow(/^result must be a result of/);
      }
    }
    const projection = examples.projection.map((p) => ({ ...p }));
    expect(() => kindOf([])).toThrow(/^result must be/);
    expect(() => kindOf([...projection, { period: 4, survival: 0.5 }])).toThrow(/^result must be/);
    expect(() => kindOf([{ period: 1, survival: "0.5", retention: 0.5 }])).toThrow(/^result must be/);
  });

  it("names each metric's unit and formats its values in it", () => {
    const { report } = made();
    expect(METRIC_AXES).toEqual({
      nps: { name: "NPS", title: "NPS (points)", format: ".0f" },
      csat: { name: "CSAT", title: "CSAT (share satisfied)", format: ".0%" },
      ces: { name: "CES", title: "CES (scale points)", format: ".1f" },
    });
    expect([shown("nps", 45.04), shown("csat", 0.8512), shown("ces", 5.625)]).toEqual(["45.0", "85.1%", "5.63"]);
    expect(() => chart({ ...report, total: { n: 3 } })).toThrow(/^result must be a report with at least one metric/);
  });

  it("toRows: summaries, cohorts and trend rows carry every column", () => {
    const { examples, cohorts, monthly } = made();
    const s = examples.csat;
    expect(toRows(s)).toEqual([
      {
        metric: "csat",
        estimate: s.estimate,
        lower: s.interval.lower,
        upper: s.interval.upper,
        n: 3,
        standardError: s.standardError,
        confidence: 0.95,
        method: "wilson",
      },
    ]);
    expect(toRows(cohorts)).toEqual(cohorts.rows.map((c) => ({ ...c })));
    expect(toRows(examples.distribution)[4]).toEqual({ score: 5, count: 1, weight: 1, share: 1 / 3 });
    // nested segment keys read as one label
    const nested = segmentReport(
      records.map((r, i) => ({ ...r, plan: i % 3 ? "pro" : "free" })),
      { by: ["g", "plan"], metrics: { nps: "ltr" } },
    );
    expect(toRows(nested).map((r) => r.segment)).toContain("a · pro");
    const withChange = toRows(monthly).find((r) => r.period === "2026-02")!;
    const feb = monthly.periods[1]!.nps!;
    expect(withChange).toEqual({
      period: "2026-02",
      start: "2026-02-01",
      metric: "nps",
      estimate: feb.estimate,
      lower: feb.interval.lower,
      upper: feb.interval.upper,
      n: feb.n,
      standardError: feb.standardError,
      change: feb.change!.difference,
      pValue: feb.change!.pValue,
      significant: feb.change!.significant,
    });
  });
});
