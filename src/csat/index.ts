export { csat, csatSummary } from "./csat.js";
export type { CsatOptions, CsatSummary, CsatSummaryOptions } from "./csat.js";
