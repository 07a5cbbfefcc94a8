// Mutation testing (issue #19): `npm run test:mutation` changes src/ in small ways (a flipped
// comparison, a dropped term, a changed constant) and counts the changes some test catches.
// Incremental: the last run's results live in reports/stryker-incremental.json, so a re-run after a
// small change only re-tests the mutants that change touches. Not part of CI (a full run takes hours
// on two cores); `npm run test:mutation -- --mutate src/nps/classify.ts` runs one module.
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
