import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countsQuery, segmentReport, segmentReportFromCounts, trend, trendFromCounts } from "../../src/index.ts";
import { generate, type Row, toCsv, withoutFirstRows } from "./data.ts";

// DuckDB through @duckdb/node-api (its binary ships in the npm package): a generated table of
// 1,000,000 responses with missing and invalid cells, counted by countsQuery's SQL, against the
// reports on the same rows in memory.
const N = 1_000_000;
let rows: Row[];
let dir: string;
let connection: Awaited<ReturnType<DuckDBInstance["connect"]>>;

async function query(sql: string, params: readonly string[] = []): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql, params.length > 0 ? [...params] : undefined);
  return reader.getRowObjects() as Record<string, unknown>[];
}

beforeAll(async () => {
  rows = generate(N, 7);
  dir = mkdtempSync(join(tmpdir(), "cxmetrics-duckdb-"));
  const file = join(dir, "responses.csv");
  writeFileSync(file, toCsv(rows));
  const db = await DuckDBInstance.create(":memory:");
  connection = await db.connect();
  await connection.run(
    `CREATE TABLE responses AS SELECT * FROM read_csv('${file}', header = true, columns = {'region': 'VARCHAR', 'plan': 'VARCHAR', 'ltr': 'DOUBLE', 'sat': 'INTEGER', 'at': 'TIMESTAMPTZ', 'account': 'VARCHAR'})`,
  );
}, 120_000);

afterAll(() => {
  connection?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const metrics = { nps: "ltr", csat: "sat", ces: { value: "sat", scale: [1, 5] } } as const;
const skip = { missing: "skip", onInvalid: "skip" } as const;

describe("countsQuery in DuckDB", () => {
  it("loaded every row", async () => {
    const [count] = await query("SELECT COUNT(*) AS c FROM responses");
    expect(count!.c).toBe(BigInt(N));
  });

  it("segments: the report from the counts equals segmentReport on the records in memory", async () => {
    const q = countsQuery({ table: "responses", dialect: "duckdb", by: "region", metrics });
    const counts = await query(q.sql, q.params);
    expect(counts.length).toBeLessThanOrEqual(6);
    const fromDb = segmentReportFromCounts(counts, { by: "region", metrics, ...skip });
    const inMemory = segmentReport(rows, { by: "region", metrics, ...skip });
    expect(fromDb).toEqual(withoutFirstRows(inMemory));
    expect(fromDb.skipped.records.missing).toBeGreaterThan(0);
    expect(fromDb.skipped.nps.invalid).toBeGreaterThan(0);
  }, 60_000);

  it("nested segments: region × plan", async () => {
    const by = ["region", "plan"] as const;
    const q = countsQuery({ table: "responses", dialect: "duckdb", by, metrics: { nps: "ltr" } });
    const fromDb = segmentReportFromCounts(await query(q.sql), { by, metrics: { nps: "ltr" }, ...skip });
    expect(fromDb).toEqual(withoutFirstRows(segmentReport(rows, { by, metrics: { nps: "ltr" }, ...skip })));
    // "N/A" is a region of its own (markers are values', never keys') unless named as a key marker.
    expect(fromDb.segments).toHaveLength(15);
    const named = { by, metrics: { nps: "ltr" }, ...skip, keyMissingValues: ["N/A"] } as const;
    const fromDbNamed = segmentReportFromCounts(await query(q.sql), named);
    expect(fromDbNamed).toEqual(withoutFirstRows(segmentReport(rows, named)));
    expect(fromDbNamed.segments).toHaveLength(12);
  }, 60_000);

  it("trends by week and month in a time zone: the report equals trend on the records", async () => {
    for (const [every, timeZone] of [
      ["week", "America/New_York"],
      ["month", "Asia/Kolkata"],
      ["quarter", "UTC"],
    ] as const) {
      const q = countsQuery({ table: "responses", dialect: "duckdb", time: "at", every, timeZone, metrics });
      const fromDb = trendFromCounts(await query(q.sql, q.params), { time: "at", every, timeZone, metrics, ...skip });
      const inMemory = trend(rows, { time: "at", every, timeZone, metrics, ...skip });
      // the zone as the report names it (Node names Asia/Kolkata by its older name, Asia/Calcutta)
      expect(q.params).toEqual([inMemory.timeZone]);
      expect(fromDb).toEqual(withoutFirstRows(inMemory));
    }
  }, 120_000);

  it("trends per segment, over windows and smoothed: the reports from the counts equal trend on the records", async () => {
    for (const [every, timeZone, by, shape] of [
      ["month", "Europe/Berlin", "region", { window: { periods: 3 } }],
      ["week", "America/New_York", ["region", "plan"], { smoothing: { halfLife: 2.5 } }],
      ["day", "UTC", "plan", { window: { days: 30 } }],
      ["quarter", "Asia/Tokyo", "region", {}],
    ] as const) {
      const q = countsQuery({ table: "responses", dialect: "duckdb", time: "at", every, timeZone, by, metrics });
      const options = { time: "at", every, timeZone, by, metrics, ...shape, ...skip } as const;
      const fromDb = trendFromCounts(await query(q.sql, q.params), options);
      expect(fromDb).toEqual(withoutFirstRows(trend(rows, options)));
      expect(fromDb.segments!.length).toBeGreaterThan(1);
    }
  }, 240_000);

  it("clustered by account: segments, trends per segment and windows from counts per account equal the records'", async () => {
    const clustered = { nps: { value: "ltr", cluster: "account" }, csat: { value: "sat", cluster: "account" } } as const;
    const s = countsQuery({ table: "responses", dialect: "duckdb", by: "region", metrics: clustered });
    // The same sums added in another order (per account, then per group): equal to 9 significant digits.
    const flat = (x: unknown) =>
      JSON.stringify(x, (_k, v) => (typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(9)) : v));
    const fromDb = segmentReportFromCounts(await query(s.sql), { by: "region", metrics: clustered, ...skip });
    expect(flat(fromDb)).toBe(flat(withoutFirstRows(segmentReport(rows, { by: "region", metrics: clustered, ...skip }))));
    expect(fromDb.total.nps).toMatchObject({ clusters: 400, designDf: 399 });
    const options = {
      time: "at",
      every: "month",
      timeZone: "Europe/Berlin",
      by: "plan",
      window: { periods: 3 },
      metrics: clustered,
      ...skip,
    } as const;
    const t = countsQuery({
      table: "responses",
      dialect: "duckdb",
      time: "at",
      every: "month",
      timeZone: "Europe/Berlin",
      by: "plan",
      metrics: clustered,
    });
    const trendFromDb = trendFromCounts(await query(t.sql, t.params), options);
    const inMemory = withoutFirstRows(trend(rows, options));
    expect(flat(trendFromDb)).toBe(flat(inMemory));
  }, 240_000);

  it("refuses a window in days on rows by month, and dedupe on counts", async () => {
    const q = countsQuery({ table: "responses", dialect: "duckdb", time: "at", every: "month", metrics });
    const counts = await query(q.sql, q.params);
    expect(() => trendFromCounts(counts, { time: "at", every: "month", metrics, window: { days: 60 }, ...skip })).toThrow(
      /^rows\[0\]\.every must be "day": a window in days needs rows by day/,
    );
    expect(() =>
      trendFromCounts(counts, { time: "at", every: "month", metrics, dedupe: { by: "region", keep: "latest" }, ...skip }),
    ).toThrow(/^options\.dedupe must be left out: counts carry no respondent ids/);
  }, 60_000);

  it("splits of the table (daily partitions) concatenate into the same report", async () => {
    const q = countsQuery({ table: "first_half", dialect: "duckdb", by: "region", metrics: { nps: "ltr" } });
    await connection.run(
      `CREATE VIEW first_half AS SELECT * FROM responses WHERE "at" < TIMESTAMPTZ '2026-01-01 00:00:00+00' OR "at" IS NULL`,
    );
    await connection.run(`CREATE VIEW second_half AS SELECT * FROM responses WHERE "at" >= TIMESTAMPTZ '2026-01-01 00:00:00+00'`);
    const parts = [...(await query(q.sql)), ...(await query(q.sql.replace('"first_half"', '"second_half"')))];
    const merged = segmentReportFromCounts(parts, { by: "region", metrics: { nps: "ltr" }, ...skip });
    expect(merged).toEqual(withoutFirstRows(segmentReport(rows, { by: "region", metrics: { nps: "ltr" }, ...skip })));
  }, 60_000);

  it("throws by default on the missing and invalid values the counts report, as the records would", async () => {
    const q = countsQuery({ table: "responses", dialect: "duckdb", by: "plan", metrics: { nps: "ltr" } });
    const counts = await query(q.sql);
    expect(() => segmentReportFromCounts(counts, { by: "plan", metrics: { nps: "ltr" } })).toThrow(
      /^rows\[\d\]\.nps_missing must be 0: the ltr values of this group include missing ones \(pass missing: "skip" to skip them\)/,
    );
    expect(() => segmentReportFromCounts(counts, { by: "plan", metrics: { nps: "ltr" }, missing: "skip" })).toThrow(
      /^rows\[\d\]\.nps_invalid must be 0: the ltr values of this group include ones off the scale 0 to 10/,
    );
  }, 60_000);

  it("quotes hostile names: a table and columns with quotes, semicolons and comment markers", async () => {
    const table = 'survey"; DROP TABLE responses; --';
    const region = 're"gion /* x */';
    const score = "l'tr -- 1";
    await connection.run(
      `CREATE TABLE "survey""; DROP TABLE responses; --" AS SELECT region AS "re""gion /* x */", ltr AS "l'tr -- 1" FROM responses LIMIT 5000`,
    );
    const q = countsQuery({ table, dialect: "duckdb", by: region, metrics: { nps: score } });
    const counts = await query(q.sql);
    const sample = rows.slice(0, 5000).map((r) => ({ [region]: r.region, [score]: r.ltr }));
    expect(segmentReportFromCounts(counts, { by: region, metrics: { nps: score }, ...skip })).toEqual(
      withoutFirstRows(segmentReport(sample, { by: region, metrics: { nps: score }, ...skip })),
    );
    const [still] = await query("SELECT COUNT(*) AS c FROM responses");
    expect(still!.c).toBe(BigInt(N));
  }, 60_000);

  it("reads a naive TIMESTAMP column as UTC, as in memory, whatever the session's TimeZone (1.0: January under UTC, February under New York)", async () => {
    await connection.run(
      "CREATE TABLE naive AS SELECT TIMESTAMP '2025-01-31 20:00:00' AS at, 9 AS ltr UNION ALL SELECT TIMESTAMP '2025-03-01 02:00:00', 3",
    );
    const records = [
      { at: "2025-01-31T20:00:00Z", ltr: 9 },
      { at: "2025-03-01T02:00:00Z", ltr: 3 },
    ];
    const periods = (t: { periods: readonly { period: string; n: number }[] }) => t.periods.map((p) => [p.period, p.n]);
    for (const timeZone of ["UTC", "Asia/Tokyo", "America/New_York"]) {
      const q = countsQuery({ table: "naive", dialect: "duckdb", time: "at", every: "month", timeZone, metrics: { nps: "ltr" } });
      const inMemory = trend(records, { time: "at", every: "month", timeZone, metrics: { nps: "ltr" } });
      for (const session of ["UTC", "America/New_York", "Asia/Tokyo"]) {
        await connection.run(`SET TimeZone = '${session}'`);
        const fromDb = trendFromCounts(await query(q.sql, q.params), { time: "at", every: "month", timeZone, metrics: { nps: "ltr" } });
        expect(periods(fromDb), `${timeZone} in a ${session} session`).toEqual(periods(inMemory));
      }
    }
    await connection.run("SET TimeZone = 'UTC'");
    // By hand: 20:00Z on 31 January is January in UTC and New York, February in Tokyo.
    const q = countsQuery({ table: "naive", dialect: "duckdb", time: "at", every: "month", timeZone: "UTC", metrics: { nps: "ltr" } });
    expect(periods(trendFromCounts(await query(q.sql, q.params), { time: "at", every: "month", metrics: { nps: "ltr" } }))).toEqual([
      ["2025-01", 1],
      ["2025-02", 0],
      ["2025-03", 1],
    ]);
  }, 60_000);

  it('reads a DATE column as the date it names in every zone, as in memory reads "2025-03-01" (it was midnight UTC, so the last day of February in New York)', async () => {
    await connection.run("CREATE TABLE dated AS SELECT DATE '2025-03-01' AS at, 9 AS ltr UNION ALL SELECT DATE '2025-01-31', 3");
    const records = [
      { at: "2025-03-01", ltr: 9 },
      { at: "2025-01-31", ltr: 3 },
    ];
    const periods = (t: { periods: readonly { period: string; n: number }[] }) => t.periods.map((p) => [p.period, p.n]);
    for (const timeZone of ["UTC", "Pacific/Kiritimati", "America/New_York", "Pacific/Pago_Pago"]) {
      for (const every of ["day", "month"] as const) {
        const q = countsQuery({ table: "dated", dialect: "duckdb", time: "at", every, timeZone, metrics: { nps: "ltr" } });
        const inMemory = periods(trend(records, { time: "at", every, timeZone, metrics: { nps: "ltr" } }));
        for (const session of ["UTC", "America/New_York"]) {
          await connection.run(`SET TimeZone = '${session}'`);
          const fromDb = trendFromCounts(await query(q.sql, q.params), { time: "at", every, timeZone, metrics: { nps: "ltr" } });
          expect(periods(fromDb), `${every} in ${timeZone}, a ${session} session`).toEqual(inMemory);
        }
      }
    }
    await connection.run("SET TimeZone = 'UTC'");
    const q = countsQuery({
      table: "dated",
      dialect: "duckdb",
      time: "at",
      every: "month",
      timeZone: "America/New_York",
      metrics: { nps: "ltr" },
    });
    expect(
      periods(
        trendFromCounts(await query(q.sql, q.params), {
          time: "at",
          every: "month",
          timeZone: "America/New_York",
          metrics: { nps: "ltr" },
        }),
      ),
    ).toEqual([
      ["2025-01", 1],
      ["2025-02", 0],
      ["2025-03", 1],
    ]);
  }, 60_000);

  it("refuses text and boolean score columns when the query is bound (DuckDB would count '9.5' as 10 and true as 1)", async () => {
    await connection.run(
      "CREATE TABLE typed AS SELECT 'a' AS g, '9.5' AS text_score, true AS flag, 9::BIGINT AS big, 9::HUGEINT AS huge, 9::DECIMAL(4, 1) AS dec",
    );
    for (const column of ["text_score", "flag"]) {
      const q = countsQuery({ table: "typed", dialect: "duckdb", by: "g", metrics: { nps: column } });
      await expect(query(q.sql), column).rejects.toThrow(
        /No function matches the given name and argument types 'isnan\((VARCHAR|BOOLEAN)\)'/,
      );
    }
    // In memory the same cells are invalid: '9.5' is not a whole number, true is not a number.
    expect(() => segmentReport([{ g: "a", s: "9.5" }], { by: "g", metrics: { nps: "s" } })).toThrow(/must be a whole number from 0 to 10/);
    expect(() => segmentReport([{ g: "a", s: true }], { by: "g", metrics: { nps: "s" } })).toThrow(/must be a whole number from 0 to 10/);
    // Whole-number types count as in memory.
    for (const column of ["big", "huge", "dec"]) {
      const q = countsQuery({ table: "typed", dialect: "duckdb", by: "g", metrics: { nps: column } });
      expect(segmentReportFromCounts(await query(q.sql), { by: "g", metrics: { nps: column } }).total.nps!.promoters, column).toBe(1);
    }
  }, 60_000);

  it("an untrusted table name never reads a file: DuckDB's replacement scan reads a quoted file name, so countsQuery refuses one", async () => {
    const secret = join(dir, "secret.csv");
    writeFileSync(secret, "region,ltr\nleak,10\n");
    // The danger is real: a quoted name that is not a table is read as the file (enable_external_access is on).
    expect(await query(`SELECT * FROM "${secret}"`)).toEqual([{ region: "leak", ltr: 10n }]);
    const [access] = await query("SELECT current_setting('enable_external_access') AS on");
    expect(access!.on).toBe(true);
    for (const table of [
      secret,
      "secret.csv",
      "../data/export.parquet",
      "*.json",
      "s3://bucket/x",
      ["secret", "csv"],
      [dir, "secret", "csv"],
      ["main", "x.json"],
    ]) {
      expect(() => countsQuery({ table, dialect: "duckdb", by: "region", metrics: { nps: "ltr" } }), String(table)).toThrow(
        /replacement scan/,
      );
    }
    // A plain name that is not a table is DuckDB's own error, never a file read.
    const q = countsQuery({ table: ["main", "secret"], dialect: "duckdb", by: "region", metrics: { nps: "ltr" } });
    await expect(query(q.sql)).rejects.toThrow(/Table with name secret does not exist/);
  }, 60_000);
});
