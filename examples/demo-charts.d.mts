// Types of demo-charts.mjs, for the TypeScript tests that import it.
export interface Survey {
  readonly [field: string]: string | number;
}
export function surveyRecords(text: string): Survey[];
export function billingChanges(text: string): { customer: string; time: string; mrr: string }[];
export function demoCharts(lib: object, charts: object, records: readonly object[], changes: readonly object[]): Record<string, { call: string; spec: object }>;
