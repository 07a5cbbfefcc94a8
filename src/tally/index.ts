export { tally, mergeTallies } from "./tally.js";
export type { Tally, TallyOptions } from "./tally.js";
export type { ScaleCounts, ScaleInput } from "./scaleInput.js";
