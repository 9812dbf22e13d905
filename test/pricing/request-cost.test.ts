// Each price component of src/cost/request-cost.ts, with the expected dollars worked out by hand.
import { describe, expect, it } from "vitest";
import type { ModelPrice } from "../../src/cost/price.js";
import { costAtRates, MissingRateError, STANDARD, tokenCostUsd } from "../../src/cost/request-cost.js";

/** Claude Sonnet 4.5 as published: $3 in, $15 out, $0.30 cache hit, $3.75 / $6 cache writes, 2x/1.5x above 200K. */
const sonnet: ModelPrice = {
  key: "bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0",
  provider: "bedrock",
  model: "anthropic.claude-sonnet-4-5-20250929-v1:0",
  aliases: [],
  rates: { input: 3, output: 15, cacheRead: 0.3, cacheWrite5m: 3.75, cacheWrite1h: 6 },
  longContext: {
    thresholdTokens: 200_000,
    rates: { input: 6, output: 22.5, cacheRead: 0.6, cacheWrite5m: 7.5, cacheWrite1h: 12 },
  },
  batch: { input: 1.5, output: 7.5, cacheRead: 0.15, cacheWrite5m: 1.875, cacheWrite1h: 3 },
  priority: { input: 5.25, output: 26.25 },
  profileMultipliers: { global: 1, geo: 1.1, "in-region": 1.1 },
  source: "test",
  asOf: "2026-01-01",
};

const none = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };

describe("tokenCostUsd", () => {
  it("prices uncached input and output", () => {
    // 10,000 x $3/1M + 2,000 x $15/1M = $0.03 + $0.03 = $0.06
    expect(tokenCostUsd(sonnet, { ...none, input: 10_000, output: 2_000 }, STANDARD)).toBeCloseTo(0.06, 12);
  });

  it("prices cache reads at the cache-read rate, the rest of the prompt as input", () => {
    // input 10,000 of which 8,000 cached: 2,000 x $3 + 8,000 x $0.30 = $0.006 + $0.0024 = $0.0084 (per 1M → /1e6)
    // plus output 1,000 x $15/1M = $0.015 → $0.0234
    const cost = tokenCostUsd(
      sonnet,
      { input: 10_000, output: 1_000, cacheRead: 8_000, cacheWrite: 0 },
      STANDARD,
    );
    expect(cost).toBeCloseTo(0.0234, 12);
  });

  it("prices cache writes at the 5-minute rate by default and the 1-hour rate when asked", () => {
    // 5m: 4,000 uncached x $3 + 6,000 written x $3.75 = $0.012 + $0.0225 = $0.0345
    const tokens = { input: 10_000, output: 0, cacheRead: 0, cacheWrite: 6_000 };
    expect(tokenCostUsd(sonnet, tokens, STANDARD)).toBeCloseTo(0.0345, 12);
    // 1h: $0.012 + 6,000 x $6/1M = $0.012 + $0.036 = $0.048
    expect(tokenCostUsd(sonnet, tokens, { mode: "standard", cacheWriteTtl: "1h" })).toBeCloseTo(0.048, 12);
  });

  it("applies the long-context tier to the whole request above 200,000 prompt tokens, not just the excess", () => {
    // 200,000 is not above the threshold: 200,000 x $3 + 1,000 x $15 = $0.60 + $0.015 = $0.615
    expect(tokenCostUsd(sonnet, { ...none, input: 200_000, output: 1_000 }, STANDARD)).toBeCloseTo(0.615, 12);
    // 200,001: every token at the tier: 200,001 x $6 + 1,000 x $22.50 = $1.200006 + $0.0225 = $1.222506
    expect(tokenCostUsd(sonnet, { ...none, input: 200_001, output: 1_000 }, STANDARD)).toBeCloseTo(
      1.222506,
      12,
    );
  });

  it("uses batch prices in batch mode", () => {
    // 100,000 x $1.50 + 10,000 x $7.50 = $0.15 + $0.075 = $0.225
    expect(tokenCostUsd(sonnet, { ...none, input: 100_000, output: 10_000 }, { mode: "batch" })).toBeCloseTo(
      0.225,
      12,
    );
  });

  it("scales a mode's prices by the long-context ratio above the threshold", () => {
    // batch input $1.50 x (6/3) = $3, output $7.50 x (22.5/15) = $11.25: 300,000 x $3 + 1,000 x $11.25 = $0.9 + $0.01125
    const cost = tokenCostUsd(sonnet, { ...none, input: 300_000, output: 1_000 }, { mode: "batch" });
    expect(cost).toBeCloseTo(0.91125, 12);
  });

  it("multiplies by 1.10 for geo and in-region profiles and 1.0 for global", () => {
    // base: 100,000 x $3 + 10,000 x $15 = $0.30 + $0.15 = $0.45; geo/in-region x1.10 = $0.495
    const tokens = { ...none, input: 100_000, output: 10_000 };
    expect(tokenCostUsd(sonnet, tokens, { mode: "standard", scope: "global" })).toBeCloseTo(0.45, 12);
    expect(tokenCostUsd(sonnet, tokens, { mode: "standard", scope: "geo" })).toBeCloseTo(0.495, 12);
    expect(tokenCostUsd(sonnet, tokens, { mode: "standard", scope: "in-region" })).toBeCloseTo(0.495, 12);
  });

  it("applies a discount after the profile multiplier", () => {
    // $0.495 (geo) x (1 - 0.2) = $0.396
    const tokens = { ...none, input: 100_000, output: 10_000 };
    expect(tokenCostUsd(sonnet, tokens, { mode: "standard", scope: "geo", discount: 0.2 })).toBeCloseTo(
      0.396,
      12,
    );
  });

  it("refuses a mode the model has no price for instead of pricing it at $0", () => {
    expect(() => tokenCostUsd(sonnet, { ...none, input: 1 }, { mode: "flex" })).toThrow(MissingRateError);
  });

  it("bills cached tokens as input when the model has no caching price", () => {
    // priority has no cache prices: 10,000 x $5.25 = $0.0525, cache reads included
    const tokens = { input: 10_000, output: 0, cacheRead: 9_000, cacheWrite: 0 };
    expect(tokenCostUsd(sonnet, tokens, { mode: "priority" })).toBeCloseTo(0.0525, 12);
    expect(costAtRates({ input: 1, output: 1 }, tokens)).toBeCloseTo(0.01, 12);
  });
});
