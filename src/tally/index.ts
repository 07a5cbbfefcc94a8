export type { DistributionOptions, ScoreBox, ScoreDistribution, ScorePoint } from "./distribution.ts";
export { distribution } from "./distribution.ts";
export type { Tally, TallyOptions } from "./tally.ts";
export { mergeTallies, tally } from "./tally.ts";
