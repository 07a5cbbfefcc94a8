import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countsQuery, segmentReport, segmentReportFromCounts, trend, trendFromCounts } from "../../src/index.ts";
import { generate, type Row, toCsv, withoutFirstRows } from "./data.ts";

// PostgreSQL as @electric-sql/pglite: the PostgreSQL server compiled to WebAssembly (the same
// parser, planner and executor), run in the test process. It needs no Debian package, server
// process or port, so CI's clean machine runs it as it runs everything else; Debian's server
// would add an apt install and a server to start on every run for the same SQL.
const N = 1_000_000;
let rows: Row[];
let db: PGlite;

async function query(sql: string, params: readonly string[] = []): Promise<Record<string, unknown>[]> {
  return (await db.query<Record<string, unknown>>(sql, [...params])).rows;
}

beforeAll(async () => {
  rows = generate(N, 11);
  db = await PGlite.create();
  await db.exec("CREATE TABLE responses (region text, plan text, ltr double precision, sat integer, at timestamptz, account text)");
  await db.query("COPY responses FROM '/dev/blob' WITH (FORMAT csv, HEADER true)", [], { blob: new Blob([toCsv(rows)]) });
}, 240_000);

afterAll(async () => {
  await db?.close();
});

const metrics = { nps: "ltr", csat: "sat" } as const;
const skip = { missing: "skip", onInvalid: "skip" } as const;

describe("countsQuery in PostgreSQL (PGlite)", () => {
  it("loaded every row", async () => {
    const [count] = await query("SELECT COUNT(*) AS c FROM responses");
    expect(Number(count!.c)).toBe(N);
  });

  it("segments: the report from the counts equals segmentReport on the records in memory", async () => {
    const q = countsQuery({ table: "responses", dialect: "postgres", by: ["region", "plan"], metrics });
    const fromDb = segmentReportFromCounts(await query(q.sql, q.params), { by: ["region", "plan"], metrics, ...skip });
    expect(fromDb).toEqual(withoutFirstRows(segmentReport(rows, { by: ["region", "plan"], metrics, ...skip })));
    expect(fromDb.skipped.csat.invalid).toBeGreaterThan(0);
  }, 120_000);

  it("trends by ISO week in New York and by month in Berlin equal trend on the records", async () => {
    for (const [every, timeZone] of [
      ["week", "America/New_York"],
      ["month", "Europe/Berlin"],
    ] as const) {
      const q = countsQuery({ table: "responses", dialect: "postgres", time: "at", every, timeZone, metrics });
      expect(q.sql).toContain("$1");
      const fromDb = trendFromCounts(await query(q.sql, q.params), { time: "at", every, timeZone, metrics, ...skip });
      expect(fromDb).toEqual(withoutFirstRows(trend(rows, { time: "at", every, timeZone, metrics, ...skip })));
    }
  }, 240_000);

  it("trends per segment, windowed and smoothed, equal trend on the records", async () => {
    for (const [every, timeZone, by, shape] of [
      ["month", "Europe/Berlin", "region", { window: { periods: 2 } }],
      ["week", "America/New_York", "plan", { smoothing: { halfLife: 3 } }],
    ] as const) {
      const q = countsQuery({ table: "responses", dialect: "postgres", time: "at", every, timeZone, by, metrics });
      const options = { time: "at", every, timeZone, by, metrics, ...shape, ...skip } as const;
      const fromDb = trendFromCounts(await query(q.sql, q.params), options);
      expect(fromDb).toEqual(withoutFirstRows(trend(rows, options)));
    }
    // Clustered by account, from one row per period, plan and account.
    const clustered = { nps: { value: "ltr", cluster: "account" } } as const;
    const c = countsQuery({ table: "responses", dialect: "postgres", time: "at", every: "quarter", by: "plan", metrics: clustered });
    const cOptions = { time: "at", every: "quarter", by: "plan", metrics: clustered, ...skip } as const;
    const flat = (x: unknown) =>
      JSON.stringify(x, (_k, v) => (typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(9)) : v));
    expect(flat(trendFromCounts(await query(c.sql, c.params), cOptions))).toBe(flat(withoutFirstRows(trend(rows, cOptions))));
    // The ANSI text's rows are by day: a window in days from them, per region.
    const q = countsQuery({ table: "responses", dialect: "ansi", time: "at", every: "month", timeZone: "UTC", by: "region", metrics });
    const options = { time: "at", every: "month", timeZone: "UTC", by: "region", window: { days: 45 }, metrics, ...skip } as const;
    const fromDb = trendFromCounts(await query(q.sql.replace("?", "$1"), q.params), options);
    expect(fromDb).toEqual(withoutFirstRows(trend(rows, options)));
  }, 240_000);

  it("the ANSI text runs too: days, rolled up into months by the report", async () => {
    const q = countsQuery({ table: "responses", dialect: "ansi", time: "at", every: "month", timeZone: "Europe/Berlin", metrics });
    const sql = q.sql.replace("?", "$1");
    const counts = await query(sql, q.params);
    expect(counts.length).toBeGreaterThan(700); // one row per day
    const fromDb = trendFromCounts(counts, { time: "at", every: "month", timeZone: "Europe/Berlin", metrics, ...skip });
    expect(fromDb).toEqual(withoutFirstRows(trend(rows, { time: "at", every: "month", timeZone: "Europe/Berlin", metrics, ...skip })));
  }, 240_000);

  it("quotes hostile names: nothing but the named table is read, and nothing is dropped", async () => {
    const table = 'r"; DROP TABLE responses; --';
    const region = 'reg"ion/*';
    const score = "l'tr; --";
    await db.exec(
      `CREATE TABLE "r""; DROP TABLE responses; --" AS SELECT region AS "reg""ion/*", ltr AS "l'tr; --" FROM responses LIMIT 3000`,
    );
    const q = countsQuery({ table, dialect: "postgres", by: region, metrics: { nps: score } });
    const sample = (await query(`SELECT "reg""ion/*" AS g, "l'tr; --" AS v FROM "r""; DROP TABLE responses; --"`)).map((r) => ({
      [region]: r.g,
      [score]: r.v,
    }));
    expect(segmentReportFromCounts(await query(q.sql), { by: region, metrics: { nps: score }, ...skip })).toEqual(
      withoutFirstRows(segmentReport(sample, { by: region, metrics: { nps: score }, ...skip })),
    );
    const [count] = await query("SELECT COUNT(*) AS c FROM responses");
    expect(Number(count!.c)).toBe(N);
  }, 60_000);

  it("reads a naive timestamp column as UTC, as in memory, whatever the session's TimeZone (1.0 followed the session)", async () => {
    await db.exec(
      "CREATE TABLE naive (at timestamp, ltr integer); INSERT INTO naive VALUES ('2025-01-31 20:00:00', 9), ('2025-03-01 02:00:00', 3)",
    );
    const records = [
      { at: "2025-01-31T20:00:00Z", ltr: 9 },
      { at: "2025-03-01T02:00:00Z", ltr: 3 },
    ];
    const periods = (t: { periods: readonly { period: string; n: number }[] }) => t.periods.map((p) => [p.period, p.n]);
    for (const timeZone of ["UTC", "Asia/Tokyo", "America/New_York"]) {
      const q = countsQuery({ table: "naive", dialect: "postgres", time: "at", every: "month", timeZone, metrics: { nps: "ltr" } });
      const inMemory = periods(trend(records, { time: "at", every: "month", timeZone, metrics: { nps: "ltr" } }));
      for (const session of ["UTC", "America/New_York", "Asia/Tokyo"]) {
        await db.exec(`SET TIME ZONE '${session}'`);
        const fromDb = trendFromCounts(await query(q.sql, q.params), { time: "at", every: "month", timeZone, metrics: { nps: "ltr" } });
        expect(periods(fromDb), `${timeZone} in a ${session} session`).toEqual(inMemory);
      }
    }
    await db.exec("SET TIME ZONE 'UTC'");
  }, 60_000);

  it("reads a date column as the date it names in every zone, as in memory (it was midnight UTC, a day early west of Greenwich)", async () => {
    await db.exec("CREATE TABLE dated (at date, ltr integer); INSERT INTO dated VALUES ('2025-03-01', 9), ('2025-01-31', 3)");
    const records = [
      { at: "2025-03-01", ltr: 9 },
      { at: "2025-01-31", ltr: 3 },
    ];
    const periods = (t: { periods: readonly { period: string; n: number }[] }) => t.periods.map((p) => [p.period, p.n]);
    for (const timeZone of ["UTC", "Pacific/Kiritimati", "America/New_York"]) {
      for (const every of ["day", "month"] as const) {
        const q = countsQuery({ table: "dated", dialect: "postgres", time: "at", every, timeZone, metrics: { nps: "ltr" } });
        const inMemory = periods(trend(records, { time: "at", every, timeZone, metrics: { nps: "ltr" } }));
        for (const session of ["UTC", "America/New_York"]) {
          await db.exec(`SET TIME ZONE '${session}'`);
          const fromDb = trendFromCounts(await query(q.sql, q.params), { time: "at", every, timeZone, metrics: { nps: "ltr" } });
          expect(periods(fromDb), `${every} in ${timeZone}, a ${session} session`).toEqual(inMemory);
        }
      }
    }
    await db.exec("SET TIME ZONE 'UTC'");
  }, 60_000);

  it("refuses text and boolean score columns when the query is planned, and names past 63 bytes before it is sent", async () => {
    await db.exec("CREATE TABLE typed AS SELECT 'a' AS g, '9.5'::text AS text_score, true AS flag");
    for (const column of ["text_score", "flag"]) {
      const q = countsQuery({ table: "typed", dialect: "postgres", by: "g", metrics: { nps: column } });
      await expect(query(q.sql), column).rejects.toThrow(/operator does not exist|cannot cast type boolean/);
    }
    // PostgreSQL would cut a 64-byte name to its first 63 bytes, another table.
    expect(() => countsQuery({ table: "r".repeat(64), dialect: "postgres", by: "g", metrics: { nps: "v" } })).toThrow(
      "options.table must be a PostgreSQL name of at most 63 bytes (this one has 64 in UTF-8; PostgreSQL would cut it to another name)",
    );
  }, 60_000);
});
