export { csat, csatSummary } from "./csat.ts";
export type { CsatOptions, CsatSummary, CsatSummaryOptions } from "./csat.ts";
