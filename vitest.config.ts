import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // Needs Chromium: its own config and CI step (vitest.browser.config.ts, `npm run test:browser`).
    exclude: ["test/browser/**", "**/node_modules/**"],
    // Never write a missing snapshot or golden file on a plain run: a deleted golden file fails instead of
    // quietly coming back. `npm run golden:update` (vitest -u) rewrites them on purpose.
    update: "none",
    // As test/cli.ts PINNED_ENV, which spawned runs get.
    env: { TZ: "UTC", FORCE_COLOR: "0", NO_COLOR: "1", COLUMNS: "80" },
    testTimeout: 30_000,
    // Builds dist/ once when src/ is newer (end-to-end tests run the built binary).
    globalSetup: ["test/global-setup.ts"],
    pool: "forks",
    // Two workers on 2 cores: most files wait on a spawned binary, so a second worker keeps both cores busy
    // (measured on an idle 2-core machine: ~120 s with vitest's default of one worker, under 90 s with two).
    maxWorkers: 2,
  },
});
