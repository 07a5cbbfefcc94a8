// segmentReportFromCounts reads the rows countsQuery's SQL returns: each count as a driver may give
// it, checked against its row's n, and each skip or error as the records would have given it.
// Rows are built by hand here; duckdb.test.ts and postgres.test.ts run the SQL itself.
import { describe, expect, it } from "vitest";
import { MetricsInputError, MetricsTypeError, segmentReport, segmentReportFromCounts } from "../../src/index.ts";
import { expectError, thrown } from "../helpers.ts";

/** One group's row of NPS counts: scores 0-10 as given, plus missing and invalid, and n their sum unless given. */
function row(region: unknown, scores: number[], extra: { missing?: unknown; invalid?: unknown; n?: unknown } = {}) {
  const counts = Object.fromEntries(Array.from({ length: 11 }, (_, s) => [`nps_${s}`, scores[s] ?? 0]));
  const n = "n" in extra ? extra.n : scores.reduce((a, b) => a + b, 0) + Number(extra.missing ?? 0) + Number(extra.invalid ?? 0);
  return { region, n, ...counts, nps_missing: extra.missing ?? 0, nps_invalid: extra.invalid ?? 0 };
}

const options = { by: "region", metrics: { nps: "ltr" } } as const;

describe("segmentReportFromCounts(rows)", () => {
  // 3 detractors, 2 passives, 5 promoters in north; 1, 1, 3 in south.
  const north = [0, 0, 1, 0, 1, 0, 1, 1, 1, 2, 3];
  const south = [0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 2];
  const records = [
    ...north.flatMap((c, s) => Array(c).fill({ region: "north", ltr: s })),
    ...south.flatMap((c, s) => Array(c).fill({ region: "south", ltr: s })),
  ];

  it("gives the records' report from counts as numbers, BigInts or strings of digits", () => {
    const want = segmentReport(records, options);
    expect(segmentReportFromCounts([row("north", north), row("south", south)], options)).toEqual(want);
    const asBigInts = [row("north", north), row("south", south)].map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? BigInt(v) : v])),
    );
    expect(segmentReportFromCounts(asBigInts, options)).toEqual(want);
    const asText = [row("north", north), row("south", south)].map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? String(v) : v])),
    );
    expect(segmentReportFromCounts(asText, options)).toEqual(want);
    // A row of no records is passed over, whatever its key.
    expect(segmentReportFromCounts([row("north", north), row(null, []), row("south", south)], options)).toEqual(want);
  });

  it("a scale that starts at 1 (CSAT): its counts per scale point, as the records give them", () => {
    const csat = [
      { region: "north", n: 6, csat_1: 1, csat_2: 0, csat_3: 1, csat_4: 2, csat_5: 2, csat_missing: 0, csat_invalid: 0 },
      { region: "south", n: 3, csat_1: 0, csat_2: 1, csat_3: 0, csat_4: 0, csat_5: 2, csat_missing: 0, csat_invalid: 0 },
    ];
    const answers = { north: [1, 3, 4, 4, 5, 5], south: [2, 5, 5] };
    const records = Object.entries(answers).flatMap(([region, sats]) => sats.map((sat) => ({ region, sat })));
    const metrics = { csat: "sat" } as const;
    expect(segmentReportFromCounts(csat, { by: "region", metrics })).toEqual(segmentReport(records, { by: "region", metrics }));
  });

  it("takes a count up to 2⁵³ − 1 and no further; a count of another type is a type error", () => {
    const big = BigInt(Number.MAX_SAFE_INTEGER);
    // All of the largest count missing (and skipped): the metric has no value left, an error about the metric, not the count.
    expect(
      thrown(() => segmentReportFromCounts([row("north", [], { n: big, missing: String(big) })], { ...options, missing: "skip" })),
    ).toMatchObject({
      code: "EMPTY_INPUT",
      argument: "options.metrics.nps",
      message: 'options.metrics.nps must be a column with at least one valid value: every value was skipped; got "ltr"',
    });
    const expected = "a count: a whole number >= 0 (a number, a BigInt or a string of digits, as database drivers return counts)";
    // Numbers, BigInts and strings of digits out of range are out of range; other types, the wrong type.
    for (const [n, shown, kind, code] of [
      [big + 1n, "9007199254740992n", MetricsInputError, "OUT_OF_RANGE"],
      [-1n, "-1n", MetricsInputError, "OUT_OF_RANGE"],
      ["12345678901234567", '"12345678901234567"', MetricsInputError, "OUT_OF_RANGE"],
      [2.5, "2.5", MetricsInputError, "OUT_OF_RANGE"],
      [-1, "-1", MetricsInputError, "OUT_OF_RANGE"],
      [null, "null", MetricsTypeError, "INVALID_TYPE"],
      [true, "true", MetricsTypeError, "INVALID_TYPE"],
    ] as const) {
      expectError(
        () => segmentReportFromCounts([row("north", north, { n })], options),
        kind,
        code,
        "rows[0].n",
        `rows[0].n must be ${expected}; got ${shown}`,
      );
    }
    expect(thrown(() => segmentReportFromCounts([row("north", north, { invalid: "x", n: 10 })], options))).toMatchObject({
      argument: "rows[0].nps_invalid",
    });
  });

  it("checks each metric's counts add up to the row's n", () => {
    expect(thrown(() => segmentReportFromCounts([row("north", north, { n: 12, missing: 1 })], options))).toMatchObject({
      code: "OUT_OF_RANGE",
      argument: "rows[0]",
      message: expect.stringMatching(
        /^rows\[0\] must be counts of nps that add up to n \(12\): 10 on the scale, 1 missing and 0 invalid make 11; got/,
      ),
    });
    expect(thrown(() => segmentReportFromCounts([row("north", north, { n: 11, invalid: 2 })], options))).toMatchObject({
      message: expect.stringMatching(/: 10 on the scale, 0 missing and 2 invalid make 12; got/),
    });
  });

  it("missing and invalid values are errors naming their column, or skipped and counted", () => {
    const rows = [row("north", north, { missing: 2, invalid: 1 }), row("south", south)];
    expect(thrown(() => segmentReportFromCounts(rows, { ...options, onInvalid: "skip" }))).toMatchObject({
      code: "MISSING_VALUE",
      argument: "rows[0].nps_missing",
      message: expect.stringMatching(
        /^rows\[0\]\.nps_missing must be 0: the ltr values of this group include missing ones \(pass missing: "skip"/,
      ),
    });
    expect(thrown(() => segmentReportFromCounts(rows, { ...options, missing: "skip" }))).toMatchObject({
      code: "OUT_OF_RANGE",
      argument: "rows[0].nps_invalid",
      message: expect.stringMatching(/^rows\[0\]\.nps_invalid must be 0: the ltr values of this group include ones off the scale 0 to 10/),
    });
    const skipped = segmentReportFromCounts(rows, { ...options, missing: "skip", onInvalid: "skip" });
    expect(skipped.skipped.nps).toMatchObject({ missing: 2, invalid: 1 });
    expect(skipped.total.n).toBe(18);
  });

  it("a row without a valid key: an error naming its column, or its records skipped; no row left is an error", () => {
    expect(thrown(() => segmentReportFromCounts([row(null, north)], options))).toMatchObject({
      code: "MISSING_VALUE",
      argument: "rows[0].region",
    });
    const skipped = segmentReportFromCounts([row(null, north), row("south", south)], { ...options, missing: "skip" });
    expect(skipped.skipped.records).toMatchObject({ missing: 10 });
    // An invalid key (not a string, finite number or boolean) is skipped with onInvalid, not with missing.
    const invalid = [row(Number.POSITIVE_INFINITY, north), row("south", south)];
    expect(thrown(() => segmentReportFromCounts(invalid, { ...options, missing: "skip" }))).toMatchObject({
      code: "INVALID_TYPE",
      argument: "rows[0].region",
    });
    expect(segmentReportFromCounts(invalid, { ...options, onInvalid: "skip" }).skipped.records).toMatchObject({ missing: 0, invalid: 10 });
    expect(thrown(() => segmentReportFromCounts([row(null, north)], { ...options, missing: "skip" }))).toMatchObject({
      code: "EMPTY_INPUT",
      argument: "rows",
      message: expect.stringMatching(/^rows must be a row with records and a valid segment key: every row's records were skipped/),
    });
  });

  it("rows that are not rows of counts, and weights, which counts cannot carry", () => {
    expect(thrown(() => segmentReportFromCounts([row("north", north), null as never], options))).toMatchObject({
      code: "INVALID_TYPE",
      argument: "rows[1]",
      message: "rows[1] must be an object: one row of counts; got null",
    });
    expect(thrown(() => segmentReportFromCounts([], options))).toMatchObject({ code: "EMPTY_INPUT", argument: "rows" });
    expect(thrown(() => segmentReportFromCounts(5 as never, options))).toMatchObject({ argument: "rows" });
    expect(
      thrown(() =>
        segmentReportFromCounts([row("north", north)], { by: "region", metrics: { nps: { value: "ltr", weight: "w" } } } as never),
      ),
    ).toMatchObject({
      code: "INVALID_OPTION",
      argument: "options.metrics.nps.weight",
      message:
        'options.metrics.nps.weight must be left out: counts from a database are unweighted (report weighted data from its records); got "w"',
    });
  });
});
