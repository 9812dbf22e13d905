// A user pricing file overrides the bundled entry it names, by key or by any of its ids, and keeps what it
// does not state (family, batch as a fraction, profile multipliers).
import { describe, expect, it } from "vitest";
import { PricingCatalog } from "../../src/cost/catalog.js";
import type { ModelPrice } from "../../src/cost/price.js";

const bundled: ModelPrice = {
  key: "anthropic/claude-sonnet-4-5-20250929",
  provider: "anthropic",
  model: "claude-sonnet-4-5-20250929",
  family: "claude-sonnet-4.5",
  aliases: ["claude-sonnet-4-5"],
  rates: { input: 3, output: 15, cacheRead: 0.3 },
  batch: { input: 1.5, output: 7.5, cacheRead: 0.15 },
  latest: true,
  source: "bundled",
  asOf: "2025-12-01",
};

const fromLiteLlm: ModelPrice = {
  key: "anthropic/claude-sonnet-4-5",
  provider: "anthropic",
  model: "claude-sonnet-4-5",
  aliases: [],
  rates: { input: 4, output: 20, cacheRead: 0.4 },
  source: "litellm",
  asOf: "2026-08-01",
};

describe("catalog overrides", () => {
  const catalog = new PricingCatalog([bundled, fromLiteLlm]);

  it("replaces the entry whose alias the new model id is, instead of adding a second model", () => {
    expect(catalog.models).toHaveLength(1);
    const resolved = catalog.resolve("claude-sonnet-4-5", "anthropic")?.price;
    expect(resolved?.key).toBe("anthropic/claude-sonnet-4-5-20250929");
    expect(resolved?.rates).toEqual({ input: 4, output: 20, cacheRead: 0.4 });
    expect(resolved?.source).toBe("litellm");
  });

  it("keeps the family and latest flag, and batch at the same fraction of the new prices", () => {
    const price = catalog.models[0];
    expect(price?.family).toBe("claude-sonnet-4.5");
    expect(price?.latest).toBe(true);
    // Batch was 50% of 3 / 15 / 0.3; the new prices are 4 / 20 / 0.4, so batch becomes 2 / 10 / 0.2.
    expect(price?.batch).toEqual({ input: 2, output: 10, cacheRead: 0.2 });
  });

  it("still resolves the dated id", () => {
    expect(catalog.resolve("claude-sonnet-4-5-20250929", "anthropic")?.price.rates.input).toBe(4);
  });

  it("leaves models at other providers alone", () => {
    const other = { ...fromLiteLlm, key: "vertex/claude-sonnet-4-5", provider: "vertex" };
    expect(new PricingCatalog([bundled, other]).models).toHaveLength(2);
  });
});
