export * from "./errors.js";
export type { Interval } from "./types.js";
export * from "./stats/index.js";
export * from "./tally/index.js";
export * from "./nps/index.js";
export * from "./csat/index.js";
export * from "./ces/index.js";
export * from "./revenue/index.js";
export * from "./segments/index.js";
