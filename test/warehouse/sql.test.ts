import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countsQuery,
  MetricsInputError,
  MetricsTypeError,
  SQL_DIALECTS,
  segmentReportFromCounts,
  trendFromCounts,
} from "../../src/index.ts";

// Golden texts: test/fixtures/sql/<dialect>.sql, read against each dialect's manual
// (BigQuery DATE(timestamp, zone), DATE_TRUNC(date, ISOWEEK), FORMAT_DATE, IS_NAN; Snowflake
// CONVERT_TIMEZONE, DAYOFWEEKISO, TO_CHAR; standard SQL's AT TIME ZONE and CAST). DuckDB's and
// PostgreSQL's texts also run against the real databases (duckdb.test.ts, postgres.test.ts).
const golden = (dialect: string) => {
  const text = readFileSync(new URL(`../fixtures/sql/${dialect}.sql`, import.meta.url), "utf8");
  return text
    .split(";\n")
    .map((part) =>
      part
        .split("\n")
        .filter((line) => !line.startsWith("--"))
        .join("\n")
        .trim(),
    )
    .filter((part) => part.length > 0);
};

describe("countsQuery: the SQL text", () => {
  it.each(SQL_DIALECTS)("%s: segments and a trend, as the golden file", (dialect) => {
    const [segments, weeks] = golden(dialect);
    const seg = countsQuery({
      table: ["analytics", "responses"],
      dialect,
      by: ["region", "plan"],
      metrics: { csat: "sat", ces: { value: "effort", scale: [-3, 3] } },
    });
    const tr = countsQuery({
      table: "responses",
      dialect,
      time: "answered_at",
      every: "week",
      timeZone: "Europe/Berlin",
      metrics: { nps: { value: "ltr", scale: [1, 10], promoterFrom: 9, passiveFrom: 7 } },
    });
    expect(seg.sql).toBe(segments);
    expect(seg.params).toEqual([]);
    expect(tr.sql).toBe(weeks);
    expect(tr.params).toEqual(["Europe/Berlin"]);
    // the zone is bound once, never written into the text
    expect(tr.sql).not.toContain("Berlin");
    expect(tr.sql.split(dialect === "postgres" ? "$1" : "?").length - 1).toBe(1);
  });

  it("a trend over two metrics carries both columns through each inner query, once each", () => {
    for (const dialect of ["duckdb", "postgres", "bigquery", "snowflake", "ansi"] as const) {
      const { sql } = countsQuery({ table: "t", dialect, time: "at", every: "month", metrics: { nps: "ltr", csat: "sat", ces: "ltr" } });
      const q = dialect === "bigquery" ? "`" : '"';
      // The rows' local dates, their counts per day and values, the periods: three inner queries.
      const inner = sql.split("\n").filter((line) => line.includes("SELECT "));
      expect(inner, dialect).toHaveLength(3);
      for (const line of inner) {
        expect(line.split(`${q}ltr${q}`).length - 1, `${dialect}: ${line}`).toBe(1);
        expect(line.split(`${q}sat${q}`).length - 1, `${dialect}: ${line}`).toBe(1);
      }
    }
  });

  it("every period unit has its truncation (ISO weeks from Monday); ANSI leaves days to the report", () => {
    const expected: Record<string, string[]> = {
      duckdb: ["", "date_trunc('week'", "date_trunc('month'", "date_trunc('quarter'", "date_trunc('year'"],
      postgres: ["", "date_trunc('week'", "date_trunc('month'", "date_trunc('quarter'", "date_trunc('year'"],
      bigquery: ["", "ISOWEEK)", "MONTH)", "QUARTER)", "YEAR)"],
      snowflake: ["", "DAYOFWEEKISO", "DATE_TRUNC('MONTH'", "DATE_TRUNC('QUARTER'", "DATE_TRUNC('YEAR'"],
      ansi: ["", "", "", "", ""],
    };
    for (const dialect of SQL_DIALECTS) {
      (["day", "week", "month", "quarter", "year"] as const).forEach((every, i) => {
        const { sql } = countsQuery({ table: "t", dialect, time: "at", every, metrics: { nps: "ltr" } });
        const marker = expected[dialect]![i]!;
        if (marker !== "") expect(sql).toContain(marker);
        else expect(sql).not.toMatch(/date_trunc|DATE_TRUNC|DAYOFWEEKISO/);
      });
    }
  });

  it("quotes any name: the text always parses back to the same identifiers (quotes doubled, nothing outside them)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => [...s].every((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127)),
        (name) => {
          for (const dialect of ["duckdb", "postgres", "snowflake", "ansi"] as const) {
            // DuckDB refuses what it could read as a file (dots, slashes, globs): see the next tests.
            if (dialect === "duckdb" && /[./\\:*?[\]{}~$]/.test(name)) {
              expect(() => countsQuery({ table: name, dialect, by: "g", metrics: { nps: "v" } })).toThrow(/replacement scan/);
              continue;
            }
            const { sql } = countsQuery({ table: name, dialect, by: "g", metrics: { nps: "v" } });
            const from = sql.slice(sql.indexOf("\n  FROM ") + 8, sql.indexOf("\n  GROUP BY"));
            expect(from).toBe(`"${name.replaceAll('"', '""')}"`);
            // an identifier in double quotes with every inner quote doubled: the quotes pair up exactly
            expect(/^"(?:[^"]|"")*"$/.test(from)).toBe(true);
          }
        },
      ),
    );
  });

  it("rejects names that cannot be quoted safely, and options that make no query", () => {
    const base = { table: "t", dialect: "duckdb", by: "g", metrics: { nps: "v" } } as const;
    const cases: [() => unknown, RegExp, typeof MetricsInputError | typeof MetricsTypeError][] = [
      [
        () => countsQuery({ ...base, table: "a\u0000b" }),
        /^options.table must be a name that is not empty, has no control characters \(NUL, line breaks\) and is well-formed UTF-16/,
        MetricsInputError,
      ],
      [
        () => countsQuery({ ...base, by: "x\ny" }),
        /^options.by must be a name that is not empty, has no control characters \(NUL, line breaks\) and is well-formed UTF-16/,
        MetricsInputError,
      ],
      [() => countsQuery({ ...base, table: "" }), /^options.table must be a name that is not empty/, MetricsInputError],
      [
        () => countsQuery({ ...base, dialect: "bigquery", table: "a`; DROP" }),
        /^options.table must be a BigQuery name without backticks or backslashes/,
        MetricsInputError,
      ],
      [
        () => countsQuery({ ...base, dialect: "mysql" as never }),
        /^options.dialect must be one of "duckdb", "postgres", "bigquery", "snowflake", "ansi"; got "mysql"/,
        MetricsTypeError,
      ],
      [
        () => countsQuery({ ...base, metrics: { nps: ((r: { v: number }) => r.v) as never } }),
        /^options.metrics.nps must be a column name: SQL counts columns, not functions/,
        MetricsTypeError,
      ],
      [
        () => countsQuery({ ...base, metrics: { nps: { value: "v", weight: "w" } } }),
        /^options.metrics.nps.weight must be left out: countsQuery counts unweighted responses/,
        MetricsTypeError,
      ],
      [
        () => countsQuery({ ...base, by: "n" }),
        /^options.by must be a column not named like a count column of the result/,
        MetricsInputError,
      ],
      [
        () => countsQuery({ table: "t", dialect: "duckdb", metrics: { nps: "v" } }),
        /^options must be by \(segments\), time and every \(a trend\), or all three \(a trend per segment\)/,
        MetricsTypeError,
      ],
      [() => countsQuery({ ...base, timeZone: "UTC" }), /^options.timeZone must be left out without time/, MetricsTypeError],
      [
        () => countsQuery({ table: "t", dialect: "duckdb", time: "at", every: "month", timeZone: "Mars/Base", metrics: { nps: "v" } }),
        /^options.timeZone must be an IANA time zone name/,
        MetricsTypeError,
      ],
      [
        () => countsQuery({ ...base, tabel: "t" } as never),
        /^options.tabel is not an option of countsQuery; did you mean table\?/,
        MetricsTypeError,
      ],
      [
        () => countsQuery({ ...base, table: 7 as never }),
        /^options.table must be a table or column name \(a string\); got 7/,
        MetricsTypeError,
      ],
    ];
    cases.push(
      [
        () => countsQuery({ ...base, table: "a\ud800b" }),
        /is well-formed UTF-16 \(no lone surrogate\); got "a\\ud800b"/,
        MetricsInputError,
      ],
      [() => countsQuery({ ...base, by: "\udc00" }), /^options.by must be a name that is not empty, has no control/, MetricsInputError],
      [() => countsQuery({ ...base, table: [] }), /^options.table must be a table name, or its parts: one to three/, MetricsInputError],
      [
        () => countsQuery({ ...base, table: ["a", "b", "c", "d"] }),
        /^options.table must be a table name, or its parts: one to three/,
        MetricsInputError,
      ],
      [
        () => countsQuery({ ...base, dialect: "postgres", by: "é".repeat(32) }),
        /^options.by must be a PostgreSQL name of at most 63 bytes \(this one has 64 in UTF-8/,
        MetricsInputError,
      ],
      [
        () => countsQuery({ ...base, metrics: { nps: { value: "v", scale: [2 ** 53, 2 ** 53 + 2] } } }),
        /^options.metrics.nps.scale must be/,
        MetricsInputError,
      ],
      [() => countsQuery({ ...base, metrics: { nps: "cx_n" } }), /^options.metrics.nps must be a column not named cx_n/, MetricsInputError],
      [() => countsQuery({ ...base, by: "cx_n" }), /^options.by must be a column not named like a count column/, MetricsInputError],
    );
    for (const [call, message, kind] of cases) {
      expect(call, String(message)).toThrow(message);
      expect(call).toThrow(kind);
    }
  });
});

describe("reports from counts: rows checked as strictly as records", () => {
  const row = (region: unknown, p: number, d: number, extra: Record<string, unknown> = {}) => ({
    region,
    n: p + d,
    ...Object.fromEntries(Array.from({ length: 11 }, (_, s) => [`nps_${s}`, s === 10 ? p : s === 0 ? d : 0])),
    nps_missing: 0,
    nps_invalid: 0,
    ...extra,
  });
  const spec = { by: "region", metrics: { nps: "ltr" } } as const;

  it("reads counts as drivers return them: numbers, BigInts and strings of digits", () => {
    const asBig = Object.fromEntries(Object.entries(row("a", 3, 1)).map(([k, v]) => [k, typeof v === "number" ? BigInt(v) : v]));
    const asText = Object.fromEntries(Object.entries(row("a", 3, 1)).map(([k, v]) => [k, typeof v === "number" ? String(v) : v]));
    const plain = segmentReportFromCounts([row("a", 3, 1)], spec);
    expect(segmentReportFromCounts([asBig], spec)).toEqual(plain);
    expect(segmentReportFromCounts([asText], spec)).toEqual(plain);
    expect(plain.segments[0]!.nps!.estimate).toBe(50);
  });

  it("adds up rows with the same key (partitions), and reads NULL and blank keys as missing", () => {
    const r = segmentReportFromCounts([row("a", 3, 1), row("a", 1, 1), row(null, 5, 0), row("", 2, 0)], { ...spec, missing: "skip" });
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]!.n).toBe(6);
    expect(r.segments[0]!.nps!.promoters).toBe(4);
    expect(r.skipped.records).toEqual({ missing: 7, invalid: 0, firstMissing: null, firstInvalid: null });
    expect(() => segmentReportFromCounts([row("a", 3, 1), row(null, 5, 0)], spec)).toThrow(
      /^rows\[1\].region must be a string, finite number or boolean, not missing \(pass missing: "skip" to drop the records without one\); got null/,
    );
  });

  it("refuses rows that are not countsQuery's", () => {
    const cases: [unknown[], RegExp][] = [
      [[], /^rows must be at least one row of counts/],
      [
        [row("a", 3, 1, { n: 5 })],
        /^rows\[0\] must be counts of nps that add up to n \(5\): 4 on the scale, 0 missing and 0 invalid make 4/,
      ],
      [[row("a", 3, 1, { nps_10: -3 })], /^rows\[0\].nps_10 must be a count: a whole number >= 0/],
      [[row("a", 3, 1, { nps_10: 2.5 })], /^rows\[0\].nps_10 must be a count/],
      [[row("a", 3, 1, { nps_10: "3.0" })], /^rows\[0\].nps_10 must be a count/],
      [
        [{ region: "a", count: 4 }],
        /^rows\[0\] must be a row with a column "n", as countsQuery's SQL returns \(its columns are region, count\)/,
      ],
      [[row("a", 3, 1, { nps_missing: undefined })], /^rows\[0\].nps_missing must be a count/],
      [["a"], /^rows\[0\] must be an object: one row of counts/],
    ];
    for (const [rows, message] of cases) expect(() => segmentReportFromCounts(rows as object[], spec), String(message)).toThrow(message);
  });

  it("trend rows: periods as days of the zone's calendar, rolled up; a row that is not a date throws", () => {
    const days = [
      row(undefined, 1, 0, { at: "2026-01-05", every: "day" }),
      row(undefined, 0, 1, { at: "2026-01-31", every: "day" }),
      row(undefined, 2, 0, { at: "2026-03-01", every: "month" }),
    ];
    const t = trendFromCounts(days, { time: "at", every: "month", metrics: { nps: "ltr" } });
    expect(t.periods.map((p) => [p.period, p.n])).toEqual([
      ["2026-01", 2],
      ["2026-02", 0],
      ["2026-03", 2],
    ]);
    const month = { time: "at", every: "month", metrics: { nps: "ltr" } } as const;
    expect(() => trendFromCounts([row(undefined, 1, 0, { at: "2026-02-30", every: "month" })], month)).toThrow(
      /^rows\[0\].at must be a real calendar date/,
    );
    // weeks cannot be split between months: rows by another period than the report's (or days) throw
    expect(() => trendFromCounts([row(undefined, 1, 0, { at: "2026-01-26", every: "week" })], month)).toThrow(
      /^rows\[0\].every must be "month" \(the report's every\) or "day": the query and the report must be by the same period/,
    );
    expect(() => trendFromCounts([row(undefined, 1, 0, { at: "2026-01-26" })], month)).toThrow(/^rows\[0\].every must be "month"/);
  });
});
