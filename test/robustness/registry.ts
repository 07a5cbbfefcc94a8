// For every function the package exports: arguments that mix valid input with hostile values.
// The robustness tests call each export with them and require a finite result or a documented
// error; the fuzz run (npm run test:fuzz) does the same with many more runs.
import fc from "fast-check";
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

const npsInput = fc.oneof(
  smallScores(0, 10),
  tallyLike(0, 10),
  fc.record({ promoters: count, passives: count, detractors: count }),
);
const npsOptions = optionsOf({
  scale,
  promoterFrom: mostly(fc.integer({ min: 0, max: 10 })),
  passiveFrom: mostly(fc.integer({ min: 0, max: 10 })),
  confidence,
  method: mostly(fc.constantFrom("wald", "adjusted-wald", "score", "exact")),
});
const scaleInput = (min: number, max: number) =>
  fc.oneof(smallScores(min, max), tallyLike(min, max), fc.record({ counts: fc.array(count, { maxLength: 8 }) }));
const successCount = fc.oneof(
  fc.integer({ min: 1, max: 2000 }).chain((trials) => fc.record({ successes: fc.integer({ min: 0, max: trials }), trials: fc.constant(trials) })),
  fc.record({ successes: count, trials: count }),
  anyValue,
);
const meanSample = fc.oneof(
  fc.array(fc.oneof({ arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 5 }, { arbitrary: anyNumber, weight: 1 }), { maxLength: 20 }),
  fc.record({ mean: mostly(fc.double({ min: -100, max: 100, noNaN: true })), standardDeviation: money, n: positiveCount }),
  anyValue,
);
const movements = fc.record(
  { startingMrr: money, churnedMrr: money, contractionMrr: money, expansionMrr: money, reactivationMrr: money },
  { requiredKeys: [] },
);
const record = fc.record(
  {
    g: mostly(fc.constantFrom("a", "b", "c")),
    h: mostly(fc.constantFrom(1, 2)),
    ltr: mostly(fc.integer({ min: 0, max: 10 })),
    sat: mostly(fc.integer({ min: 1, max: 5 })),
    effort: mostly(fc.integer({ min: 1, max: 7 })),
    at: mostly(fc.constantFrom("2026-01-05", "2026-02-10", "2026-02-11T10:00:00Z", 1767225600000)),
  },
  { requiredKeys: [] },
);
const reportMetrics = mostly(
  fc.record({ nps: fc.constantFrom("ltr", "sat"), csat: fc.constantFrom("sat"), ces: fc.constantFrom("effort") }, { requiredKeys: [] }),
);
const onInvalid = mostly(fc.constantFrom("throw", "skip"));

export const REGISTRY: Record<string, fc.Arbitrary<unknown[]>> = {
  isMetricsError: fc.tuple(anyValue),
  normalCdf: fc.tuple(anyValue),
  normalQuantile: fc.tuple(mostly(fc.double({ min: 0, max: 1 }))),
  studentTCdf: fc.tuple(anyValue, mostly(fc.double({ min: 0.01, max: 1e9, noNaN: true }))),
  studentTQuantile: fc.tuple(mostly(fc.double({ min: 0, max: 1 })), mostly(fc.double({ min: 0.01, max: 1e9, noNaN: true }))),
  proportionInterval: fc.tuple(count, positiveCount, optionsOf({ confidence, method: mostly(fc.constantFrom("wald", "wilson", "agresti-coull", "clopper-pearson", "jeffreys")) })),
  proportionMarginOfError: fc.tuple(optionsOf({ proportion: fraction, n: positiveCount, confidence, population: count })),
  meanMarginOfError: fc.tuple(optionsOf({ standardDeviation: money, n: positiveCount, confidence, population: count })),
  sampleSizeForProportion: fc.tuple(optionsOf({ marginOfError: fraction, confidence, proportion: fraction, population: count })),
  sampleSizeForMean: fc.tuple(optionsOf({ marginOfError: money, standardDeviation: money, confidence, population: count })),
  invitationsNeeded: fc.tuple(positiveCount, fraction),
  compareProportions: fc.tuple(successCount, successCount, optionsOf({ confidence, method: mostly(fc.constantFrom("newcombe", "wald")) })),
  compareMeans: fc.tuple(meanSample, meanSample, optionsOf({ confidence })),
  tally: fc.tuple(smallScores(0, 10), optionsOf({ scale })),
  mergeTallies: fc.array(tallyLike(1, 5), { maxLength: 4 }),
  classifyNps: fc.tuple(mostly(fc.integer({ min: 0, max: 10 })), npsOptions),
  nps: fc.tuple(npsInput, npsOptions),
  npsSummary: fc.tuple(npsInput, npsOptions),
  compareNps: fc.tuple(npsInput, npsInput, npsOptions),
  npsSampleSize: fc.tuple(optionsOf({ marginOfError: mostly(fc.double({ min: 0, max: 100, noNaN: true })), confidence, promoters: fraction, detractors: fraction })),
  csat: fc.tuple(scaleInput(1, 5), optionsOf({ scale, satisfiedFrom: mostly(fc.integer({ min: 1, max: 5 })) })),
  csatSummary: fc.tuple(scaleInput(1, 5), optionsOf({ scale, satisfiedFrom: mostly(fc.integer({ min: 1, max: 5 })), confidence, method: mostly(fc.constantFrom("wilson", "jeffreys")) })),
  ces: fc.tuple(scaleInput(1, 7), optionsOf({ scale, higherIsEasier: mostly(fc.boolean()) })),
  cesSummary: fc.tuple(scaleInput(1, 7), optionsOf({ scale, higherIsEasier: mostly(fc.boolean()), confidence, agreeFrom: mostly(fc.integer({ min: 1, max: 7 })) })),
  churnRate: fc.tuple(optionsOf({ customersAtStart: count, customersLost: count, customersAtEnd: count, newCustomers: count, denominator: mostly(fc.constantFrom("start", "start-plus-new", "average")) })),
  retentionRate: fc.tuple(optionsOf({ customersAtStart: count, customersAtEnd: count, newCustomers: count })),
  compoundRate: fc.tuple(fraction, mostly(fc.double({ min: 0.01, max: 1000, noNaN: true }))),
  periodicRate: fc.tuple(fraction, mostly(fc.double({ min: 0.01, max: 1000, noNaN: true }))),
  mrrChurn: fc.tuple(movements),
  netRevenueRetention: fc.tuple(movements),
  grossRevenueRetention: fc.tuple(movements),
  quickRatio: fc.tuple(optionsOf({ newMrr: money, expansionMrr: money, churnedMrr: money, contractionMrr: money, reactivationMrr: money })),
  customerAcquisitionCost: fc.tuple(optionsOf({ salesAndMarketingSpend: money, newCustomers: positiveCount })),
  customerRetentionCost: fc.tuple(optionsOf({ retentionSpend: money, customers: positiveCount })),
  arpu: fc.tuple(optionsOf({ revenue: money, customers: positiveCount })),
  customerLifetimeValue: fc.tuple(
    fc.oneof(
      optionsOf({ arpu: money, lifetime: money, cac: money, crc: money }),
      optionsOf({ arpu: money, churnRate: fraction, grossMargin: fraction, discountRate: fraction }),
      optionsOf({ transactionsPerPeriod: money, averageOrderValue: money, grossMargin: fraction, lifetime: money }),
    ),
  ),
  ltvToCac: fc.tuple(money, money),
  cacPaybackMonths: fc.tuple(optionsOf({ cac: money, arpu: money, grossMargin: fraction })),
  holmAdjust: fc.tuple(mostly(fc.array(mostly(fc.double({ min: 0, max: 1 })), { maxLength: 8 }))),
  segmentReport: fc.tuple(
    mostly(fc.array(record, { maxLength: 25 })),
    optionsOf({ by: mostly(fc.constantFrom("g", "h", ["g", "h"], [])), metrics: reportMetrics, confidence, onInvalid }),
  ),
  trend: fc.tuple(
    mostly(fc.array(record, { maxLength: 25 })),
    optionsOf({ time: mostly(fc.constantFrom("at", "g")), every: mostly(fc.constantFrom("day", "week", "month", "quarter")), metrics: reportMetrics, confidence, onInvalid }),
  ),
};
