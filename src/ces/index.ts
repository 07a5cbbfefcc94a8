export { ces, cesSummary } from "./ces.js";
export type { CesOptions, CesSummary, CesSummaryOptions } from "./ces.js";
