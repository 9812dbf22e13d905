// Model resolution: exact ids first, then normalised ones; never a substring match; ambiguity is an error.
import { describe, expect, it } from "vitest";
import { AmbiguousModelError, PricingCatalog } from "../../src/cost/catalog.js";
import type { ModelPrice } from "../../src/cost/price.js";
import { loadCatalog } from "../../src/io/pricing-load.js";

function price(provider: string, model: string, extra: Partial<ModelPrice> = {}): ModelPrice {
  return {
    key: `${provider}/${model}`,
    provider,
    model,
    aliases: [],
    rates: { input: 1, output: 2 },
    source: "test",
    asOf: "2026-01-01",
    ...extra,
  };
}

/** The catalog's entry of `family` at `provider`, if any. */
function familyEntry(catalog: PricingCatalog, family: string, provider: string): ModelPrice | undefined {
  return catalog.models.find((m) => m.family === family && m.provider === provider);
}

const catalog = new PricingCatalog([
  price("openai", "gpt-4o", { family: "gpt-4o", aliases: ["gpt-4o-2024-08-06"] }),
  price("openai", "gpt-4o-mini", { family: "gpt-4o-mini" }),
  price("anthropic", "claude-sonnet-4-5-20250929", {
    family: "claude-sonnet-4.5",
    aliases: ["claude-sonnet-4-5"],
  }),
  price("bedrock", "anthropic.claude-sonnet-4-5-20250929-v1:0", { family: "claude-sonnet-4.5" }),
  price("bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0"),
  price("bedrock", "anthropic.claude-3-5-sonnet-20241022-v2:0"),
  price("bedrock", "anthropic.claude-v2:1"),
]);

const keyOf = (id: string, provider?: string) => catalog.resolve(id, provider)?.price.key;

describe("PricingCatalog.resolve", () => {
  it("finds exact keys, model ids and aliases", () => {
    expect(keyOf("openai/gpt-4o")).toBe("openai/gpt-4o");
    expect(keyOf("gpt-4o")).toBe("openai/gpt-4o");
    expect(keyOf("gpt-4o-2024-08-06")).toBe("openai/gpt-4o");
    expect(keyOf("claude-sonnet-4-5")).toBe("anthropic/claude-sonnet-4-5-20250929");
    expect(keyOf("GPT-4o")).toBe("openai/gpt-4o");
  });

  it("never resolves an id to another model that merely contains it or is contained in it", () => {
    expect(keyOf("gpt-4o")).not.toBe("openai/gpt-4o-mini");
    expect(keyOf("gpt-4o-mini")).toBe("openai/gpt-4o-mini");
    expect(keyOf("gpt-4")).toBeUndefined();
    expect(keyOf("gpt-4o-mini-high")).toBeUndefined();
    expect(keyOf("o")).toBeUndefined();
    expect(keyOf("claude-sonnet-4")).toBeUndefined();
  });

  it("treats dated and undated ids as the same model, but not a different snapshot date", () => {
    expect(keyOf("claude-sonnet-4-5-20250929")).toBe("anthropic/claude-sonnet-4-5-20250929");
    // gpt-4o lists its snapshots (aliases), so an unlisted snapshot is a different model, not gpt-4o.
    expect(keyOf("gpt-4o-2024-05-13")).toBeUndefined();
    expect(keyOf("claude-sonnet-4-5-20991231")).toBeUndefined();
    expect(keyOf("gpt-4o-mini-2024-07-18")).toBe("openai/gpt-4o-mini");
  });

  it("strips provider prefixes and Bedrock routing paths", () => {
    expect(keyOf("anthropic/claude-sonnet-4-5")).toBe("anthropic/claude-sonnet-4-5-20250929");
    expect(keyOf("bedrock/us-east-1/anthropic.claude-sonnet-4-5-20250929-v1:0")).toBe(
      "bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0",
    );
    expect(keyOf("bedrock/converse/anthropic.claude-sonnet-4-5-20250929-v1:0")).toBe(
      "bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0",
    );
    // A prefix names the provider: openai/ never finds an Anthropic model.
    expect(keyOf("openai/claude-sonnet-4-5")).toBeUndefined();
  });

  it("maps Bedrock profile ids to the in-region entry with their scope", () => {
    const id = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    expect(catalog.resolve(`us.${id}`)).toMatchObject({ price: { key: `bedrock/${id}` }, scope: "geo" });
    expect(catalog.resolve(`eu.${id}`)?.scope).toBe("geo");
    expect(catalog.resolve(`apac.${id}`)?.scope).toBe("geo");
    expect(catalog.resolve(`global.${id}`)?.scope).toBe("global");
    expect(catalog.resolve(id)?.scope).toBe("in-region");
    expect(catalog.resolve("gpt-4o")?.scope).toBeUndefined();
  });

  it("accepts Bedrock ids without the -v1:0 suffix or the date, but never another version", () => {
    expect(keyOf("anthropic.claude-sonnet-4-5-20250929")).toBe(
      "bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0",
    );
    expect(keyOf("anthropic.claude-sonnet-4-5")).toBe("bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0");
    expect(keyOf("anthropic.claude-sonnet-4-5-20250929-v2:0")).toBeUndefined();
    expect(keyOf("anthropic.claude-v1")).toBeUndefined();
    expect(keyOf("anthropic.claude-3-5-sonnet-20241022")).toBe(
      "bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0",
    );
  });

  it("filters by provider, so the same family resolves on each side", () => {
    expect(keyOf("claude-sonnet-4-5", "bedrock")).toBe("bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0");
    expect(keyOf("claude-sonnet-4-5", "anthropic")).toBe("anthropic/claude-sonnet-4-5-20250929");
    expect(keyOf("claude-sonnet-4-5", "amazon-bedrock")).toBe(
      "bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0",
    );
    expect(keyOf("gpt-4o", "bedrock")).toBeUndefined();
  });

  it("throws AmbiguousModelError listing the candidates when several models fit", () => {
    expect(() => catalog.resolve("anthropic.claude-3-5-sonnet")).toThrow(AmbiguousModelError);
    try {
      catalog.resolve("claude-3-5-sonnet", "bedrock");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AmbiguousModelError);
      expect(error instanceof AmbiguousModelError && error.candidates).toEqual([
        "bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0",
        "bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0",
      ]);
      expect(String(error)).toContain("bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0");
    }
    // The memoised answer throws again rather than returning a stale undefined.
    expect(() => catalog.resolve("anthropic.claude-3-5-sonnet")).toThrow(AmbiguousModelError);
  });

  it("throws when the same id names models at several providers and no provider is given", () => {
    const twoProviders = new PricingCatalog([price("openai", "gpt-4o"), price("azure", "gpt-4o")]);
    expect(() => twoProviders.resolve("gpt-4o")).toThrow(/openai\/gpt-4o/);
    expect(twoProviders.resolve("gpt-4o", "azure")?.price.key).toBe("azure/gpt-4o");
  });

  it("lets a later entry with the same key replace the earlier one, keeping its family", () => {
    const merged = new PricingCatalog([
      price("openai", "gpt-4o", { family: "gpt-4o", rates: { input: 2.5, output: 10 } }),
      price("openai", "gpt-4o", { rates: { input: 2, output: 8 }, source: "contract" }),
    ]);
    expect(merged.models).toHaveLength(1);
    expect(merged.resolve("gpt-4o")?.price).toMatchObject({
      rates: { input: 2, output: 8 },
      family: "gpt-4o",
    });
  });

  it("suggests close ids for an unknown one", () => {
    expect(catalog.suggest("gpt4o")).toContain("openai/gpt-4o");
  });
});

describe("the bundled catalog", () => {
  it("resolves the ids found in real logs", async () => {
    const bundled = await loadCatalog([]);
    const cases: [string, string | undefined, string][] = [
      ["gpt-4o", undefined, "openai/gpt-4o"],
      ["gpt-4o-2024-08-06", undefined, "openai/gpt-4o"],
      ["o4-mini", "openai", "openai/o4-mini"],
      ["claude-sonnet-4-5", undefined, "anthropic/claude-sonnet-4-5-20250929"],
      ["claude-opus-4-1", "anthropic", "anthropic/claude-opus-4-1-20250805"],
      [
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
        undefined,
        "bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0",
      ],
      [
        "us.anthropic.claude-haiku-4-5-20251001-v1:0",
        undefined,
        "bedrock/anthropic.claude-haiku-4-5-20251001-v1:0",
      ],
      ["claude-3-haiku", "bedrock", "bedrock/anthropic.claude-3-haiku-20240307-v1:0"],
      ["us.amazon.nova-pro-v1:0", undefined, "bedrock/amazon.nova-pro-v1:0"],
      [
        "bedrock/us-west-2/meta.llama3-3-70b-instruct-v1:0",
        undefined,
        "bedrock/meta.llama3-3-70b-instruct-v1:0",
      ],
    ];
    for (const [id, provider, key] of cases) expect(bundled.resolve(id, provider)?.price.key, id).toBe(key);
  });

  it("has every required model, each with a source and an as-of date, and the same families on both sides", async () => {
    const bundled = await loadCatalog([]);
    const openai = [
      "gpt-4o",
      "gpt-4o-mini",
      "gpt-4.1",
      "gpt-4.1-mini",
      "gpt-5",
      "gpt-5-mini",
      "o3",
      "o4-mini",
    ];
    for (const family of openai) expect(familyEntry(bundled, family, "openai"), family).toBeDefined();
    const claude = [
      "haiku-3",
      "haiku-3.5",
      "haiku-4.5",
      "sonnet-3.7",
      "sonnet-4",
      "sonnet-4.5",
      "opus-4",
      "opus-4.1",
    ];
    for (const family of claude.map((name) => `claude-${name}`)) {
      expect(familyEntry(bundled, family, "anthropic"), family).toBeDefined();
      expect(familyEntry(bundled, family, "bedrock"), family).toBeDefined();
    }
    for (const family of [
      "nova-micro",
      "nova-lite",
      "nova-pro",
      "command-r",
      "command-r-plus",
      "titan-text-express",
    ]) {
      expect(familyEntry(bundled, family, "bedrock"), family).toBeDefined();
    }
    for (const model of bundled.models) {
      expect(model.source, model.key).not.toBe("");
      expect(model.asOf, model.key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Geo and in-region cost 1.10x global for Sonnet 4.5; older Claude models have no premium.
    expect(familyEntry(bundled, "claude-sonnet-4.5", "bedrock")?.profileMultipliers).toEqual({
      global: 1,
      geo: 1.1,
      "in-region": 1.1,
    });
    expect(familyEntry(bundled, "claude-sonnet-4", "bedrock")?.profileMultipliers?.geo).toBe(1);
    // AWS's own provisioned-throughput example: Titan Text Express, 1-month commitment, $18.40 per unit-hour.
    expect(familyEntry(bundled, "titan-text-express", "bedrock")?.provisioned?.perUnitHour["1-month"]).toBe(
      18.4,
    );
  });
});
