// The examples read their CSVs with d3-dsv: a quoted free-text cell holding a comma, a quote or a
// line break stays one cell (RFC 4180). Splitting lines on commas, as the examples did, shifted
// every later cell of such a row: its score read the comment's second half.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { billingChanges, surveyRecords } from "../../examples/demo-charts.mjs";
import { segmentReport } from "../../src/index.ts";

const quoted = [
  "id,date,region,plan,comment,ltr,sat,effort",
  'r1,2026-01-01,APAC,Pro,"Fast, friendly support",9,5,6',
  'r2,2026-01-02,EMEA,Free,"He said ""meh""\nthen left",3,2,2',
  "r3,2026-01-03,APAC,Free,,10,4,7",
].join("\n");

describe("the examples' CSV reading", () => {
  it("keeps a quoted comment with a comma, a quote and a line break in one cell", () => {
    const records = surveyRecords(quoted);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({ comment: "Fast, friendly support", ltr: 9, sat: 5 });
    expect(records[1]).toMatchObject({ comment: 'He said "meh"\nthen left', ltr: 3, effort: 2 });
    const report = segmentReport(records, { by: "region", metrics: { nps: "ltr" } });
    // By hand: APAC 9 and 10 (NPS 100), EMEA 3 (−100), all three 2 promoters and 1 detractor (33.3).
    expect(report.segments.map((s) => [s.key, s.nps?.estimate])).toEqual([
      ["APAC", 100],
      ["EMEA", -100],
    ]);
    expect(report.total.nps?.estimate).toBeCloseTo(100 / 3, 12);
  });

  it("reads the shipped data (no quoted cells) exactly as a comma split does", () => {
    const text = readFileSync(new URL("../../examples/data/survey.csv", import.meta.url), "utf8");
    const naive = text
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","));
    const records = surveyRecords(text);
    expect(records).toHaveLength(naive.length);
    expect(records.map((r) => String(r.ltr))).toEqual(naive.map((cells) => cells[4]));
    const billing = billingChanges(readFileSync(new URL("../../examples/data/billing.csv", import.meta.url), "utf8"));
    expect(billing[0]).toEqual({ customer: expect.any(String), time: expect.any(String), mrr: expect.any(String) });
  });
});
