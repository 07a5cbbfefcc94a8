// cxmetrics/charts: Vega-Lite specs and flat rows of any result, a subpath of its own so that the
// main entry carries none of it.
export { chart } from "./chart.ts";
export type { Row } from "./rows.ts";
export { toRows } from "./rows.ts";
export type { ChartOptions, VegaLiteSpec } from "./spec.ts";
export { VEGA_LITE_SCHEMA } from "./spec.ts";
