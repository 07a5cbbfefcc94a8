// A generated survey table for the warehouse tests: the same rows as records (for the in-memory
// report) and as CSV (for the databases). Seeded, so every run and every database sees the same data.
import { rng } from "../segments/records.ts";

export interface Row {
  region: string | null;
  plan: string | null;
  ltr: number | null;
  sat: number | null;
  /** Epoch milliseconds, or null. */
  at: number | null;
  /** The account that answered: one of 400, some 0.2 % missing (from the row's index, so the other columns are as before). */
  account: string | null;
}

const REGIONS = ["north", "south", "east", "west", "N/A"];
const PLANS = ["basic", "pro", "team"];
const START = Date.UTC(2025, 0, 1);
const SPAN = 2 * 365 * 86_400_000;

/**
 * `count` responses with about 1 % missing and 0.5 % invalid values (11, −1, 3.5 on 0-10; 0, 6
 * on 1-5), 0.3 % missing regions, some "N/A" regions (a region of their own, missing with keyMissingValues: ["N/A"]), and times over 2025-2026.
 */
export function generate(count: number, seed = 1): Row[] {
  const r = rng(seed);
  const rows: Row[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const u = r();
    const region = u < 0.003 ? null : REGIONS[Math.floor(r() * (u < 0.01 ? 5 : 4))]!;
    const plan = PLANS[Math.floor(r() * 3)]!;
    const v = r();
    const ltr = v < 0.01 ? null : v < 0.015 ? [11, -1, 3.5][Math.floor(r() * 3)]! : Math.min(10, Math.floor(r() * r() * 4 + r() * 8));
    const w = r();
    const sat = w < 0.01 ? null : w < 0.013 ? [0, 6][Math.floor(r() * 2)]! : 1 + Math.floor(r() * 5);
    const at = r() < 0.002 ? null : START + Math.floor(r() * SPAN);
    rows[i] = { region, plan, ltr, sat, at, account: i % 499 === 7 ? null : `acct-${(i * 7919) % 400}` };
  }
  return rows;
}

/** The rows as CSV with a header; a missing value is an empty field (NULL to the databases). */
export function toCsv(rows: readonly Row[]): string {
  const cell = (v: string | number | null) => (v === null ? "" : String(v));
  const lines = ["region,plan,ltr,sat,at,account"];
  for (const x of rows) {
    const at = x.at === null ? "" : new Date(x.at).toISOString();
    lines.push(`${cell(x.region)},${cell(x.plan)},${cell(x.ltr)},${cell(x.sat)},${at},${cell(x.account)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A report with the first-row indexes of its skip counts cleared (a database has no row order). */
export function withoutFirstRows<T extends { skipped: object }>(report: T): T {
  const skipped = Object.fromEntries(
    Object.entries(report.skipped).map(([k, c]) => [k, { ...(c as object), firstMissing: null, firstInvalid: null }]),
  );
  return { ...report, skipped } as T;
}

/**
 * What countsQuery's SQL returns for records, computed in JavaScript: per key, `n` and per metric
 * the count at each scale point, the missing (null, undefined, NaN) and the invalid values. A
 * reference for tests without a database; keys are taken as they are (the report reads them).
 */
export function countRowsOf(
  records: readonly Record<string, unknown>[],
  key: string,
  metrics: Record<string, { column: string; min: number; max: number }>,
  extra: Record<string, unknown> = {},
): Record<string, unknown>[] {
  const groups = new Map<unknown, Record<string, unknown>>();
  for (const r of records) {
    const k = r[key];
    let g = groups.get(k);
    if (g === undefined) {
      g = { [key]: k, ...extra, n: 0 };
      for (const [name, m] of Object.entries(metrics)) {
        for (let s = m.min; s <= m.max; s++) g[`${name}_${s < 0 ? `minus${-s}` : s}`] = 0;
        g[`${name}_missing`] = 0;
        g[`${name}_invalid`] = 0;
      }
      groups.set(k, g);
    }
    (g.n as number)++;
    for (const [name, m] of Object.entries(metrics)) {
      const v = r[m.column];
      const column =
        v === null || v === undefined || Number.isNaN(v)
          ? `${name}_missing`
          : typeof v === "number" && Number.isInteger(v) && v >= m.min && v <= m.max
            ? `${name}_${v < 0 ? `minus${-v}` : v}`
            : `${name}_invalid`;
      (g[column] as number)++;
    }
  }
  return [...groups.values()];
}
