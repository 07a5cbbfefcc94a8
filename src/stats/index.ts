export { normalCdf, normalQuantile } from "./normal.js";
export { studentTCdf, studentTQuantile } from "./studentT.js";
export { proportionInterval } from "./proportionInterval.js";
export type { ProportionInterval, ProportionIntervalMethod, ProportionIntervalOptions } from "./proportionInterval.js";
export { proportionMarginOfError, meanMarginOfError } from "./marginOfError.js";
export type { MeanMarginOptions, ProportionMarginOptions } from "./marginOfError.js";
export { sampleSizeForProportion, sampleSizeForMean, invitationsNeeded } from "./sampleSize.js";
export type { MeanSampleSizeOptions, ProportionSampleSizeOptions } from "./sampleSize.js";
export { compareProportions } from "./compareProportions.js";
export type {
  CompareProportionsOptions,
  ProportionComparison,
  ProportionDifferenceMethod,
  SuccessCount,
} from "./compareProportions.js";
export { compareMeans } from "./compareMeans.js";
export type { CompareMeansOptions, MeanComparison, MeanSummary } from "./compareMeans.js";
