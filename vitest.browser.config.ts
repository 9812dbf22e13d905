// The browser suite (test/browser/): opens the html reports in Debian's Chromium. Its own step in .ci/run, which
// installs Chromium; kept out of `npm test` (vitest.config.ts), which must pass on a machine without a browser.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    update: "none",
    env: { TZ: "UTC", FORCE_COLOR: "0", NO_COLOR: "1", COLUMNS: "80" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ["test/global-setup.ts"],
    pool: "forks",
  },
});
