// The "cheaper model" tip suggests a model that could serve the traffic: a chat model of the same vendor,
// live at --as-of. Never an embedding model (it cannot answer), never a retired one.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/cost/analyzer.js";
import { PricingCatalog } from "../../src/cost/catalog.js";
import type { ModelPrice } from "../../src/cost/price.js";
import { scenarioSchema } from "../../src/cost/scenario-schema.js";
import type { TrafficMix } from "../../src/cost/traffic-mix.js";
import { SMALL_CATALOG_MODELS } from "./small-catalog.js";

const base = { aliases: [], source: "test", asOf: "2026-01-01", provider: "bedrock" };
const CANDIDATES: ModelPrice[] = [
  // Cheapest of all, but an embedding model.
  {
    ...base,
    key: "bedrock/anthropic.claude-embed-v1:0",
    model: "anthropic.claude-embed-v1:0",
    family: "claude-embed",
    kind: "embedding",
    rates: { input: 0.01, output: 0 },
  },
  // Next cheapest, but retired before the as-of date.
  {
    ...base,
    key: "bedrock/anthropic.claude-haiku-old-v1:0",
    model: "anthropic.claude-haiku-old-v1:0",
    family: "claude-haiku-3",
    retired: "2026-03-01",
    rates: { input: 0.25, output: 1.25 },
  },
  {
    ...base,
    key: "bedrock/anthropic.claude-haiku-4-5-v1:0",
    model: "anthropic.claude-haiku-4-5-v1:0",
    family: "claude-haiku-4.5",
    rates: { input: 1, output: 5 },
  },
];

// 1,000 classification requests on Claude Sonnet 4.5: 1,000 prompt tokens and 50 output tokens each.
const mix: TrafficMix = {
  requests: 1000,
  tokens: { input: 1_000_000, cacheRead: 0, cacheWrite: 0, output: 50_000 },
  buckets: [
    {
      provider: "anthropic",
      model: "claude-sonnet-4-5",
      useCase: "classification",
      requests: 1000,
      tokens: { input: 1_000_000, cacheRead: 0, cacheWrite: 0, output: 50_000 },
      requiresCompliance: false,
      requiresLatest: false,
      promptAbove: 0,
    },
  ],
};

const scenario = scenarioSchema.parse({
  version: 1,
  name: "tips",
  options: [{ id: "bedrock", kind: "bedrock", inference_profile: "global" }],
});

describe("the cheaper-model tip", () => {
  it("suggests a live chat model of the same vendor, with the saving worked out", () => {
    const catalog = new PricingCatalog([...SMALL_CATALOG_MODELS, ...CANDIDATES]).at("2026-06-01");
    const tip = analyze({ scenario, mix, monthlyRequests: 1000, catalog }).tips.find(
      (t) => t.id === "cheaper-model",
    );
    // Sonnet 4.5: 1M x $3 + 50k x $15 = $3.75; Haiku 4.5: 1M x $1 + 50k x $5 = $1.25; saving $2.50.
    expect(tip?.title).toContain("anthropic.claude-haiku-4-5-v1:0");
    expect(tip?.monthlySavingUsd).toBeCloseTo(2.5, 9);
  });

  it("suggests the retired model only before its retirement", () => {
    const catalog = new PricingCatalog([...SMALL_CATALOG_MODELS, ...CANDIDATES]).at("2026-02-01");
    const tip = analyze({ scenario, mix, monthlyRequests: 1000, catalog }).tips.find(
      (t) => t.id === "cheaper-model",
    );
    // Haiku old: 1M x $0.25 + 50k x $1.25 = $0.3125; saving $3.75 - $0.3125 = $3.4375.
    expect(tip?.title).toContain("anthropic.claude-haiku-old-v1:0");
    expect(tip?.monthlySavingUsd).toBeCloseTo(3.4375, 9);
  });
});
