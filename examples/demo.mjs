// cxmetrics demo: `npm run demo` builds the package and reports on the sample survey shipped in
// examples/data/survey.csv (900 responses: date, region, plan, likelihood to recommend 0-10,
// satisfaction 1-5, effort 1-7 where 7 is "very easy").
import { readFileSync } from "node:fs";
import { npsSampleSize, npsSummary, sampleSizeForProportion, segmentReport } from "../dist/index.js";

const csv = readFileSync(new URL("./data/survey.csv", import.meta.url), "utf8")
  .trim()
  .split("\n");
const header = csv[0].split(",");
const records = csv.slice(1).map((line) => {
  const cells = line.split(",");
  return Object.fromEntries(header.map((name, i) => [name, /^\d+$/.test(cells[i]) ? Number(cells[i]) : cells[i]]));
});

const metrics = { nps: "ltr", csat: "sat", ces: "effort" };
const signed = (x, digits = 1) => (x >= 0 ? "+" : "") + x.toFixed(digits);
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const range = (i, f) => `[${f(i.lower)}, ${f(i.upper)}]`;

function table(title, report) {
  console.log(`\n${title}`);
  console.log(`  ${"segment".padEnd(11)} ${"n".padStart(4)}  ${"NPS (95% CI)".padEnd(26)} ${"CSAT (95% CI)".padEnd(27)} CES (95% CI)`);
  for (const s of report.segments) {
    const flags = ["nps", "csat", "ces"]
      .filter((m) => s[m]?.vsRest?.significant)
      .map((m) => `${m.toUpperCase()} ${s[m].vsRest.difference < 0 ? "below" : "above"} the rest`);
    console.log(
      `  ${String(s.key).padEnd(11)} ${String(s.n).padStart(4)}  ` +
        `${(signed(s.nps.estimate) + " " + range(s.nps.interval, (x) => x.toFixed(1))).padEnd(26)} ` +
        `${(pct(s.csat.estimate) + " " + range(s.csat.interval, pct)).padEnd(27)} ` +
        `${s.ces.estimate.toFixed(2)} ${range(s.ces.interval, (x) => x.toFixed(2))}` +
        (flags.length ? `   ← ${flags.join(", ")}` : ""),
    );
  }
}

const byRegion = segmentReport(records, { by: "region", metrics });
const byPlan = segmentReport(records, { by: "plan", metrics });
const { nps, csat, ces } = byRegion.total;

console.log(`cxmetrics demo: ${byRegion.total.n} survey responses, January to June 2026`);
console.log(
  `\nNet Promoter Score ${signed(nps.estimate)} points, 95% interval ${range(nps.interval, (x) => x.toFixed(1))} (adjusted Wald)`,
);
console.log(`  ${nps.promoters} promoters, ${nps.passives} passives, ${nps.detractors} detractors`);
for (const method of ["wald", "score"]) {
  const s = npsSummary(
    records.map((r) => r.ltr),
    { method },
  );
  console.log(`  with the ${method} method: ${range(s.interval, (x) => x.toFixed(1))}`);
}
console.log(`CSAT ${pct(csat.estimate)} satisfied (4-5 of 5), ${range(csat.interval, pct)}; mean rating ${csat.mean.toFixed(2)}`);
console.log(
  `CES ${ces.estimate.toFixed(2)} of 7 (higher is easier), ${range(ces.interval, (x) => x.toFixed(2))}; ${pct(ces.agreeShare)} found it easy`,
);

table("By region (← marks a segment that differs from all others, Holm-adjusted p < 0.05)", byRegion);
table("By plan", byPlan);

const needNps = npsSampleSize({ marginOfError: 3 }, { promoters: nps.shares.promoters, detractors: nps.shares.detractors });
const needCsat = sampleSizeForProportion({ marginOfError: 0.02 }, { proportion: csat.estimate });
console.log(
  `\nTighter margins: NPS ±3 points needs ${needNps} responses and CSAT ±2 points needs ${needCsat} (at 95%; today ${byRegion.total.n}).`,
);
