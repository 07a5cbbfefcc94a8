import { defineConfig } from "vitest/config";

// The fuzz run: the robustness properties over every export with many more cases
// (FUZZ_RUNS, default 20000 here against 300 in the unit run).
export default defineConfig({
  test: {
    include: ["test/robustness/exports.test.ts", "test/robustness/*.fuzz.test.ts"],
    env: { FUZZ_RUNS: process.env.FUZZ_RUNS ?? "20000" },
    testTimeout: 600_000,
  },
});
