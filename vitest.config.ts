import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The real-browser chart test needs Debian's chromium: its own suite (npm run test:browser, in CI),
    // so that npm test passes on a machine with only Node and npm.
    exclude: ["test/**/*.fuzz.test.ts", "test/charts/browser.test.ts"],
    // Two cores, shared in CI with PostgreSQL and the browser, and on a laptop with a mutation
    // run: the slowest unit test (15,000 quadratures) takes 1.8 s then, close to the default 5 s.
    // A test that hangs still fails, 20 s in. (The mutation run's own config allows 120 s.)
    testTimeout: 20_000,
  },
});
