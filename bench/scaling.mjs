// The scaling table of the benchmarks: time and peak memory of nps, npsSummary and segmentReport
// from 10⁴ to 10⁷ inputs (10⁸ for the typed arrays), each size in a fresh Node process so that
// one size's garbage does not bill the next. A cost per item that stays level as n grows is
// linear cost; a peak memory that stays level (beyond the input itself) is constant memory.
// bench/run.mjs imports `scalingText` for BENCHMARKS.md and writes the chart to
// docs/images/scaling.svg; `node bench/scaling.mjs [--quick]` prints the table alone.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const quick = process.argv.includes("--quick");
const dist = JSON.stringify(new URL("../dist/index.js", import.meta.url).href);

/** A child script: builds the input, times the call, reports ms per call and peak resident memory. */
const child = (fn, n) => `
  import { nps, npsSummary, segmentReport } from ${dist};
  const n = ${n};
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0);
  let run;
  let inputMiB = 0;
  if (${JSON.stringify(fn)} === "segmentReport") {
    // Streamed from a generator, as from a file or a cursor: the records are never all in memory.
    function* records() {
      let s = 7;
      for (let i = 0; i < n; i++) {
        s = (s * 1103515245 + 12345) >>> 0;
        yield { segment: "s" + (i % 20), ltr: s % 11, sat: 1 + (s % 5) };
      }
    }
    run = () => segmentReport(records(), { by: "segment", metrics: { nps: "ltr", csat: "sat" } }).total.n;
  } else {
    const scores = new Uint8Array(n);
    for (let i = 0; i < n; i++) scores[i] = next() % 11;
    inputMiB = n / 2 ** 20;
    run = ${JSON.stringify(fn)} === "nps" ? () => nps(scores) : () => npsSummary(scores).n;
  }
  let sink = run();
  let reps = 0;
  const start = performance.now();
  while (reps < 3 || performance.now() - start < 300) {
    sink += run();
    reps++;
  }
  const ms = (performance.now() - start) / reps;
  console.log(JSON.stringify({ ms, inputMiB, peakMiB: process.resourceUsage().maxRSS / 1024, sink: sink !== 0 }));
`;

function measure(fn, n) {
  const out = execFileSync(process.execPath, ["--max-old-space-size=256", "--input-type=module", "-e", child(fn, n)], {
    encoding: "utf8",
    cwd: fileURLToPath(new URL("..", import.meta.url)),
  });
  return JSON.parse(out.trim().split("\n").pop());
}

const plans = [
  ["nps", "nps over a Uint8Array", quick ? [1e4, 1e5, 1e6] : [1e4, 1e5, 1e6, 1e7, 1e8]],
  ["npsSummary", "npsSummary over a Uint8Array", quick ? [1e4, 1e5, 1e6] : [1e4, 1e5, 1e6, 1e7, 1e8]],
  [
    "segmentReport",
    "segmentReport, records streamed (20 segments, NPS + CSAT; generating the records included)",
    quick ? [1e4, 1e5] : [1e4, 1e5, 1e6, 1e7],
  ],
];

const results = plans.map(([fn, label, sizes]) => ({ fn, label, points: sizes.map((n) => ({ n, ...measure(fn, n) })) }));

const rows = results.flatMap(({ label, points }) =>
  points.map(
    (p) =>
      `| ${label} | ${p.n.toExponential(0).replace("e+", "e")} | ${p.ms.toFixed(3)} | ${((1e6 * p.ms) / p.n).toFixed(2)} | ${p.peakMiB.toFixed(0)} | ${p.inputMiB.toFixed(0)} |`,
  ),
);

export const scalingText = [
  "**Scaling.** Each size in a fresh process (heap capped at 256 MB). A level cost per item is linear cost; a level peak memory beyond the input is constant memory.",
  "",
  "| function | n | ms per call | ns per item | peak RSS (MiB) | input (MiB) |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  ...rows,
  "",
  "![Cost per item and peak memory against n](docs/images/scaling.svg)",
].join("\n");

/** A two-panel log-x chart: ns per item, and peak memory beyond the input, against n. */
function chart() {
  const width = 720;
  const height = 300;
  const panel = { w: 300, h: 200, top: 50 };
  const colours = ["#1f77b4", "#ff7f0e", "#2ca02c"];
  const x = (n) => 50 + ((Math.log10(n) - 4) / 4) * panel.w;
  const series = (value, max, left) =>
    results
      .map(({ points }, i) => {
        const path = points.map(
          (p, k) => `${k ? "L" : "M"}${(left + x(p.n) - 50).toFixed(1)},${(panel.top + panel.h - (value(p) / max) * panel.h).toFixed(1)}`,
        );
        const dots = points.map(
          (p) =>
            `<circle cx="${(left + x(p.n) - 50).toFixed(1)}" cy="${(panel.top + panel.h - (value(p) / max) * panel.h).toFixed(1)}" r="3" fill="${colours[i]}"/>`,
        );
        return `<path d="${path.join("")}" fill="none" stroke="${colours[i]}" stroke-width="2"/>${dots.join("")}`;
      })
      .join("");
  const nsMax = Math.max(...results.flatMap(({ points }) => points.map((p) => (1e6 * p.ms) / p.n))) * 1.15;
  const memMax = Math.max(...results.flatMap(({ points }) => points.map((p) => p.peakMiB - p.inputMiB))) * 1.15;
  const axes = (left, title, max, unit) => {
    const ticks = [1e4, 1e5, 1e6, 1e7, 1e8]
      .map(
        (n) =>
          `<text x="${(left + x(n) - 50).toFixed(1)}" y="${panel.top + panel.h + 16}" font-size="11" text-anchor="middle">10^${Math.log10(n)}</text>`,
      )
      .join("");
    return (
      `<text x="${left + panel.w / 2}" y="${panel.top - 14}" font-size="13" text-anchor="middle">${title}</text>` +
      `<line x1="${left}" y1="${panel.top + panel.h}" x2="${left + panel.w}" y2="${panel.top + panel.h}" stroke="#999"/>` +
      `<line x1="${left}" y1="${panel.top}" x2="${left}" y2="${panel.top + panel.h}" stroke="#999"/>` +
      `<text x="${left - 6}" y="${panel.top + 4}" font-size="11" text-anchor="end">${max.toFixed(unit === "ns" ? 1 : 0)}</text>` +
      `<text x="${left - 6}" y="${panel.top + panel.h}" font-size="11" text-anchor="end">0</text>` +
      ticks +
      `<text x="${left + panel.w / 2}" y="${panel.top + panel.h + 32}" font-size="11" text-anchor="middle">n (log scale)</text>`
    );
  };
  const legend = results
    .map(
      ({ label }, i) =>
        `<rect x="${50 + i * 230}" y="8" width="10" height="10" fill="${colours[i]}"/><text x="${64 + i * 230}" y="17" font-size="11">${label.split(",")[0]}</text>`,
    )
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">` +
    `<rect width="${width}" height="${height}" fill="white"/>${legend}` +
    axes(50, "ns per item", nsMax, "ns") +
    series((p) => (1e6 * p.ms) / p.n, nsMax, 50) +
    axes(410, "peak RSS beyond the input (MiB)", memMax, "MiB") +
    series((p) => p.peakMiB - p.inputMiB, memMax, 410) +
    "</svg>\n"
  );
}

export const scalingChart = chart();

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(scalingText);
  if (!quick) writeFileSync(new URL("../docs/images/scaling.svg", import.meta.url), scalingChart);
}
