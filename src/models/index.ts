export type { BgNbdModel, PurchaseHistory } from "./bgNbd.ts";
export { fitBgNbd, probabilityAlive } from "./bgNbd.ts";
export type { GammaGammaModel, SpendHistory } from "./gammaGamma.ts";
export { expectedSpend, fitGammaGamma } from "./gammaGamma.ts";
export type { CustomerSummary, RfmSummaryOptions } from "./rfmSummary.ts";
export { rfmSummary } from "./rfmSummary.ts";
export type { RetentionProjection, SbgModel } from "./sbg.ts";
export { fitSbg, projectRetention } from "./sbg.ts";
