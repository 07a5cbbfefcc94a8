import { trend, npsSummary, mergeTallies, tally } from "./src/index.ts";
import { rng } from "./test/segments/records.ts";
const DAY = 86400000;
function rows(seed = 35, n = 600) {
  const next = rng(seed);
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: n }, () => {
    const t = start + Math.floor(next() * 181 * DAY) + Math.floor(next() * 24) * 3_600_000;
    return { at: new Date(t).toISOString(), region: ["EMEA", "APAC", "NA"][Math.floor(next() * 3)]!, who: `c${Math.floor(next() * 40)}`, ltr: Math.min(10, Math.floor(next() * 12)), sat: 1 + Math.floor(next() * 5) };
  });
}
const d = rows();
console.log(d.map(r=>r.at).sort().slice(-3));
const t = trend(d.slice(0,20), { time: "at", every: "month", window: {periods: 2}, metrics: { nps: "ltr" } });
console.log(t.periods[1].tallies.nps, mergeTallies(t.periods[0].tallies.nps, t.periods[1].tallies.nps));
const d2 = rows(11, 400);
const jan = d2.filter(r => r.at.startsWith("2026-01"));
const latest = new Map(); for (const r of jan) { const s = latest.get(r.who); if (!s || Date.parse(r.at) >= Date.parse(s.at)) latest.set(r.who, r); }
const tt = trend(d2, { time: "at", every: "month", dedupe: { by: "who", keep: "latest" }, metrics: { nps: "ltr" } });
console.log(tt.periods[0].tallies.nps.counts.join(), tally([...latest.values()].map(r=>r.ltr), {scale:[0,10]}).counts.join());
