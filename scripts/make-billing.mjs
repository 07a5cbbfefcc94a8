// Writes examples/data/billing.csv: a sample billing export for the subscriptions demo and guide.
// Generated, not real: 400 customers over 2025, monthly plans of 29, 79 or 199, with upgrades,
// downgrades, cancellations (some back later) and a few downgrades to 0. Deterministic (seeded),
// so `node scripts/make-billing.mjs` rewrites the same file. Columns: customer, time (ISO 8601,
// UTC), mrr (the customer's MRR from that time on; 0 = cancelled).
import { writeFileSync } from "node:fs";

let seed = 20261123;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const PLANS = [29, 79, 199];
const rows = [];
for (let c = 1; c <= 400; c++) {
  const id = `cus_${String(c).padStart(4, "0")}`;
  let day = Math.floor(random() * 300); // signs up during Jan-Oct 2025
  let plan = Math.floor(random() * 2.4);
  let active = true;
  rows.push([id, day, PLANS[plan]]);
  while (day < 364) {
    day += 15 + Math.floor(random() * 90);
    if (day >= 365) break;
    const r = random();
    if (active && r < 0.22) {
      active = false;
      rows.push([id, day, 0]);
    } else if (!active && r < 0.5) {
      active = true;
      rows.push([id, day, PLANS[plan]]);
    } else if (active && r < 0.45 && plan < 2) {
      plan++;
      rows.push([id, day, PLANS[plan]]);
    } else if (active && r < 0.55 && plan > 0) {
      plan--;
      rows.push([id, day, PLANS[plan]]);
    }
  }
}
const iso = (day) => new Date(Date.UTC(2025, 0, 1) + day * 86_400_000 + Math.floor(random() * 86_400_000)).toISOString().slice(0, 19) + "Z";
const lines = rows.map(([id, day, mrr]) => ({ id, time: iso(day), mrr })).sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
writeFileSync(
  new URL("../examples/data/billing.csv", import.meta.url),
  `customer,time,mrr\n${lines.map((l) => `${l.id},${l.time},${l.mrr}`).join("\n")}\n`,
);
console.log(`examples/data/billing.csv: ${lines.length} changes for 400 customers`);
