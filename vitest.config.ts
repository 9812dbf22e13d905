import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // Never write a missing snapshot or golden file on a plain run: a deleted golden file fails instead of
    // quietly coming back. `npm run golden:update` (vitest -u) rewrites them on purpose.
    update: "none",
    env: { TZ: "UTC", FORCE_COLOR: "0", NO_COLOR: "1" },
    testTimeout: 30_000,
    pool: "forks",
  },
});
