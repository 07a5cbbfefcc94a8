// Draws docs/images/cohort-retention.svg: the logo-retention heat map of the sample billing export
// (examples/data/billing.csv) from cohortRetention, for docs/subscriptions.md. Plain SVG, no
// dependencies. Run after `npm run build`: `node scripts/cohort-heatmap.mjs`.
import { readFileSync, writeFileSync } from "node:fs";
import { cohortRetention } from "../dist/index.js";
import { billingChanges } from "../examples/demo-charts.mjs";

const changes = billingChanges(readFileSync(new URL("../examples/data/billing.csv", import.meta.url), "utf8"));
const { matrix } = cohortRetention(changes);
const cell = 34;
const left = 120;
const top = 64;
const ages = Math.max(...matrix.map((c) => c.customers.length));
const width = Math.max(left + ages * cell + 20, 620);
const height = top + matrix.length * cell + 40;
// Light to dark blue by the share still paying (a 0-100% scale, the same for every cohort).
const colour = (share) => {
  const t = Math.max(0, Math.min(1, share));
  const mix = (a, b) => Math.round(a + (b - a) * t);
  return `rgb(${mix(239, 8)},${mix(243, 69)},${mix(255, 148)})`;
};
const parts = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
  `<rect width="100%" height="100%" fill="white"/>`,
  `<text x="12" y="22" font-size="15" font-weight="600">Logo retention by signup cohort: share of customers still paying</text>`,
  `<text x="${left}" y="${top - 10}" fill="#555">months since the cohort's first month →</text>`,
];
for (let a = 0; a < ages; a++)
  parts.push(`<text x="${left + a * cell + cell / 2}" y="${top - 26}" text-anchor="middle" fill="#555">${a}</text>`);
matrix.forEach((c, r) => {
  const y = top + r * cell;
  parts.push(`<text x="${left - 8}" y="${y + cell / 2 + 4}" text-anchor="end">${c.cohort} (${c.customers[0]})</text>`);
  c.customerShare.forEach((share, a) => {
    const x = left + a * cell;
    parts.push(
      `<rect x="${x}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${colour(share)}"><title>${c.cohort}, month ${a}: ${(100 * share).toFixed(1)}%</title></rect>`,
    );
    parts.push(
      `<text x="${x + (cell - 2) / 2}" y="${y + cell / 2 + 3}" text-anchor="middle" fill="${share > 0.55 ? "white" : "#222"}">${Math.round(100 * share)}</text>`,
    );
  });
});
parts.push(
  `<text x="12" y="${height - 12}" fill="#555">Cells beyond the data are left out, not drawn as 0. Data: examples/data/billing.csv (generated).</text>`,
  "</svg>",
);
writeFileSync(new URL("../docs/images/cohort-retention.svg", import.meta.url), `${parts.join("\n")}\n`);
console.log(`docs/images/cohort-retention.svg: ${matrix.length} cohorts × up to ${ages} months`);
