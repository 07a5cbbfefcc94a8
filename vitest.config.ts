import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/**/*.fuzz.test.ts"],
    // Two cores, shared in CI with PostgreSQL and the browser, and on a laptop with a mutation
    // run: the slowest unit test (15,000 quadratures) takes 1.8 s then, close to the default 5 s.
    // A test that hangs still fails, 20 s in. (The mutation run's own config allows 120 s.)
    testTimeout: 20_000,
  },
});
