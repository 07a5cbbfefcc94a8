export { csat, csatSummary, compareCsat } from "./csat.ts";
export type { CompareCsatOptions, CsatOptions, CsatSummary, CsatSummaryOptions, ScaleCounts, ScaleInput } from "./csat.ts";
