import { describe, expect, it } from "vitest";
import { segmentReport, trend } from "../../src/index.ts";
import { thrown } from "../helpers.ts";

// The metric specs of segmentReport and trend, wrong in each of their parts: each error names
// the part (its argument), so that a caller with a dozen metrics knows which one to fix.
const rows = [
  { team: "a", day: "2025-01-06", score: 9, weight: 1 },
  { team: "a", day: "2025-01-07", score: 4, weight: 2 },
];
const report = (metrics: unknown) => () => segmentReport(rows, { by: "team", metrics: metrics as never });

describe("metric specs: every error names its part", () => {
  it("metrics that are not an object, or name no metric, or an unknown one", () => {
    const notObject = thrown(report(5));
    expect(notObject).toMatchObject({ kind: "MetricsTypeError", code: "INVALID_TYPE", argument: "options.metrics" });
    expect(notObject.message).toMatch(/^options\.metrics must be an object naming fields for some of nps, csat, ces; got 5$/);
    const none = thrown(report({}));
    expect(none).toMatchObject({ kind: "MetricsInputError", code: "EMPTY_INPUT", argument: "options.metrics" });
    expect(none.message).toMatch(/^options\.metrics must be at least one of nps, csat, ces; got /);
    const unknown = thrown(report({ nsp: "score" }));
    expect(unknown).toMatchObject({ code: "INVALID_OPTION", argument: "options.metrics.nsp" });
    expect(unknown.message).toMatch(/is not a metric; did you mean nps\?/);
  });

  it("a value, weight or scale that is wrong names metrics.<name>.value, .weight or .scale", () => {
    expect(thrown(report({ nps: 5 }))).toMatchObject({ argument: "options.metrics.nps" });
    expect(thrown(report({ nps: { value: 5 } }))).toMatchObject({ argument: "options.metrics.nps.value" });
    expect(thrown(report({ nps: { value: "score", weight: 5 } }))).toMatchObject({ argument: "options.metrics.nps.weight" });
    expect(thrown(report({ csat: { value: "score", scale: [5, 1] } }))).toMatchObject({ argument: "options.metrics.csat.scale" });
    // An option the metric itself rejects is named under the metric, in trend too.
    const inTrend = thrown(() =>
      trend(rows, { time: "day", every: "week", metrics: { csat: { value: "score", satisfiedFrom: 9 } } as never }),
    );
    expect(inTrend).toMatchObject({ argument: "options.metrics.csat.satisfiedFrom" });
    expect(inTrend.message).toMatch(/^options\.metrics\.csat\.satisfiedFrom /);
  });
});
