// Issue 17, item 3: YAML loading is linear in the number of keys (the parser's quadratic duplicate-key check
// is replaced, problems are located through a one-pass index), inputs over 16 MB are refused, and Ctrl-C
// stops the parse of a large file at once. Through the binary; generous timeouts, no stopwatch.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanError, ROOT, runCli, tempFiles } from "../cli.js";

function policyWithTargets(count: number, model: (i: number) => string): string {
  const lines = ["version: 1", "targets:"];
  for (let i = 0; i < count; i++) lines.push(`  t${i}: { provider: openai, model: ${model(i)} }`);
  lines.push("default:", "  route: { target: t0 }", "");
  return lines.join("\n");
}

describe("large YAML inputs", () => {
  it("a policy with 40,000 targets validates", () => {
    const dir = tempFiles({ "p.yaml": policyWithTargets(40_000, () => "gpt-4o") });
    const result = runCli(["validate", join(dir, "p.yaml")], { timeoutMs: 300_000 });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("(policy: 40000 targets, 0 rules)");
  }, 320_000);

  it("40,000 located problems: the first 21 listed with their lines, then a count", () => {
    const dir = tempFiles({ "p.yaml": policyWithTargets(40_000, (i) => `nope-${i}`) });
    const result = runCli(
      ["route", "--dry-run", "-t", "fixtures/traffic/saas-assistant-week.csv", "-P", join(dir, "p.yaml")],
      {
        timeoutMs: 300_000,
      },
    );
    expectCleanError(result);
    const lines = result.stderr.trimEnd().split("\n");
    // targets start on line 3: target t<i> is on line 3 + i.
    expect(lines[0]).toBe(
      `llmcost: ${join(dir, "p.yaml")}:3, field "targets.t0.model": no price for openai/nope-0 in the pricing catalog (add it with --pricing FILE)`,
    );
    expect(lines[1]).toBe("39999 more problem(s):");
    expect(lines[2]).toBe(
      "  line 4, targets.t1.model: no price for openai/nope-1 in the pricing catalog (add it with --pricing FILE)",
    );
    expect(lines.at(-1)).toBe("  ... and 39979 more");
  }, 320_000);

  it("a duplicate key deep in a large file is found, with its line", () => {
    const text = policyWithTargets(20_000, () => "gpt-4o").replace("  t19999:", "  t5:");
    const dir = tempFiles({ "p.yaml": text });
    const result = runCli(["validate", join(dir, "p.yaml")], { timeoutMs: 300_000 });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      `problem  ${join(dir, "p.yaml")}:20002:3: invalid YAML: Map keys must be unique`,
    );
  }, 320_000);

  it("a YAML file over 16 MB is refused with its size", () => {
    const dir = tempFiles({});
    writeFileSync(join(dir, "big.yaml"), `version: 1\n${"# padding\n".repeat(1_700_000)}`);
    const result = runCli([
      "project",
      "-t",
      "fixtures/traffic/saas-assistant-week.csv",
      "-s",
      join(dir, "big.yaml"),
    ]);
    expectCleanError(result);
    expect(result.stderr).toBe(
      `llmcost: ${join(dir, "big.yaml")}: is 16.2 MB; YAML inputs are limited to 16 MB (a scenario, policy, pricing or answers file is far smaller; for large price lists use LiteLLM JSON)\n`,
    );
  });

  it("Ctrl-C during the parse of a 15 MB policy stops the process", async () => {
    const dir = tempFiles({});
    let text = "version: 1\ntargets:\n";
    const line = (i: number) => `  t${i}: { provider: openai, model: gpt-4o }\n`;
    const parts: string[] = [];
    let size = text.length;
    for (let i = 0; size < 15 * 2 ** 20; i++) {
      parts.push(line(i));
      size += line(i).length;
    }
    text += parts.join("");
    writeFileSync(join(dir, "p.yaml"), text);
    const child = spawn(process.execPath, [join(ROOT, "bin/llmcost.js"), "validate", join(dir, "p.yaml")], {
      cwd: ROOT,
      stdio: "ignore",
    });
    // The parse of 15 MB takes far longer than this; the signal arrives while it runs.
    setTimeout(() => child.kill("SIGINT"), 1500);
    const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.on("exit", (code, signal) => resolve({ code, signal }));
    });
    // Ended by the signal itself (a shell reports 130) or by the handler (exit 130).
    expect(outcome.signal === "SIGINT" || outcome.code === 130).toBe(true);
  }, 120_000);
});
