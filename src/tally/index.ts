export type { Tally, TallyOptions } from "./tally.ts";
export { mergeTallies, tally } from "./tally.ts";
