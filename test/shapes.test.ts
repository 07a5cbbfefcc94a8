// One vocabulary: every summary returns the Estimate shape and every comparison the Comparison
// shape, including the entries of segment and period reports. This test walks every export, so
// a new function must say which shape it returns (or why it returns none).
import { describe, expect, it } from "vitest";
import * as api from "../src/index.ts";
import { countRowsOf } from "./warehouse/data.ts";

const ESTIMATE_KEYS = ["confidence", "estimate", "interval", "marginOfError", "method", "n", "standardError"];
const COMPARISON_KEYS = ["confidence", "difference", "interval", "method", "pValue", "significant", "standardError", "statistic"];

function expectEstimate(value: unknown, where: string): void {
  const v = value as Record<string, unknown>;
  for (const key of ESTIMATE_KEYS) expect(v, `${where} lacks ${key}`).toHaveProperty(key);
  for (const key of ["estimate", "n", "standardError", "marginOfError", "confidence"])
    expect(typeof v[key], `${where}.${key}`).toBe("number");
  expect(typeof v.method, `${where}.method`).toBe("string");
  const interval = v.interval as { lower: number; upper: number };
  expect(Object.keys(interval).sort(), `${where}.interval`).toEqual(["lower", "upper"]);
  expect(interval.lower).toBeLessThanOrEqual(interval.upper);
  expect(v.standardError as number).toBeGreaterThanOrEqual(0);
  expect(v.marginOfError as number).toBeGreaterThanOrEqual(0);
}

function expectComparison(value: unknown, where: string): void {
  const v = value as Record<string, unknown>;
  for (const key of COMPARISON_KEYS) expect(v, `${where} lacks ${key}`).toHaveProperty(key);
  for (const key of ["difference", "standardError", "statistic", "pValue", "confidence"])
    expect(typeof v[key], `${where}.${key}`).toBe("number");
  expect(typeof v.significant).toBe("boolean");
  expect(typeof v.method).toBe("string");
  expect(Object.keys(v.interval as object).sort()).toEqual(["lower", "upper"]);
}

const scores = [10, 9, 9, 8, 7, 10, 3, 6, 9, 10];
const sat = [5, 4, 3, 5, 2, 4, 4, 5];
const effort = [7, 6, 5, 6, 3, 6, 7, 5];
const records = Array.from({ length: 80 }, (_, i) => ({
  g: i % 2 ? "a" : "b",
  at: `2026-0${1 + (i % 3)}-15`,
  ltr: (i * 7) % 11,
  sat: 1 + (i % 5),
  effort: 1 + (i % 7),
}));
const metrics = { nps: "ltr", csat: "sat", ces: "effort" } as const;
const countMetrics = {
  nps: { column: "ltr", min: 0, max: 10 },
  csat: { column: "sat", min: 1, max: 5 },
  ces: { column: "effort", min: 1, max: 7 },
};

/** Per export: a call and the shape it must return, or why it returns a plain number or other value. */
const CALLS: Record<string, { shape: "estimate" | "comparison" | "report" | "trend"; call: () => unknown } | { other: string }> = {
  npsSummary: { shape: "estimate", call: () => api.npsSummary(scores) },
  accountNps: {
    shape: "estimate",
    call: () =>
      api.accountNps(
        scores.map((s, i) => ({ account: `a${i % 3}`, s })),
        { account: "account", score: "s", rollup: "respondent" },
      ),
  },
  csatSummary: { shape: "estimate", call: () => api.csatSummary(sat) },
  cesSummary: { shape: "estimate", call: () => api.cesSummary(effort) },
  proportionInterval: { shape: "estimate", call: () => api.proportionInterval({ successes: 42, n: 50 }) },
  compareNps: { shape: "comparison", call: () => api.compareNps(scores, [10, 6, 5, 8, 9, 2, 7]) },
  compareCsat: { shape: "comparison", call: () => api.compareCsat(sat, [1, 2, 5, 4]) },
  compareCes: { shape: "comparison", call: () => api.compareCes(effort, [1, 2, 5, 4]) },
  compareProportions: { shape: "comparison", call: () => api.compareProportions({ successes: 9, n: 10 }, { successes: 3, n: 12 }) },
  compareMeans: { shape: "comparison", call: () => api.compareMeans([1, 2, 3], [2, 3, 4, 6]) },
  segmentReport: { shape: "report", call: () => api.segmentReport(records, { by: "g", metrics }) },
  trend: { shape: "trend", call: () => api.trend(records, { time: "at", every: "month", metrics }) },
  segmentReportFromCounts: {
    shape: "report",
    call: () => api.segmentReportFromCounts(countRowsOf(records, "g", countMetrics), { by: "g", metrics }),
  },
  trendFromCounts: {
    shape: "trend",
    call: () => api.trendFromCounts(countRowsOf(records, "at", countMetrics, { every: "day" }), { time: "at", every: "month", metrics }),
  },
  countsQuery: { other: "a SQL statement and its parameters" },
  nps: { other: "the score alone, in points" },
  parseTime: { other: "epoch milliseconds" },
  periodOf: { other: "a period label" },
  csat: { other: "the share alone" },
  ces: { other: "the mean alone" },
  classifyNps: { other: "a group name" },
  npsSampleSize: { other: "a sample size" },
  sampleSizeForProportion: { other: "a sample size" },
  sampleSizeForMean: { other: "a sample size" },
  invitationsNeeded: { other: "a count of invitations" },
  proportionMarginOfError: { other: "a margin alone" },
  meanMarginOfError: { other: "a margin alone" },
  normalCdf: { other: "a probability" },
  normalQuantile: { other: "a quantile" },
  studentTCdf: { other: "a probability" },
  studentTQuantile: { other: "a quantile" },
  holmAdjust: { other: "adjusted p-values" },
  tally: { other: "a Tally" },
  mergeTallies: { other: "a Tally" },
  churnRate: { other: "a rate" },
  mrrMovements: { other: "movement rows in the MrrMovements and CustomerMovements shapes" },
  cohortRetention: { other: "cohort rows and a matrix of counts and shares" },
  movementRates: { other: "rates per period, from the revenue functions" },
  rfmSummary: { other: "one summary per customer" },
  fitBgNbd: { other: "a fitted model { model, params, logLikelihood, standardErrors, … }" },
  fitParetoNbd: { other: "a fitted model { model, params, logLikelihood, standardErrors, … }" },
  probabilityAlive: { other: "a probability" },
  expectedPurchases: { other: "a count of purchases (a number)" },
  conditionalExpectedPurchases: { other: "a count of purchases (a number)" },
  purchaseCountProbability: { other: "a probability" },
  expectedLifetimeValue: { other: "money" },
  rake: { other: "calibrated weights, with iterations and the largest gap left" },
  distribution: { other: "counts and shares per scale point, boxes, mean and median" },
  npsMigration: { other: "a 3×3 table of moves between groups" },
  fitBgBb: { other: "a fitted model { model, params, logLikelihood, standardErrors, … }" },
  fitGammaGamma: { other: "a fitted model { model, params, logLikelihood, standardErrors, … }" },
  expectedSpend: { other: "money" },
  fitSbg: { other: "a fitted model { model, params, logLikelihood, standardErrors, … }" },
  projectRetention: { other: "a survival and retention curve" },
  discountedExpectedLifetime: { other: "discounted payments (a number)" },
  retentionRate: { other: "a rate" },
  compoundRate: { other: "a rate" },
  periodicRate: { other: "a rate" },
  mrrChurn: { other: "gross and net rates" },
  netRevenueRetention: { other: "a rate" },
  grossRevenueRetention: { other: "a rate" },
  quickRatio: { other: "a ratio" },
  customerAcquisitionCost: { other: "money" },
  customerRetentionCost: { other: "money" },
  averageRevenuePerUser: { other: "money" },
  customerLifetimeValue: { other: "money" },
  ltvToCac: { other: "a ratio" },
  cacPaybackMonths: { other: "months" },
  isMetricsError: { other: "a boolean" },
};

const functions = Object.entries(api).filter(([name, v]) => typeof v === "function" && /^[a-z]/.test(name));

describe("one vocabulary", () => {
  it("every exported function says which shape it returns", () => {
    expect(functions.map(([name]) => name).sort()).toEqual(Object.keys(CALLS).sort());
  });

  for (const [name, entry] of Object.entries(CALLS)) {
    if ("other" in entry) continue;
    it(`${name}(...) returns the ${entry.shape === "estimate" || entry.shape === "comparison" ? entry.shape : `${entry.shape} of estimates and comparisons`} shape`, () => {
      const result = entry.call() as Record<string, unknown>;
      if (entry.shape === "estimate") return expectEstimate(result, name);
      if (entry.shape === "comparison") return expectComparison(result, name);
      if (entry.shape === "report") {
        const report = result as unknown as api.SegmentReport<"nps" | "csat" | "ces">;
        for (const m of ["nps", "csat", "ces"] as const) {
          expectEstimate(report.total[m], `total.${m}`);
          for (const s of report.segments) {
            expectEstimate(s[m], `segment ${s.key} ${m}`);
            expectComparison(s[m]!.vsRest, `segment ${s.key} ${m}.vsRest`);
            expect(typeof s[m]!.vsRest!.adjustedPValue).toBe("number");
            expect(typeof s[m]!.vsRest!.tooFew).toBe("boolean");
          }
        }
        return;
      }
      const t = result as unknown as api.Trend<"nps" | "csat" | "ces">;
      for (const [i, p] of t.periods.entries()) {
        for (const m of ["nps", "csat", "ces"] as const) {
          expectEstimate(p[m], `${p.period} ${m}`);
          if (i > 0) {
            expectComparison(p[m]!.change, `${p.period} ${m}.change`);
            expect(p[m]!.change!.period).toBe(t.periods[i - 1]!.period);
          }
        }
      }
    });
  }
});

describe("docs/conventions.md", () => {
  it("lists every exported function in its table", async () => {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(new URL("../docs/conventions.md", import.meta.url), "utf8");
    const listed = [...text.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
    expect(functions.map(([name]) => name).filter((name) => !listed.includes(name))).toEqual([]);
  });
});
