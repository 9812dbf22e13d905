import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // Never write a missing snapshot or golden file on a plain run: a deleted golden file fails instead of
    // quietly coming back. `npm run golden:update` (vitest -u) rewrites them on purpose.
    update: "none",
    // As test/cli.ts PINNED_ENV, which spawned runs get.
    env: { TZ: "UTC", FORCE_COLOR: "0", NO_COLOR: "1", COLUMNS: "80" },
    testTimeout: 30_000,
    pool: "forks",
    // vitest's default, one fewer than the cores, is a single worker on a 2-core machine: in-process files use
    // one core, and a file waiting on a spawned binary holds the only worker. Two at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
