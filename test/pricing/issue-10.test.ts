// Issue 10: prices pinned by hand (the fixed ones, a sample of new ones on both sides, Sonnet 5 before and
// after its 2026-09-01 price change), derived `latest`, lifecycle, and the audit against fixture copies of
// the two price sources (test/fixtures/pricing/audit, subsets of the 2026-08 snapshots).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/io/pricing-load.js";
import { runCli, tempFiles } from "../cli.js";

const AUDIT = "test/fixtures/pricing/audit";

describe("bundled catalog prices (USD per 1M tokens, from the providers' pages)", () => {
  it("has the corrected prices", async () => {
    const catalog = await loadCatalog([], { asOf: "2026-08-15" });
    const at = (id: string, provider?: string) => catalog.resolve(id, provider)?.price;
    // AWS: Titan Text Express $0.0002 / $0.0006 per 1K tokens = 0.20 / 0.60 per 1M.
    expect(at("amazon.titan-text-express-v1")?.rates).toMatchObject({ input: 0.2, output: 0.6 });
    // Titan Text Lite $0.00015 / $0.0002 per 1K = 0.15 / 0.20 per 1M.
    expect(at("amazon.titan-text-lite-v1")?.rates).toMatchObject({ input: 0.15, output: 0.2 });
    // Llama 3.1 70B $0.00072 per 1K = 0.72 per 1M, in and out.
    expect(at("meta.llama3-1-70b-instruct-v1:0")?.rates).toMatchObject({ input: 0.72, output: 0.72 });
    // Sonnet 4 long context: input 6 (2 x 3); the 1-hour write is 2 x the long-context input = 12.
    expect(at("claude-sonnet-4-20250514", "anthropic")?.longContext?.rates.cacheWrite1h).toBe(12);
    // Claude 3 Haiku on Bedrock: no prompt caching, so no cache prices.
    const haiku = at("anthropic.claude-3-haiku-20240307-v1:0");
    expect(haiku?.rates.cacheRead).toBeUndefined();
    expect(haiku?.rates.cacheWrite5m).toBeUndefined();
    // Claude 2.1 provisioned throughput, 6 months: $35.00 per unit-hour (not 34.99).
    expect(at("anthropic.claude-v2:1")?.provisioned?.perUnitHour["6-month"]).toBe(35);
  });

  it("has new models on both sides, under the sources' ids", async () => {
    const catalog = await loadCatalog([], { asOf: "2026-08-15" });
    const at = (id: string, provider?: string) => catalog.resolve(id, provider)?.price;
    expect(at("gpt-4.1-nano")?.rates).toMatchObject({ input: 0.1, output: 0.4 });
    expect(at("gpt-5-nano")?.rates).toMatchObject({ input: 0.05, output: 0.4 });
    expect(at("claude-opus-4-8", "anthropic")?.rates).toMatchObject({ input: 5, output: 25 });
    expect(at("openai.gpt-oss-120b-1:0")?.rates).toMatchObject({ input: 0.15, output: 0.6 });
    expect(at("text-embedding-3-small")?.rates.input).toBe(0.02);
    expect(at("text-embedding-3-small")?.kind).toBe("embedding");
    // gpt-5.1 has no mini or nano; gpt-5.6 ships plain and as luna, sol and terra.
    expect(at("gpt-5.1-mini")).toBeUndefined();
    expect(at("gpt-5.6-luna", "openai")?.family).toBe("gpt-5.6-luna");
  });

  it("lists OpenAI's pro, codex, o1, gpt-5.3 and gpt-4-turbo models; retired ones as retired", async () => {
    const catalog = await loadCatalog([], { asOf: "2026-08-15" });
    const at = (id: string) => catalog.resolve(id, "openai")?.price;
    // OpenAI's price page / both sources: o1 $15 / $60, o1-pro $150 / $600, gpt-4-turbo $10 / $30.
    expect(at("o1-2024-12-17")?.rates).toMatchObject({ input: 15, output: 60 });
    expect(at("o1-pro")?.rates).toMatchObject({ input: 150, output: 600 });
    expect(at("gpt-4-turbo")?.rates).toMatchObject({ input: 10, output: 30 });
    // gpt-5.4-pro: $30 / $180, and $60 / $270 for prompts over 272K tokens (genai-prices' tier).
    expect(at("gpt-5.4-pro")?.longContext).toMatchObject({
      thresholdTokens: 272_000,
      rates: { input: 60, output: 270 },
    });
    expect(at("gpt-5.3-codex")?.rates).toMatchObject({ input: 1.75, output: 14 });
    // genai-prices' "gpt-5.3" is GPT-5.3 Chat (gpt-5.3-chat-latest), shut down 2026-08-10.
    expect(at("gpt-5.3")?.key).toBe("openai/gpt-5.3-chat-latest");
    expect(at("gpt-5.3")?.retired).toBe("2026-08-10");
    expect(at("gpt-5.1-codex")?.retired).toBe("2026-07-23");
    // Lines: gpt-5.5-pro is the latest pro on 2026-08-15, o3-mini lost o-mini to o4-mini.
    expect(at("gpt-5.5-pro")?.latest).toBe(true);
    expect(at("gpt-5.4-pro")?.latest).toBe(false);
    expect(at("o3-mini")?.latest).toBe(false);
  });

  it("prices Sonnet 5 at $2/$10 until 2026-08-31 and $3/$15 from 2026-09-01, on both sides", async () => {
    const before = await loadCatalog([], { asOf: "2026-08-31" });
    const after = await loadCatalog([], { asOf: "2026-09-01" });
    expect(before.resolve("claude-sonnet-5", "anthropic")?.price.rates).toMatchObject({
      input: 2,
      output: 10,
    });
    expect(after.resolve("claude-sonnet-5", "anthropic")?.price.rates).toMatchObject({
      input: 3,
      output: 15,
    });
    // Bedrock: global price $3/$15; regional endpoints x1.1 = $3.30 / $16.50.
    const bedrock = after.resolve("us.anthropic.claude-sonnet-5")?.price;
    expect(bedrock?.rates).toMatchObject({ input: 3, output: 15 });
    expect(bedrock?.profileMultipliers?.geo).toBe(1.1);
  });

  it("derives latest per line from release dates, and knows retirements", async () => {
    const catalog = await loadCatalog([], { asOf: "2026-08-15" });
    const at = (id: string) => catalog.resolve(id, "anthropic")?.price;
    expect(at("claude-sonnet-5")?.latest).toBe(true);
    expect(at("claude-sonnet-4-5")?.latest).toBe(false);
    expect(at("claude-sonnet-4-20250514")?.retired).toBe("2026-06-15");
    expect(at("claude-opus-4-1")?.retired).toBe("2026-08-05");
    const early = await loadCatalog([], { asOf: "2025-10-01" });
    expect(early.resolve("claude-sonnet-4-5", "anthropic")?.price.latest).toBe(true);
  });
});

describe("llmcost pricing audit", () => {
  it("passes: every disagreement in the fixture sources is explained by the catalog", () => {
    const result = runCli([
      "pricing",
      "audit",
      "--litellm",
      `${AUDIT}/litellm-subset.json`,
      "--genai-prices",
      `${AUDIT}/genai`,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("0 unexplained");
    expect(result.stdout).toContain(
      'explained  bedrock/amazon.titan-text-express-v1 input on 2026-08-01: litellm "amazon.titan-text-express-v1" says 1.3, catalog 0.2',
    );
  });

  it("fails on a disagreement the catalog does not explain", () => {
    const dir = tempFiles({
      "litellm.json": JSON.stringify({
        "gpt-5-mini": {
          litellm_provider: "openai",
          mode: "chat",
          input_cost_per_token: 3e-7,
          output_cost_per_token: 2e-6,
        },
      }),
    });
    const file = join(dir, "litellm.json");
    const result = runCli(["pricing", "audit", "--litellm", file, "--format", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.unexplained).toBe(1);
    expect(report.findings[0]).toMatchObject({
      key: "openai/gpt-5-mini",
      component: "input",
      sourceValue: 0.3,
      catalogValue: 0.25,
    });
  });
});

describe("llmcost pricing show --as-of", () => {
  it("reports that date's prices in prices.standard", () => {
    const result = runCli([
      "pricing",
      "show",
      "claude-sonnet-5",
      "--provider",
      "anthropic",
      "--as-of",
      "2026-08-15",
      "--format",
      "json",
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.prices_as_of).toBe("2026-08-15");
    expect(report.prices.standard).toMatchObject({ input: 2, output: 10 });
  });
});

describe("review defects: as-of dates and price history", () => {
  it("pricing list: no price is as of a date before the model's release; dates come from the sources", () => {
    const result = runCli(["pricing", "list", "--format", "json", "--as-of", "2026-08-15"]);
    expect(result.code).toBe(0);
    const models: { key: string; as_of: string; released: string | null }[] = JSON.parse(
      result.stdout,
    ).models;
    const early = models.filter((m) => m.released !== null && m.as_of < m.released).map((m) => m.key);
    expect(early).toEqual([]);
    const asOf = (key: string) => models.find((m) => m.key === key)?.as_of;
    // genai-prices' prices_checked for Claude Sonnet 5 is 2026-07-29 (after its 2026-06-30 release).
    expect(asOf("anthropic/claude-sonnet-5")).toBe("2026-07-29");
    // Opus 5's prices_checked (2026-07-29) precedes its release bound (2026-08-01): the genai-prices
    // snapshot's date (2026-08-21) is used instead.
    expect(asOf("anthropic/claude-opus-5")).toBe("2026-08-21");
    // A price from LiteLLM alone is as of that snapshot: GPT-5.6 Sol, 2026-08-01.
    expect(asOf("openai/gpt-5.6-sol")).toBe("2026-08-01");
  });

  it("pricing show: the history line starts with the first known price", () => {
    const args = ["pricing", "show", "claude-sonnet-5", "--provider", "anthropic", "--as-of", "2026-08-15"];
    const table = runCli([...args, "--format", "table"]);
    expect(table.stdout).toContain(
      "price history: from 2026-06-30 $2.00 / $10.00, from 2026-09-01 $3.00 / $15.00",
    );
    const json = JSON.parse(runCli([...args, "--format", "json"]).stdout);
    expect(json.price_history).toEqual([
      { from: "2026-06-30", input: 2, output: 10 },
      { from: "2026-09-01", input: 3, output: 15 },
    ]);
  });
});
