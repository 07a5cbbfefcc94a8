export type { RetentionProjection, SbgModel } from "./sbg.ts";
export { fitSbg, projectRetention } from "./sbg.ts";
