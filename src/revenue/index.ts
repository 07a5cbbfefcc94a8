export type { ChurnDenominator, ChurnRateOptions, CustomerMovements, RepeatedRate, RetentionInput } from "./churn.ts";
export { CHURN_DENOMINATORS, churnRate, compoundRate, periodicRate, retentionRate } from "./churn.ts";
export type { CohortCell, CohortRetention, CohortRow } from "./cohortRetention.ts";
export { cohortRetention } from "./cohortRetention.ts";
export type { MovementRates, MovementRatesOptions, MovementRatesRow, TrailingRates } from "./movementRates.ts";
export { movementRates } from "./movementRates.ts";
export type { MrrChurn, MrrMovements } from "./mrr.ts";
export { grossRevenueRetention, mrrChurn, netRevenueRetention, quickRatio } from "./mrr.ts";
export type { CustomerCounts, MovementSkips, MrrMovementReport, MrrMovementRow, MrrMovementsOptions } from "./mrrMovements.ts";
export { mrrMovements } from "./mrrMovements.ts";
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
export {
  averageRevenuePerUser,
  cacPaybackMonths,
  customerAcquisitionCost,
  customerLifetimeValue,
  customerRetentionCost,
  ltvToCac,
} from "./value.ts";
