// A three-model catalog whose prices tests can do arithmetic with (USD per 1M tokens): gpt-4o direct,
// Claude Sonnet 4.5 direct, and Claude Sonnet 4.5 on Bedrock with a long-context tier, batch prices,
// profile multipliers and provisioned throughput.
import { PricingCatalog } from "../../src/cost/catalog.js";
import type { ModelPrice } from "../../src/cost/price.js";

const base = { aliases: [], source: "test", asOf: "2026-01-01" };
const sonnetRates = { input: 3, output: 15, cacheRead: 0.3, cacheWrite5m: 3.75 };

export const SMALL_CATALOG_MODELS: ModelPrice[] = [
  {
    ...base,
    key: "openai/gpt-4o",
    provider: "openai",
    model: "gpt-4o",
    family: "gpt-4o",
    rates: { input: 2.5, output: 10, cacheRead: 1.25 },
  },
  {
    ...base,
    key: "anthropic/claude-sonnet-4-5",
    provider: "anthropic",
    model: "claude-sonnet-4-5",
    family: "claude-sonnet-4.5",
    rates: sonnetRates,
  },
  {
    ...base,
    key: "bedrock/anthropic.claude-sonnet-4-5-v1:0",
    provider: "bedrock",
    model: "anthropic.claude-sonnet-4-5-v1:0",
    family: "claude-sonnet-4.5",
    rates: sonnetRates,
    // The long-context tier makes cost depend on each request's prompt, not only on token sums.
    longContext: {
      thresholdTokens: 200_000,
      rates: { input: 6, output: 22.5, cacheRead: 0.6, cacheWrite5m: 7.5 },
    },
    batch: { input: 1.5, output: 7.5 },
    profileMultipliers: { global: 1, geo: 1.1, "in-region": 1.1 },
    provisioned: { perUnitHour: { "1-month": 18.4 }, tokensPerMinutePerUnit: 100 },
  },
];

export function smallCatalog(): PricingCatalog {
  return new PricingCatalog(SMALL_CATALOG_MODELS);
}
