// The warehouse benchmarks (#17), in a process of their own (their data would crowd the other
// groups' heap): segmentReport over 10M rows of typed columns and of an Arrow Table against
// DuckDB's own GROUP BY on the same data in the same process, and DuckDB push-down on 100M
// generated rows against loading the rows into JavaScript. Prints one JSON line for run.mjs.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { Dictionary, makeData, makeVector, Table, Uint8, Utf8, vectorFromArray } from "apache-arrow";
import { countsQuery, segmentReport, segmentReportFromCounts } from "../dist/index.js";
import { seeded } from "../test/models/simulate.mjs";

const quick = process.argv.includes("--quick");
const N = quick ? 2_000_000 : 10_000_000;
const BIG = quick ? 10_000_000 : 100_000_000;
const SEGMENTS = 20;
const groups = [];
let sink = 0;

/** Mean of `runs` timed calls after one warm-up, in ms. */
async function time(fn, runs = quick ? 3 : 7) {
  await fn();
  const t = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - t) / runs;
}

// --- 10M rows: typed columns, an Arrow Table, and DuckDB on the same data --------------------
const random = seeded(11);
const codes = new Uint8Array(N);
const ltr = new Uint8Array(N);
const sat = new Uint8Array(N);
for (let i = 0; i < N; i++) {
  codes[i] = Math.floor(random() * SEGMENTS);
  ltr[i] = Math.min(10, Math.floor(random() * 11.5));
  sat[i] = 1 + Math.floor(random() * 5);
}
const dictionary = Array.from({ length: SEGMENTS }, (_, i) => `s${String(i).padStart(2, "0")}`);
const columns = { segment: { codes, dictionary }, ltr, sat };
const arrow = new Table({
  segment: makeVector(
    makeData({
      type: new Dictionary(new Utf8(), new Uint8()),
      length: N,
      nullCount: 0,
      data: codes,
      dictionary: vectorFromArray(dictionary, new Utf8()),
    }),
  ),
  ltr: makeVector(ltr),
  sat: makeVector(sat),
});
const metrics = { nps: "ltr", csat: "sat" };

const dir = mkdtempSync(join(tmpdir(), "cxmetrics-bench-"));
const csv = join(dir, "responses.csv");
{
  const lines = ["segment,ltr,sat"];
  for (let i = 0; i < N; i++) lines.push(`${dictionary[codes[i]]},${ltr[i]},${sat[i]}`);
  writeFileSync(csv, `${lines.join("\n")}\n`);
}
const db = await DuckDBInstance.create(":memory:");
const connection = await db.connect();
await connection.run(
  `CREATE TABLE responses AS SELECT * FROM read_csv('${csv}', header = true, columns = {'segment': 'VARCHAR', 'ltr': 'UTINYINT', 'sat': 'UTINYINT'})`,
);
rmSync(dir, { recursive: true, force: true });
const threads = (await connection.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjects()[0].t;

function handCounts() {
  const c = new Float64Array(SEGMENTS * 11);
  const d = new Float64Array(SEGMENTS * 5);
  for (let i = 0; i < N; i++) {
    const g = codes[i];
    c[g * 11 + ltr[i]]++;
    d[g * 5 + sat[i] - 1]++;
  }
  return c[0] + d[0];
}
const query = countsQuery({ table: "responses", dialect: "duckdb", by: "segment", metrics });
const results = [
  { name: "hand loop over the typed arrays (floor: counts per segment, nothing checked)", mean: await time(() => (sink += handCounts())) },
  {
    name: "cxmetrics segmentReport, typed columns (dictionary codes + Uint8Array scores; summaries, tests, Holm)",
    mean: await time(() => (sink += segmentReport(columns, { by: "segment", metrics }).segments.length)),
  },
  {
    name: "cxmetrics segmentReport, Arrow Table (dictionary + Uint8 vectors, read without a copy)",
    mean: await time(() => (sink += segmentReport(arrow, { by: "segment", metrics }).segments.length)),
  },
  {
    name: `DuckDB GROUP BY segment, ltr, sat with COUNT(*) on the same data in a DuckDB table (${threads} threads)`,
    mean: await time(
      async () =>
        (sink += (await connection.runAndReadAll("SELECT segment, ltr, sat, COUNT(*) FROM responses GROUP BY ALL")).getRows().length),
    ),
  },
  {
    name: `DuckDB countsQuery SQL (the same counts as the report's, with missing and invalid), same table (${threads} threads)`,
    mean: await time(async () => (sink += (await connection.runAndReadAll(query.sql)).getRows().length)),
  },
];
groups.push({
  title: `NPS + CSAT per segment, ${N / 1e6}M rows in ${SEGMENTS} segments, in memory`,
  target: "at least as fast as DuckDB's GROUP BY",
  results,
});

// --- 100M rows in DuckDB: push-down against loading the rows into JavaScript ---------------
await connection.run(
  `CREATE TABLE big AS SELECT (hash(i) % ${SEGMENTS})::UTINYINT AS segment, least(10, (hash(i + 1) % 12))::UTINYINT AS ltr, (1 + hash(i + 2) % 5)::UTINYINT AS sat FROM range(${BIG}) t(i)`,
);
const jsMemory = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
globalThis.gc?.();
const before = jsMemory();
const bigQuery = countsQuery({ table: "big", dialect: "duckdb", by: "segment", metrics });
let t = performance.now();
const counts = (await connection.runAndReadAll(bigQuery.sql)).getRowObjects();
const pushed = segmentReportFromCounts(counts, { by: "segment", metrics });
const pushMs = performance.now() - t;
const pushMemory = jsMemory() - before;
sink += pushed.segments.length;

t = performance.now();
const big = {
  segment: { codes: new Uint8Array(BIG), dictionary: Array.from({ length: SEGMENTS }, (_, i) => i) },
  ltr: new Uint8Array(BIG),
  sat: new Uint8Array(BIG),
};
const stream = await connection.stream("SELECT segment, ltr, sat FROM big");
let row = 0;
for (let chunk = await stream.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await stream.fetchChunk()) {
  const [s, l, q] = [chunk.getColumnValues(0), chunk.getColumnValues(1), chunk.getColumnValues(2)];
  big.segment.codes.set(s, row);
  big.ltr.set(l, row);
  big.sat.set(q, row);
  row += chunk.rowCount;
}
const loadMs = performance.now() - t;
const loaded = segmentReport(big, { by: "segment", metrics });
const loadTotal = performance.now() - t;
const loadMemory = jsMemory() - before;
sink += loaded.segments.length;
const same = JSON.stringify(loaded.segments.map((s) => s.nps)) === JSON.stringify(pushed.segments.map((s) => s.nps));
groups.push({
  title: `DuckDB push-down, ${BIG / 1e6}M generated rows in ${SEGMENTS} segments`,
  target: "counts only on the JavaScript side",
  results: [
    {
      name: `cxmetrics countsQuery in DuckDB + segmentReportFromCounts (${counts.length} rows back; JavaScript memory +${(pushMemory / 2 ** 20).toFixed(1)} MiB)`,
      mean: pushMs,
    },
    {
      name: `the rows streamed into typed arrays (${(loadMs / 1000).toFixed(1)} s) + segmentReport over them (JavaScript memory +${(loadMemory / 2 ** 20).toFixed(0)} MiB)`,
      mean: loadTotal,
    },
  ],
  note: `the two reports are ${same ? "identical" : "DIFFERENT"}`,
});
connection.closeSync();
console.log(JSON.stringify({ groups, sink }));
