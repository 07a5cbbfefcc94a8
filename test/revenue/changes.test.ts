// How mrrMovements (and every function built on its reading of changes) takes its input: what
// it accepts as a list of changes, what it rejects and with which error, how it reads an
// iterable (once, in order) and an array (sorted when out of order, stably).
import { describe, expect, it } from "vitest";
import { MetricsInputError, MetricsTypeError, mrrMovements } from "../../src/index.ts";
import { expectError, thrown } from "../helpers.ts";

const monthly = { every: "month" } as const;

describe("mrrMovements(changes): the changes", () => {
  it("must be an array, an array-like or an iterable of rows", () => {
    for (const [value, shown] of [
      [null, "null"],
      [5, "5"],
      ["x", '"x"'],
      [{}, "{}"],
    ] as const) {
      expectError(
        () => mrrMovements(value as never, monthly),
        MetricsTypeError,
        "INVALID_TYPE",
        "changes",
        `changes must be an array (or iterable) of { customer, time, mrr } rows; got ${shown}`,
      );
    }
    const row = { customer: "a", time: "2025-03-05", mrr: 12 };
    const asArray = mrrMovements([row], monthly);
    expect(mrrMovements({ length: 1, 0: row } as never, monthly)).toEqual(asArray);
    expect(mrrMovements(new Set([row]), monthly)).toEqual(asArray);
  });

  it("must hold at least one change, and one valid change where rows are skipped", () => {
    expect(thrown(() => mrrMovements([], monthly))).toMatchObject({
      code: "EMPTY_INPUT",
      message: "changes must be at least one change; got []",
    });
    // One row skipped for its customer, one for its time: none left.
    const skipped = [
      { customer: null, time: "2025-01-05", mrr: 10 },
      { customer: "b", time: "soon", mrr: 10 },
    ];
    expect(thrown(() => mrrMovements(skipped, { ...monthly, onInvalid: "skip" }))).toMatchObject({
      code: "EMPTY_INPUT",
      message: "changes must be at least one valid change (every row was skipped); got [{…}, {…}]",
    });
    // One skipped for its time, one for its MRR.
    const timeAndMrr = [
      { customer: "a", time: "soon", mrr: 10 },
      { customer: "b", time: "2025-01-05", mrr: -1 },
    ];
    expect(thrown(() => mrrMovements(timeAndMrr, { ...monthly, onInvalid: "skip" }))).toMatchObject({
      message: "changes must be at least one valid change (every row was skipped); got [{…}, {…}]",
    });
  });

  it("name the row at fault by its index, from an array or an iterable", () => {
    const good = { customer: "a", time: "2025-01-05", mrr: 10 };
    for (const input of [[good, 7], new Set([good, 7])]) {
      expectError(
        () => mrrMovements(input as never, monthly),
        MetricsTypeError,
        "INVALID_TYPE",
        "changes[1]",
        "changes[1] must be an object { customer, time, mrr }; got 7",
      );
    }
    expect(thrown(() => mrrMovements([good, null] as never, monthly))).toMatchObject({
      code: "INVALID_TYPE",
      message: "changes[1] must be an object { customer, time, mrr }; got null",
    });
    const expected = 'a finite MRR >= 0 (0 when cancelled; a blank is not 0) (or pass onInvalid: "skip")';
    expectError(
      () => mrrMovements(new Set([good, { ...good, time: "2025-02-05", mrr: "abc" }]), monthly),
      MetricsTypeError,
      "INVALID_TYPE",
      "changes[1] mrr",
      `changes[1] mrr must be ${expected}; got "abc"`,
    );
    // A missing MRR is a missing value, not a value of the wrong type.
    expect(thrown(() => mrrMovements([{ customer: "a", time: "2025-02-05" }] as never, monthly))).toMatchObject({
      code: "MISSING_VALUE",
      argument: "changes[0] mrr",
    });
  });

  it("from an iterable must come in time order per customer: it is read once", () => {
    const later = { customer: "a", time: "2025-02-05", mrr: 10 };
    const earlier = { customer: "a", time: "2025-01-05", mrr: 20 };
    expectError(
      () => mrrMovements(new Set([later, earlier]), monthly),
      MetricsInputError,
      "OUT_OF_RANGE",
      "changes",
      'changes must be in time order for each customer when given as an iterable (sort it, or pass an array, which is sorted for you); got "an iterable"',
    );
    // An array out of order is sorted: the same movements as in order.
    expect(mrrMovements([later, earlier], monthly)).toEqual(mrrMovements([earlier, later], monthly));
  });

  it("from an array out of order are sorted stably: of two rows at one instant, the later row is the later change", () => {
    const rows = [
      { customer: "a", time: "2025-03-05", mrr: 30 },
      { customer: "a", time: "2025-01-05", mrr: 10 },
      { customer: "a", time: "2025-01-05", mrr: 15 },
      { customer: "b", time: "2025-01-05", mrr: 5 },
    ];
    const report = mrrMovements(rows, { ...monthly, duplicates: "last" });
    // January ends with a at 15 (its later row) and b at 5; March moves a from 15 to 30.
    expect(report.periods[0]).toMatchObject({ period: "2025-01", newMrr: 20, endingMrr: 20 });
    expect(report.periods[2]).toMatchObject({ period: "2025-03", expansionMrr: 15, endingMrr: 35 });
  });

  it("options.customer, options.time and options.mrr must be field names or accessors", () => {
    const rows = [{ customer: "a", time: "2025-03-05", mrr: 1 }];
    for (const name of ["customer", "time", "mrr"]) {
      expectError(
        () => mrrMovements(rows, { ...monthly, [name]: 5 } as never),
        MetricsTypeError,
        "INVALID_TYPE",
        `options.${name}`,
        `options.${name} must be a field name or an accessor function; got 5`,
      );
    }
  });
});
