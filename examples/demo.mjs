// cxmetrics demo: `npm run demo` builds the package and runs this on the sample survey shipped in
// examples/data/survey.csv (900 responses: region, plan, likelihood to recommend 0-10,
// satisfaction 1-5, effort 1-7).
import { readFileSync } from "node:fs";
import { compareNps, npsSampleSize, npsSummary, tally } from "../dist/index.js";

const csv = readFileSync(new URL("./data/survey.csv", import.meta.url), "utf8").trim().split("\n");
const header = csv[0].split(",");
const records = csv.slice(1).map((line) => {
  const cells = line.split(",");
  return Object.fromEntries(header.map((name, i) => [name, /^\d+$/.test(cells[i]) ? Number(cells[i]) : cells[i]]));
});

const fmt = (x, digits = 2) => (x >= 0 ? " " : "") + x.toFixed(digits);
const ltr = records.map((r) => r.ltr);

console.log(`cxmetrics demo: ${records.length} survey responses\n`);
console.log("Net Promoter Score, 95% intervals by method");
for (const method of ["adjusted-wald", "wald", "score"]) {
  const s = npsSummary(ltr, { method });
  console.log(`  ${method.padEnd(14)} NPS ${fmt(s.score)}  [${fmt(s.interval.lower)}, ${fmt(s.interval.upper)}]  ±${s.marginOfError.toFixed(1)}`);
}
const all = npsSummary(ltr);
console.log(`  ${all.promoters} promoters, ${all.passives} passives, ${all.detractors} detractors\n`);

console.log("NPS by region, each against all other responses (adjusted-Wald)");
const regions = [...new Set(records.map((r) => r.region))].sort();
for (const region of regions) {
  const inside = tally(records.filter((r) => r.region === region).map((r) => r.ltr), { scale: [0, 10] });
  const rest = tally(records.filter((r) => r.region !== region).map((r) => r.ltr), { scale: [0, 10] });
  const s = npsSummary(inside);
  const c = compareNps(inside, rest);
  const flag = c.significant ? (c.difference < 0 ? "  lower than the rest (p = " : "  higher than the rest (p = ") + c.pValue.toPrecision(2) + ")" : "";
  console.log(`  ${region.padEnd(9)} n=${String(s.n).padStart(3)}  NPS ${fmt(s.score)}  [${fmt(s.interval.lower)}, ${fmt(s.interval.upper)}]${flag}`);
}

const need = npsSampleSize({ marginOfError: 3, promoters: all.shares.promoters, detractors: all.shares.detractors });
console.log(`\nFor ±3 points at 95% with these shares, survey until you have ${need} responses (today: ${all.n}).`);
