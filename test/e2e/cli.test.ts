// The program as a whole: version, help, usage errors, and output that pipes cleanly. --version and --help
// run the built binary; each command's help and the usage errors run in-process.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli, runInProcess } from "../cli.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));

describe("llmcost", () => {
  it("prints the package version", () => {
    const result = runCli(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it("lists every command with examples in --help", () => {
    const result = runCli(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["project", "route", "wizard", "pricing", "validate"]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    }
    expect(result.stdout).toContain("Examples:");
  });

  it("gives every command help with examples", async () => {
    for (const command of ["project", "route", "wizard", "pricing", "validate"]) {
      const result = await runInProcess([command, "--help"]);
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).toContain("$ llmcost");
    }
  });

  it("exits 2 on an unknown command or flag, without a stack trace", async () => {
    for (const args of [["projekt"], ["project", "--traffik", "x.csv"]]) {
      const result = await runInProcess(args);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
