// A LiteLLM-format file priced exactly as LiteLLM's own rules say. Expected dollars are computed per token,
// the way LiteLLM does (tokens x USD per token), independently of llmcost's per-million arithmetic.
import { describe, expect, it } from "vitest";
import type { ModelPrice } from "../../src/cost/price.js";
import { STANDARD, tokenCostUsd } from "../../src/cost/request-cost.js";
import { loadPricingFile } from "../../src/io/pricing-load.js";

async function model(key: string): Promise<ModelPrice> {
  const found = (await loadPricingFile("test/fixtures/pricing/litellm-rules.json")).find(
    (m) => m.key === key,
  );
  if (!found) throw new Error(`${key} missing`);
  return found;
}

describe("LiteLLM rules, Anthropic-style entry (claude-rules-test)", () => {
  it("cache read and 5-minute cache write", async () => {
    const claude = await model("anthropic/claude-rules-test");
    // prompt 10,000 = 2,000 uncached + 6,000 cache read + 2,000 cache write; output 1,000
    //   2,000 x 3e-6 = 0.006; 6,000 x 3e-7 = 0.0018; 2,000 x 3.75e-6 = 0.0075; 1,000 x 1.5e-5 = 0.015 → 0.0303
    const tokens = { input: 10_000, cacheRead: 6_000, cacheWrite: 2_000, output: 1_000 };
    expect(tokenCostUsd(claude, tokens, STANDARD)).toBeCloseTo(0.0303, 12);
  });

  it("1-hour cache write (cache_creation_input_token_cost_above_1hr)", async () => {
    const claude = await model("anthropic/claude-rules-test");
    //   0.006 + 0.0018 + 2,000 x 6e-6 (= 0.012) + 0.015 → 0.0348
    const tokens = { input: 10_000, cacheRead: 6_000, cacheWrite: 2_000, output: 1_000 };
    expect(tokenCostUsd(claude, tokens, { mode: "standard", cacheWriteTtl: "1h" })).toBeCloseTo(0.0348, 12);
  });

  it("the 200K cliff prices the whole request at the _above_200k_tokens rates", async () => {
    const claude = await model("anthropic/claude-rules-test");
    // prompt 200,000 (not above): 150,000 x 3e-6 = 0.45; 50,000 x 3e-7 = 0.015; 2,000 x 1.5e-5 = 0.03 → 0.495
    expect(
      tokenCostUsd(claude, { input: 200_000, cacheRead: 50_000, cacheWrite: 0, output: 2_000 }, STANDARD),
    ).toBeCloseTo(0.495, 12);
    // prompt 250,000 (above): 200,000 x 6e-6 = 1.2; 50,000 x 6e-7 = 0.03; 2,000 x 2.25e-5 = 0.045 → 1.275
    expect(
      tokenCostUsd(claude, { input: 250_000, cacheRead: 50_000, cacheWrite: 0, output: 2_000 }, STANDARD),
    ).toBeCloseTo(1.275, 12);
  });
});

describe("LiteLLM rules, OpenAI-style entry (gpt-rules-test)", () => {
  // prompt 100,000 of which 40,000 cached; output 10,000
  const tokens = { input: 100_000, cacheRead: 40_000, cacheWrite: 0, output: 10_000 };

  it("batch bills every prompt token at input_cost_per_token_batches (no cache discount)", async () => {
    const gpt = await model("openai/gpt-rules-test");
    //   100,000 x 1.25e-6 = 0.125; 10,000 x 5e-6 = 0.05 → 0.175
    expect(tokenCostUsd(gpt, tokens, { mode: "batch" })).toBeCloseTo(0.175, 12);
  });

  it("priority uses the _priority prices, cache read included", async () => {
    const gpt = await model("openai/gpt-rules-test");
    //   60,000 x 4.25e-6 = 0.255; 40,000 x 2.125e-6 = 0.085; 10,000 x 1.7e-5 = 0.17 → 0.51
    expect(tokenCostUsd(gpt, tokens, { mode: "priority" })).toBeCloseTo(0.51, 12);
  });

  it("flex falls back to the standard price for components without a _flex price", async () => {
    const gpt = await model("openai/gpt-rules-test");
    //   input_flex 1.25e-6: 60,000 x 1.25e-6 = 0.075; cache read (standard 1.25e-6): 40,000 x 1.25e-6 = 0.05;
    //   output (standard 1e-5): 10,000 x 1e-5 = 0.1 → 0.225
    expect(tokenCostUsd(gpt, tokens, { mode: "flex" })).toBeCloseTo(0.225, 12);
  });

  it("standard: 60,000 x 2.5e-6 + 40,000 x 1.25e-6 + 10,000 x 1e-5 = 0.15 + 0.05 + 0.1 = 0.3", async () => {
    const gpt = await model("openai/gpt-rules-test");
    expect(tokenCostUsd(gpt, tokens, STANDARD)).toBeCloseTo(0.3, 12);
  });
});
