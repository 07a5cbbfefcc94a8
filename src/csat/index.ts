export type { CompareCsatOptions, CsatOptions, CsatSummary, CsatSummaryOptions, ScaleCounts, ScaleInput } from "./csat.ts";
export { compareCsat, csat, csatSummary } from "./csat.ts";
