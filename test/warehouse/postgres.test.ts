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
  await db.exec("CREATE TABLE responses (region text, plan text, ltr double precision, sat integer, at timestamptz)");
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
});
