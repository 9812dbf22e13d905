// Issue 17, item 8: money that overflows double precision (Infinity, NaN) is an error naming the inputs,
// never "$∞" in a table, null in JSON with `complete: true`, or Infinity in a decisions file. Through the binary.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanError, ROOT, runCli, tempFiles } from "../cli.js";

const WEEK = join(ROOT, "fixtures/traffic/saas-assistant-week.csv");
const POLICY = join(ROOT, "fixtures/policies/seed-hybrid.yaml");
// gpt-4o at 1e305 $ per million input tokens: a week of requests with thousands of tokens each is
// 1e305 x (well over 1e6 tokens) / 1e6 > 1.8e308, past the largest double: Infinity.
const HUGE = `version: 1
models:
  - { provider: openai, model: gpt-4o, input: 1e305, output: 2, source: test, as_of: 2026-01-01 }
`;

describe("overflowing money is an error naming the inputs", () => {
  it.each(["table", "json"])("project --format %s: exit 2, no report", (format) => {
    const dir = tempFiles({ "huge.yaml": HUGE });
    const result = runCli(["project", "-t", WEEK, "-p", join(dir, "huge.yaml"), "-f", format]);
    expectCleanError(result);
    expect(result.stderr).toMatch(
      new RegExp(
        `^llmcost: ${join(dir, "huge.yaml")}, field "options\\[0\\]\\.[a-z_.\\[\\]0-9]+": money overflows.*not a finite number of dollars; check the prices and unit prices in ${join(dir, "huge.yaml")}, .*default\\.yaml`,
      ),
    );
    expect(result.stderr).not.toContain("∞");
  });

  it("route --dry-run with --decisions: exit 2, no decisions file and no report", () => {
    const dir = tempFiles({ "huge.yaml": HUGE });
    const result = runCli([
      "route",
      "--dry-run",
      ...["-t", WEEK, "-P", POLICY, "-p", join(dir, "huge.yaml")],
      ...["--decisions", join(dir, "d.csv"), "-o", join(dir, "r.json")],
    ]);
    expectCleanError(result);
    expect(result.stderr).toMatch(/money overflows: request \S+ has a logged cost of Infinity dollars/);
    expect(readdirSync(dir)).toEqual(["huge.yaml"]);
  });

  it("route --dry-run summary: exit 2 naming the pricing file", () => {
    const dir = tempFiles({ "huge.yaml": HUGE });
    const result = runCli([
      "route",
      "--dry-run",
      "-t",
      WEEK,
      "-P",
      POLICY,
      "-p",
      join(dir, "huge.yaml"),
      "-f",
      "json",
    ]);
    expectCleanError(result);
    expect(result.stderr).toMatch(
      new RegExp(`^llmcost: ${join(dir, "huge.yaml")}, field "[^"]+": money overflows`),
    );
  });
});

describe("the wizard's projection", () => {
  it("overflowing money: exit 2 naming the answers and pricing files; no file written", () => {
    const dir = tempFiles({ "huge.yaml": HUGE });
    const answers = join(ROOT, "fixtures/wizard/saas-assistant.answers.yaml");
    const out = join(dir, "out");
    const result = runCli([
      "wizard",
      "--answers",
      answers,
      "-p",
      join(dir, "huge.yaml"),
      "--out-dir",
      out,
      "--yes",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`^llmcost: ${answers}, field "[^"]+": money overflows: .*${join(dir, "huge.yaml")}`),
    );
    expect(readdirSync(dir)).toEqual(["huge.yaml"]);
  });
});
