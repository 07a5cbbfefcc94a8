// The CDNOW 39-week calibration summary (Fader, Hardie & Lee 2005, via the `lifetimes` package, MIT;
// see test/fixtures/shared/README.md), as purchase histories in weeks.
import { readFileSync } from "node:fs";

export const cdnow = readFileSync(new URL("../fixtures/shared/cdnow-summary.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",").map(Number))
  .map(([, x, tx, T]) => ({ frequency: x!, recency: tx!, T: T! }));
