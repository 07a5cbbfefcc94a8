// docs/customer-base.md shows what the library gives on CDNOW: these tests recompute its tables
// and figures, so the guide cannot drift from the code.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  expectedLifetimeValue,
  expectedPurchases,
  expectedSpend,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  probabilityAlive,
  purchaseCountProbability,
  rfmSummary,
} from "../../src/index.ts";
import { once } from "../helpers.ts";
import { cdnowTransactions } from "./cdnow.ts";

const guide = readFileSync(new URL("../../docs/customer-base.md", import.meta.url), "utf8");
// Made in the first test that needs them (see once): the summary, the three fits and the value.
const fits = once(() => {
  const customers = rfmSummary(cdnowTransactions, { end: "1997-09-30", holdoutEnd: "1998-06-30" });
  const purchases = fitBgNbd(customers);
  const spend = fitGammaGamma(customers.filter((c) => c.frequency > 0));
  const value = (c: (typeof customers)[number]) =>
    expectedLifetimeValue({ purchases, spend }, c, { periods: 12, periodLength: 52 / 12, discountRate: 0.01, margin: 0.3 });
  return { customers, purchases, pareto: fitParetoNbd(customers), spend, value };
});
const thousands = (x: number) => Math.round(x).toLocaleString("en");

describe("docs/customer-base.md", () => {
  it("shows the Pareto/NBD fit the library gives on CDNOW", () => {
    const { pareto } = fits();
    const p = pareto.params;
    const line = `// { r: ${p.r.toFixed(3)}, alpha: ${p.alpha.toFixed(3)}, s: ${p.s.toFixed(3)}, beta: ${p.beta.toFixed(3)} }, log-likelihood ${pareto.logLikelihood!.toFixed(1).replace("-", "−")}`;
    expect(guide).toContain(line);
  });

  it("shows the holdout table: predicted against actual by calibration frequency", () => {
    const { customers, purchases, pareto } = fits();
    const bins = new Map<string, { n: number; actual: number; bg: number; pn: number }>();
    const total = { actual: 0, bg: 0, pn: 0 };
    for (const c of customers) {
      const key = c.frequency >= 7 ? "7+" : String(c.frequency);
      const b = bins.get(key) ?? { n: 0, actual: 0, bg: 0, pn: 0 };
      const bg = conditionalExpectedPurchases(purchases, c, 39);
      const pn = conditionalExpectedPurchases(pareto, c, 39);
      b.n++;
      b.actual += c.holdoutFrequency!;
      b.bg += bg;
      b.pn += pn;
      bins.set(key, b);
      total.actual += c.holdoutFrequency!;
      total.bg += bg;
      total.pn += pn;
    }
    for (const [key, b] of bins) {
      const cells = [key, thousands(b.n), ...[b.actual, b.bg, b.pn].map((v) => (v / b.n).toFixed(2))];
      expect(guide).toContain(`| ${cells.join(" | ")} |`);
    }
    expect(guide).toContain(`| all | 2,357 | ${thousands(total.actual)} in total | ${thousands(total.bg)} | ${thousands(total.pn)} |`);
  });

  it("shows each example customer's P(alive), expected purchases and value, and the base's total", () => {
    const { customers, purchases, pareto, value } = fits();
    for (const id of [1, 2, 3, 18, 1516]) {
      const c = customers.find((x) => x.id === id)!;
      const cells = [
        id,
        c.frequency,
        probabilityAlive(pareto, c).toFixed(3),
        conditionalExpectedPurchases(purchases, c, 39).toFixed(2),
        conditionalExpectedPurchases(pareto, c, 39).toFixed(2),
        value(c).toFixed(2),
        c.holdoutFrequency,
      ];
      expect(guide).toContain(`| ${cells.join(" | ")} |`);
    }
    const values = customers.map(value).sort((a, b) => b - a);
    const sum = values.reduce((s, v) => s + v, 0);
    const top = values.slice(0, Math.round(values.length / 10)).reduce((s, v) => s + v, 0) / sum;
    expect(guide).toContain(`the next year is worth $${thousands(sum)} in margin, $${(sum / values.length).toFixed(2)} a customer`);
    expect(guide).toContain(`the top tenth of customers hold ${Math.round(100 * top)} % of it`);
  });

  it("shows a new customer's expected purchases and the chance of none", () => {
    const { purchases } = fits();
    expect(guide).toContain(`makes ${expectedPurchases(purchases, 39).toFixed(2)} repeat purchases in 39 weeks on average`);
    expect(guide).toContain(`none at\nall with probability ${purchaseCountProbability(purchases, 0, 39).toFixed(2)}`);
  });

  it("shows a customer with no repeat purchase valued at the population's mean spend", () => {
    const { customers, spend } = fits();
    const none = customers.find((x) => x.id === 3)!;
    expect(guide).toContain(`| 3 | 0 | 0 | 38.86 | – | 1.000 | ${expectedSpend(spend, none).toFixed(2)} | 0 |`);
  });
});
