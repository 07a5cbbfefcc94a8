// Memory of segmentReport over 10 million records: each run streams the records from a generator
// in a fresh Node process with the heap capped at 64 MB, and reports the process's peak resident
// memory. The baseline run walks the same generator without a report. The difference is what the
// report itself holds: per-segment tallies, not the records. bench/run.mjs imports `memoryText`
// for BENCHMARKS.md; `node bench/memory.mjs` prints it alone.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const RECORDS = 10_000_000;
const child = (mode) => `
  import { segmentReport } from ${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)};
  function* records() {
    let seed = 7;
    for (let i = 0; i < ${RECORDS}; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      yield { segment: "s" + (i % 20), ltr: seed % 11, sat: 1 + (seed % 5), effort: 1 + (seed % 7) };
    }
  }
  let n = 0;
  if (${JSON.stringify(mode)} === "report") {
    n = segmentReport(records(), { by: "segment", metrics: { nps: "ltr", csat: "sat", ces: "effort" } }).total.n;
  } else {
    for (const r of records()) n += r.ltr >= 0 ? 1 : 0;
  }
  console.log(JSON.stringify({ n, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
`;

/** Runs a child script with the heap capped, and returns the JSON line it prints last. */
function runChild(source, heapMiB) {
  const out = execFileSync(process.execPath, [`--max-old-space-size=${heapMiB}`, "--input-type=module", "-e", source], {
    encoding: "utf8",
    cwd: fileURLToPath(new URL("..", import.meta.url)),
  });
  return JSON.parse(out.trim().split("\n").pop());
}

const base = runChild(child("baseline"), 64);
const report = runChild(child("report"), 64);
export const memoryText =
  `**Memory.** segmentReport over ${RECORDS.toLocaleString("en")} records streamed from a generator (20 segments, NPS, CSAT and CES), ` +
  `in a Node process with the heap capped at 64 MB: peak resident memory ${report.maxRssMiB.toFixed(0)} MiB, against ` +
  `${base.maxRssMiB.toFixed(0)} MiB for walking the same records without a report. The report holds one tally per segment and metric ` +
  `(20 × (11 + 5 + 7) counts), never the records.`;

// mrrMovements over 1M billing changes of 100k customers streamed from a generator, in time
// order: its state is one small record per customer, never the changes.
const CHANGES = 1_000_000;
const billingChild = (mode) => `
  import { mrrMovements } from ${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)};
  function* changes() {
    let seed = 7;
    for (let i = 0; i < ${CHANGES}; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      yield { customer: "c" + (seed % ${CHANGES / 10}), time: new Date(Date.UTC(2024, 0, 1) + Math.floor((i / ${CHANGES}) * 730 * 86400000)).toISOString(), mrr: seed % 10 === 0 ? 0 : 10 + (seed % 200) };
    }
  }
  let n = 0;
  if (${JSON.stringify(mode)} === "report") n = mrrMovements(changes()).periods.length;
  else for (const c of changes()) n += c.mrr >= 0 ? 1 : 0;
  console.log(JSON.stringify({ n, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
`;
const billingBase = runChild(billingChild("baseline"), 96);
const billing = runChild(billingChild("report"), 96);
export const billingMemoryText =
  `**Memory.** mrrMovements over ${CHANGES.toLocaleString("en")} billing changes of ${(CHANGES / 10).toLocaleString("en")} customers streamed from a generator in time order, ` +
  `heap capped at 96 MB: peak resident memory ${billing.maxRssMiB.toFixed(0)} MiB, against ${billingBase.maxRssMiB.toFixed(0)} MiB for walking the same changes. ` +
  `It keeps one small state per customer (current MRR, last period-end MRR, cohort), never the changes.`;
if (import.meta.url === `file://${process.argv[1]}`) console.log(`${memoryText}\n\n${billingMemoryText}`);
