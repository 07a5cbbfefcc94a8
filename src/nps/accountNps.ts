import { readOptions } from "../_lib/core/options.ts";
import { assertArrayLike, assertOneOf } from "../_lib/core/validate.ts";
import { cellRules, isMissingCell, readId } from "../_lib/read/cells.ts";
import { timeReader } from "../_lib/read/time.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import { resolveBands } from "./counts.ts";
import { NPS_INTERVAL_METHODS, type NpsIntervalMethod, type NpsSummary, npsSummary } from "./summary.ts";

/**
 * How {@link accountNps} rolls answers up to accounts.
 *
 * @example
 * ```ts
 * import { ACCOUNT_ROLLUPS, accountNps } from "cxmetrics";
 * const answers = [{ acct: "A", ltr: 10 }, { acct: "A", ltr: 3 }, { acct: "B", ltr: 9 }];
 * ACCOUNT_ROLLUPS.filter((r) => r !== "latest").map((rollup) => accountNps(answers, { account: "acct", score: "ltr", rollup }).estimate); // [50, 0]: A (10 and 3) is half a promoter, or a detractor by its mean 6.5
 * ```
 *
 * @category NPS
 */
export const ACCOUNT_ROLLUPS: readonly ["respondent", "account-mean-score", "latest"] = /* @__PURE__ */ Object.freeze([
  "respondent",
  "account-mean-score",
  "latest",
] as const);

/**
 * A roll-up of {@link accountNps}: `"respondent"`, `"account-mean-score"` or `"latest"`.
 *
 * @category NPS
 */
export type AccountRollup = (typeof ACCOUNT_ROLLUPS)[number];

/**
 * Options for {@link accountNps}. `account`, `score`, `weight` and `time` are field names or
 * accessors `(record, index) => value`.
 *
 * @category NPS
 */
export interface AccountNpsOptions<R> {
  /** Each answer's account id (a string or a finite number). */
  account: (keyof R & string) | ((record: R, index: number) => unknown);
  /** Each answer's likelihood to recommend, on `scale`. */
  score: (keyof R & string) | ((record: R, index: number) => unknown);
  /**
   * The account's weight (its ARR, seats), the same on each of its answers; default 1. With
   * `"respondent"` it is shared among the account's answers.
   */
  weight?: (keyof R & string) | ((record: R, index: number) => unknown);
  /** Which definition to compute (no default: B2B teams disagree, and the figure must say which). */
  rollup: AccountRollup;
  /** When each answer was given (a Date, epoch ms or an ISO 8601 string): needed by `"latest"`, and only there. */
  time?: (keyof R & string) | ((record: R, index: number) => unknown);
  /** The NPS scale, as for {@link npsSummary}. Default `[0, 10]`. */
  scale?: readonly [number, number];
  /** First promoter score, as for {@link npsSummary}. Default 9. */
  promoterFrom?: number;
  /** First passive score, as for {@link npsSummary}. Default 7. */
  passiveFrom?: number;
  /** Confidence level of the interval, a fraction in (0, 1). Default 0.95. */
  confidence?: number;
  /** Interval method, as for {@link npsSummary}. Default `"adjusted-wald"`. */
  method?: NpsIntervalMethod;
}

/**
 * The result of {@link accountNps}: the summary of the roll-up it names.
 *
 * @category NPS
 */
export type AccountNps = NpsSummary & {
  /** The roll-up computed. */
  readonly rollup: AccountRollup;
  /** Accounts with an answer. */
  readonly accounts: number;
};

const OPTIONS = ["account", "score", "weight", "rollup", "time", "scale", "promoterFrom", "passiveFrom", "confidence", "method"] as const;

function getter(value: unknown, argument: string): (record: unknown, index: number) => unknown {
  if (typeof value === "function") return value as (record: unknown, index: number) => unknown;
  if (typeof value === "string") return (record) => (record as Record<string, unknown>)[value];
  throw new MetricsTypeError("INVALID_TYPE", argument, value, "a field name or an accessor function");
}

/**
 * Business-to-business NPS, with the roll-up from answers to accounts named, because vendors
 * disagree on it and the three can differ in sign on one data set:
 *
 * - `"respondent"`: every answer counts, each weighing the account's weight ÷ its number of
 *   answers (an account of weight 100 with four answers gives each 25), and the standard error is
 *   clustered by account (R survey's `svymean` on `svydesign(ids = ~account, weights = ~w)`):
 *   several answers from one account are not independent.
 * - `"account-mean-score"`: each account is classified by the mean of its answers' scores
 *   (a mean of 8.6 is passive), then NPS over accounts, weighted by `weight`: Gainsight's
 *   account-level NPS.
 * - `"latest"`: each account's latest answer (by `time`; the later record for equal times), then
 *   NPS over accounts, weighted by `weight`: Retently's latest response per customer.
 *
 * In the account-level roll-ups the accounts are the sample (n = accounts), and the interval is
 * `npsSummary`'s on their weighted classes.
 *
 * @param records - An array of answers, one record each (other fields are ignored).
 * @param options - `account`, `score`, `rollup` (required), `weight`, `time` (for `"latest"`),
 *   `scale`, `promoterFrom`, `passiveFrom`, `confidence`, `method`.
 * @returns The {@link NpsSummary} of the roll-up, in points, with `rollup` and `accounts`.
 * @throws {@link MetricsInputError} / {@link MetricsTypeError} for an unknown option or roll-up,
 *   no records, a missing account id, score or time, a score off the scale, weights that differ
 *   within an account, `time` missing for `"latest"` or given to another roll-up, or (for
 *   `"respondent"`) answers from a single account.
 * @see T. Lumley, "Analysis of complex survey samples", Journal of Statistical Software 9(8), 2004
 *   (the clustered standard error).
 * @example
 * ```ts
 * import { accountNps } from "cxmetrics";
 * const answers = [
 *   { account: "A", arr: 100, ltr: 10, at: "2026-01-05" }, { account: "A", arr: 100, ltr: 10, at: "2026-01-09" },
 *   { account: "A", arr: 100, ltr: 10, at: "2026-02-01" }, { account: "A", arr: 100, ltr: 2, at: "2026-03-01" },
 *   { account: "B", arr: 50, ltr: 6, at: "2026-01-10" }, { account: "B", arr: 50, ltr: 9, at: "2026-02-10" },
 *   { account: "C", arr: 30, ltr: 5, at: "2026-02-20" },
 * ];
 * const base = { account: "account", score: "ltr", weight: "arr", time: "at" } as const;
 * accountNps(answers, { ...base, rollup: "respondent", time: undefined }).estimate; // 11.11... (2000 / 180)
 * accountNps(answers, { ...base, rollup: "account-mean-score", time: undefined }).estimate; // -16.66... (A and B passive, C a detractor)
 * accountNps(answers, { ...base, rollup: "latest" }).estimate; // -44.44... (A and C detractors, B a promoter)
 * ```
 *
 * @category NPS
 */
export function accountNps<R>(records: ArrayLike<R>, options: AccountNpsOptions<R>): AccountNps {
  const o = readOptions(options, "accountNps", OPTIONS);
  const rollup = assertOneOf(o.rollup, "options.rollup", ACCOUNT_ROLLUPS);
  const method = assertOneOf(o.method, "options.method", NPS_INTERVAL_METHODS, "adjusted-wald");
  const bands = resolveBands(o);
  const getAccount = getter(o.account, "options.account");
  const getScore = getter(o.score, "options.score");
  const getWeight = o.weight === undefined ? undefined : getter(o.weight, "options.weight");
  if (rollup === "latest" && o.time === undefined) {
    throw new MetricsTypeError(
      "INVALID_TYPE",
      "options.time",
      undefined,
      'a field name or an accessor: rollup "latest" needs each answer\'s time',
    );
  }
  if (rollup !== "latest" && o.time !== undefined) {
    throw new MetricsInputError("INVALID_OPTION", "options.time", o.time, `no time with rollup "${rollup}" (only "latest" orders answers)`);
  }
  const getTime = o.time === undefined ? undefined : getter(o.time, "options.time");
  const times = timeReader("UTC", undefined);
  const rules = cellRules(undefined, undefined);
  const list = assertArrayLike(records, "records");
  if (list.length === 0) throw new MetricsInputError("EMPTY_INPUT", "records", records, "at least one answer");
  interface Account {
    readonly scores: number[];
    weight: number;
    latest: number;
    latestAt: number;
  }
  const accounts = new Map<string | number, Account>();
  const answers: { score: number; account: string | number }[] = [];
  for (let i = 0; i < list.length; i++) {
    const record = list[i];
    if (typeof record !== "object" || record === null) throw new MetricsTypeError("INVALID_TYPE", `records[${i}]`, record, "an object");
    const rawId = getAccount(record, i);
    const id = isMissingCell(rawId, rules) ? undefined : readId(rawId);
    if (id === undefined)
      throw new MetricsInputError("EMPTY_INPUT", `records[${i}] account`, rawId, "an account id (a string or a finite number)");
    const rawScore = getScore(record, i);
    const score = typeof rawScore === "string" && rawScore.trim() !== "" ? Number(rawScore) : rawScore;
    if (typeof score !== "number" || !Number.isInteger(score) || score < bands.min || score > bands.max) {
      throw new MetricsInputError("OUT_OF_RANGE", `records[${i}] score`, rawScore, `a whole number from ${bands.min} to ${bands.max}`);
    }
    const rawWeight = getWeight === undefined ? 1 : getWeight(record, i);
    const weight = typeof rawWeight === "string" && rawWeight.trim() !== "" ? Number(rawWeight) : rawWeight;
    if (typeof weight !== "number" || !(weight >= 0) || !Number.isFinite(weight)) {
      throw new MetricsInputError("OUT_OF_RANGE", `records[${i}] weight`, rawWeight, "a weight, a finite number >= 0");
    }
    let at = i;
    if (getTime !== undefined) {
      const rawTime = getTime(record, i);
      const t = isMissingCell(rawTime, rules) ? "a time" : times.instantOf(rawTime);
      if (typeof t !== "number") throw new MetricsInputError("OUT_OF_RANGE", `records[${i}] time`, rawTime, t);
      at = t;
    }
    const seen = accounts.get(id);
    if (seen === undefined) {
      accounts.set(id, { scores: [score], weight, latest: score, latestAt: at });
    } else {
      if (seen.weight !== weight) {
        throw new MetricsInputError(
          "OUT_OF_RANGE",
          `records[${i}] weight`,
          rawWeight,
          `the weight of account ${JSON.stringify(id)} on its earlier answers (${seen.weight}): an account has one weight`,
        );
      }
      seen.scores.push(score);
      if (at >= seen.latestAt) {
        seen.latest = score;
        seen.latestAt = at;
      }
    }
    answers.push({ score, account: id });
  }
  const scaleOptions = { scale: [bands.min, bands.max] as const, promoterFrom: bands.promoterFrom, passiveFrom: bands.passiveFrom };
  const common = { ...scaleOptions, confidence: o.confidence, method };
  const m = accounts.size;
  if (rollup === "respondent") {
    const summary = npsSummary(
      answers.map((a) => a.score),
      {
        ...common,
        weights: answers.map((a) => accounts.get(a.account)!.weight / accounts.get(a.account)!.scores.length),
        cluster: answers.map((a) => a.account),
      },
    );
    return { ...summary, rollup, accounts: m };
  }
  // Account-level: each account one answer, its class written as a score of that class.
  const classOf = (mean: number) => (mean >= bands.promoterFrom ? bands.max : mean >= bands.passiveFrom ? bands.passiveFrom : bands.min);
  const units = [...accounts.values()];
  const scores = units.map((a) => (rollup === "latest" ? a.latest : classOf(a.scores.reduce((x, y) => x + y, 0) / a.scores.length)));
  const summary = npsSummary(scores, getWeight === undefined ? common : { ...common, weights: units.map((a) => a.weight) });
  return { ...summary, rollup, accounts: m };
}
