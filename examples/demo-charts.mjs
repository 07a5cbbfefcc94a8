// The charts of the demo survey (examples/data/survey.csv) and billing export, as named Vega-Lite
// specs. Shared by `npm run demo` (which renders them to SVG files), the real-browser test
// (test/charts/browser.test.ts) and docs/charts.md. `lib` is the library: the built package or
// its source, so that each caller uses its own. CSV text is parsed with d3-dsv, never split on
// commas, so a quoted cell holding a comma stays one cell.
import { csvParse } from "d3-dsv";

/** The survey CSV as records (numbers where the cell is digits), read by d3-dsv (RFC 4180 quoting). */
export function surveyRecords(text) {
  return csvParse(text, (row) =>
    Object.fromEntries(Object.entries(row).map(([name, cell]) => [name, /^\d+$/.test(cell) ? Number(cell) : cell])),
  );
}

/** The billing CSV as changes `{ customer, time, mrr }`, cells as the CSV gives them. */
export function billingChanges(text) {
  return csvParse(text, ({ customer, time, mrr }) => ({ customer, time, mrr }));
}

/** `{ name: spec }` for the demo's charts, each with the one-line call that made it. */
export function demoCharts(lib, charts, records, changes) {
  const metrics = { nps: "ltr", csat: "sat", ces: "effort" };
  const ltr = records.map((r) => r.ltr);
  const report = lib.segmentReport(records, { by: "region", metrics });
  const monthly = lib.trend(records, { time: "date", every: "month", metrics });
  const rolling = lib.trend(records, { time: "date", every: "month", by: "region", window: { periods: 3 }, metrics });
  const model = lib.fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]);
  return {
    "nps-summary": { call: "chart(npsSummary(scores))", spec: charts.chart(lib.npsSummary(ltr)) },
    distribution: {
      call: "chart(distribution(ratings, { scale: [1, 5] }))",
      spec: charts.chart(
        lib.distribution(
          records.map((r) => r.sat),
          { scale: [1, 5] },
        ),
        { title: "Satisfaction, 1-5" },
      ),
    },
    "segments-nps": { call: 'chart(segmentReport(records, { by: "region", metrics }))', spec: charts.chart(report) },
    "segments-csat": { call: 'chart(report, { metric: "csat" })', spec: charts.chart(report, { metric: "csat" }) },
    "trend-nps": { call: 'chart(trend(records, { time: "date", every: "month", metrics }))', spec: charts.chart(monthly) },
    "trend-regions": {
      call: 'chart(trend(records, { time: "date", every: "month", by: "region", window: { periods: 3 }, metrics }))',
      spec: charts.chart(rolling),
    },
    cohorts: { call: "chart(cohortRetention(changes))", spec: charts.chart(lib.cohortRetention(changes)) },
    projection: {
      call: "chart(projectRetention(fitSbg(survivors), 12), { actual })",
      spec: charts.chart(lib.projectRetention(model, 12), { actual: [0.631, 0.468, 0.382, 0.326, 0.289, 0.262, 0.241] }),
    },
  };
}
