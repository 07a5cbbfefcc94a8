export { normalCdf, normalQuantile } from "./normal.ts";
export { studentTCdf, studentTQuantile } from "./studentT.ts";
export { proportionInterval } from "./proportionInterval.ts";
export type { ProportionInterval, ProportionIntervalMethod, ProportionIntervalOptions } from "./proportionInterval.ts";
export { proportionMarginOfError, meanMarginOfError } from "./marginOfError.ts";
export type { MeanMarginOptions, ProportionMarginOptions } from "./marginOfError.ts";
export { sampleSizeForProportion, sampleSizeForMean, invitationsNeeded } from "./sampleSize.ts";
export type { MeanSampleSizeOptions, ProportionSampleSizeOptions } from "./sampleSize.ts";
export { compareProportions } from "./compareProportions.ts";
export type {
  CompareProportionsOptions,
  ProportionComparison,
  ProportionDifferenceMethod,
  SuccessCount,
} from "./compareProportions.ts";
export { compareMeans } from "./compareMeans.ts";
export type { CompareMeansOptions, MeanComparison, MeanSummary } from "./compareMeans.ts";
