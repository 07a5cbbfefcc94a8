export { churnRate, retentionRate, compoundRate, periodicRate } from "./churn.ts";
export type { ChurnDenominator, ChurnRateOptions, CustomerMovements, RepeatedRate, RetentionInput } from "./churn.ts";
export { mrrChurn, netRevenueRetention, grossRevenueRetention, quickRatio } from "./mrr.ts";
export type { MrrChurn, MrrMovements } from "./mrr.ts";
export {
  averageRevenuePerUser,
  cacPaybackMonths,
  customerAcquisitionCost,
  customerLifetimeValue,
  customerRetentionCost,
  ltvToCac,
} from "./value.ts";
export type {
  AcquisitionCostInput,
  CacPaybackInput,
  ChurnModel,
  LifetimeModel,
  LifetimeValueInput,
  LtvCacInput,
  OrdersModel,
  RetentionCostInput,
  RevenuePerUserInput,
} from "./value.ts";
