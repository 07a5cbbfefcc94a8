export { tally, mergeTallies } from "./tally.js";
export type { Tally, TallyOptions } from "./tally.js";
export type { ScaleInput } from "./scaleInput.js";
