// Kept in step with package.json by test/e2e/cli.test.ts (a constant: no file read at start-up).
export const VERSION = "0.1.0";
