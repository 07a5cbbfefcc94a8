import { defineConfig } from "vitest/config";

// The test set Stryker runs for each mutant (stryker.config.mjs): the whole suite except the runs
// that load a million rows into a real database or start a browser. A mutant those tests would catch
// is caught by the smaller SQL, count-row and spec tests, which cover the same code on small data.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/**/*.fuzz.test.ts", "test/warehouse/duckdb.test.ts", "test/warehouse/postgres.test.ts", "test/charts/browser.test.ts"],
  },
});
