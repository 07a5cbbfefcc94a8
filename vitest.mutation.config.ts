import { defineConfig } from "vitest/config";

// The test set Stryker runs for each mutant (stryker.config.mjs): the whole suite except the runs
// that load a million rows into a real database or start a browser, and the fits to simulated
// customer bases (which take minutes once every line is instrumented). A mutant those tests would
// catch is caught by the smaller SQL, count-row, spec and reference-fit tests, which cover the same
// code on small data.
export default defineConfig({
  test: {
    // MUTATION_TESTS="glob,glob" narrows the set to the tests of the module being mutated: the
    // whole suite's dry run takes about 12 minutes on two cores and every mutant then loads the
    // test files that cover it (charts, models), where the tests of src/_lib's statistics ran in 13
    // seconds. A mutant the narrow set misses may be one the whole suite kills: its score is a
    // lower bound.
    include: process.env.MUTATION_TESTS?.split(",") ?? ["test/**/*.test.ts"],
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
