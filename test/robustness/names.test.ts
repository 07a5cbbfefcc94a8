import { describe, expect, it } from "vitest";
import { chart } from "../../src/charts/index.ts";
import * as api from "../../src/index.ts";
import { countRowsOf } from "../warehouse/data.ts";

// Every error names the function and the argument it is about. Each export that takes options
// is called with valid data and an unknown option, and must name itself; each data object with
// named fields is given an unknown field, and must name the function and the argument. (These
// are the messages a user reads first, and the strings a mutation test changes most easily.)

const scores = [10, 9, 9, 8, 7, 10, 3, 6, 9, 10];
const sat = [5, 4, 3, 5, 2, 4, 4, 5];
const effort = [7, 6, 5, 6, 3, 6, 7, 5];
const records = Array.from({ length: 40 }, (_, i) => ({ g: i % 2 ? "a" : "b", at: `2026-0${1 + (i % 3)}-15`, ltr: (i * 7) % 11 }));
const sbg = { model: "sbg" as const, params: { alpha: 0.668, beta: 3.806 } };
const purchases = { model: "bg-nbd" as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
const spend = { model: "gamma-gamma" as const, params: { p: 6.25, q: 3.74, gamma: 15.44 } };
const customer = { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };
const changes = [
  { customer: "a", time: "2026-01-05", mrr: 100 },
  { customer: "a", time: "2026-02-10", mrr: 150 },
];
const countMetric = { nps: { column: "ltr", min: 0, max: 10 } };

/** Each export that reads an options bag, called validly with `o` as its options. */
const WITH_OPTIONS: Record<string, (o: never) => unknown> = {
  nps: (o) => api.nps(scores, o),
  npsSummary: (o) => api.npsSummary(scores, o),
  accountNps: (o) =>
    api.accountNps(
      [
        { a: "x", s: 9 },
        { a: "y", s: 3 },
      ],
      o,
    ),
  compareNps: (o) => api.compareNps(scores, scores, o),
  classifyNps: (o) => api.classifyNps(9, o),
  npsSampleSize: (o) => api.npsSampleSize({ marginOfError: 5 }, o),
  npsMigration: (o) => api.npsMigration(scores, scores, o),
  csat: (o) => api.csat(sat, o),
  csatSummary: (o) => api.csatSummary(sat, o),
  compareCsat: (o) => api.compareCsat(sat, sat, o),
  ces: (o) => api.ces(effort, o),
  cesSummary: (o) => api.cesSummary(effort, o),
  compareCes: (o) => api.compareCes(effort, effort, o),
  tally: (o) => api.tally(scores, o),
  distribution: (o) => api.distribution(sat, o),
  proportionInterval: (o) => api.proportionInterval({ successes: 4, n: 9 }, o),
  compareProportions: (o) => api.compareProportions({ successes: 4, n: 9 }, { successes: 2, n: 9 }, o),
  compareMeans: (o) => api.compareMeans([1, 2, 3], [2, 3, 5], o),
  proportionMarginOfError: (o) => api.proportionMarginOfError({ proportion: 0.5, n: 100 }, o),
  meanMarginOfError: (o) => api.meanMarginOfError({ standardDeviation: 1, n: 100 }, o),
  sampleSizeForProportion: (o) => api.sampleSizeForProportion({ marginOfError: 0.05 }, o),
  sampleSizeForMean: (o) => api.sampleSizeForMean({ marginOfError: 0.1, standardDeviation: 1 }, o),
  segmentReport: (o) => api.segmentReport(records, o),
  trend: (o) => api.trend(records, o),
  parseTime: (o) => api.parseTime("2025-03-14", o),
  periodOf: (o) => api.periodOf("2025-03-14", o),
  segmentReportFromCounts: (o) => api.segmentReportFromCounts(countRowsOf(records, "g", countMetric), o),
  trendFromCounts: (o) => api.trendFromCounts(countRowsOf(records, "at", countMetric, { every: "day" }), o),
  countsQuery: (o) => api.countsQuery(o),
  rake: (o) => api.rake([{ r: "n" }, { r: "s" }], { r: { n: 0.5, s: 0.5 } }, o),
  churnRate: (o) => api.churnRate({ starting: 100, churned: 5, new: 10, ending: 105 }, o),
  movementRates: (o) => api.movementRates(api.mrrMovements(changes), o),
  rfmSummary: (o) => api.rfmSummary([{ customer: "a", time: "1997-01-01", value: 29.33 }], o),
  discountedExpectedLifetime: (o) => api.discountedExpectedLifetime(sbg, o),
  expectedLifetimeValue: (o) => api.expectedLifetimeValue({ purchases, spend }, customer, o),
  chart: (o) => chart(api.npsSummary(scores), o),
};

/** The options each call above needs besides the unknown one. */
const REQUIRED: Record<string, object> = {
  tally: { scale: [0, 10] },
  accountNps: { account: "a", score: "s", rollup: "account-mean-score" },
  segmentReport: { by: "g", metrics: { nps: "ltr" } },
  trend: { time: "at", every: "month", metrics: { nps: "ltr" } },
  periodOf: { every: "month" },
  segmentReportFromCounts: { by: "g", metrics: { nps: "ltr" } },
  trendFromCounts: { time: "at", every: "month", metrics: { nps: "ltr" } },
  countsQuery: { table: "t", dialect: "duckdb", metrics: { nps: "ltr" } },
  rfmSummary: { end: "1997-09-30" },
  discountedExpectedLifetime: { discountRate: 0.1 },
  expectedLifetimeValue: { periods: 12, discountRate: 0.01 },
};

/** Each data object read field by field: the call with `x` in its place, and the argument's name. */
const WITH_FIELDS: readonly [string, string, (x: never) => unknown][] = [
  ["proportionInterval", "count", (x) => api.proportionInterval(x)],
  ["compareProportions", "a", (x) => api.compareProportions(x, { successes: 1, n: 2 })],
  ["compareProportions", "b", (x) => api.compareProportions({ successes: 1, n: 2 }, x)],
  ["proportionMarginOfError", "sample", (x) => api.proportionMarginOfError(x)],
  ["meanMarginOfError", "sample", (x) => api.meanMarginOfError(x)],
  ["sampleSizeForProportion", "precision", (x) => api.sampleSizeForProportion(x)],
  ["sampleSizeForMean", "precision", (x) => api.sampleSizeForMean(x)],
  ["npsSampleSize", "precision", (x) => api.npsSampleSize(x)],
  ["invitationsNeeded", "goal", (x) => api.invitationsNeeded(x)],
];
/**
 * Functions of one object of named figures: the call, a valid input, and the name of the argument.
 * Each figure set to NaN must be named in the error (`input.arpu`), and an unknown field too.
 */
const FIGURES: readonly [string, (x: never) => unknown, Record<string, unknown>, string][] = [
  ["customerAcquisitionCost", (x) => api.customerAcquisitionCost(x), { salesAndMarketingSpend: 50000, newCustomers: 125 }, "input"],
  ["customerRetentionCost", (x) => api.customerRetentionCost(x), { retentionSpend: 12000, customers: 800 }, "input"],
  ["averageRevenuePerUser", (x) => api.averageRevenuePerUser(x), { revenue: 45000, customers: 900 }, "input"],
  ["ltvToCac", (x) => api.ltvToCac(x), { ltv: 2000, cac: 400 }, "input"],
  ["cacPaybackMonths", (x) => api.cacPaybackMonths(x), { cac: 400, arpu: 50, grossMargin: 0.8 }, "input"],
  [
    'customerLifetimeValue (model "churn")',
    (x) => api.customerLifetimeValue(x),
    { model: "churn", arpu: 50, churnRate: 0.02, grossMargin: 0.8, discountRate: 0.01, cac: 100 },
    "input",
  ],
  [
    'customerLifetimeValue (model "lifetime")',
    (x) => api.customerLifetimeValue(x),
    { model: "lifetime", arpu: 50, lifetime: 24, grossMargin: 0.8, cac: 100, crc: 50 },
    "input",
  ],
  [
    'customerLifetimeValue (model "orders")',
    (x) => api.customerLifetimeValue(x),
    { model: "orders", transactionsPerPeriod: 2, averageOrderValue: 30, grossMargin: 0.5, lifetime: 12 },
    "input",
  ],
  ["churnRate", (x) => api.churnRate(x), { starting: 1000, churned: 50, new: 250, ending: 1200 }, "customers"],
  ["retentionRate", (x) => api.retentionRate(x), { starting: 200, ending: 210, new: 30 }, "customers"],
  ["compoundRate", (x) => api.compoundRate(x), { rate: 0.05, periods: 12 }, "input"],
  ["periodicRate", (x) => api.periodicRate(x), { rate: 0.4596399, periods: 12 }, "input"],
  ["mrrChurn", (x) => api.mrrChurn(x), { startingMrr: 100000, churnedMrr: 3000, contractionMrr: 1000, expansionMrr: 6000 }, "movements"],
  [
    "netRevenueRetention",
    (x) => api.netRevenueRetention(x),
    { startingMrr: 100000, churnedMrr: 3000, contractionMrr: 1000, expansionMrr: 6000 },
    "movements",
  ],
  [
    "grossRevenueRetention",
    (x) => api.grossRevenueRetention(x),
    { startingMrr: 100000, churnedMrr: 3000, contractionMrr: 1000 },
    "movements",
  ],
  ["quickRatio", (x) => api.quickRatio(x), { newMrr: 10000, expansionMrr: 5000, churnedMrr: 3000, contractionMrr: 2000 }, "movements"],
];

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  return "(no error)";
}

describe("every error names its function and argument", () => {
  it("covers every export that reads an options bag", () => {
    const missing = Object.keys(api).filter((name) => {
      const fn = (api as Record<string, unknown>)[name];
      return typeof fn === "function" && /^[a-z]/.test(name) && /readOptions/.test(String(fn)) && !(name in WITH_OPTIONS);
    });
    expect(missing).toEqual([]);
  });

  for (const [name, call] of Object.entries(WITH_OPTIONS)) {
    it(`${name}: an unknown option is "not an option of ${name}"`, () => {
      const options = { ...REQUIRED[name], zzz: 1 };
      expect(messageOf(() => call(options as never))).toMatch(new RegExp(`^options\\.zzz is not an option of ${name}; known: `));
      // (countsQuery's options are its only argument, and say what they hold instead.)
      const expected = name === "countsQuery" ? "an object \\{ table, dialect" : `an object of options for ${name}`;
      expect(messageOf(() => call(7 as never))).toMatch(new RegExp(`^options must be ${expected}.*; got 7`));
    });
  }

  for (const [name, argument, call] of WITH_FIELDS) {
    it(`${name}: an unknown field of ${argument} is "not a field of ${name}'s ${argument}"`, () => {
      expect(messageOf(() => call({ zzz: 1 } as never))).toMatch(
        new RegExp(`^${argument}\\.zzz is not a field of ${name}'s ${argument}; known: `),
      );
      expect(messageOf(() => call(7 as never))).toMatch(new RegExp(`^${argument} must be an object with the fields `));
    });
  }

  for (const [name, call, valid, argument] of FIGURES) {
    it(`${name}: names each figure of ${argument} it rejects, and an unknown one`, () => {
      expect(messageOf(() => call(valid as never))).toBe("(no error)");
      for (const field of Object.keys(valid)) {
        if (typeof valid[field] !== "number") continue;
        expect(
          messageOf(() => call({ ...valid, [field]: Number.NaN } as never)),
          field,
        ).toMatch(new RegExp(`^${argument}\\.${field} must be `));
      }
      const fn = name.replace(/[()"]/g, "\\$&");
      expect(messageOf(() => call({ ...valid, zzz: 1 } as never))).toMatch(
        new RegExp(`^${argument}\\.zzz is not a field of ${fn}'s ${argument}; known: `),
      );
    });
  }
});
