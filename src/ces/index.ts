export type { CesOptions, CesSummary, CesSummaryOptions, CompareCesOptions } from "./ces.ts";
export { ces, cesSummary, compareCes } from "./ces.ts";
