// The CDNOW 39-week calibration summary (Fader, Hardie & Lee 2005, via the `lifetimes` package, MIT;
// see test/fixtures/shared/README.md), as purchase histories in weeks.
import { readFileSync } from "node:fs";

export const cdnow = readFileSync(new URL("../fixtures/shared/cdnow-summary.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",").map(Number))
  .map(([, x, tx, T]) => ({ frequency: x!, recency: tx!, T: T! }));

/** The 6,919 CDNOW purchases as `{ customer, time, value }` rows (same source). */
export const cdnowTransactions = readFileSync(new URL("../fixtures/shared/cdnow-transactions.txt", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((line) => {
    const [, id, date, , value] = line.trim().split(/\s+/);
    return { customer: Number(id), time: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`, value: Number(value) };
  });
