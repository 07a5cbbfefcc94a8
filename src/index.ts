export * from "./errors.ts";
export type { Comparison, Estimate, Interval } from "./shapes.ts";
export * from "./stats/index.ts";
export * from "./tally/index.ts";
export * from "./nps/index.ts";
export * from "./csat/index.ts";
export * from "./ces/index.ts";
export * from "./revenue/index.ts";
export * from "./segments/index.ts";
