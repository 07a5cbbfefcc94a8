import { accountNps } from "./src/index.ts";
const answers = [
  { account: "A", arr: 100, ltr: 10, at: "2026-01-05" }, { account: "A", arr: 100, ltr: 10, at: "2026-01-09" },
  { account: "A", arr: 100, ltr: 10, at: "2026-02-01" }, { account: "A", arr: 100, ltr: 2, at: "2026-03-01" },
  { account: "B", arr: 50, ltr: 6, at: "2026-01-10" }, { account: "B", arr: 50, ltr: 9, at: "2026-02-10" },
  { account: "C", arr: 30, ltr: 5, at: "2026-02-20" },
];
const base = { account: "account", score: "ltr", weight: "arr", time: "at" } as const;
for (const r of ["respondent", "account-mean-score", "latest"] as const) {
  const s = accountNps(answers, { ...base, rollup: r, time: r === "latest" ? "at" : undefined });
  console.log(r, s.estimate, s.interval, s.n, s.accounts, s.clusters);
}
