// Mutation testing (issue #19): `npm run test:mutation` changes src/ in small ways (a flipped
// comparison, a dropped term, a changed constant) and counts the changes some test catches.
// Incremental: the last run's results live in reports/stryker-incremental.json, so a re-run after a
// small change only re-tests the mutants that change touches. Stryker sees a change to a test file
// but not to a module it imports (test/robustness/cases.ts, test/charts/render.ts): after changing
// one of those, re-run with `--force`, or its old survivors are reused. Not part of CI (a full run
// takes hours on two cores); `npm run test:mutation -- --mutate 'src/nps/**/*.ts'` runs one module,
// and `MUTATION_TESTS='test/nps/**/*.test.ts'` in front of it runs only those tests (vitest.mutation.config.ts).
// After a run, `node scripts/mutation-save.mjs --mutate 'src/nps/**/*.ts'` (the same globs) keeps
// its results in test/mutation/results.json, which is in git: reports/ is not, and a new machine
// starts without it. `node scripts/mutation-static.mjs` then settles the static mutants Stryker 9
// cannot activate, and `node scripts/mutation-table.mjs` writes the table in docs/robustness.md.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  mutate: ["src/**/*.ts"],
  coverageAnalysis: "perTest",
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "reports/mutation.json" },
  concurrency: 2,
  timeoutMS: 10_000,
  dryRunTimeoutMinutes: 30,
  tempDirName: ".stryker-tmp",
};
