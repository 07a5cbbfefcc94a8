export type { CompareMeansOptions, MeanComparison, MeanSample, MeanSummary } from "./compareMeans.ts";
export { compareMeans } from "./compareMeans.ts";
export type { CompareProportionsOptions, ProportionComparisonMethod } from "./compareProportions.ts";
export { compareProportions, PROPORTION_COMPARISON_METHODS } from "./compareProportions.ts";
export type { MarginOptions, ProportionSample, SpreadSample } from "./marginOfError.ts";
export { meanMarginOfError, proportionMarginOfError } from "./marginOfError.ts";
export { normalCdf, normalQuantile } from "./normal.ts";
export type { ProportionEstimate, ProportionIntervalMethod, ProportionIntervalOptions, SuccessCount } from "./proportionInterval.ts";
export { PROPORTION_INTERVAL_METHODS, proportionInterval } from "./proportionInterval.ts";
export type {
  InvitationGoal,
  MeanPrecision,
  MeanSampleSizeOptions,
  ProportionPrecision,
  ProportionSampleSizeOptions,
} from "./sampleSize.ts";
export { invitationsNeeded, sampleSizeForMean, sampleSizeForProportion } from "./sampleSize.ts";
export { studentTCdf, studentTQuantile } from "./studentT.ts";
