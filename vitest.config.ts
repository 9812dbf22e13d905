import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    env: { TZ: "UTC", FORCE_COLOR: "0", NO_COLOR: "1" },
    testTimeout: 30_000,
    pool: "forks",
  },
});
