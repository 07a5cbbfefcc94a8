// Customer histories are rows of a table: rfmSummary's output joined to CRM columns fits and
// predicts exactly as the bare histories do (an identity), while a column that looks like a field
// under another tool's name (lifetimes' `weights`, `monetary_value`, BTYD's `x`, `t.x`, `T.cal`)
// or misspelt is refused, since passing over it would silently drop that field.
import { describe, expect, it } from "vitest";
import { expectedSpend, fitBgNbd, fitGammaGamma, probabilityAlive, rfmSummary } from "../../src/index.ts";
import { cdnow, cdnowTransactions } from "./cdnow.ts";

describe("open rows of customers", () => {
  it("rfmSummary rows joined to CRM columns fit and predict as the bare rows do (CDNOW)", () => {
    const summaries = rfmSummary(cdnowTransactions.slice(0, 1500), { end: "1997-09-30" });
    const crm = summaries.map((s, i) => ({ ...s, email: `c${i}@example.com`, plan: i % 2 ? "pro" : "free", region: "NA" }));
    const bare = fitBgNbd(summaries);
    expect(fitBgNbd(crm)).toEqual(bare);
    for (let i = 0; i < 20; i++) expect(probabilityAlive(bare, crm[i]!)).toBe(probabilityAlive(bare, summaries[i]!));
    const repeat = summaries.filter((s) => s.frequency > 0 && s.monetary > 0);
    const spend = fitGammaGamma(repeat);
    expect(fitGammaGamma(repeat.map((s) => ({ ...s, email: "x" })))).toEqual(spend);
    // A row with other columns type-checks as a history (no excess-property check off a literal).
    const joined = { ...repeat[0]!, email: "x" };
    expect(expectedSpend(spend, joined)).toBe(expectedSpend(spend, repeat[0]!));
  });

  it("refuses the names other tools give the fields, and near misses, naming the field meant", () => {
    const row = cdnow[0]!;
    const cases: [object, string, string][] = [
      [{ ...row, weights: 3 }, "weights", "count"],
      [{ ...row, Weight: 3 }, "Weight", "count"],
      [{ ...row, frequency_holdout: 1 }, "frequency_holdout", "holdoutFrequency"],
      [{ ...row, monetary_value: 20 }, "monetary_value", "monetary"],
      [{ ...row, monetaryValue: 20 }, "monetaryValue", "monetary"],
      [{ ...row, "T.cal": 39 }, "T.cal", "T"],
      [{ ...row, x: 2 }, "x", "frequency"],
      [{ ...row, recncy: 2 }, "recncy", "recency"],
      [{ ...row, Count: 2 }, "Count", "count"],
    ];
    for (const [customer, key, meant] of cases) {
      expect(() => fitBgNbd([customer as never]), key).toThrow(
        `customers[0].${key} must be named ${meant}: ${key} looks like ${meant}, which fitBgNbd reads under that name`,
      );
    }
    // A BG/BB history's periods given to a continuous-time model names the mix-up.
    expect(() => fitBgNbd([{ ...row, periods: 39 } as never])).toThrow(
      /^customers\[0\].periods must be left out: periods is a field of discrete-time histories/,
    );
  });

  it("options, models and quantities stay closed", () => {
    const model = fitBgNbd(cdnow.slice(0, 500));
    expect(() => probabilityAlive({ ...model, email: "x" } as never, cdnow[0]!)).toThrow(
      /model.email is not a field of probabilityAlive's model/,
    );
  });
});
