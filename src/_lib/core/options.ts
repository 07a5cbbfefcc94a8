// Unknown keys throw: one checker for every options bag, data object and metric spec, so a typo
// (confidenceLevel, promotorFrom, churned) is an error that names the key and suggests the
// nearest known one, never a silently ignored setting.
import { MetricsTypeError } from "../../errors.ts";

/** Edit distance of a and b (Levenshtein), for suggestions only: keys are short. */
function editDistance(a: string, b: string): number {
  const row = [...b].map((_, j) => j + 1);
  for (let i = 0; i < a.length; i++) {
    let diagonal = i;
    let left = i + 1;
    for (let j = 0; j < b.length; j++) {
      const up = row[j]!;
      left = Math.min(up + 1, left + 1, diagonal + (a[i] === b[j] ? 0 : 1));
      diagonal = up;
      row[j] = left;
    }
  }
  return b.length === 0 ? a.length : row[b.length - 1]!;
}

/**
 * The known key closest to `key`, if any is close enough to be a likely typo: within an edit
 * distance of a third of its length (at least 2), or one being the start of the other
 * (confidenceLevel for confidence). The smallest distance wins.
 */
export function nearest(key: string, known: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  const limit = Math.max(2, Math.floor(key.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    const d = editDistance(k, c);
    if ((d <= limit || k.startsWith(c) || c.startsWith(k)) && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Whether `key` is one of `known`. */
function isKnown(key: string, known: readonly string[]): boolean {
  for (let i = 0; i < known.length; i++) if (known[i] === key) return true;
  return false;
}

/**
 * Throws for the first own key of `value` that is not in `known`. `what` says what the keys are,
 * e.g. "an option of npsSummary" or "a field of mrrChurn's input".
 */
export function assertKnownKeys(value: object, argument: string, known: readonly string[], what: string): void {
  // for…in allocates nothing (Object.keys would, on every call of a hot function), and a plain
  // loop of === on the (interned) key strings is inlined where known.includes() is a call.
  for (const key in value) {
    if (isKnown(key, known) || !Object.hasOwn(value, key)) continue;
    const guess = nearest(key, known);
    const hint = guess === undefined ? `known: ${known.join(", ")}` : `did you mean ${guess}?`;
    throw new MetricsTypeError(
      "INVALID_OPTION",
      `${argument}.${key}`,
      (value as Record<string, unknown>)[key],
      `one of ${known.join(", ")}`,
      `${argument}.${key} is not ${what}; ${hint}`,
    );
  }
}

/** The options of a call that passed none: one shared, frozen object. */
const NO_OPTIONS = /* @__PURE__ */ Object.freeze({});

/**
 * The options bag of `fn`: `undefined` (every default) or an object whose keys are all in `known`.
 */
export function readOptions<T extends object>(value: T | undefined, fn: string, known: readonly (keyof T & string)[]): Partial<T> {
  if (value === undefined) return NO_OPTIONS;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new MetricsTypeError("INVALID_TYPE", "options", value, `an object of options for ${fn}`);
  }
  assertKnownKeys(value, "options", known, `an option of ${fn}`);
  return value as Partial<T>;
}

/**
 * A data object of `fn` (its first argument): an object whose keys are all in `known`. Its
 * values come back as `unknown`, to be validated one by one.
 */
export function readFields<K extends string>(
  value: unknown,
  fn: string,
  known: readonly K[],
  argument = "input",
): { readonly [P in K]?: unknown } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new MetricsTypeError("INVALID_TYPE", argument, value, `an object with the fields ${known.join(", ")}`);
  }
  assertKnownKeys(value, argument, known, `a field of ${fn}'s ${argument}`);
  return value as { readonly [P in K]?: unknown };
}

/**
 * Column names other tools give the fields of a customer history: a row that carries one is
 * refused, since the field it names would otherwise be passed over (lifetimes' `weights` read as a
 * count of 1). Keys are compared in lower case.
 */
const ROW_ALIASES: Readonly<Record<string, string>> = {
  weights: "count",
  weight: "count",
  n_custs: "count",
  customers: "count",
  monetary_value: "monetary",
  spend: "monetary",
  monetaryvalue: "monetary",
  frequency_holdout: "holdoutFrequency",
  holdout_frequency: "holdoutFrequency",
  x: "frequency",
  "t.x": "recency",
  "t.cal": "T",
  "x.star": "holdoutFrequency",
  "m.x": "monetary",
};

/**
 * The known field a row's extra key most likely meant, if any: a known alias (`weights` for
 * `count`), the same name in another case (`t` for `T`), a typo of a name of 5 or more letters
 * (`frequncy`), or a longer name that starts with it (`monetaryValue`). Other keys are a table's
 * other columns.
 */
function meantField(key: string, known: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  const alias = ROW_ALIASES[k];
  if (alias !== undefined && known.includes(alias)) return alias;
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    if (k === c) return candidate;
    if (c.length >= 5 && k.length >= 5 && (editDistance(k, c) <= 2 || k.startsWith(c) || c.startsWith(k))) return candidate;
  }
  return undefined;
}

/**
 * The fields of a data row (a customer history, a row of a table): open, so a row may carry
 * other columns (`email`, `plan`), but a key that looks like one of `known` under another
 * name or misspelt throws naming what it looks like, since reading past it would drop that
 * field silently.
 */
export function readRow<K extends string>(
  value: unknown,
  fn: string,
  known: readonly K[],
  argument: string,
  foreign: Readonly<Record<string, string>> = {},
): { readonly [P in K]?: unknown } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new MetricsTypeError("INVALID_TYPE", argument, value, `an object with the fields ${known.join(", ")}`);
  }
  for (const key in value) {
    if (isKnown(key, known) || !Object.hasOwn(value, key)) continue;
    // A field of another shape of row (a BG/BB history's periods given to BG/NBD): the wrong model.
    if (Object.hasOwn(foreign, key)) {
      throw new MetricsTypeError(
        "INVALID_OPTION",
        `${argument}.${key}`,
        (value as Record<string, unknown>)[key],
        `left out: ${key} ${foreign[key]}`,
      );
    }
    const meant = meantField(key, known);
    if (meant === undefined) continue;
    throw new MetricsTypeError(
      "INVALID_OPTION",
      `${argument}.${key}`,
      (value as Record<string, unknown>)[key],
      `named ${meant}: ${key} looks like ${meant}, which ${fn} reads under that name, and a row's other columns are passed over, so ${key} would be silently ignored`,
    );
  }
  return value as { readonly [P in K]?: unknown };
}
