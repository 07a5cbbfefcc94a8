import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { accountAnswers, accounts, operators } from "../../docs/examples/weights-data.ts";
import { accountNps, npsSummary, rake } from "../../src/index.ts";

// Every figure docs/weights.md shows, recomputed from docs/examples/weights-data.ts.
const guide = readFileSync(new URL("../../docs/weights.md", import.meta.url), "utf8");
const one = (x: number) => x.toFixed(1).replace("-", "−");

describe("docs/weights.md", () => {
  it("ARR-weighted NPS: the table and the revenue held by the four largest accounts", () => {
    const ltr = accounts.map((a) => a.ltr);
    const plain = npsSummary(ltr);
    const weighted = npsSummary(ltr, { weights: accounts.map((a) => a.arr) });
    expect(guide).toContain(
      `| Unweighted (each account once) | ${one(plain.estimate)} | ${plain.interval.lower.toFixed(1)} to ${plain.interval.upper.toFixed(1)} | 20 |`,
    );
    expect(guide).toContain(
      `| Weighted by ARR | ${one(weighted.estimate)} | ${one(weighted.interval.lower)} to ${one(weighted.interval.upper)} | ${weighted.effectiveN.toFixed(2)} |`,
    );
    expect(guide).toContain(`byRevenue.effectiveN; // ${weighted.effectiveN.toFixed(2)} of 20 answers`);
    expect(guide).toContain(`A design effect of ${weighted.designEffect.toFixed(1)}`);
    const total = accounts.reduce((s, a) => s + a.arr, 0);
    const big = accounts.filter((a) => ["Acme", "Dune", "Pine", "Lumen"].includes(a.account));
    expect(guide).toContain(`hold\n${Math.round((100 * big.reduce((s, a) => s + a.arr, 0)) / total)} % of the revenue`);
    expect(big.filter((a) => a.ltr <= 6)).toHaveLength(3);
    const sorted = [...accounts].sort((a, b) => b.arr - a.arr).slice(0, 4);
    expect(sorted.map((a) => a.account).sort()).toEqual(["Acme", "Dune", "Lumen", "Pine"]);
  });

  it("operators raked to market shares: weights, NPS per operator and the two summaries", () => {
    const { weights } = rake(operators, { operator: { A: 0.35, B: 0.3, C: 0.2, other: 0.15 } });
    const shares = { A: 0.35, B: 0.3, C: 0.2, other: 0.15 } as const;
    for (const [op, share] of Object.entries(shares)) {
      const rows = operators.flatMap((r, i) => (r.operator === op ? [i] : []));
      const w = weights[rows[0]!]!;
      for (const i of rows) expect(weights[i]).toBeCloseTo(w, 9);
      const n = npsSummary(rows.map((i) => operators[i]!.ltr)).estimate;
      expect(guide).toContain(
        `| ${op} | ${rows.length} | ${String(Math.round(n)).replace("-", "−")} | ${share * 100} % | ${+w.toFixed(3)} |`,
      );
    }
    const ltr = operators.map((r) => r.ltr);
    const sample = npsSummary(ltr);
    const market = npsSummary(ltr, { weights });
    expect(guide).toContain(`**${one(sample.estimate)}** (${one(sample.interval.lower)} to ${one(sample.interval.upper)})`);
    expect(guide).toContain(`**${one(market.estimate)}** (${one(market.interval.lower)} to ${one(market.interval.upper)})`);
    expect(guide).toContain(`market.estimate; // ${one(market.estimate)}`);
    expect(guide).toContain(`effective n\nstays at ${Math.round(market.effectiveN)} of 1,000`);
  });

  it("several answers per account: the clustered and unclustered figures, and the three roll-ups", () => {
    const b2b = JSON.parse(readFileSync(new URL("../fixtures/r/clustered.json", import.meta.url), "utf8")) as {
      data: { account: string; arr: number; ltr: number }[];
    };
    const ltr = b2b.data.map((r) => r.ltr);
    const weights = b2b.data.map((r) => r.arr);
    const flat = npsSummary(ltr, { weights, method: "wald" });
    const clustered = npsSummary(ltr, { weights, cluster: b2b.data.map((r) => r.account), method: "wald" });
    const row = (s: typeof flat) => `| ${s.standardError.toFixed(2)} | ${one(s.interval.lower)} to ${one(s.interval.upper)} |`;
    expect(guide).toContain(`| answers as independent (\`weights\` alone) ${row(flat)}`);
    expect(guide).toContain(`| clustered by account (\`weights\` + \`cluster\`) ${row(clustered)}`);
    expect(guide).toContain(`575 answers\nfrom 80 accounts`);
    expect(guide).toContain(`the ARR-weighted NPS is ${one(clustered.estimate)} either way`);
    expect(guide).toContain(`\`effectiveN\` (${Math.round(clustered.effectiveN)} of 575 here)`);
    const answers = accountAnswers;
    const base = { account: "account", score: "ltr", weight: "arr" } as const;
    const signed = (x: number) => (x > 0 ? `+${x.toFixed(1)}` : one(x));
    for (const rollup of ["respondent", "account-mean-score", "latest"] as const) {
      const r = accountNps(answers, rollup === "latest" ? { ...base, rollup, time: "at" } : { ...base, rollup });
      expect(guide).toMatch(new RegExp(`\\| \`"${rollup}"\` \\|[^\\n]*\\| ${signed(r.estimate).replace("+", "\\+")} \\|`));
    }
  });
});
