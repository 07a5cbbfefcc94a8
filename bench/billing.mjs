// The mrrMovements row of the benchmarks, measured in a process of its own: a million billing
// changes and a hundred thousand customer states are garbage-heavy, and in a process that
// already holds the other groups' data every collection scans that data too (the floor loop
// itself ran 7× slower there). bench/run.mjs runs this file and adds its rows; alone it prints
// them: `node bench/billing.mjs [--quick]`.
import { Bench } from "tinybench";
import { mrrMovements } from "../dist/index.js";

const quick = process.argv.includes("--quick");
let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 4294967296;
};
// 1M changes of 100k customers over two years, in time order (as a billing export is), ISO times.
const CHANGES = quick ? 100_000 : 1_000_000;
const billing = Array.from({ length: CHANGES }, (_, i) => ({
  customer: `c${Math.floor(random() * (CHANGES / 10))}`,
  time: new Date(Date.UTC(2024, 0, 1) + Math.floor((i / CHANGES) * 730 * 86_400_000)).toISOString(),
  mrr: random() < 0.1 ? 0 : 10 * (1 + Math.floor(random() * 20)),
}));
let sink = 0;
const bench = new Bench({ time: quick ? 300 : 3000, warmupTime: quick ? 100 : 300 });
bench.add("hand loop (floor: current MRR per customer, times not read)", () => {
  const current = new Map();
  for (const c of billing) current.set(c.customer, c.mrr);
  sink += current.size;
});
bench.add("cxmetrics mrrMovements (monthly, ISO times parsed and checked)", () => {
  sink += mrrMovements(billing).periods.length;
});
await bench.run();
const results = bench.tasks.map((t) => ({
  name: t.name,
  mean: t.result.latency?.mean ?? t.result.mean,
  hz: t.result.throughput?.mean ?? t.result.hz,
}));
console.log(
  JSON.stringify({ title: `mrrMovements, ${CHANGES / 1e6}M changes of ${CHANGES / 1e4}k customers (own process)`, results, sink }),
);
