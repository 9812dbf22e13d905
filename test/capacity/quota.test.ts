// Bundled quotas: a family's figure wins over the provider's defaults; a missing figure is unknown.
import { describe, expect, it } from "vitest";
import type { ModelPrice } from "../../src/cost/price.js";
import { bundledQuota, quotaTokens, withStated } from "../../src/cost/quota.js";
import { BUNDLED_QUOTAS } from "../../src/cost/quota-catalog.js";

function price(provider: string, model: string, family: string): ModelPrice {
  return {
    key: `${provider}/${model}`,
    provider,
    model,
    family,
    aliases: [],
    rates: { input: 3, output: 15, cacheRead: 0.3, cacheWrite5m: 3.75, cacheWrite1h: 6 },
    source: "test",
    asOf: "2026-12-01",
  } as ModelPrice;
}

describe("bundled quotas", () => {
  it("burns Claude Sonnet 4 output 5x on Bedrock, with AWS's page as the source; RPM is not enforced", () => {
    const quota = bundledQuota(
      price("bedrock", "anthropic.claude-sonnet-4-20250514-v1:0", "claude-sonnet-4"),
      BUNDLED_QUOTAS,
    );
    expect(quota.outputBurndown.value).toBe(5);
    expect(quota.outputBurndown.source).toContain("quotas-token-burndown.html");
    expect(quota.rpm.value).toBe("none");
    expect(quota.tpm.value).toBe("unknown");
    // 1,000 in + 200 out x 5 = 2,000 quota tokens.
    expect(quotaTokens({ requests: 1, input: 1000, output: 200 }, quota)).toBe(2000);
  });

  it("leaves the burndown of Claude models AWS's list (as read) does not name unknown, never 1", () => {
    const quota = bundledQuota(
      price("bedrock", "anthropic.claude-sonnet-4-6", "claude-sonnet-4.6"),
      BUNDLED_QUOTAS,
    );
    expect(quota.outputBurndown.value).toBe("unknown");
    expect(Number.isNaN(quotaTokens({ requests: 1, input: 1000, output: 200 }, quota))).toBe(true);
    expect(withStated(quota, { output_burndown: 5, tpm: 5000 }, "drill").outputBurndown.value).toBe(5);
  });

  it("gives Anthropic tier 1 separate input and output limits, cache reads outside ITPM", () => {
    const quota = bundledQuota(price("anthropic", "claude-sonnet-4-6", "claude-sonnet-4.6"), BUNDLED_QUOTAS);
    expect([quota.rpm.value, quota.itpm.value, quota.otpm.value, quota.tpm.value]).toEqual([
      50,
      30000,
      8000,
      "unknown",
    ]);
    expect(quota.cacheReadsCount).toBe(false);
    const haiku = bundledQuota(
      price("anthropic", "claude-3-5-haiku-20241022", "claude-haiku-3.5"),
      BUNDLED_QUOTAS,
    );
    expect(haiku.cacheReadsCount).toBe(true);
  });

  it("cites a source and an as-of date for every bundled entry", () => {
    for (const entry of BUNDLED_QUOTAS) {
      expect(entry.source).toMatch(/^https:\/\//);
      expect(entry.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
