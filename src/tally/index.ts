export { tally, mergeTallies } from "./tally.js";
export type { Tally, TallyOptions } from "./tally.js";
