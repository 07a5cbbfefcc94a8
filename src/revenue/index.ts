export { churnRate, retentionRate, compoundRate, periodicRate } from "./churn.ts";
export type { ChurnDenominator, ChurnRateInput, RetentionRateInput } from "./churn.ts";
export { mrrChurn, netRevenueRetention, grossRevenueRetention, quickRatio } from "./mrr.ts";
export type { MrrChurn, MrrMovements, QuickRatioInput } from "./mrr.ts";
export {
  arpu,
  cacPaybackMonths,
  customerAcquisitionCost,
  customerLifetimeValue,
  customerRetentionCost,
  ltvToCac,
} from "./value.ts";
export type {
  AcquisitionCostInput,
  ArpuInput,
  CacPaybackInput,
  LifetimeValueFromChurn,
  LifetimeValueFromLifetime,
  LifetimeValueFromOrders,
  LifetimeValueInput,
  RetentionCostInput,
} from "./value.ts";
