export { churnRate, retentionRate, compoundRate, periodicRate } from "./churn.js";
export type { ChurnDenominator, ChurnRateInput, RetentionRateInput } from "./churn.js";
export { mrrChurn, netRevenueRetention, grossRevenueRetention, quickRatio } from "./mrr.js";
export type { MrrChurn, MrrMovements, QuickRatioInput } from "./mrr.js";
export {
  arpu,
  cacPaybackMonths,
  customerAcquisitionCost,
  customerLifetimeValue,
  customerRetentionCost,
  ltvToCac,
} from "./value.js";
export type {
  AcquisitionCostInput,
  ArpuInput,
  CacPaybackInput,
  LifetimeValueFromChurn,
  LifetimeValueFromLifetime,
  LifetimeValueFromOrders,
  LifetimeValueInput,
  RetentionCostInput,
} from "./value.js";
