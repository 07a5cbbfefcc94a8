// Benchmarks: `npm run bench` builds the package, times each function against the floor (a
// hand-written loop doing the same work in the same process) and against the peer a user would
// otherwise pick, and writes the table to BENCHMARKS.md. Ratios matter, not absolute times.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import * as aq from "arquero";
import * as ss from "simple-statistics";
import { Bench } from "tinybench";
import { ces, cesSummary, csat, normalQuantile, nps, npsSummary, proportionInterval, segmentReport, tally, trend } from "../dist/index.js";
import { seeded } from "../test/models/simulate.mjs";

// Measure memory first, in child processes, before this process fills its heap with test data.
const { memoryText, billingMemoryText } = await import("./memory.mjs");
const { scalingText, scalingChart } = await import("./scaling.mjs");

const N = 10_000_000;
const RECORDS = 1_000_000;
const SEGMENTS = 20;
const quick = process.argv.includes("--quick");
const time = quick ? 300 : 1500;

// Deterministic data (mulberry32, the simulators' generator).
const random = seeded(7);
const scores = new Uint8Array(N);
for (let i = 0; i < N; i++) scores[i] = Math.min(10, Math.floor(random() * 11.5));
const effort = new Float64Array(N);
for (let i = 0; i < N; i++) effort[i] = 1 + Math.floor(random() * 7);
const records = Array.from({ length: RECORDS }, (_, i) => ({ segment: `s${i % SEGMENTS}`, ltr: scores[i] }));
const table = aq.from(records);

let sink = 0;
const rows = [];
const modelNotes = [];

async function group(title, target, tasks) {
  const bench = new Bench({ time, warmupTime: quick ? 100 : 300 });
  for (const [name, fn] of tasks) bench.add(name, fn);
  await bench.run();
  const results = bench.tasks.map((t) => ({
    name: t.name,
    mean: t.result.latency?.mean ?? t.result.mean,
    hz: t.result.throughput?.mean ?? t.result.hz,
  }));
  const base = results[0];
  for (const r of results) rows.push({ title, target, name: r.name, ms: r.mean, ratio: r.mean / base.mean, hz: r.hz });
  console.table(results.map((r) => ({ task: r.name, "ms/op": r.mean.toFixed(3), "× floor": (r.mean / base.mean).toFixed(2) })));
}

// --- NPS over 10 million scores ----------------------------------------------------------
function handCounts(a) {
  let p = 0;
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const s = a[i];
    if (s >= 9) p++;
    else if (s <= 6) d++;
  }
  return [p, d];
}
function handNps(a) {
  const [p, d] = handCounts(a);
  return (100 * (p - d)) / a.length;
}
function handTally(a) {
  const counts = new Float64Array(11);
  for (let i = 0; i < a.length; i++) counts[a[i]]++;
  return counts;
}
function handSummary(a) {
  const [p, d] = handCounts(a);
  const n = a.length;
  const c = (p - d) / n;
  return Math.sqrt((p / n + d / n - c * c) / n);
}

// --- The memory floor: the same buffer read as 32-bit words ------------------------------------
const words = new Uint32Array(scores.buffer, scores.byteOffset, scores.length >>> 2);
// A function of its own, like the other floors: written inline in the task, reading the module's
// array on every pass, the same loop takes five times as long and would flatter the ratios.
function wordSum(w) {
  let s = 0;
  for (let i = 0; i < w.length; i++) s = (s + w[i]) | 0;
  return s;
}
const ratings = scores.map((s) => 1 + (s % 5));
// The pair table's worst case: one score throughout, so that every count waits for the one before.
const tens = new Uint8Array(N).fill(10);
await group("10M scores in a Uint8Array against reading the buffer as 32-bit words", "≤ 2× floor", [
  [
    "sum the buffer as 32-bit words (floor: the memory, read once)",
    () => {
      sink += wordSum(words);
    },
  ],
  ["cxmetrics nps (two scores per table lookup)", () => (sink += nps(scores))],
  ["cxmetrics npsSummary (two scores per table lookup)", () => (sink += npsSummary(scores).estimate)],
  ["cxmetrics csat, 1-5 ratings (two per lookup)", () => (sink += csat(ratings))],
  ["cxmetrics tally (two scores per lookup)", () => (sink += tally(scores, { scale: [0, 10] }).counts[0])],
  ["cxmetrics nps, every score 10 (worst case: one counter throughout)", () => (sink += nps(tens))],
]);

await group("nps, 10M scores in a Uint8Array", "≤ 1.5× floor", [
  [
    "hand loop (floor)",
    () => {
      sink += handNps(scores);
    },
  ],
  [
    "cxmetrics nps",
    () => {
      sink += nps(scores);
    },
  ],
]);
await group("tally, 10M scores", "≤ 1.5× floor", [
  [
    "hand loop (floor)",
    () => {
      sink += handTally(scores)[10];
    },
  ],
  [
    "cxmetrics tally",
    () => {
      sink += tally(scores, { scale: [0, 10] }).counts[10];
    },
  ],
]);
await group("npsSummary, 10M scores", "≤ 1.5× floor", [
  [
    "hand loop (floor)",
    () => {
      sink += handSummary(scores);
    },
  ],
  [
    "cxmetrics npsSummary",
    () => {
      sink += npsSummary(scores).standardError;
    },
  ],
]);

// --- Means: CES against simple-statistics ------------------------------------------------
function handMean(a) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}
// Both against the floor, a plain summing loop, in one group; the two-pass mean and SD
// by hand, and simple-statistics, for comparison.
await group("ces and cesSummary, 10M values in a Float64Array", "≤ 1.3× a plain summing loop", [
  [
    "hand loop (floor: a plain summing loop)",
    () => {
      sink += handMean(effort);
    },
  ],
  [
    "cxmetrics ces (mean)",
    () => {
      sink += ces(effort);
    },
  ],
  [
    "cxmetrics cesSummary (mean, SD, t interval, agree share)",
    () => {
      sink += cesSummary(effort).standardDeviation;
    },
  ],
  [
    "hand loops: mean, then squared deviations (two passes)",
    () => {
      const m = handMean(effort);
      let q = 0;
      for (let i = 0; i < effort.length; i++) q += (effort[i] - m) ** 2;
      sink += q;
    },
  ],
  [
    "simple-statistics mean",
    () => {
      sink += ss.mean(effort);
    },
  ],
  [
    "simple-statistics mean + sampleStandardDeviation",
    () => {
      sink += ss.mean(effort) + ss.sampleStandardDeviation(effort);
    },
  ],
]);

// --- Grouped aggregation: segmentReport against arquero ----------------------------------
function handGroups(rs) {
  const m = new Map();
  for (let i = 0; i < rs.length; i++) {
    const r = rs[i];
    let c = m.get(r.segment);
    if (c === undefined) {
      c = new Float64Array(11);
      m.set(r.segment, c);
    }
    c[r.ltr]++;
  }
  return m.size;
}
await group("NPS counts per segment, 1M records in 20 segments", "≤ 1.5× floor; ≥ 2× faster than arquero", [
  [
    "hand loop (floor)",
    () => {
      sink += handGroups(records);
    },
  ],
  [
    "cxmetrics segmentReport (with summaries and tests)",
    () => {
      sink += segmentReport(records, { by: "segment", metrics: { nps: "ltr" } }).segments.length;
    },
  ],
  [
    "arquero from(records) + groupby + rollup",
    () => {
      sink += aq
        .from(records)
        .groupby("segment")
        .rollup({ n: aq.op.count(), p: (d) => aq.op.sum(d.ltr >= 9), q: (d) => aq.op.sum(d.ltr <= 6) })
        .numRows();
    },
  ],
  [
    "arquero groupby + rollup on a prebuilt table",
    () => {
      sink += table
        .groupby("segment")
        .rollup({ n: aq.op.count(), p: (d) => aq.op.sum(d.ltr >= 9), q: (d) => aq.op.sum(d.ltr <= 6) })
        .numRows();
    },
  ],
]);

// --- Nested segments: by two fields against an accessor that concatenates them -------------------
let nestedRecords = records.map((r, i) => ({ ...r, plan: `p${i % 3}` }));
await group("NPS per region × plan, 1M records in 60 segments", "≤ 1.3× the concatenating accessor", [
  [
    'cxmetrics segmentReport, by: (r) => r.segment + "|" + r.plan (floor: one key per record, built by the caller)',
    () => {
      sink += segmentReport(nestedRecords, { by: (r) => `${r.segment}|${r.plan}`, metrics: { nps: "ltr" } }).segments.length;
    },
  ],
  [
    'cxmetrics segmentReport, by: ["segment", "plan"] (nested keys, one Map per field)',
    () => {
      sink += segmentReport(nestedRecords, { by: ["segment", "plan"], metrics: { nps: "ltr" } }).segments.length;
    },
  ],
]);
nestedRecords = null; // a million records less for the garbage collector in the groups that follow

// --- Trends: per segment, over windows, smoothed -------------------------------------------------
// 1M records over two years (ISO date strings, as exports write them) in 20 segments. Windows and
// smoothing work on the merged tallies after the single pass, so they cost what the pass costs.
{
  const start = Date.UTC(2025, 0, 1);
  let timed = records.map((r, i) => ({ ...r, at: new Date(start + ((i * 7919) % 730) * 86_400_000).toISOString().slice(0, 10) }));
  const base = { time: "at", every: "week", metrics: { nps: "ltr" } };
  // One call of each first: the base would otherwise pay for collecting the records just made.
  for (let i = 0; i < 2; i++)
    sink += trend(timed, base).periods.length + trend(timed, { ...base, by: "segment", window: { periods: 4 } }).periods.length;
  await group("trend by week, 1M records over two years", "by + window ≤ 1.5× the plain trend", [
    ["cxmetrics trend (plain: the base)", () => (sink += trend(timed, base).periods.length)],
    ["cxmetrics trend, by: 20 segments", () => (sink += trend(timed, { ...base, by: "segment" }).segments.length)],
    [
      "cxmetrics trend, by: 20 segments, window: { periods: 4 }",
      () => (sink += trend(timed, { ...base, by: "segment", window: { periods: 4 } }).segments.length),
    ],
    ["cxmetrics trend, window: { days: 90 }", () => (sink += trend(timed, { ...base, window: { days: 90 } }).periods.length)],
    ["cxmetrics trend, smoothing: { halfLife: 4 }", () => (sink += trend(timed, { ...base, smoothing: { halfLife: 4 } }).periods.length)],
  ]);
  timed = null;
}

// --- MRR movements from billing changes -----------------------------------------------------
// Measured in a process of its own (bench/billing.mjs says why).
{
  const out = execFileSync(process.execPath, [new URL("./billing.mjs", import.meta.url).pathname, ...(quick ? ["--quick"] : [])], {
    encoding: "utf8",
  });
  const { title, results } = JSON.parse(out.trim().split("\n").pop());
  const base = results[0];
  for (const r of results) rows.push({ title, target: "well under 1 s", name: r.name, ms: r.mean, ratio: r.mean / base.mean, hz: r.hz });
  console.table(results.map((r) => ({ task: r.name, "ms/op": r.mean.toFixed(3), "× floor": (r.mean / base.mean).toFixed(2) })));
}

/**
 * Groups measured by a script in a process of its own: it prints `{ groups, sink }` as its last
 * line, each group's first result the base of its × column.
 */
function childGroups(script, flags = []) {
  const out = execFileSync(process.execPath, [...flags, new URL(script, import.meta.url).pathname, ...(quick ? ["--quick"] : [])], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  const { groups, sink: childSink } = JSON.parse(out.trim().split("\n").pop());
  sink += childSink;
  for (const { title, target, results, note } of groups) {
    const base = results[0];
    for (const r of results) rows.push({ title, target, name: r.name, ms: r.mean, ratio: r.mean / base.mean, hz: undefined });
    console.table(results.map((r) => ({ task: r.name, "ms/op": r.mean.toFixed(3), "× first": (r.mean / base.mean).toFixed(2) })));
    if (note) modelNotes.push(`${title}: ${note}`);
  }
}

// --- Customer-base model fits -----------------------------------------------------------------
// In a process of their own (bench/models.mjs says why), with R's optim as the peer.
childGroups("./models.mjs");

// --- Warehouse: columnar input against DuckDB, and push-down ---------------------------------
// In a process of its own (bench/warehouse.mjs says why), with DuckDB in that process.
childGroups("./warehouse.mjs", ["--expose-gc"]);

// --- Calls per second --------------------------------------------------------------------
const ps = Float64Array.from({ length: 1024 }, () => random() * 0.98 + 0.01);
await group("normalQuantile, 1024 calls per op", "≥ 40M calls/s", [
  [
    "hand loop (floor: Math.log)",
    () => {
      for (let i = 0; i < 1024; i++) sink += Math.log(ps[i]);
    },
  ],
  [
    "cxmetrics normalQuantile",
    () => {
      for (let i = 0; i < 1024; i++) sink += normalQuantile(ps[i]);
    },
  ],
  [
    "simple-statistics probit",
    () => {
      for (let i = 0; i < 1024; i++) sink += ss.probit(ps[i]);
    },
  ],
]);
await group("proportionInterval (Wilson), 1024 calls per op", "≥ 40M calls/s", [
  [
    "hand loop (floor: Wilson formula inline)",
    () => {
      for (let i = 0; i < 1024; i++) {
        const n = 1000,
          p = ps[i],
          z = 1.959963984540054,
          z2 = z * z;
        sink += (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
      }
    },
  ],
  [
    "cxmetrics proportionInterval",
    () => {
      for (let i = 0; i < 1024; i++) sink += proportionInterval({ successes: Math.round(ps[i] * 1000), n: 1000 }).interval.lower;
    },
  ],
]);

const groupCounts = Array.from({ length: 1024 }, (_, i) => ({
  promoters: 400 + (i % 97),
  passives: 300 + (i % 61),
  detractors: 200 + (i % 43),
}));
await group("npsSummary from counts, 1024 calls per op", "≥ 10M calls/s", [
  [
    "hand loop (floor: NPS and its Wald interval inline)",
    () => {
      for (let i = 0; i < 1024; i++) {
        const c = groupCounts[i];
        const n = c.promoters + c.passives + c.detractors;
        const pp = c.promoters / n;
        const pd = c.detractors / n;
        const d = pp - pd;
        sink += 100 * (d - 1.959963984540054 * Math.sqrt((pp + pd - d * d) / n));
      }
    },
  ],
  [
    "cxmetrics npsSummary (adjusted Wald, validated counts)",
    () => {
      for (let i = 0; i < 1024; i++) sink += npsSummary(groupCounts[i]).interval.lower;
    },
  ],
]);

// --- Report ------------------------------------------------------------------------------
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const lines = [
  "# Benchmarks",
  "",
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()}.`,
  "Each row is the mean time of one operation; **× floor** divides it by the hand-written loop of the same group, run in the same process. Timings vary between runs and machines; the ratios are what to read.",
  "The floors are the loops a user would write: the NPS ones branch on each score (promoter, passive, detractor); cxmetrics counts per scale point without branching and classifies the eleven counts afterwards, which is why it runs under its floor on random data.",
  "",
  "| group | target | task | ms/op | × floor | calls/s |",
  "| --- | --- | --- | ---: | ---: | ---: |",
  ...rows.map((r) => {
    const calls = /1024 calls/.test(r.title) ? `${((r.hz * 1024) / 1e6).toFixed(1)} M` : "";
    return `| ${r.title} | ${r.target} | ${r.name} | ${r.ms.toFixed(3)} | ${r.ratio.toFixed(2)} | ${calls} |`;
  }),
  "",
];
lines.push(
  "In the two model-fit groups the first row is the floor: the R row's × says how many times longer R's optim takes than cxmetrics on the same likelihood and data, and the million-customer row's × how many times longer the fit takes than reading the customers once.",
  "In the in-memory warehouse group the floor is the hand loop; DuckDB's rows time only its query (the data already in a DuckDB table, loaded from the same arrays: @duckdb/node-api cannot scan JavaScript's memory) and DuckDB runs on every core, cxmetrics on one. In the push-down group the first row is the push-down, and × says how many times longer loading the rows into JavaScript takes; the memory in each name is the JavaScript heap and array buffers it added.",
  ...modelNotes,
  "",
  memoryText,
  "",
  billingMemoryText,
  "",
  scalingText,
  "",
);
if (!quick) {
  writeFileSync(new URL("../BENCHMARKS.md", import.meta.url), lines.join("\n"));
  writeFileSync(new URL("../docs/images/scaling.svg", import.meta.url), scalingChart);
}
console.log(lines.join("\n"));
if (sink === 42) console.log("");
