// Every error the customer-base models throw names the argument as the caller wrote it, with the
// error's code and what was expected, and every range check holds at its edge: the last accepted
// value passes and the first refused one throws. The messages are the contract of
// docs/conventions.md ("<argument> must be <expected>; got <value>").
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  discountedExpectedLifetime,
  expectedLifetimeValue,
  expectedPurchases,
  expectedSpend,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  fitSbg,
  MetricsInputError,
  MetricsTypeError,
  probabilityAlive,
  projectRetention,
  purchaseCountProbability,
  rfmSummary,
} from "../../src/index.ts";
import { expectError } from "../helpers.ts";

const BG_NBD = { model: "bg-nbd" as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
const BG_BB = { model: "bg-bb" as const, params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };
const SPEND = { model: "gamma-gamma" as const, params: { p: 6.25, q: 3.74, gamma: 15.44 } };
const CUSTOMER = { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };
const YEARLY = { periods: 1, discountRate: 0 };

describe("fitGammaGamma and expectedSpend errors", () => {
  it("name the customer and field, and refuse a mean value of 0 after repeat purchases", () => {
    const ok = { frequency: 1, monetary: 3 };
    expectError(
      () => fitGammaGamma([ok, { frequency: 1, monetary: 0 }]),
      MetricsInputError,
      "OUT_OF_RANGE",
      "customers[1].monetary",
      "customers[1].monetary must be a number in (0, 1000000000000]; got 0",
    );
    expectError(
      () => fitGammaGamma([{ frequency: 1, monetary: 2, count: 0 }]),
      MetricsInputError,
      "OUT_OF_RANGE",
      "customers[0].count",
      "customers[0].count must be a whole number >= 1; got 0",
    );
    expectError(
      () => fitGammaGamma([ok, { frequency: 2, spend: 10 } as never]),
      MetricsTypeError,
      "INVALID_OPTION",
      "customers[1].spend",
      "customers[1].spend must be named monetary: spend looks like monetary, which fitGammaGamma reads under that name, and a row's other columns are passed over, so spend would be silently ignored; got 10",
    );
    expectError(
      () => fitGammaGamma(5 as never),
      MetricsTypeError,
      "INVALID_TYPE",
      "customers",
      "customers must be an array or typed array of numbers; got 5",
    );
  });

  it("tell no customers (EMPTY_INPUT) from customers that cannot identify the model (UNDEFINED_RESULT)", () => {
    expectError(
      () => fitGammaGamma([]),
      MetricsInputError,
      "EMPTY_INPUT",
      "customers",
      "customers must be at least one customer with a repeat transaction; got []",
    );
    expectError(
      () =>
        fitGammaGamma([
          { frequency: 1, monetary: 2 },
          { frequency: 3, monetary: 2 },
        ]),
      MetricsInputError,
      "UNDEFINED_RESULT",
      "customers",
      "customers must be mean values that vary across customers: otherwise the data cannot identify the model; got [{…}, {…}]",
    );
  });

  it("expectedSpend names the customer's fields and the model's", () => {
    expectError(
      () => expectedSpend(SPEND, { frequency: -1, monetary: 2 }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "customer.frequency",
      "customer.frequency must be a count >= 0; got -1",
    );
    expectError(
      () => expectedSpend(SPEND, { frequency: 1, monetary: 0 }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "customer.monetary",
      "customer.monetary must be a number in (0, 1000000000000]; got 0",
    );
    expectError(
      () => expectedSpend(SPEND, { frequency: 1, monetary: 2, spend: 1 } as never),
      MetricsTypeError,
      "INVALID_OPTION",
      "customer.spend",
      "customer.spend must be named monetary: spend looks like monetary, which expectedSpend reads under that name, and a row's other columns are passed over, so spend would be silently ignored; got 1",
    );
    expectError(
      () => expectedSpend(BG_NBD as never, { frequency: 1, monetary: 2 }),
      MetricsTypeError,
      "INVALID_OPTION",
      "model.model",
      'model.model must be "gamma-gamma" (a model from fitGammaGamma, or { model: "gamma-gamma", params: { p, q, gamma } }); got "bg-nbd"',
    );
    expectError(
      () => expectedSpend({ model: "gamma-gamma", params: { p: 6, q: 1, gamma: 15 } }, { frequency: 1, monetary: 2 }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "model.params.q",
      "model.params.q must be above 1: with q ≤ 1 the population's mean spend is infinite; got 1",
    );
    // Just above 1 the mean is finite: accepted.
    expect(
      expectedSpend({ model: "gamma-gamma", params: { p: 6, q: 1 + 1e-9, gamma: 15 } }, { frequency: 1, monetary: 2 }),
    ).toBeGreaterThan(0);
  });
});

describe("expectedLifetimeValue errors", () => {
  const models = { purchases: BG_NBD, spend: SPEND };

  it("name which of the two models is wrong (models.purchases or models.spend)", () => {
    expectError(
      () => expectedLifetimeValue({ purchases: BG_NBD, spend: BG_NBD } as never, CUSTOMER, YEARLY),
      MetricsTypeError,
      "INVALID_OPTION",
      "models.spend.model",
      'models.spend.model must be "gamma-gamma" (a model from fitGammaGamma, or { model: "gamma-gamma", params: { p, q, gamma } }); got "bg-nbd"',
    );
    expectError(
      () => expectedLifetimeValue({ purchases: { model: "gamma-gamma", params: SPEND.params }, spend: SPEND } as never, CUSTOMER, YEARLY),
      MetricsTypeError,
      "INVALID_OPTION",
      "models.purchases.model",
      'models.purchases.model must be a purchase model: "bg-nbd", "pareto-nbd" or "bg-bb" (from fitBgNbd, fitParetoNbd or fitBgBb); got "gamma-gamma"',
    );
    expectError(
      () => expectedLifetimeValue({ purchases: BG_NBD, spend: { ...SPEND, params: { ...SPEND.params, q: 0.5 } } }, CUSTOMER, YEARLY),
      MetricsInputError,
      "OUT_OF_RANGE",
      "models.spend.params.q",
      "models.spend.params.q must be above 1: with q ≤ 1 the population's mean spend is infinite; got 0.5",
    );
    expectError(
      () => expectedLifetimeValue({ purchases: { ...BG_NBD, params: { ...BG_NBD.params, r: -1 } }, spend: SPEND }, CUSTOMER, YEARLY),
      MetricsInputError,
      "OUT_OF_RANGE",
      "models.purchases.params.r",
      "models.purchases.params.r must be a number in (0, 1000000000000]; got -1",
    );
    expectError(
      () => expectedLifetimeValue({ ...models, x: 1 } as never, CUSTOMER, YEARLY),
      MetricsTypeError,
      "INVALID_OPTION",
      "models.x",
      "models.x is not a field of expectedLifetimeValue's models; known: purchases, spend",
    );
  });

  it("accept 1 to 10,000 periods, and a period length above 0", () => {
    expect(expectedLifetimeValue(models, CUSTOMER, { periods: 10_000, discountRate: 0.01 })).toBeGreaterThan(0);
    expectError(
      () => expectedLifetimeValue(models, CUSTOMER, { periods: 10_001, discountRate: 0.01 }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "options.periods",
      "options.periods must be at most 10000; got 10001",
    );
    expectError(
      () => expectedLifetimeValue(models, CUSTOMER, { periods: 1, discountRate: 0, periodLength: 0 }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "options.periodLength",
      "options.periodLength must be a number in (0, 1000000]; got 0",
    );
    expect(expectedLifetimeValue(models, CUSTOMER, { periods: 1, discountRate: 0, periodLength: 1e-9 })).toBeGreaterThan(0);
    expectError(
      () =>
        expectedLifetimeValue(
          { purchases: BG_BB, spend: SPEND },
          { frequency: 1, recency: 2, periods: 6, monetary: 3 },
          {
            periods: 1,
            discountRate: 0,
            periodLength: 2,
          },
        ),
      MetricsInputError,
      "OUT_OF_RANGE",
      "options.periodLength",
      "options.periodLength must be 1 with a BG/BB model (its periods are its opportunities); got 2",
    );
  });

  it("name the customer's fields", () => {
    expectError(
      () => expectedLifetimeValue(models, { ...CUSTOMER, monetary: -1 }, YEARLY),
      MetricsInputError,
      "OUT_OF_RANGE",
      "customer.monetary",
      "customer.monetary must be a number in (0, 1000000000000]; got -1",
    );
    // A customer is a row: other columns pass, a misspelt field does not.
    expect(expectedLifetimeValue(models, { ...CUSTOMER, email: "a@b.c", plan: "pro" } as never, YEARLY)).toEqual(
      expectedLifetimeValue(models, CUSTOMER, YEARLY),
    );
    expectError(
      () => expectedLifetimeValue(models, { ...CUSTOMER, monetery: 1 } as never, YEARLY),
      MetricsTypeError,
      "INVALID_OPTION",
      "customer.monetery",
      "customer.monetery must be named monetary: monetery looks like monetary, which expectedLifetimeValue reads under that name, and a row's other columns are passed over, so monetery would be silently ignored; got 1",
    );
  });
});

describe("purchase histories", () => {
  it("BG/NBD and Pareto/NBD: T above 0, recency 0 exactly when frequency is 0", () => {
    for (const fitModel of [fitBgNbd, fitParetoNbd]) {
      expectError(
        () => fitModel([{ frequency: 0, recency: 0, T: 0 }]),
        MetricsInputError,
        "OUT_OF_RANGE",
        "customers[0].T",
        "customers[0].T must be a number in (0, 1000000000000]; got 0",
      );
      expectError(
        () => fitModel([{ frequency: 0, recency: 5, T: 10 }]),
        MetricsInputError,
        "OUT_OF_RANGE",
        "customers[0].recency",
        "customers[0].recency must be 0 when frequency is 0 (no repeat purchase); got 5",
      );
      expectError(
        () => fitModel([{ frequency: 1, recency: 0, T: 10 }]),
        MetricsInputError,
        "OUT_OF_RANGE",
        "customers[0].recency",
        "customers[0].recency must be above 0 when frequency is above 0; got 0",
      );
      expectError(
        () => fitModel([{ frequency: 1, recency: 11, T: 10 }]),
        MetricsInputError,
        "OUT_OF_RANGE",
        "customers[0].recency",
        "customers[0].recency must be at most customers[0].T (10); got 11",
      );
      expectError(
        () => fitModel([{ frequency: 1.5, recency: 1, T: 10 }]),
        MetricsInputError,
        "NOT_INTEGER",
        "customers[0].frequency",
        "customers[0].frequency must be a whole number (a count); got 1.5",
      );
      expectError(
        () => fitModel([{ frequency: 1, recency: 1, T: 10, count: 0 }]),
        MetricsInputError,
        "OUT_OF_RANGE",
        "customers[0].count",
        "customers[0].count must be a whole number >= 1; got 0",
      );
      expectError(() => fitModel([]), MetricsInputError, "EMPTY_INPUT", "customers", "customers must be at least one customer; got []");
    }
    // A history whose recency is T is accepted.
    expect(probabilityAlive(BG_NBD, { frequency: 1, recency: 10, T: 10 })).toBeGreaterThan(0);
    expectError(
      () => probabilityAlive(BG_NBD, { frequency: 0, recency: 1, T: 10 }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "customer.recency",
      "customer.recency must be 0 when frequency is 0 (no repeat purchase); got 1",
    );
  });

  it("BG/BB: 1 to 10,000 opportunities, recency 0 exactly when frequency is 0", () => {
    expect(probabilityAlive(BG_BB, { frequency: 1, recency: 2, periods: 10_000 })).toBeGreaterThan(0);
    expectError(
      () => fitBgBb([{ frequency: 1, recency: 2, periods: 10_001 }]),
      MetricsInputError,
      "OUT_OF_RANGE",
      "customers[0].periods",
      "customers[0].periods must be at most 10000; got 10001",
    );
    expectError(
      () => fitBgBb([{ frequency: 0, recency: 2, periods: 6 }]),
      MetricsInputError,
      "OUT_OF_RANGE",
      "customers[0].recency",
      "customers[0].recency must be 0 when frequency is 0 (no repeat transaction); got 2",
    );
    expectError(
      () => fitBgBb([{ frequency: 1, recency: 2, periods: 6, count: 0 }]),
      MetricsInputError,
      "OUT_OF_RANGE",
      "customers[0].count",
      "customers[0].count must be a whole number >= 1; got 0",
    );
    expectError(
      () => probabilityAlive(BG_BB, { frequency: 1, recency: 2, periods: 0 }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "customer.periods",
      "customer.periods must be a whole number >= 1; got 0",
    );
    // Horizons: up to 10,000 opportunities ahead.
    expect(expectedPurchases(BG_BB, 10_000)).toBeGreaterThan(expectedPurchases(BG_BB, 9_999));
    expectError(() => expectedPurchases(BG_BB, 10_001), MetricsInputError, "OUT_OF_RANGE", "t", "t must be at most 10000; got 10001");
    expectError(
      () => purchaseCountProbability(BG_BB, 0, 10_001),
      MetricsInputError,
      "OUT_OF_RANGE",
      "t",
      "t must be at most 10000; got 10001",
    );
    expectError(
      () => conditionalExpectedPurchases(BG_BB, { frequency: 1, recency: 2, periods: 6 }, 10_001),
      MetricsInputError,
      "OUT_OF_RANGE",
      "t",
      "t must be at most 10000; got 10001",
    );
  });

  it("an unknown field of the model or the customer names the function called", () => {
    const known = "known: model, params, logLikelihood, standardErrors, n, converged, iterations";
    const extra = { ...BG_NBD, fitted: true } as never;
    const calls: [string, () => unknown][] = [
      ["probabilityAlive", () => probabilityAlive(extra, CUSTOMER)],
      ["expectedPurchases", () => expectedPurchases(extra, 1)],
      ["conditionalExpectedPurchases", () => conditionalExpectedPurchases(extra, CUSTOMER, 1)],
      ["purchaseCountProbability", () => purchaseCountProbability(extra, 0, 1)],
    ];
    for (const [fn, call] of calls) {
      expectError(call, MetricsTypeError, "INVALID_OPTION", "model.fitted", `model.fitted is not a field of ${fn}'s model; ${known}`);
    }
    // The customer is a row: a CRM column passes and changes nothing; a field under another
    // name (BTYD's t.x for recency, a misspelt frequency) is refused, naming the field it looks like.
    const crm = { email: "a@b.c", colour: 1 };
    const bb = { frequency: 1, recency: 2, periods: 6 };
    expect(probabilityAlive(BG_NBD, { ...CUSTOMER, ...crm } as never)).toBe(probabilityAlive(BG_NBD, CUSTOMER));
    expect(probabilityAlive(BG_BB, { ...bb, ...crm } as never)).toBe(probabilityAlive(BG_BB, bb));
    expect(conditionalExpectedPurchases(BG_NBD, { ...CUSTOMER, ...crm } as never, 1)).toBe(
      conditionalExpectedPurchases(BG_NBD, CUSTOMER, 1),
    );
    for (const [fn, call, key, meant, value] of [
      ["probabilityAlive", () => probabilityAlive(BG_NBD, { ...CUSTOMER, "t.x": 1 } as never), "t.x", "recency", 1],
      ["probabilityAlive", () => probabilityAlive(BG_BB, { ...bb, frequncy: 1 } as never), "frequncy", "frequency", 1],
      ["conditionalExpectedPurchases", () => conditionalExpectedPurchases(BG_NBD, { ...CUSTOMER, t: 1 } as never, 1), "t", "T", 1],
      ["conditionalExpectedPurchases", () => conditionalExpectedPurchases(BG_BB, { ...bb, n_custs: 3 } as never, 1), "n_custs", "count", 3],
    ] as const) {
      expectError(
        call,
        MetricsTypeError,
        "INVALID_OPTION",
        `customer.${key}`,
        `customer.${key} must be named ${meant}: ${key} looks like ${meant}, which ${fn} reads under that name, and a row's other columns are passed over, so ${key} would be silently ignored; got ${value}`,
      );
    }
    expectError(
      () => purchaseCountProbability(BG_NBD, 0, -1),
      MetricsInputError,
      "OUT_OF_RANGE",
      "t",
      "t must be a number in [0, 1000000000000]; got -1",
    );
  });

  it("a model that is not an object is named as model, one of an unknown kind as model.model", () => {
    expectError(
      () => expectedPurchases(null as never, 1),
      MetricsTypeError,
      "INVALID_OPTION",
      "model",
      'model must be a purchase model: "bg-nbd", "pareto-nbd" or "bg-bb" (from fitBgNbd, fitParetoNbd or fitBgBb); got null',
    );
    expectError(
      () => expectedPurchases("bg-nbd" as never, 1),
      MetricsTypeError,
      "INVALID_OPTION",
      "model",
      'model must be a purchase model: "bg-nbd", "pareto-nbd" or "bg-bb" (from fitBgNbd, fitParetoNbd or fitBgBb); got "bg-nbd"',
    );
    expectError(
      () => probabilityAlive({ model: "sbg", params: {} } as never, CUSTOMER),
      MetricsTypeError,
      "INVALID_OPTION",
      "model.model",
      'model.model must be a purchase model: "bg-nbd", "pareto-nbd" or "bg-bb" (from fitBgNbd, fitParetoNbd or fitBgBb); got "sbg"',
    );
  });
});

describe("each fit and prediction names its own fields", () => {
  it("unknown fields name the function called; bad counts name the field", () => {
    const colour = { colour: 1 };
    // Rows of customers are open: a near-miss of a field names the function called.
    for (const [fn, call] of [
      ["fitBgNbd", () => fitBgNbd([{ frequency: 1, recency: 1, T: 2, frequency_holdout: 1 } as never])],
      ["fitParetoNbd", () => fitParetoNbd([{ frequency: 1, recency: 1, T: 2, frequency_holdout: 1 } as never])],
    ] as const) {
      expect(call).toThrow(
        `customers[0].frequency_holdout must be named holdoutFrequency: frequency_holdout looks like holdoutFrequency, which ${fn} reads under that name`,
      );
    }
    expect(() => fitBgBb([{ frequency: 1, recency: 1, periods: 2, Periods: 3 } as never])).toThrow(
      "customers[0].Periods must be named periods: Periods looks like periods, which fitBgBb reads under that name",
    );
    expect(() => expectedSpend({ ...SPEND, ...colour } as never, { frequency: 1, monetary: 2 })).toThrow(
      "model.colour is not a field of expectedSpend's model; known: model, params, logLikelihood, standardErrors, n, converged, iterations",
    );
    expect(() => expectedLifetimeValue({ purchases: BG_NBD, spend: { ...SPEND, ...colour } } as never, CUSTOMER, YEARLY)).toThrow(
      "models.spend.colour is not a field of expectedLifetimeValue's models.spend; known: model, params, logLikelihood, standardErrors, n, converged, iterations",
    );
    expectError(
      () => fitBgBb([{ frequency: -1, recency: 1, periods: 2 }]),
      MetricsInputError,
      "OUT_OF_RANGE",
      "customers[0].frequency",
      "customers[0].frequency must be a count >= 0; got -1",
    );
    expectError(
      () => fitBgBb([{ frequency: 1, recency: -1, periods: 2 }]),
      MetricsInputError,
      "OUT_OF_RANGE",
      "customers[0].recency",
      "customers[0].recency must be a count >= 0; got -1",
    );
    expect(() => fitBgNbd([{ frequency: 0, recency: -1, T: 2 }])).toThrow(
      expect.objectContaining({ argument: "customers[0].recency", value: -1 }),
    );
    expectError(
      () => fitBgNbd(5 as never),
      MetricsTypeError,
      "INVALID_TYPE",
      "customers",
      "customers must be an array or typed array of numbers; got 5",
    );
  });

  it("rfmSummary names each option", () => {
    const rows = [{ customer: "a", time: "2024-01-01", value: 10 }];
    expect(() => rfmSummary(rows, { end: "2024-01-31", unit: "days" as never })).toThrow(
      expect.objectContaining({ argument: "options.unit" }),
    );
    expect(() => rfmSummary(rows, { end: "2024-13-01" })).toThrow(expect.objectContaining({ argument: "options.end" }));
    expect(() => rfmSummary(rows, { end: "2024-01-31", holdoutEnd: "soon" })).toThrow(
      expect.objectContaining({ argument: "options.holdoutEnd" }),
    );
    for (const name of ["customer", "time", "value"] as const) {
      expect(() => rfmSummary(rows, { end: "2024-01-31", [name]: 5 } as never)).toThrow(
        expect.objectContaining({ argument: `options.${name}` }),
      );
    }
  });

  it("discountedExpectedLifetime refuses a discount rate below 0.0001", () => {
    const model = { model: "sbg" as const, params: { alpha: 0.668, beta: 3.806 } };
    expect(discountedExpectedLifetime(model, { discountRate: 0.0001 })).toBeGreaterThan(0);
    expectError(
      () => discountedExpectedLifetime(model, { discountRate: 0.00005 }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "options.discountRate",
      "options.discountRate must be at least 0.0001 (the series converges too slowly below); got 0.00005",
    );
  });
});

describe("horizons", () => {
  const PARETO = { model: "pareto-nbd" as const, params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } };

  it("at t = 0 no one has purchased: P(X(0) = 0) = 1, for every model", () => {
    for (const model of [BG_NBD, PARETO, BG_BB]) {
      expect(purchaseCountProbability(model, 0, 0)).toBe(1);
      expect(purchaseCountProbability(model, 2, 0)).toBe(0);
    }
  });

  it("BG/NBD names the horizon the user gave where its series does not converge (beyond about 10⁵ α)", () => {
    expect(Number.isFinite(expectedPurchases(BG_NBD, 1e5))).toBe(true);
    expectError(
      () => expectedPurchases(BG_NBD, 1e6),
      MetricsInputError,
      "UNDEFINED_RESULT",
      "t",
      "t must be a horizon within about 10⁵ times alpha (the series does not converge); got 1000000",
    );
  });
});

describe("sBG errors", () => {
  it("fitSbg names the period that breaks the series", () => {
    expectError(
      () => fitSbg([1000, 800, 900]),
      MetricsInputError,
      "OUT_OF_RANGE",
      "survivors[2]",
      "survivors[2] must be at most survivors[1] (800): survivors cannot increase; got 900",
    );
    expectError(
      () => fitSbg([1000, 1001, 900]),
      MetricsInputError,
      "OUT_OF_RANGE",
      "survivors[1]",
      "survivors[1] must be at most survivors[0] (1000): survivors cannot increase; got 1001",
    );
    expectError(
      () => fitSbg([0, 0, 0]),
      MetricsInputError,
      "OUT_OF_RANGE",
      "survivors[0]",
      "survivors[0] must be a whole number >= 1; got 0",
    );
    expectError(
      () => fitSbg([1000, 800]),
      MetricsInputError,
      "OUT_OF_RANGE",
      "survivors",
      "survivors must be at least three periods (0, 1, 2): two parameters need two periods of churn; got [1000, 800]",
    );
  });

  it("name the function called in an unknown model field, and survivors that are not an array", () => {
    const model = { model: "sbg" as const, params: { alpha: 0.668, beta: 3.806 }, fitted: true };
    expectError(
      () => projectRetention(model as never, 5),
      MetricsTypeError,
      "INVALID_OPTION",
      "model.fitted",
      "model.fitted is not a field of projectRetention's model; known: model, params, logLikelihood, standardErrors, n, converged, iterations",
    );
    expectError(
      () => discountedExpectedLifetime(model as never, { discountRate: 0.1 }),
      MetricsTypeError,
      "INVALID_OPTION",
      "model.fitted",
      "model.fitted is not a field of discountedExpectedLifetime's model; known: model, params, logLikelihood, standardErrors, n, converged, iterations",
    );
    expectError(
      () => fitSbg("1000" as never),
      MetricsTypeError,
      "INVALID_TYPE",
      "survivors",
      'survivors must be an array or typed array of numbers; got "1000"',
    );
  });

  it("projectRetention takes 1 to 100,000 periods", () => {
    const model = { model: "sbg" as const, params: { alpha: 0.668, beta: 3.806 } };
    expect(projectRetention(model, 100_000)).toHaveLength(100_000);
    expectError(
      () => projectRetention(model, 100_001),
      MetricsInputError,
      "OUT_OF_RANGE",
      "periods",
      "periods must be at most 100000 periods; got 100001",
    );
    expectError(
      () => projectRetention(model, 0),
      MetricsInputError,
      "OUT_OF_RANGE",
      "periods",
      "periods must be a whole number >= 1; got 0",
    );
  });
});

describe("rfmSummary errors and edges", () => {
  const rows = [
    { customer: "a", time: "2024-01-01", value: 10 },
    { customer: "a", time: "2024-01-08", value: 20 },
    { customer: "b", time: "2024-01-02", value: 5 },
  ];

  it("needs options, a holdout end after the calibration end, and transactions that are an iterable", () => {
    expectError(
      () => Reflect.apply(rfmSummary, undefined, [rows]),
      MetricsTypeError,
      "INVALID_TYPE",
      "options",
      "options must be an object with the calibration end: { end }; got undefined",
    );
    expectError(
      () => rfmSummary(rows, { end: "2024-01-31", holdoutEnd: "2024-01-31" }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "options.holdoutEnd",
      'options.holdoutEnd must be a day after options.end; got "2024-01-31"',
    );
    expect(rfmSummary(rows, { end: "2024-01-31", holdoutEnd: "2024-02-01" })).toHaveLength(2);
    expectError(
      () => rfmSummary(null as never, { end: "2024-01-31" }),
      MetricsTypeError,
      "INVALID_TYPE",
      "transactions",
      "transactions must be an array (or iterable) of { customer, time, value } rows; got null",
    );
    expectError(
      () => rfmSummary([], { end: "2024-01-31" }),
      MetricsInputError,
      "EMPTY_INPUT",
      "transactions",
      "transactions must be at least one transaction; got []",
    );
  });

  it("names the row: its customer, and a value that is negative (OUT_OF_RANGE) or missing (MISSING_VALUE)", () => {
    expectError(
      () => rfmSummary([rows[0]!, { customer: " ", time: "2024-01-01", value: 1 }], { end: "2024-01-31" }),
      MetricsTypeError,
      "INVALID_TYPE",
      "transactions[1] customer",
      'transactions[1] customer must be a customer id: a non-blank string or a finite number; got " "',
    );
    expectError(
      () => rfmSummary([rows[0]!, rows[1]!, { customer: "c", time: "2024-01-01", value: -1 }], { end: "2024-01-31" }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "transactions[2] value",
      "transactions[2] value must be a finite amount >= 0; got -1",
    );
    expectError(
      () => rfmSummary([rows[0]!, { customer: "c", time: "2024-01-01" }], { end: "2024-01-31" }),
      MetricsInputError,
      "MISSING_VALUE",
      "transactions[1] value",
      "transactions[1] value must be a finite amount >= 0, not missing (pass value: null if the transactions have no values); got undefined",
    );
  });

  it("value: null reads no values; a purchase after the holdout end is not counted; a customer first seen after the end is left out", () => {
    const noValues = rfmSummary(
      [
        { customer: "a", time: "2024-01-01" },
        { customer: "a", time: "2024-01-08" },
      ],
      { end: "2024-01-31", value: null, unit: "day" },
    );
    expect(noValues).toEqual([expect.objectContaining({ id: "a", frequency: 1, recency: 7, T: 30, monetary: 0 })]);
    const held = rfmSummary(
      [
        ...rows,
        { customer: "a", time: "2024-02-10", value: 1 }, // in the holdout
        { customer: "a", time: "2024-03-10", value: 1 }, // after it: not counted
        { customer: "z", time: "2024-02-11", value: 1 }, // first purchase after the end: not in the cohort
      ],
      { end: "2024-01-31", holdoutEnd: "2024-02-29", unit: "day" },
    );
    expect(held.map((c) => c.id)).toEqual(["a", "b"]);
    expect(held[0]).toMatchObject({ id: "a", frequency: 1, holdoutFrequency: 1 });
    expect(held[1]).toMatchObject({ id: "b", frequency: 0, holdoutFrequency: 0 });
  });
});
