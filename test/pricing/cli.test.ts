// `llmcost pricing list` and `pricing show`: stdout, stderr and exit code for each format and for bad input.
// The first case runs the built binary (`npm test` builds first); the rest run in-process (runInProcess).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanError, runCli, runInProcess, tempFiles } from "../cli.js";

const SONNET_BEDROCK = "global.anthropic.claude-sonnet-4-5-20250929-v1:0";

describe("llmcost pricing show", () => {
  it("prints every component, the sources and the as-of date as a table", () => {
    const result = runCli([
      "pricing",
      "show",
      "claude-sonnet-4-5",
      "--as-of",
      "2025-10-01",
      "--format",
      "table",
      "--max-age-days",
      "100000",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "anthropic/claude-sonnet-4-5-20250929 (family claude-sonnet-4.5, latest)",
    );
    expect(result.stdout).toMatch(/on-demand\s+│\s+\$3\.00 │\s+\$15\.00 │\s+\$0\.30 │\s+\$3\.75 │\s+\$6\.00/);
    expect(result.stdout).toMatch(/long context \(prompt > 200,000\)\s+│\s+\$6\.00 │\s+\$22\.50/);
    expect(result.stdout).toMatch(/batch\s+│\s+\$1\.50 │\s+\$7\.50/);
    expect(result.stdout).toContain("LiteLLM model_prices_and_context_window.json");
    expect(result.stdout).toMatch(/as of \d{4}-\d{2}-\d{2} \(\d+ days old\)/);
    expect(result.stdout).not.toContain("STALE");
  });

  it("flags a price older than --max-age-days as stale, on stdout and stderr", async () => {
    const result = await runInProcess([
      "pricing",
      "show",
      "gpt-4o",
      "--format",
      "table",
      "--max-age-days",
      "1",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("STALE: older than 1 days");
    expect(result.stderr).toMatch(/warning: openai\/gpt-4o: prices as of .* are older than 1 days/);
  });

  it("prints JSON with the scope named by a Bedrock profile id", async () => {
    const result = await runInProcess([
      "pricing",
      "show",
      SONNET_BEDROCK,
      "--format",
      "json",
      "--max-age-days",
      "100000",
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      schema_version: 2,
      key: "bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0",
      scope: "global",
      family: "claude-sonnet-4.5",
      prices: {
        standard: { input: 3, output: 15, cache_read: 0.3 },
        long_context: { threshold_tokens: 200000 },
      },
      profile_multipliers: { global: 1, geo: 1.1, "in-region": 1.1 },
      stale: false,
    });
    expect(report.sources.length).toBeGreaterThan(1);
  });

  it("prints CSV, one row per component", async () => {
    const result = await runInProcess(["pricing", "show", "amazon.titan-text-express-v1", "--format", "csv"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe("key,tier,component,value,unit");
    expect(lines).toContain(
      "bedrock/amazon.titan-text-express-v1,provisioned,1-month,18.4,usd_per_unit_hour",
    );
    // AWS lists Titan Text Express at $0.0002 per 1K input tokens = $0.20 per 1M (LiteLLM's 1.3 was stale).
    expect(lines).toContain("bedrock/amazon.titan-text-express-v1,standard,input,0.2,usd_per_1m_tokens");
  });

  it("prints markdown", async () => {
    const result = await runInProcess(["pricing", "show", "o3", "--format", "markdown"]);
    expect(result.code).toBe(0);
    // o3 is the only model of line "o" in the catalog, so it is that line's latest.
    expect(result.stdout).toContain("# openai/o3 (family o3, latest)");
    expect(result.stdout).toContain(
      "| tier | input | output | cache read | cache write 5m | cache write 1h |",
    );
    expect(result.stdout).toMatch(/\| flex \| \$1\.00 \| \$4\.00 \| \$0\.25 \|/);
  });

  it("writes the report to --output and nothing to stdout", async () => {
    const dir = tempFiles({});
    const file = join(dir, "gpt-5.json");
    const result = await runInProcess(["pricing", "show", "gpt-5", "--format", "json", "--output", file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(JSON.parse(readFileSync(file, "utf8")).key).toBe("openai/gpt-5");
  });

  it("finds a model added by --pricing", async () => {
    const result = await runInProcess([
      ...["pricing", "show", "amazon.nova-premier-v1:0", "--format", "json"],
      ...["--pricing", "fixtures/pricing/custom-models.yaml"],
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).prices.batch).toMatchObject({ input: 1.25, output: 6.25 });
  });

  it("exits 2 on an unknown model, suggesting close ids, without a stack trace", async () => {
    const result = await runInProcess(["pricing", "show", "gpt-4-omni"]);
    expectCleanError(result);
    expect(result.stderr).toMatch(/^llmcost: unknown model "gpt-4-omni"; did you mean .*openai\/gpt-4o/);
  });

  it("exits 2 on an ambiguous id, listing the candidates", async () => {
    const dir = tempFiles({
      "azure.yaml":
        "version: 1\nmodels:\n  - {provider: azure, model: gpt-4o, input: 2.5, output: 10, source: t, as_of: 2026-01-01}\n",
    });
    const result = await runInProcess(["pricing", "show", "gpt-4o", "--pricing", join(dir, "azure.yaml")]);
    expectCleanError(result);
    expect(result.stderr).toContain("ambiguous: it matches azure/gpt-4o, openai/gpt-4o");
    const picked = await runInProcess([
      "pricing",
      "show",
      "gpt-4o",
      "--provider",
      "azure",
      "-f",
      "json",
      "--pricing",
      join(dir, "azure.yaml"),
    ]);
    expect(JSON.parse(picked.stdout).key).toBe("azure/gpt-4o");
  });

  it("exits 2 on a bad pricing file, naming file, line and field", async () => {
    const result = await runInProcess([
      "pricing",
      "show",
      "gpt-4o",
      "--pricing",
      "test/fixtures/pricing/negative-price.yaml",
    ]);
    expectCleanError(result);
    expect(result.stderr).toMatch(
      /^llmcost: test\/fixtures\/pricing\/negative-price.yaml:6, field "models\[0\].output": expected a price >= 0 \(USD per 1M tokens\)(, found -2)?\n$/,
    );
  });

  it("exits 2 on a malformed LiteLLM price, naming the model key and field", async () => {
    const result = await runInProcess([
      "pricing",
      "list",
      "--pricing",
      "test/fixtures/pricing/litellm-string-price.json",
    ]);
    expectCleanError(result);
    expect(result.stderr).toContain(
      'litellm-string-price.json:16, field "bad-model.output_cost_per_token": model "bad-model": expected a number',
    );
  });

  it("exits 2 on a missing pricing file and on a bad --max-age-days", async () => {
    expectCleanError(await runInProcess(["pricing", "show", "gpt-4o", "--pricing", "no-such-file.yaml"]));
    const bad = await runInProcess(["pricing", "show", "gpt-4o", "--max-age-days", "soon"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--max-age-days expects a positive whole number");
  });
});

describe("llmcost pricing list", () => {
  it("lists the bundled catalog filtered by provider, as a table", async () => {
    const result = await runInProcess(["pricing", "list", "--provider", "bedrock", "--format", "table"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+ models at bedrock, USD per 1M tokens/);
    expect(result.stdout).toContain("bedrock/amazon.nova-micro-v1:0");
    expect(result.stdout).not.toContain("openai/gpt-4o");
  });

  it("prints JSON, CSV and markdown", async () => {
    const json = JSON.parse((await runInProcess(["pricing", "list", "--format", "json"])).stdout);
    expect(json.schema_version).toBe(2);
    const keys = json.models.map((m: { key: string }) => m.key);
    expect(keys).toEqual(expect.arrayContaining(["openai/gpt-4o", "anthropic/claude-opus-4-1-20250805"]));
    const csv = (await runInProcess(["pricing", "list", "--provider", "openai", "--format", "csv"])).stdout
      .trim()
      .split("\n");
    expect(csv[0]).toBe(
      "key,provider,model,family,latest,input,output,cache_read,cache_write_5m,cache_write_1h,long_context_threshold_tokens,modes,provisioned,as_of,stale,kind,released,retired,prices_as_of",
    );
    // 20 current chat models of the first list, 31 more (pro, codex, o1, gpt-5.3, gpt-4-turbo, ... retired ones
    // listed as retired), 3 embedding models.
    expect(csv).toHaveLength(1 + 20 + 31 + 3);
    expect(csv.find((line) => line.startsWith("openai/gpt-4o,"))).toMatch(
      /^openai\/gpt-4o,openai,gpt-4o,gpt-4o,false,2.5,10,1.25,,,,batch priority,false,/,
    );
    const markdown = (
      await runInProcess(["pricing", "list", "--provider", "anthropic", "--format", "markdown"])
    ).stdout;
    expect(markdown).toContain("| anthropic/claude-3-haiku-20240307 |");
  });

  it("imports a LiteLLM file and reports the skipped entries on stderr", async () => {
    const result = await runInProcess([
      "pricing",
      "list",
      "--format",
      "json",
      "--pricing",
      "fixtures/pricing/litellm-sample.json",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/imported \d+ models; skipped 5 entries without token prices/);
    expect(JSON.parse(result.stdout).models.map((m: { key: string }) => m.key)).toContain(
      "deepseek/deepseek-chat",
    );
  });

  it("exits 2 for a provider the catalog does not have", async () => {
    const result = await runInProcess(["pricing", "list", "--provider", "nobody"]);
    expectCleanError(result);
    expect(result.stderr).toMatch(
      /no models at provider "nobody"; the catalog has: anthropic, bedrock, openai/,
    );
  });
});
