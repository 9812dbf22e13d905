// One run of the built binary per class of error: the corpora in test/reliability/ run in-process (through
// `main`), so these keep the binary's own wiring tested: bin/llmcost.js -> runBinary -> the exit code and the
// one stderr line a user sees. Interrupts (SIGINT, SIGTERM) are in test/reliability/interrupt.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanError, expectLocatedError, runCli, tempFiles } from "../cli.js";

const WEEK = "fixtures/traffic/saas-assistant-week.csv";
const POLICY = "fixtures/policies/seed-hybrid.yaml";

describe("each error class through the binary", () => {
  it("bad traffic CSV: exit 2, one located line, no output file", () => {
    const out = tempFiles({});
    const file = "test/fixtures/bad/tokens-negative.csv";
    const result = runCli(["project", "-t", file, "-f", "json", "-o", join(out, "report.json")]);
    expectLocatedError(
      result,
      { file, row: 1, field: "output_tokens" },
      /expected a whole number of tokens, found "-10" \(negative\)$/,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it("bad YAML: exit 2, one line with the file, line and field, no decisions file", () => {
    const out = tempFiles({});
    const file = "test/fixtures/bad/policy-unknown-target.yaml";
    const result = runCli(["route", "--dry-run", "-t", WEEK, "-P", file, "--decisions", join(out, "d.csv")]);
    expectLocatedError(
      result,
      { file, line: 9, field: "rules[0].route.target" },
      /unknown target "bedrock-sonet"; the policy's targets are bedrock-sonnet$/,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it("bad pricing file: exit 2, one located line", () => {
    const file = "test/fixtures/pricing/litellm-string-price.json";
    expectLocatedError(
      runCli(["project", "-t", WEEK, "-p", file]),
      { file, line: 16, field: "bad-model.output_cost_per_token" },
      /model "bad-model": expected a number, found string "0.000002"$/,
    );
  });

  it("bad flag (commander) and bad usage (llmcost's own check): exit 2 with the reason", () => {
    const flag = runCli(["project", "-t", WEEK, "--format", "xml"]);
    expectCleanError(flag);
    expect(flag.stderr).toMatch(
      /^error: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are table, json, csv, markdown, html\.\n/,
    );
    const usage = runCli(["route", "-t", WEEK, "-P", POLICY]);
    expectCleanError(usage);
    expect(usage.stderr).toMatch(/^llmcost: route needs --dry-run: /);
  });

  it("output path: a folder that does not exist is refused before the run", () => {
    const dir = tempFiles({ "report.json": "previous\n" });
    const file = join(dir, "missing", "out.json");
    expectLocatedError(
      runCli(["project", "-t", WEEK, "-o", file]),
      { file },
      /cannot be written \(--output\): expected an existing folder ".*missing", found nothing there$/,
    );
    expect(readdirSync(dir)).toEqual(["report.json"]);
    expect(readFileSync(join(dir, "report.json"), "utf8")).toBe("previous\n");
  });

  it("internal error (a bug): exit 3, a short message, the stack only with --verbose", () => {
    // Nothing in llmcost fails on purpose, so a preload makes writing stdout throw an unknown error.
    const env = { NODE_OPTIONS: "--import=./test/fixtures/inject/stdout-throws.mjs" };
    const result = runCli(["project", "-t", WEEK], { env });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "llmcost: internal error: injected failure writing stdout\n" +
        "(this is a bug in llmcost; rerun with --verbose for the stack trace)\n",
    );
    const verbose = runCli(["project", "-t", WEEK, "--verbose"], { env });
    expect(verbose.code).toBe(3);
    expect(verbose.stderr).toMatch(
      /^llmcost: internal error: injected failure writing stdout\nError: .*\n\s+at /,
    );
  });
});
