// runInProcess (test/cli.ts) puts back what a run changes, so in-process runs in one file cannot leak into
// each other: the working folder, environment variables, process.exitCode, chalk's level and the real
// process.stdout/stderr writers.
import chalk from "chalk";
import { afterEach, describe, expect, it } from "vitest";
import { runInProcess, tempFiles } from "./cli.js";

const WEEK = "fixtures/traffic/saas-assistant-week.csv";
const level = chalk.level;
afterEach(() => {
  chalk.level = level;
});

describe("runInProcess", () => {
  it("restores chalk's level after --no-color set it to 0", async () => {
    chalk.level = 1;
    const result = await runInProcess(["project", "-t", WEEK, "-f", "json", "--no-color", "-q"]);
    expect(result.code).toBe(0);
    expect(chalk.level).toBe(1);
  });

  it("restores the working folder, the environment and process.exitCode", async () => {
    const cwd = process.cwd();
    const exitCode = process.exitCode;
    const dir = tempFiles({ "t.csv": "model,input_tokens,output_tokens\ngpt-4o,10,-1\n" });
    const result = await runInProcess(["project", "-t", "t.csv"], {
      cwd: dir,
      env: { LLMCOST_HARNESS_CHECK: "1" },
    });
    // The relative path was read from `dir`: the error names the row there.
    expect(result.stderr).toMatch(/^llmcost: t\.csv row 1, field "output_tokens": /);
    expect(result.code).toBe(2);
    expect(process.cwd()).toBe(cwd);
    expect(process.env.LLMCOST_HARNESS_CHECK).toBeUndefined();
    expect(process.exitCode).toBe(exitCode);
  });

  it("gives stdout and stderr back, even when the run fails", async () => {
    const { write: stdoutWrite } = process.stdout;
    const { write: stderrWrite } = process.stderr;
    await runInProcess(["project", "--bogus"]);
    expect(process.stdout.write).toBe(stdoutWrite);
    expect(process.stderr.write).toBe(stderrWrite);
  });
});
