import { defineConfig } from "vitest/config";

// The test set Stryker runs for each mutant (stryker.config.mjs): the whole suite except the runs
// that load a million rows into a real database or start a browser, and the fits to simulated
// customer bases (which take minutes once every line is instrumented). A mutant those tests would
// catch is caught by the smaller SQL, count-row, spec and reference-fit tests, which cover the same
// code on small data.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    exclude: [
      "test/**/*.fuzz.test.ts",
      "test/warehouse/duckdb.test.ts",
      "test/warehouse/postgres.test.ts",
      "test/charts/browser.test.ts",
      "test/models/simulate.test.ts",
    ],
  },
});
