// Issue 17, item 5: ordinary faults of the machine or the input are located exit-2 errors, not internal
// errors (exit 3). Through the binary. Reads that fail: /proc/self/mem (stat says a file; reading it at
// offset 0 gives EIO) and a folder where a file is expected; root ignores permission bits, so EACCES itself
// is not provoked here.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanError, ROOT, runCli, tempFiles } from "../cli.js";

const WEEK = join(ROOT, "fixtures/traffic/saas-assistant-week.csv");
const POLICY = join(ROOT, "fixtures/policies/seed-hybrid.yaml");
const MEM = "/proc/self/mem";

describe("an unreadable input is a located exit-2 error", () => {
  it.each([
    ["scenario", ["project", "-t", WEEK, "-s", MEM]],
    ["pricing", ["project", "-t", WEEK, "-p", MEM]],
    ["policy", ["route", "--dry-run", "-t", WEEK, "-P", MEM]],
    ["--diff policy", ["route", "--dry-run", "-t", WEEK, "-P", POLICY, "--diff", MEM]],
    ["wizard answers", ["wizard", "--answers", MEM, "--out-dir", tempFiles({}), "--yes"]],
  ])("%s", (_, args) => {
    const result = runCli(args);
    expectCleanError(result);
    expect(result.stderr).toBe(`llmcost: ${MEM}: cannot be read: input/output error\n`);
  });

  it("validate reports every unreadable file and goes on with the rest", () => {
    const dir = tempFiles({});
    mkdirSync(join(dir, "folder.yaml"));
    const result = runCli(["validate", MEM, join(dir, "folder.yaml"), POLICY, MEM]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")).toEqual([
      `problem  ${MEM}: cannot be read: input/output error`,
      `problem  ${join(dir, "folder.yaml")}: is a directory; expected a file`,
      `ok       ${POLICY} (policy: 5 targets, 3 rules)`,
      `problem  ${MEM}: cannot be read: input/output error`,
      "4 files checked, 3 with problems",
      "",
    ]);
  });
});

describe("big and odd pricing files", () => {
  it("a LiteLLM file with 200,000 priced models loads (no call-stack overflow)", () => {
    const dir = tempFiles({});
    const entries: Record<string, unknown> = {};
    for (let i = 0; i < 200_000; i++) {
      entries[`bulk-model-${i}`] = {
        litellm_provider: "openai",
        mode: "chat",
        input_cost_per_token: 1e-6,
        output_cost_per_token: 2e-6,
      };
    }
    writeFileSync(join(dir, "litellm.json"), JSON.stringify(entries));
    const result = runCli(
      ["pricing", "show", "bulk-model-199999", "-p", join(dir, "litellm.json"), "-f", "json"],
      {
        timeoutMs: 300_000,
      },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).model).toBe("bulk-model-199999");
  }, 320_000);
});
