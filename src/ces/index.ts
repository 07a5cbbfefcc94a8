export { ces, cesSummary, compareCes } from "./ces.ts";
export type { CesOptions, CesSummary, CesSummaryOptions, CompareCesOptions } from "./ces.ts";
