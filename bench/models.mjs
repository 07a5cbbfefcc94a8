// The customer-base model rows of the benchmarks, in a process of their own (a million simulated
// customers would otherwise sit in the heap of the other groups). bench/run.mjs runs this file and
// adds its rows; alone it prints them: `node bench/models.mjs [--quick]`.
//
// 1. fitBgNbd on the CDNOW summary against R's optim (L-BFGS-B) maximising the same likelihood
//    (bench/bgnbd.R), both timed here in one run; the R row is left out, with a note, where
//    Rscript is absent (Debian: apt-get install r-base-core).
// 2. fitBgNbd on one million customers simulated from known parameters, recorded to the day as a
//    transaction log would have them: count compression leaves the distinct histories to fit.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fitBgNbd } from "../dist/index.js";
import { seeded, simulateBgNbd } from "../test/models/simulate.mjs";

const quick = process.argv.includes("--quick");
const csv = new URL("../test/fixtures/shared/cdnow-summary.csv", import.meta.url).pathname;
const cdnow = readFileSync(csv, "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",").map(Number))
  .map(([, x, tx, T]) => ({ frequency: x, recency: tx, T }));

/** Mean milliseconds per call of fn over `reps` calls, after `warm` unmeasured ones. */
function time(fn, reps, warm = 3) {
  for (let i = 0; i < warm; i++) fn();
  const start = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - start) / reps;
}

const groups = [];
let sink = 0;

// --- 1. CDNOW against R ------------------------------------------------------------------------
{
  const ours = time(() => fitBgNbd(cdnow), quick ? 10 : 50);
  const fit = fitBgNbd(cdnow).params;
  const results = [
    {
      name: `cxmetrics fitBgNbd (r ${fit.r.toFixed(3)}, α ${fit.alpha.toFixed(3)}, a ${fit.a.toFixed(3)}, b ${fit.b.toFixed(3)})`,
      mean: ours,
    },
  ];
  let note = "";
  try {
    const out = execFileSync("Rscript", [new URL("./bgnbd.R", import.meta.url).pathname, csv, quick ? "3" : "20"], { encoding: "utf8" });
    const [r, alpha, a, b, , ms] = out.trim().split(/\s+/).map(Number);
    results.push({
      name: `R optim L-BFGS-B, same likelihood (r ${r.toFixed(3)}, α ${alpha.toFixed(3)}, a ${a.toFixed(3)}, b ${b.toFixed(3)})`,
      mean: ms,
    });
  } catch {
    note = "R row left out: Rscript is not installed (apt-get install r-base-core)";
  }
  groups.push({ title: "BG/NBD fit, CDNOW (2,357 customers)", target: "≥ 10× faster than R optim", results, note });
}

// --- 2. A million simulated customers ----------------------------------------------------------
{
  const N = quick ? 100_000 : 1_000_000;
  const DAY = 1 / 7;
  const random = seeded(42);
  // First purchases spread over 12 weeks, observed to week 39, in whole days.
  const ages = Array.from({ length: N }, () => (273 - Math.floor(84 * random())) * DAY);
  const customers = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, ages, 42, DAY);
  const floor = time(
    () => {
      for (const c of customers) sink += c.frequency + c.recency + c.T;
    },
    3,
    1,
  );
  const ms = time(() => fitBgNbd(customers), quick ? 1 : 3, 1);
  const fit = fitBgNbd(customers);
  const distinct = new Set(customers.map((c) => `${c.frequency}|${c.recency}|${c.T}`)).size;
  groups.push({
    title: `BG/NBD fit, ${N / 1e6}M simulated customers (${distinct.toLocaleString("en")} distinct histories)`,
    target: "under 2 s",
    results: [
      { name: "hand loop (floor: read every customer once)", mean: floor },
      {
        name: `cxmetrics fitBgNbd, identical histories counted once (r ${fit.params.r.toFixed(3)}, α ${fit.params.alpha.toFixed(3)}, a ${fit.params.a.toFixed(3)}, b ${fit.params.b.toFixed(3)}; simulated from r 0.243, α 4.414, a 0.793, b 2.426)`,
        mean: ms,
      },
    ],
    note: "",
  });
}

console.log(JSON.stringify({ groups, sink }));
