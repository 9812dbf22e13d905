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

  it("detects logs and usage exports as traffic (JSON beside LiteLLM's price map, gzip by its bytes)", async () => {
    const hour11 =
      "fixtures/logs/bedrock/AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2026/11/02/11/20261102T1100Z_1a2b3c4d5e6f7a8b.json.gz";
    const result = await runInProcess([
      "validate",
      "fixtures/logs/bedrock/cloudwatch/filter-log-events.json",
      hour11,
      "fixtures/pricing/litellm-sample.json",
      "fixtures/logs/openai-usage-no-model/completions.json",
    ]);
    expect(result.code).toBe(2);
    const lines = result.stdout.trim().split("\n");
    // fixtures/logs/README.md: 4 CloudWatch events; 4 records in the 11:00 object.
    expect(lines[0]).toBe(
      "ok       fixtures/logs/bedrock/cloudwatch/filter-log-events.json (traffic: bedrock-invocation-logs, 4 rows, 4 requests)",
    );
    expect(lines[1]).toBe(`ok       ${hour11} (traffic: bedrock-invocation-logs, 4 rows, 4 requests)`);
    expect(lines[2]).toMatch(/^ok {7}fixtures\/pricing\/litellm-sample\.json \(pricing: /);
    expect(lines[3]).toMatch(/completions\.json record 0, field "results\[0\]\.model": model is null/);
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
