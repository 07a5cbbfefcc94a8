import { readOptions } from "../_lib/core/options.ts";
import { assertArrayLike } from "../_lib/core/validate.ts";
import { readScore } from "../_lib/count/count.ts";
import { cellRules } from "../_lib/read/cells.ts";
import { MetricsInputError } from "../errors.ts";
import type { NpsCategory, NpsScaleOptions } from "./classify.ts";
import { NPS_SCALE_OPTIONS, resolveBands } from "./counts.ts";

/**
 * One cell of an {@link NpsMigration}: respondents who were in one group in the first wave and in
 * another (or the same) in the second.
 *
 * @category NPS
 */
export interface MigrationCell {
  /** Respondents who made this move. */
  readonly count: number;
  /** Their share of all respondents, a fraction in [0, 1]. */
  readonly share: number;
  /** Their share of the respondents in the first wave's group (the row), a fraction in [0, 1]; 0 for an empty row. */
  readonly rowShare: number;
}

/**
 * Moves between detractors, passives and promoters from one survey wave to the next, from
 * {@link npsMigration}.
 *
 * @category NPS
 */
export interface NpsMigration {
  /** Respondents with a score in both waves. */
  readonly n: number;
  /** Pairs skipped because a score was missing in either wave (`missing: "skip"`). */
  readonly missing: number;
  /** `moves[from][to]`: from the first wave's group (row) to the second's (column). */
  readonly moves: Readonly<Record<NpsCategory, Readonly<Record<NpsCategory, MigrationCell>>>>;
  /** NPS of the first wave over these respondents, in points from −100 to 100. */
  readonly before: number;
  /** NPS of the second wave over these respondents, in points. */
  readonly after: number;
  /** after − before, in points. */
  readonly change: number;
}

/**
 * The 3×3 table of moves between detractors, passives and promoters for the same respondents in
 * two waves: `before[i]` and `after[i]` are respondent i's scores. Each cell has its count, its
 * share of all respondents and its share of its row (the chance that a first-wave detractor
 * became a promoter, say). The row sums are the first wave's groups and the column sums the
 * second's, so `change` is the NPS change explained by the cells off the diagonal.
 *
 * @param before - Each respondent's score in the first wave.
 * @param after - The same respondents' scores in the second wave, in the same order.
 * @param options - The NPS scale options (`scale`, `promoterFrom`, `passiveFrom`, `missing`, `missingValues`).
 * @returns `{ n, missing, moves, before, after, change }`.
 * @throws {@link MetricsInputError} for waves of different lengths, a score off the scale, a
 *   missing score (unless skipped, which drops the pair), or no complete pair.
 * @throws {@link MetricsTypeError} for inputs that are not arrays, or an unknown option.
 * @example
 * ```ts
 * import { npsMigration } from "cxmetrics";
 * const m = npsMigration([3, 7, 9, 10, 6], [8, 9, 9, 6, 10]);
 * m.moves.detractor.promoter.count; // 1
 * m.change; // 40: from 0 (2 promoters, 2 detractors of 5) to +40 (3 promoters, 1 detractor)
 * ```
 *
 * @category NPS
 */
export function npsMigration(before: ArrayLike<unknown>, after: ArrayLike<unknown>, options?: NpsScaleOptions): NpsMigration {
  const first = assertArrayLike(before, "before");
  const second = assertArrayLike(after, "after");
  const o = readOptions(options, "npsMigration", NPS_SCALE_OPTIONS);
  if (first.length !== second.length) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "after",
      after,
      `one score per respondent in before (${first.length} of them, not ${second.length})`,
    );
  }
  const bands = resolveBands(o);
  const rules = cellRules(o.missing, o.missingValues);
  const group = (cell: unknown, argument: string): number | undefined => {
    const v = readScore(cell, bands.min, bands.max, rules, argument);
    return v == null ? undefined : v >= bands.promoterFrom ? 2 : v >= bands.passiveFrom ? 1 : 0;
  };
  const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  let missing = 0;
  for (let i = 0; i < first.length; i++) {
    const a = group(first[i], `before[${i}]`);
    const b = group(second[i], `after[${i}]`);
    if (a === undefined || b === undefined) missing++;
    else counts[3 * a + b]!++;
  }
  const n = counts.reduce((s, c) => s + c, 0);
  if (n === 0) throw new MetricsInputError("EMPTY_INPUT", "before", before, "at least one respondent with a score in both waves");
  const row = (a: number) => counts[3 * a]! + counts[3 * a + 1]! + counts[3 * a + 2]!;
  const column = (b: number) => counts[b]! + counts[3 + b]! + counts[6 + b]!;
  const cell = (a: number, b: number) => {
    const count = counts[3 * a + b]!;
    return { count, share: count / n, rowShare: row(a) === 0 ? 0 : count / row(a) };
  };
  const from = (a: number) => ({ detractor: cell(a, 0), passive: cell(a, 1), promoter: cell(a, 2) });
  const moves: NpsMigration["moves"] = { detractor: from(0), passive: from(1), promoter: from(2) };
  const beforeNps = (100 * (row(2) - row(0))) / n;
  const afterNps = (100 * (column(2) - column(0))) / n;
  return { n, missing, moves, before: beforeNps, after: afterNps, change: afterNps - beforeNps };
}
