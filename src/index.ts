export * from "./ces/index.ts";
export * from "./csat/index.ts";
export * from "./errors.ts";
export * from "./models/index.ts";
export * from "./nps/index.ts";
export * from "./revenue/index.ts";
export * from "./segments/index.ts";
export * from "./stats/index.ts";
export * from "./tally/index.ts";
export type {
  ClusteredTally,
  Comparison,
  Estimate,
  Interval,
  MissingMode,
  PairedClusters,
  PairedWeights,
  PeriodUnit,
  TimeUnit,
} from "./types.ts";
export { DEFAULT_MISSING_VALUES, MISSING_MODES, PERIOD_UNITS, TIME_UNITS } from "./types.ts";
export * from "./warehouse/index.ts";
export * from "./weights/index.ts";
