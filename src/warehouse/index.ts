export type { CountsQuery, CountsQueryOptions } from "./countsQuery.ts";
export { countsQuery } from "./countsQuery.ts";
export type { SqlDialect } from "./dialects.ts";
export { SQL_DIALECTS } from "./dialects.ts";
export { segmentReportFromCounts, trendFromCounts } from "./fromCounts.ts";
