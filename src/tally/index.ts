export { tally, mergeTallies } from "./tally.ts";
export type { Tally, TallyOptions } from "./tally.ts";
