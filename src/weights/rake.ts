import { readOptions } from "../_lib/core/options.ts";
import { assertArrayLike, assertCountAtLeast, assertFinite, assertInRange, assertOneOf } from "../_lib/core/validate.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";

/**
 * Population margins for {@link rake}: for each variable (a field of the records), the share or
 * total of each of its categories, e.g. `{ region: { north: 0.3, south: 0.7 }, plan: { basic: 0.6, pro: 0.4 } }`.
 *
 * @category Weights
 */
export type Margins = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * Options of {@link rake}.
 *
 * @category Weights
 */
export interface RakeOptions {
  /**
   * What the margins hold: `"shares"` (each variable's categories sum to 1; the weights keep the
   * starting weights' sum) or `"totals"` (population counts; every variable's categories must sum
   * to the same total, which the weights then sum to). Default `"shares"`.
   */
  readonly as?: "shares" | "totals";
  /** A field of the records holding each one's starting (design) weight, finite and ≥ 0. Default: 1 each. */
  readonly weight?: string;
  /** The largest remaining gap between a category's weighted share and its target share at which to stop. Default 1e-10. */
  readonly tolerance?: number;
  /** The most passes over the margins. Default 100. */
  readonly maxIterations?: number;
  /**
   * Bounds on each weight as a multiple of the mean weight, `[lower, upper]` (e.g. `[0.2, 5]`),
   * applied after every pass; the margins are then met as closely as the bounds allow, and a
   * rake that cannot meet them within the tolerance throws. Default: no bounds.
   */
  readonly trim?: readonly [number, number];
}

/**
 * The result of {@link rake}.
 *
 * @category Weights
 */
export interface RakeResult {
  /** One calibrated weight per record, in the records' order. */
  readonly weights: number[];
  /** Passes over the margins made. */
  readonly iterations: number;
  /** The largest gap left between a category's weighted share and its target share. */
  readonly maxGap: number;
  /** Always true: a rake that does not converge throws. */
  readonly converged: true;
}

const RAKE_OPTIONS = ["as", "weight", "tolerance", "maxIterations", "trim"] as const;

/** One margin variable, read and checked: its categories, their targets, and each record's category. */
interface Margin {
  readonly variable: string;
  readonly categories: string[];
  readonly targets: Float64Array;
  readonly of: Int32Array;
}

/**
 * Calibrates weights to population margins by iterative proportional fitting (raking; Deming &
 * Stephan 1940): starting from the design weights, each pass scales the weights of every
 * category of each variable in turn so that the weighted total of that category equals its
 * target, until every weighted share is within `tolerance` of its target. The weights are those
 * of R's `survey::rake` (Lumley) on `svydesign(ids = ~1, weights = ~w)` run to convergence.
 *
 * Every category in the margins must occur in the records, and every record's category must be
 * in the margins: a category that cannot be weighted, or a record that cannot be placed, is an
 * error, never dropped.
 *
 * @param records - The responses, each with a field per margin variable (and the starting weight, if `weight` is given).
 * @param margins - `{ variable: { category: share or total } }`.
 * @param options - `{ as?, weight?, tolerance?, maxIterations?, trim? }`.
 * @returns `{ weights, iterations, maxGap, converged }`.
 * @throws {@link MetricsInputError} for a category absent from the records, a record whose
 *   category is not in the margins (or missing), shares that do not sum to 1, totals that differ
 *   between variables, negative or all-zero starting weights, or a rake that does not converge.
 * @throws {@link MetricsTypeError} for records that are not an array, margins that are not
 *   objects of numbers, or an unknown option.
 * @see W. E. Deming & F. F. Stephan, "On a Least Squares Adjustment of a Sampled Frequency Table
 *   When the Expected Marginal Totals are Known", Annals of Mathematical Statistics 11(4), 1940;
 *   T. Lumley, survey: analysis of complex survey samples (R package), `rake`.
 * @example
 * ```ts
 * import { rake } from "cxmetrics";
 * const records = [
 *   { region: "north", plan: "pro" },
 *   { region: "north", plan: "basic" },
 *   { region: "south", plan: "pro" },
 *   { region: "south", plan: "basic" },
 * ];
 * const { weights } = rake(records, { region: { north: 0.3, south: 0.7 }, plan: { basic: 0.6, pro: 0.4 } });
 * weights[0]; // 0.48: the northern pro customer stands for 0.3 × 0.4 of the 4 responses
 * ```
 *
 * @category Weights
 */
export function rake(records: ArrayLike<Readonly<Record<string, unknown>>>, margins: Margins, options?: RakeOptions): RakeResult {
  const list = assertArrayLike(records, "records");
  const o = readOptions(options, "rake", RAKE_OPTIONS);
  const as = assertOneOf(o.as, "options.as", ["shares", "totals"], "shares");
  const tolerance = o.tolerance === undefined ? 1e-10 : assertInRange(o.tolerance, "options.tolerance", 0, 1, { openMin: true });
  const maxIterations = o.maxIterations === undefined ? 100 : assertCountAtLeast(o.maxIterations, "options.maxIterations", 1);
  const trim = o.trim === undefined ? undefined : readTrim(o.trim);
  if (list.length === 0) throw new MetricsInputError("EMPTY_INPUT", "records", records, "at least one record");
  const weights = startingWeights(list, o.weight);
  const start = weights.reduce((s, w) => s + w, 0);
  const read = readMargins(list, margins, as);
  // Shares keep the starting weights' sum; totals set it.
  const total = as === "totals" ? read.total : start;
  for (const m of read.margins) for (let c = 0; c < m.targets.length; c++) m.targets[c] = m.targets[c]! * (as === "shares" ? total : 1);

  let gap = Number.POSITIVE_INFINITY;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    for (const m of read.margins) scaleTo(weights, m);
    if (trim !== undefined) clip(weights, trim, total / weights.length);
    gap = largestGap(weights, read.margins, total);
    if (gap <= tolerance) return { weights, iterations, maxGap: gap, converged: true };
  }
  throw new MetricsInputError(
    "UNDEFINED_RESULT",
    "margins",
    margins,
    `margins the records can be raked to within ${tolerance} in ${maxIterations} passes (the largest gap left is ${gap}${trim === undefined ? "" : "; the trim bounds may not allow them"})`,
  );
}

/** Each record's starting weight: 1, or the field `weight`, finite and ≥ 0, not all zero. */
function startingWeights(list: ArrayLike<unknown>, field: unknown): number[] {
  if (field !== undefined && typeof field !== "string") {
    throw new MetricsTypeError("INVALID_TYPE", "options.weight", field, "the name of the records' weight field");
  }
  const weights = new Array<number>(list.length);
  let anyPositive = false;
  for (let i = 0; i < list.length; i++) {
    const w = field === undefined ? 1 : assertFinite(record(list, i)[field], `records[${i}].${field}`);
    if (w < 0) throw new MetricsInputError("OUT_OF_RANGE", `records[${i}].${field}`, w, "a weight >= 0");
    weights[i] = w;
    if (w > 0) anyPositive = true;
  }
  if (!anyPositive) throw new MetricsInputError("OUT_OF_RANGE", `records[*].${field}`, 0, "weights that are not all 0");
  return weights;
}

/** Record i, which must be an object. */
function record(list: ArrayLike<unknown>, i: number): Record<string, unknown> {
  const r = list[i];
  if (typeof r !== "object" || r === null) throw new MetricsTypeError("INVALID_TYPE", `records[${i}]`, r, "an object");
  return r as Record<string, unknown>;
}

/** The margins, each record placed in a category of each variable. */
function readMargins(list: ArrayLike<unknown>, margins: unknown, as: "shares" | "totals"): { margins: Margin[]; total: number } {
  if (typeof margins !== "object" || margins === null || Array.isArray(margins)) {
    throw new MetricsTypeError("INVALID_TYPE", "margins", margins, "an object of { variable: { category: share } }");
  }
  const read: Margin[] = [];
  let total = Number.NaN;
  for (const [variable, spec] of Object.entries(margins)) {
    if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
      throw new MetricsTypeError("INVALID_TYPE", `margins.${variable}`, spec, "an object of { category: share }");
    }
    const categories = Object.keys(spec);
    if (categories.length === 0) throw new MetricsInputError("EMPTY_INPUT", `margins.${variable}`, spec, "at least one category");
    const targets = Float64Array.from(categories, (c) =>
      assertInRange((spec as Record<string, unknown>)[c], `margins.${variable}.${c}`, 0, Number.MAX_VALUE, { openMin: true }),
    );
    const sum = targets.reduce((s, t) => s + t, 0);
    if (as === "shares" && Math.abs(sum - 1) > 1e-9) {
      throw new MetricsInputError(
        "OUT_OF_RANGE",
        `margins.${variable}`,
        spec,
        `shares that sum to 1 (these sum to ${sum}; for population counts pass { as: "totals" })`,
      );
    }
    // Shares a rounding away from 1 (0.1 + 0.2 + 0.7) are taken as the shares they were meant to
    // be: scaled to sum to exactly 1, so every variable aims at the same total.
    if (as === "shares") for (let c = 0; c < targets.length; c++) targets[c] = targets[c]! / sum;
    if (as === "totals") {
      if (Number.isNaN(total)) total = sum;
      else if (Math.abs(sum - total) > 1e-9 * total) {
        throw new MetricsInputError(
          "OUT_OF_RANGE",
          `margins.${variable}`,
          spec,
          `totals that sum to ${total}, as the first variable's do (these sum to ${sum})`,
        );
      }
    }
    const index = new Map(categories.map((c, k) => [c, k]));
    const of = new Int32Array(list.length);
    const seen = new Uint8Array(categories.length);
    for (let i = 0; i < list.length; i++) {
      const value = record(list, i)[variable];
      const k = value === null || value === undefined ? undefined : index.get(String(value));
      if (k === undefined) {
        throw new MetricsInputError(
          "OUT_OF_RANGE",
          `records[${i}].${variable}`,
          value,
          `one of the categories of margins.${variable}: ${categories.join(", ")}`,
        );
      }
      of[i] = k;
      seen[k] = 1;
    }
    const absent = categories.findIndex((_, k) => seen[k] === 0);
    if (absent >= 0) {
      throw new MetricsInputError(
        "OUT_OF_RANGE",
        `margins.${variable}.${categories[absent]}`,
        targets[absent],
        "a category some record has (none does, so no weight can carry it)",
      );
    }
    read.push({ variable, categories, targets, of });
  }
  if (read.length === 0) throw new MetricsInputError("EMPTY_INPUT", "margins", margins, "at least one variable");
  return { margins: read, total };
}

/** The weighted total of each category of a margin variable. */
function categoryTotals(weights: number[], m: Margin): Float64Array {
  const totals = new Float64Array(m.targets.length);
  for (let i = 0; i < weights.length; i++) {
    const k = m.of[i]!;
    totals[k] = totals[k]! + weights[i]!;
  }
  return totals;
}

/** Scales each category's weights so that their total is the category's target. */
function scaleTo(weights: number[], m: Margin): void {
  const totals = categoryTotals(weights, m);
  for (let i = 0; i < weights.length; i++) {
    const k = m.of[i]!;
    if (totals[k]! > 0) weights[i] = (weights[i]! * m.targets[k]!) / totals[k]!;
  }
}

/** The largest gap between a category's weighted share and its target share. */
function largestGap(weights: number[], margins: Margin[], total: number): number {
  const sum = weights.reduce((s, w) => s + w, 0);
  let gap = 0;
  for (const m of margins) {
    const totals = categoryTotals(weights, m);
    for (let k = 0; k < totals.length; k++) gap = Math.max(gap, Math.abs(totals[k]! / sum - m.targets[k]! / total));
  }
  return gap;
}

/** `[lower, upper]` multiples of the mean weight, 0 ≤ lower ≤ 1 ≤ upper. */
function readTrim(value: unknown): readonly [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new MetricsTypeError("INVALID_TYPE", "options.trim", value, "[lower, upper], multiples of the mean weight");
  }
  const lower = assertInRange(value[0], "options.trim[0]", 0, 1);
  const upper = assertInRange(value[1], "options.trim[1]", 1, Number.MAX_VALUE);
  return [lower, upper];
}

/** Clips every weight into [lower, upper] × the mean weight. */
function clip(weights: number[], [lower, upper]: readonly [number, number], mean: number): void {
  for (let i = 0; i < weights.length; i++) weights[i] = Math.min(upper * mean, Math.max(lower * mean, weights[i]!));
}
