import { defineConfig } from "vitest/config";

// One config for every test. Test files run in forked processes (one database and
// one env() per file); browser tests start servers and Chromium, hence the timeouts.
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts", "test/**/*.test.ts", "extensions/**/*.test.ts", "demo/**/*.test.ts"],
    exclude: ["**/node_modules/**", "build/**", "public/build/**", "extensions/*/assets/**"],
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    isolate: true,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 10_000,
    environment: "node",
  },
});
