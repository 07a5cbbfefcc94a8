export { ces, cesSummary } from "./ces.ts";
export type { CesOptions, CesSummary, CesSummaryOptions } from "./ces.ts";
