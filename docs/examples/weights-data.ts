// The data of docs/weights.md; test/weights/guide.test.ts recomputes every figure the guide shows.

/** Twenty B2B accounts: likelihood to recommend and annual recurring revenue in dollars. */
export const accounts = [
  { account: "Acme", ltr: 6, arr: 480_000 },
  { account: "Birch", ltr: 9, arr: 12_000 },
  { account: "Cobalt", ltr: 10, arr: 9_500 },
  { account: "Dune", ltr: 4, arr: 250_000 },
  { account: "Elm", ltr: 10, arr: 15_000 },
  { account: "Fjord", ltr: 9, arr: 8_000 },
  { account: "Gale", ltr: 8, arr: 60_000 },
  { account: "Heron", ltr: 10, arr: 11_000 },
  { account: "Iris", ltr: 7, arr: 95_000 },
  { account: "Jade", ltr: 9, arr: 7_500 },
  { account: "Kite", ltr: 10, arr: 14_000 },
  { account: "Lumen", ltr: 5, arr: 130_000 },
  { account: "Maple", ltr: 9, arr: 10_000 },
  { account: "Nova", ltr: 8, arr: 22_000 },
  { account: "Onyx", ltr: 10, arr: 9_000 },
  { account: "Pine", ltr: 9, arr: 340_000 },
  { account: "Quill", ltr: 3, arr: 6_000 },
  { account: "Reef", ltr: 10, arr: 13_500 },
  { account: "Sable", ltr: 9, arr: 18_000 },
  { account: "Tide", ltr: 7, arr: 40_000 },
];

/** Responses per operator: [promoters, passives, detractors], scored 10, 8 and 3. */
const groups = { A: [200, 120, 80], B: [75, 100, 75], C: [40, 100, 110], other: [40, 30, 30] } as const;

/** 1,000 telecom survey responses, over-representing operator A (40 % of the sample, 35 % of the market). */
export const operators = Object.entries(groups).flatMap(([operator, [p, m, d]]) => [
  ...Array.from({ length: p }, () => ({ operator, ltr: 10 })),
  ...Array.from({ length: m }, () => ({ operator, ltr: 8 })),
  ...Array.from({ length: d }, () => ({ operator, ltr: 3 })),
]);

// Answers from three accounts, for the roll-ups of accountNps in the weights guide: A (ARR 100)
// answers 10, 10, 10, then 2; B (50) answers 6, then 9; C (30) answers 5.
export const accountAnswers = [
  { account: "A", arr: 100, ltr: 10, at: "2026-01-05" },
  { account: "A", arr: 100, ltr: 10, at: "2026-01-09" },
  { account: "A", arr: 100, ltr: 10, at: "2026-02-01" },
  { account: "A", arr: 100, ltr: 2, at: "2026-03-01" },
  { account: "B", arr: 50, ltr: 6, at: "2026-01-10" },
  { account: "B", arr: 50, ltr: 9, at: "2026-02-10" },
  { account: "C", arr: 30, ltr: 5, at: "2026-02-20" },
];
