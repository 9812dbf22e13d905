// `llmcost validate`: the bundled fixtures through the built binary, the problem reports in-process.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runInProcess, tempFiles } from "../cli.js";

describe("llmcost validate", () => {
  it("accepts every bundled fixture, detecting each kind", () => {
    const files = [
      "fixtures/traffic/saas-assistant-week.csv",
      "fixtures/scenarios/default.yaml",
      "fixtures/scenarios/rag-guardrails.yaml",
      "fixtures/scenarios/provisioned-titan.yaml",
      "fixtures/policies/seed-hybrid.yaml",
      "fixtures/pricing/custom-models.yaml",
      "fixtures/pricing/litellm-sample.json",
      "fixtures/wizard/saas-assistant.answers.yaml",
    ];
    const result = runCli(["validate", ...files]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "ok       fixtures/traffic/saas-assistant-week.csv (traffic: 4000 rows, 4000 requests)",
    );
    expect(result.stdout).toContain("(scenario: 3 options)");
    expect(result.stdout).toContain("(policy:");
    expect(result.stdout).toContain("(answers: valid)");
    expect(result.stdout.trim().split("\n").at(-1)).toBe("8 files checked, 0 with problems");
  });

  it("lists every problem of a scenario with its line and field, and exits 2", async () => {
    const dir = tempFiles({
      "s.yaml":
        "version: 1\nname: x\noptions:\n  - id: a\n    kind: direkt\n  - id: b\n    kind: bedrock\n    discount: 2\n",
    });
    const result = await runInProcess(["validate", join(dir, "s.yaml")]);
    expect(result.code).toBe(2);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      `problem  ${join(dir, "s.yaml")}:5, field "options[0].kind": expected one of "direct", "direct-batch", "bedrock", "bedrock-batch", "bedrock-provisioned", "policy", found "direkt"`,
    );
    expect(lines[1]).toMatch(/s\.yaml:8, field "options\[1\]\.discount": .*found 2$/);
    expect(lines.at(-1)).toBe("1 file checked, 1 with problems");
  });

  it("says what it expected when it cannot tell a file's kind", async () => {
    const dir = tempFiles({ "x.yaml": "hello: world\n" });
    const result = await runInProcess(["validate", join(dir, "x.yaml")]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("cannot tell what kind of file this is (top-level keys: hello)");
    expect(result.stdout).toContain("pass --kind");
  });

  it("reports as JSON", async () => {
    const dir = tempFiles({ "t.csv": "model,input_tokens,output_tokens\ngpt-4o,10,-1\n" });
    const result = await runInProcess(["validate", "--format", "json", join(dir, "t.csv")]);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.files[0]).toMatchObject({ kind: "traffic", valid: false });
    expect(report.files[0].problems[0]).toMatchObject({ row: 1, field: "output_tokens" });
  });
});
