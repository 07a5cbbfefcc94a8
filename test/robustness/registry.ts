// For every function the package exports: arguments that mix valid input with hostile values.
// The robustness tests call each export with them and require a finite result or a documented
// error; the fuzz run (npm run test:fuzz) does the same with many more runs.
import fc from "fast-check";
import * as api from "../../src/index.ts";
import { countRowsOf } from "../warehouse/data.ts";
import {
  anyNumber,
  anyValue,
  confidence,
  count,
  fraction,
  money,
  mostly,
  optionsOf,
  positiveCount,
  scale,
  smallScores,
  tallyLike,
} from "./arbitraries.js";

/** Cells as a CSV gives them: numbers, numeric strings, blanks, markers and words. */
const cell = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min, max }), weight: 6 },
    { arbitrary: fc.integer({ min, max }).map((x) => (Math.random() < 0.5 ? String(x) : ` ${x} `)), weight: 2 },
    {
      arbitrary: fc.constantFrom(null, undefined, Number.NaN, "", "  ", "NA", "N/A", "n/a", "-", "none", "nine", min - 1, max + 1),
      weight: 1,
    },
  );
const cells = (min: number, max: number) => fc.array(cell(min, max), { maxLength: 20 });
/** Options objects that may carry a misspelt key. */
/** An sBG model (parameters across six orders of magnitude), or anything else. */
const sbgModel = fc.oneof(
  fc.record({
    model: mostly(fc.constant("sbg")),
    params: fc.record({
      alpha: mostly(fc.double({ min: 1e-3, max: 1e3, noNaN: true })),
      beta: mostly(fc.double({ min: 1e-3, max: 1e3, noNaN: true })),
    }),
  }),
  anyValue,
);

/** Repeat-purchase histories in continuous time (with counts), or malformed ones, or anything. */
const purchaseHistories = fc.oneof(
  fc.array(
    fc
      .record({
        frequency: fc.integer({ min: 0, max: 30 }),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
        T: fc.double({ min: 0.5, max: 60, noNaN: true }),
        count: fc.integer({ min: 1, max: 50 }),
      })
      .map(({ frequency, share, T, count }) => ({ frequency, recency: frequency === 0 ? 0 : Math.max(1e-3, share * T), T, count })),
    { maxLength: 12 },
  ),
  fc.array(optionsOf({ frequency: count, recency: money, T: money }), { maxLength: 4 }),
  anyValue,
);

const positiveParam = mostly(fc.double({ min: 1e-3, max: 1e3, noNaN: true }));
/** A BG/NBD, Pareto/NBD or BG/BB model (parameters across six orders of magnitude), or anything else. */
const purchaseModel = fc.oneof(
  fc.record({
    model: mostly(fc.constant("bg-nbd")),
    params: fc.record({ r: positiveParam, alpha: positiveParam, a: positiveParam, b: positiveParam }),
  }),
  fc.record({
    model: mostly(fc.constant("pareto-nbd")),
    params: fc.record({ r: positiveParam, alpha: positiveParam, s: positiveParam, beta: positiveParam }),
  }),
  fc.record({
    model: mostly(fc.constant("bg-bb")),
    params: fc.record({ alpha: positiveParam, beta: positiveParam, gamma: positiveParam, delta: positiveParam }),
  }),
  anyValue,
);
/** One customer's history: continuous time or opportunities, valid or not. */
const customerHistory = fc.oneof(
  optionsOf({ frequency: count, recency: money, T: money }),
  optionsOf({ frequency: count, recency: count, periods: positiveCount }),
);
/** A horizon: whole (for BG/BB) or fractional, or anything. */
const horizon = mostly(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1e3, noNaN: true })));

const withTypo = <T>(options: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: options, weight: 8 }, { arbitrary: options.map((o) => ({ ...(o as object), confidenceLevel: 0.9 })), weight: 1 });
const missingOptions = {
  missing: mostly(fc.constantFrom("throw", "skip")),
  missingValues: mostly(fc.constantFrom(["none"], ["NA", "-"], [])),
};

const npsInput = fc.oneof(
  smallScores(0, 10),
  cells(0, 10),
  tallyLike(0, 10),
  fc.record({ promoters: count, passives: count, detractors: count }),
);
const npsOptions = withTypo(
  optionsOf({
    scale,
    promoterFrom: mostly(fc.integer({ min: 0, max: 10 })),
    passiveFrom: mostly(fc.integer({ min: 0, max: 10 })),
    ...missingOptions,
  }),
);
const npsSummaryOptions = withTypo(
  optionsOf({
    scale,
    promoterFrom: mostly(fc.integer({ min: 0, max: 10 })),
    passiveFrom: mostly(fc.integer({ min: 0, max: 10 })),
    confidence,
    method: mostly(fc.constantFrom("wald", "adjusted-wald", "score", "exact")),
    ...missingOptions,
  }),
);
const compareNpsOptions = withTypo(
  optionsOf({
    scale,
    confidence,
    method: mostly(fc.constantFrom("wald", "adjusted-wald")),
    ...missingOptions,
  }),
);
const scaleInput = (min: number, max: number) =>
  fc.oneof(smallScores(min, max), cells(min, max), tallyLike(min, max), fc.record({ counts: fc.array(count, { maxLength: 8 }) }));
const successCount = fc.oneof(
  fc.integer({ min: 1, max: 2000 }).chain((n) => fc.record({ successes: fc.integer({ min: 0, max: n }), n: fc.constant(n) })),
  fc.record({ successes: count, n: count }),
  fc.record({ successes: count, trials: count }),
  anyValue,
);
const meanSample = fc.oneof(
  tallyLike(1, 5),
  cells(1, 7),
  fc.array(fc.oneof({ arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 5 }, { arbitrary: anyNumber, weight: 1 }), {
    maxLength: 20,
  }),
  fc.record({ mean: mostly(fc.double({ min: -100, max: 100, noNaN: true })), standardDeviation: money, n: positiveCount }),
  anyValue,
);
const movements = withTypo(
  fc.record(
    {
      startingMrr: money,
      newMrr: money,
      churnedMrr: money,
      contractionMrr: money,
      expansionMrr: money,
      reactivationMrr: money,
      endingMrr: money,
    },
    { requiredKeys: [] },
  ),
);
const record = fc.record(
  {
    g: mostly(fc.constantFrom("a", "b", "c")),
    h: mostly(fc.constantFrom(1, 2)),
    ltr: mostly(cell(0, 10)),
    sat: mostly(cell(1, 5)),
    effort: mostly(cell(1, 7)),
    at: mostly(
      fc.constantFrom(
        "2026-01-05",
        "2026-02-10",
        "2026-02-11T10:00:00Z",
        "2026-02-11T23:30:00+09:00",
        "2026-03-01 08:00",
        1767225600000,
        1767225600,
        "2025-02-30",
        "12/17/2025",
        "Dec 17, 2025",
        "",
        "N/A",
        null,
        new Date(Number.NaN),
        new Date(Date.UTC(2026, 0, 1)),
      ),
    ),
  },
  { requiredKeys: [] },
);
const reportMetrics = mostly(
  fc.oneof(
    fc.record(
      { nps: fc.constantFrom("ltr", "sat", "regoin"), csat: fc.constantFrom("sat"), ces: fc.constantFrom("effort") },
      { requiredKeys: [] },
    ),
    fc.record({
      nps: fc.constantFrom({ value: "ltr", method: "wald" }, { value: "ltr", promotorFrom: 8 }, { value: "ltr", scale: [1, 5] }),
    }),
  ),
);
const onInvalid = mostly(fc.constantFrom("throw", "skip"));
/** The scales the fuzzed report metrics are counted on (the defaults). */
const COUNT_METRICS = {
  nps: { column: "ltr", min: 0, max: 10 },
  csat: { column: "sat", min: 1, max: 5 },
  ces: { column: "effort", min: 1, max: 7 },
};

const reportOptions = {
  metrics: reportMetrics,
  confidence,
  onInvalid,
  ...missingOptions,
  minN: mostly(fc.constantFrom(1, 5, 30)),
};

const billingChange = fc.record(
  {
    customer: mostly(fc.constantFrom("a", "b", "c", 7)),
    time: mostly(
      fc.constantFrom("2026-01-05", "2026-01-05", "2026-02-10T10:00:00Z", "2026-03-01 08:00", 1767225600000, "2025-02-30", "", null),
    ),
    mrr: mostly(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 }), fc.constantFrom("99", "", -1, Number.NaN))),
  },
  { requiredKeys: [] },
);

const billingArgs = fc.tuple(
  mostly(fc.array(billingChange, { maxLength: 20 })),
  withTypo(
    optionsOf({
      every: mostly(fc.constantFrom("day", "week", "month", "quarter", "year")),
      timeZone: mostly(fc.constantFrom("UTC", "Asia/Tokyo", "Mars/Olympus")),
      start: mostly(fc.constantFrom("2026-01-01", "2026-02-15", "2025-12-01")),
      end: mostly(fc.constantFrom("2026-03-31", "2026-01-01")),
      onInvalid: mostly(fc.constantFrom("throw", "skip")),
      duplicates: mostly(fc.constantFrom("throw", "last")),
    }),
  ),
);

export const REGISTRY: Record<string, fc.Arbitrary<unknown[]>> = {
  mrrMovements: billingArgs,
  cohortRetention: billingArgs,
  fitSbg: fc.tuple(
    fc.oneof(
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 0, maxLength: 10 }).map((xs) => xs.sort((a, b) => b - a)),
      fc.constantFrom([1000, 869, 743, 653, 593, 551, 517, 491], [10, 9, 9], [5, 0, 0], [3, 3, 3], [1, 1, 0]),
      fc.array(anyNumber, { maxLength: 6 }),
      anyValue,
    ),
  ),
  rfmSummary: fc.tuple(
    mostly(
      fc.array(
        fc.record(
          {
            customer: mostly(fc.constantFrom("a", "b", 3)),
            time: mostly(fc.constantFrom("1997-01-01", "1997-02-10T10:00:00Z", "1997-10-05", "1998-13-01", 852076800000, "")),
            value: mostly(fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }), fc.constantFrom("12.5", -1))),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 15 },
      ),
    ),
    withTypo(
      optionsOf({
        end: mostly(fc.constantFrom("1997-09-30", "1997-01-01")),
        holdoutEnd: mostly(fc.constantFrom("1998-06-30", "1997-01-01")),
        value: mostly(fc.constantFrom("value", null)),
        unit: mostly(fc.constantFrom("day", "week")),
        timeZone: mostly(fc.constantFrom("UTC", "Asia/Tokyo")),
      }),
    ),
  ),
  fitBgNbd: fc.tuple(purchaseHistories),
  fitParetoNbd: fc.tuple(purchaseHistories),
  fitBgBb: fc.tuple(
    fc.oneof(
      fc.array(
        fc
          .record({
            periods: fc.integer({ min: 1, max: 12 }),
            last: fc.double({ min: 0, max: 1, noNaN: true }),
            taken: fc.double({ min: 0, max: 1, noNaN: true }),
            count: fc.integer({ min: 1, max: 50 }),
          })
          .map(({ periods, last, taken, count }) => {
            const recency = Math.round(last * periods);
            return { frequency: recency === 0 ? 0 : Math.max(1, Math.round(taken * recency)), recency, periods, count };
          }),
        { maxLength: 12 },
      ),
      fc.array(optionsOf({ frequency: count, recency: count, periods: positiveCount }), { maxLength: 4 }),
      anyValue,
    ),
  ),
  fitGammaGamma: fc.tuple(
    fc.oneof(
      fc.array(
        fc.record({
          frequency: fc.integer({ min: 1, max: 30 }),
          monetary: fc.double({ min: 0.5, max: 500, noNaN: true }),
          count: fc.integer({ min: 1, max: 20 }),
        }),
        { maxLength: 12 },
      ),
      fc.array(optionsOf({ frequency: count, monetary: money }), { maxLength: 4 }),
      anyValue,
    ),
  ),
  expectedSpend: fc.tuple(
    fc.oneof(
      fc.record({
        model: mostly(fc.constant("gamma-gamma")),
        params: fc.record({
          p: mostly(fc.double({ min: 1e-3, max: 1e3, noNaN: true })),
          q: mostly(fc.double({ min: 1.001, max: 1e3, noNaN: true })),
          gamma: mostly(fc.double({ min: 1e-3, max: 1e3, noNaN: true })),
        }),
      }),
      anyValue,
    ),
    optionsOf({ frequency: positiveCount, monetary: money }),
  ),
  probabilityAlive: fc.tuple(purchaseModel, customerHistory),
  expectedPurchases: fc.tuple(purchaseModel, horizon),
  conditionalExpectedPurchases: fc.tuple(purchaseModel, customerHistory, horizon),
  purchaseCountProbability: fc.tuple(purchaseModel, mostly(fc.integer({ min: 0, max: 60 })), horizon),
  expectedLifetimeValue: fc.tuple(
    fc.oneof(
      fc.record({
        purchases: purchaseModel,
        spend: fc.record({
          model: mostly(fc.constant("gamma-gamma")),
          params: fc.record({ p: positiveParam, q: mostly(fc.double({ min: 1.001, max: 1e3, noNaN: true })), gamma: positiveParam }),
        }),
      }),
      anyValue,
    ),
    fc.oneof(
      optionsOf({ frequency: count, recency: money, T: money, monetary: money }),
      optionsOf({ frequency: count, recency: count, periods: positiveCount, monetary: money }),
    ),
    withTypo(
      optionsOf({
        periods: mostly(fc.integer({ min: 1, max: 24 })),
        discountRate: mostly(fc.double({ min: 0, max: 0.5, noNaN: true })),
        margin: fraction,
        periodLength: mostly(fc.constantFrom(1, 52 / 12, 0.5)),
      }),
    ),
  ),
  projectRetention: fc.tuple(sbgModel, mostly(fc.integer({ min: 1, max: 60 }))),
  discountedExpectedLifetime: fc.tuple(
    sbgModel,
    withTypo(optionsOf({ discountRate: mostly(fc.double({ min: 1e-4, max: 1, noNaN: true })), renewals: count })),
  ),
  movementRates: fc.tuple(
    fc.oneof(
      billingArgs.map(([rows]) => {
        try {
          return api.mrrMovements(rows as never);
        } catch {
          return { periods: [] };
        }
      }),
      anyValue,
    ),
    withTypo(
      optionsOf({
        denominator: mostly(fc.constantFrom("start", "start-plus-new", "average")),
        trailing: mostly(fc.integer({ min: 1, max: 4 })),
      }),
    ),
  ),
  rake: fc.tuple(
    fc.oneof(
      fc.array(
        fc.record({
          region: mostly(fc.constantFrom("north", "south", "east")),
          plan: mostly(fc.constantFrom("basic", "pro")),
          w: mostly(fc.double({ min: 0, max: 10, noNaN: true })),
        }),
        { maxLength: 30 },
      ),
      anyValue,
    ),
    fc.oneof(
      fc.record({
        region: fc.record({ north: mostly(fraction), south: mostly(fraction), east: mostly(fraction) }),
        plan: fc.record({ basic: mostly(fraction), pro: mostly(fraction) }),
      }),
      fc.constant({ region: { north: 0.3, south: 0.5, east: 0.2 }, plan: { basic: 0.6, pro: 0.4 } }),
      anyValue,
    ),
    withTypo(
      optionsOf({
        as: mostly(fc.constantFrom("shares", "totals")),
        weight: mostly(fc.constantFrom("w", "missing")),
        tolerance: mostly(fc.double({ min: 1e-12, max: 1e-3, noNaN: true })),
        maxIterations: mostly(fc.integer({ min: 1, max: 200 })),
        trim: mostly(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1, max: 10, noNaN: true }))),
      }),
    ),
  ),
  isMetricsError: fc.tuple(anyValue),
  normalCdf: fc.tuple(anyValue),
  normalQuantile: fc.tuple(mostly(fc.double({ min: 0, max: 1 }))),
  studentTCdf: fc.tuple(anyValue, mostly(fc.double({ min: 0.01, max: 1e9, noNaN: true }))),
  studentTQuantile: fc.tuple(mostly(fc.double({ min: 0, max: 1 })), mostly(fc.double({ min: 0.01, max: 1e9, noNaN: true }))),
  proportionInterval: fc.tuple(
    successCount,
    optionsOf({ confidence, method: mostly(fc.constantFrom("wald", "wilson", "agresti-coull", "clopper-pearson", "jeffreys")) }),
  ),
  proportionMarginOfError: fc.tuple(optionsOf({ proportion: fraction, n: positiveCount }), optionsOf({ confidence, population: count })),
  meanMarginOfError: fc.tuple(optionsOf({ standardDeviation: money, n: positiveCount }), optionsOf({ confidence, population: count })),
  sampleSizeForProportion: fc.tuple(
    optionsOf({ marginOfError: fraction }),
    optionsOf({ confidence, proportion: fraction, population: count }),
  ),
  sampleSizeForMean: fc.tuple(optionsOf({ marginOfError: money, standardDeviation: money }), optionsOf({ confidence, population: count })),
  invitationsNeeded: fc.tuple(optionsOf({ n: positiveCount, responseRate: fraction })),
  compareProportions: fc.tuple(
    successCount,
    successCount,
    withTypo(optionsOf({ confidence, method: mostly(fc.constantFrom("newcombe", "wald", "fisher")) })),
  ),
  compareMeans: fc.tuple(meanSample, meanSample, optionsOf({ confidence })),
  tally: fc.tuple(fc.oneof(smallScores(0, 10), cells(0, 10)), optionsOf({ scale, ...missingOptions })),
  mergeTallies: fc.array(tallyLike(1, 5), { maxLength: 4 }),
  distribution: fc.tuple(
    cells(1, 5),
    withTypo(
      optionsOf({
        scale,
        weights: mostly(fc.array(mostly(fc.double({ min: 0, max: 100, noNaN: true })), { maxLength: 20 })),
        top: mostly(fc.integer({ min: 1, max: 5 })),
        bottom: mostly(fc.integer({ min: 1, max: 5 })),
        ...missingOptions,
      }),
    ),
  ),
  npsMigration: fc.tuple(cells(0, 10), cells(0, 10), npsOptions),
  classifyNps: fc.tuple(mostly(fc.integer({ min: 0, max: 10 })), npsOptions),
  nps: fc.tuple(npsInput, npsOptions),
  npsSummary: fc.tuple(npsInput, npsSummaryOptions),
  accountNps: fc.tuple(
    mostly(
      fc.array(
        fc.record({
          acct: mostly(fc.constantFrom("a", "b", 3)),
          ltr: mostly(cell(0, 10)),
          w: mostly(fc.constantFrom(1, 2, -1)),
          at: mostly(fc.constantFrom("2026-01-05", "2026-02-30", 1767225600000)),
        }),
        { maxLength: 12 },
      ),
    ),
    withTypo(
      optionsOf({
        account: mostly(fc.constantFrom("acct", "ltr")),
        score: mostly(fc.constantFrom("ltr", "acct")),
        weight: mostly(fc.constantFrom("w")),
        rollup: mostly(fc.constantFrom("respondent", "account-mean-score", "latest")),
        time: mostly(fc.constantFrom("at")),
        confidence,
        method: mostly(fc.constantFrom("wald", "adjusted-wald", "score")),
      }),
    ),
  ),
  compareNps: fc.tuple(npsInput, npsInput, compareNpsOptions),
  npsSampleSize: fc.tuple(
    optionsOf({ marginOfError: mostly(fc.double({ min: 0, max: 100, noNaN: true })) }),
    withTypo(optionsOf({ confidence, promoters: fraction, detractors: fraction })),
  ),
  csat: fc.tuple(
    scaleInput(1, 5),
    withTypo(optionsOf({ scale, satisfiedFrom: mostly(fc.integer({ min: 1, max: 5 })), ...missingOptions })),
  ),
  csatSummary: fc.tuple(
    scaleInput(1, 5),
    withTypo(
      optionsOf({
        scale,
        satisfiedFrom: mostly(fc.integer({ min: 1, max: 5 })),
        confidence,
        method: mostly(fc.constantFrom("wilson", "jeffreys")),
        ...missingOptions,
      }),
    ),
  ),
  compareCsat: fc.tuple(
    scaleInput(1, 5),
    scaleInput(1, 5),
    withTypo(
      optionsOf({
        scale,
        satisfiedFrom: mostly(fc.integer({ min: 1, max: 5 })),
        confidence,
        method: mostly(fc.constantFrom("newcombe", "wald", "fisher")),
        ...missingOptions,
      }),
    ),
  ),
  ces: fc.tuple(scaleInput(1, 7), withTypo(optionsOf({ scale, higherIsEasier: mostly(fc.boolean()), ...missingOptions }))),
  cesSummary: fc.tuple(
    scaleInput(1, 7),
    withTypo(
      optionsOf({
        scale,
        higherIsEasier: mostly(fc.boolean()),
        confidence,
        agreeFrom: mostly(fc.integer({ min: 1, max: 7 })),
        ...missingOptions,
      }),
    ),
  ),
  compareCes: fc.tuple(
    scaleInput(1, 7),
    scaleInput(1, 7),
    withTypo(optionsOf({ scale, higherIsEasier: mostly(fc.boolean()), confidence, ...missingOptions })),
  ),
  churnRate: fc.tuple(
    withTypo(optionsOf({ starting: count, churned: count, ending: count, new: count, reactivated: count })),
    optionsOf({ denominator: mostly(fc.constantFrom("start", "start-plus-new", "average")) }),
  ),
  retentionRate: fc.tuple(withTypo(optionsOf({ starting: count, ending: count, new: count, reactivated: count, churned: count }))),
  compoundRate: fc.tuple(optionsOf({ rate: fraction, periods: mostly(fc.double({ min: 0.01, max: 1000, noNaN: true })) })),
  periodicRate: fc.tuple(optionsOf({ rate: fraction, periods: mostly(fc.double({ min: 0.01, max: 1000, noNaN: true })) })),
  mrrChurn: fc.tuple(movements),
  netRevenueRetention: fc.tuple(movements),
  grossRevenueRetention: fc.tuple(movements),
  quickRatio: fc.tuple(optionsOf({ newMrr: money, expansionMrr: money, churnedMrr: money, contractionMrr: money, reactivationMrr: money })),
  customerAcquisitionCost: fc.tuple(optionsOf({ salesAndMarketingSpend: money, newCustomers: positiveCount })),
  customerRetentionCost: fc.tuple(optionsOf({ retentionSpend: money, customers: positiveCount })),
  averageRevenuePerUser: fc.tuple(optionsOf({ revenue: money, customers: positiveCount })),
  customerLifetimeValue: fc.tuple(
    fc.oneof(
      optionsOf({
        model: mostly(fc.constantFrom("lifetime", "churn")),
        arpu: money,
        lifetime: money,
        grossMargin: fraction,
        cac: money,
        crc: money,
      }),
      optionsOf({
        model: mostly(fc.constant("churn")),
        arpu: money,
        churnRate: fraction,
        grossMargin: fraction,
        discountRate: fraction,
        cac: money,
      }),
      optionsOf({
        model: mostly(fc.constant("orders")),
        transactionsPerPeriod: money,
        averageOrderValue: money,
        grossMargin: fraction,
        lifetime: money,
      }),
    ),
  ),
  ltvToCac: fc.tuple(optionsOf({ ltv: money, cac: money })),
  cacPaybackMonths: fc.tuple(optionsOf({ cac: money, arpu: money, grossMargin: fraction })),
  holmAdjust: fc.tuple(mostly(fc.array(mostly(fc.double({ min: 0, max: 1 })), { maxLength: 8 }))),
  segmentReport: fc.tuple(
    mostly(fc.array(record, { maxLength: 25 })),
    withTypo(
      optionsOf({
        by: mostly(fc.constantFrom("g", "h", ["g", "h"], [], "regoin")),
        dedupe: mostly(fc.constantFrom({ by: "h", keep: "latest" }, { by: "g", keep: "first", time: "at" }, { by: "h" })),
        ...reportOptions,
      }),
    ),
  ),
  countsQuery: fc.tuple(
    withTypo(
      optionsOf({
        table: mostly(fc.constantFrom("responses", 'we"ird; --', ["analytics", "responses"], "", "a\u0000b", "a`b", 7)),
        dialect: mostly(fc.constantFrom("duckdb", "postgres", "bigquery", "snowflake", "ansi", "mysql")),
        by: fc.option(mostly(fc.constantFrom("g", ["g", "h"], [], "n", 'x"y')), { nil: undefined }),
        time: fc.option(mostly(fc.constantFrom("at", "ltr", "n")), { nil: undefined }),
        every: fc.option(mostly(fc.constantFrom("day", "week", "month", "quarter", "year")), { nil: undefined }),
        timeZone: fc.option(mostly(fc.constantFrom("UTC", "Asia/Tokyo", "Mars/Olympus")), { nil: undefined }),
        metrics: reportMetrics,
      }),
    ),
  ),
  segmentReportFromCounts: fc.tuple(
    mostly(fc.array(record, { maxLength: 25 }).map((records) => countRowsOf(records, "g", COUNT_METRICS))),
    withTypo(optionsOf({ by: mostly(fc.constantFrom("g", "h", ["g", "h"], "regoin")), ...reportOptions })),
  ),
  trendFromCounts: fc.tuple(
    mostly(fc.array(record, { maxLength: 25 }).map((records) => countRowsOf(records, "at", COUNT_METRICS, { every: "day" }))),
    withTypo(
      optionsOf({
        time: mostly(fc.constantFrom("at", "g")),
        every: mostly(fc.constantFrom("day", "week", "month", "quarter", "year")),
        timeZone: mostly(fc.constantFrom("UTC", "Asia/Tokyo", "Mars/Olympus")),
        ...reportOptions,
      }),
    ),
  ),
  parseTime: fc.tuple(
    mostly(
      fc.oneof(
        fc.integer({ min: -1e14, max: 3e14 }),
        fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }),
        fc.date(),
        fc.constantFrom(
          "2025-03-14",
          "2025-03-14 09:30:00+00",
          "2025-03-14 09:30:00 UTC",
          "1741944600",
          "2025-02-30",
          "2025-03-09T02:30",
          "soon",
        ),
      ),
    ),
    withTypo(
      optionsOf({
        timeZone: mostly(fc.constantFrom("UTC", "America/New_York", "Australia/Lord_Howe", "+05:00")),
        timeUnit: mostly(fc.constantFrom("ms", "s")),
      }),
    ),
  ),
  periodOf: fc.tuple(
    mostly(fc.oneof(fc.integer({ min: -1e14, max: 3e14 }), fc.constantFrom("2025-03-14", "2025-01-31T20:00:00Z", "1741944600"))),
    withTypo(
      optionsOf({
        every: mostly(fc.constantFrom("day", "week", "month", "quarter", "year")),
        timeZone: mostly(fc.constantFrom("UTC", "Asia/Tokyo", "Mars/Olympus")),
        timeUnit: mostly(fc.constantFrom("ms", "s")),
      }),
    ),
  ),
  trend: fc.tuple(
    mostly(fc.array(record, { maxLength: 25 })),
    withTypo(
      optionsOf({
        time: mostly(fc.constantFrom("at", "g")),
        every: mostly(fc.constantFrom("day", "week", "month", "quarter", "year")),
        timeZone: mostly(fc.constantFrom("UTC", "Asia/Tokyo", "America/New_York", "Australia/Lord_Howe", "Mars/Olympus")),
        timeUnit: mostly(fc.constantFrom("ms", "s")),
        by: mostly(fc.constantFrom("g", ["g", "h"])),
        window: mostly(fc.constantFrom({ periods: 2 }, { days: 20 }, { periods: 0 }, { weeks: 1 })),
        smoothing: mostly(fc.constantFrom({ halfLife: 1.5 }, { halfLife: 0 })),
        dedupe: mostly(fc.constantFrom({ by: "h", keep: "latest" }, { by: "g", keep: "first" })),
        ...reportOptions,
      }),
    ),
  ),
};
