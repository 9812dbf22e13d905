// The CostAnalyzer against numbers worked out by hand. Prices are USD per million tokens.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/cost/analyzer.js";
import { provisionedMonthlyUsd } from "../../src/cost/provisioned.js";
import { scenarioSchema } from "../../src/cost/scenario-schema.js";
import type { TrafficBucket, TrafficMix } from "../../src/cost/traffic-mix.js";
import { smallCatalog } from "./small-catalog.js";

const catalog = smallCatalog();

function bucket(
  partial: Partial<TrafficBucket> & Pick<TrafficBucket, "model" | "requests" | "tokens">,
): TrafficBucket {
  return { requiresCompliance: false, requiresLatest: false, promptAbove: 0, ...partial };
}

// 1,000 chat requests on gpt-4o (2,000 prompt tokens each, a quarter of them cache reads, 500 output) and
// 100 summarize requests on Claude Sonnet 4.5 (10,000 prompt tokens, 2,000 output).
const chat = bucket({
  provider: "openai",
  model: "gpt-4o",
  useCase: "chat",
  requests: 1000,
  tokens: { input: 2_000_000, cacheRead: 500_000, cacheWrite: 0, output: 500_000 },
});
const summarize = bucket({
  provider: "anthropic",
  model: "claude-sonnet-4-5",
  useCase: "summarize",
  requests: 100,
  tokens: { input: 1_000_000, cacheRead: 0, cacheWrite: 0, output: 200_000 },
});
const mix: TrafficMix = {
  requests: 1100,
  tokens: { input: 3_000_000, cacheRead: 500_000, cacheWrite: 0, output: 700_000 },
  buckets: [chat, summarize],
};

const scenario = scenarioSchema.parse({
  version: 1,
  name: "hand-checked",
  options: [
    { id: "direct", kind: "direct", hidden_cost: { complexity_multiplier: 1.2 } },
    { id: "bedrock", kind: "bedrock", inference_profile: "global" },
    { id: "batch", kind: "bedrock-batch", inference_profile: "geo" },
  ],
  model_map: { bedrock: { "gpt-4o": "anthropic.claude-sonnet-4-5-v1:0" } },
  batchable_use_cases: ["summarize"],
  // The hand-worked numbers below use the Lambda free allowance (500 requests a month).
  free_tiers: "account",
  infra: [
    {
      id: "nat",
      label: "NAT",
      applies_to: ["direct"],
      unit: "month",
      unit_price_usd: 50,
      quantity: { per_month: 1 },
    },
    {
      id: "lambda",
      label: "Lambda",
      applies_to: ["bedrock", "bedrock-batch"],
      unit: "request",
      unit_price_usd: 0.001,
      quantity: { per_request: 1 },
      free_units_per_month: 500,
    },
  ],
  growth: { monthly_rate: 1, horizon_months: 6 },
});

describe("CostAnalyzer", () => {
  const analysis = analyze({ scenario, mix, monthlyRequests: 2200, catalog });
  const option = (id: string) => analysis.options.find((o) => o.projection.option.id === id)?.atVolume;

  it("prices direct traffic as logged, with infra and the complexity multiplier", () => {
    // gpt-4o: 1.5M uncached x $2.50 + 0.5M cache read x $1.25 + 0.5M output x $10 = 3.75 + 0.625 + 5 = $9.375
    // Sonnet: 1M x $3 + 0.2M x $15 = $6.00. Observed $15.375, x2 (2,200 of 1,100 requests) = $30.75.
    // + NAT $50 = $80.75; hidden 20% = $16.15; total $96.90.
    const direct = option("direct");
    expect(direct?.tokenCostUsd).toBeCloseTo(30.75, 9);
    expect(direct?.infraCostUsd).toBeCloseTo(50, 9);
    expect(direct?.hiddenCostUsd).toBeCloseTo(16.15, 9);
    expect(direct?.monthlyCostUsd).toBeCloseTo(96.9, 9);
    expect(direct?.perRequestUsd).toBeCloseTo(96.9 / 2200, 12);
  });

  it("maps gpt-4o to Bedrock Sonnet through the model map and Sonnet by family", () => {
    // gpt-4o traffic on Sonnet: 1.5M x $3 + 0.5M x $0.30 + 0.5M x $15 = 4.5 + 0.15 + 7.5 = $12.15; Sonnet $6.00.
    // Observed $18.15 x 2 = $36.30. Lambda: (2,200 - 500 free) x $0.001 = $1.70. Total $38.00.
    const bedrock = option("bedrock");
    expect(bedrock?.tokenCostUsd).toBeCloseTo(36.3, 9);
    expect(bedrock?.infraCostUsd).toBeCloseTo(1.7, 9);
    expect(bedrock?.monthlyCostUsd).toBeCloseTo(38, 9);
    const served = analysis.options[1]?.projection.tokens.served;
    expect(served?.map((s) => s.price.key)).toEqual(["bedrock/anthropic.claude-sonnet-4-5-v1:0"]);
  });

  it("prices batchable use cases at batch rates, and the geo profile at 1.10x", () => {
    // chat on demand: $12.15 x 1.1 = $13.365; summarize in batch: 1M x $1.50 + 0.2M x $7.50 = $3.00 x 1.1 = $3.30.
    // Observed $16.665 x 2 = $33.33; + Lambda $1.70 = $35.03.
    const batch = option("batch");
    expect(batch?.tokenCostUsd).toBeCloseTo(33.33, 9);
    expect(batch?.monthlyCostUsd).toBeCloseTo(35.03, 9);
    expect(analysis.cheapest).toBe("batch");
  });

  it("solves the direct/bedrock breakeven exactly", () => {
    // direct(N) = 1.2 x (50 + 15.375/1100 N) = 60 + 18.45/1100 N
    // bedrock(N) = 18.15/1100 N + 0.001 (N - 500)   for N > 500
    // equal when 60.5 = (19.25 - 18.45)/1100 N  =>  N = 60.5 x 1100 / 0.8 = 83,187.5
    const pair = analysis.breakeven.find((b) => b.a === "direct" && b.b === "bedrock");
    expect(pair?.requestsPerMonth).toBeCloseTo(83_187.5, 6);
    expect(pair?.cheaperBelow).toBe("bedrock");
    expect(pair?.cheaperAbove).toBe("direct");
  });

  it("says never, and which stays cheaper, when curves do not cross", () => {
    // batch costs 16.665/1100 + 0.001 a request against direct's 18.45/1100 and $60 fixed: always cheaper.
    const pair = analysis.breakeven.find((b) => b.a === "direct" && b.b === "batch");
    expect(pair).toMatchObject({ requestsPerMonth: null, cheaperBelow: "batch", cheaperAbove: "batch" });
  });

  it("projects growth month by month", () => {
    // 100% a month: month 6 is 2,200 x 2^6 = 140,800 requests; direct there: 60 + 18.45/1100 x 140,800 = $2,421.60
    const month6 = analysis.growth.months[6];
    expect(month6?.requests).toBe(140_800);
    expect(month6?.costs.direct).toBeCloseTo(60 + (18.45 / 1100) * 140_800, 9);
    expect(analysis.growth.flipMonth).toBeNull();
  });

  it("computes tips with their savings", () => {
    // Global instead of geo on "batch": 10% of the global cost: ($12.15 + $3.00) x 0.1 x 2 = $3.03.
    expect(analysis.tips.find((t) => t.id === "global-profile")).toMatchObject({ option: "batch" });
    expect(analysis.tips.find((t) => t.id === "global-profile")?.monthlySavingUsd).toBeCloseTo(3.03, 9);
    // Batch for summarize on "bedrock" (the cheapest option already batches): ($6.00 - $3.00) x 2 = $6.00.
    const batchTip = analysis.tips.find((t) => t.id === "batch");
    expect(batchTip?.option).toBe("bedrock");
    expect(batchTip?.monthlySavingUsd).toBeCloseTo(6, 9);
  });
});

describe("provisioned throughput", () => {
  it("matches AWS's example: 2 units x $18.40 x 744 h = $27,379.20", () => {
    expect(provisionedMonthlyUsd(2, 18.4, 744)).toBeCloseTo(27_379.2, 6);
  });

  it("bills the units and overflows traffic above their capacity to on-demand", () => {
    const withUnits = scenarioSchema.parse({
      version: 1,
      name: "pt",
      options: [
        {
          id: "pt",
          kind: "bedrock-provisioned",
          provisioned: {
            model: "anthropic.claude-sonnet-4-5-v1:0",
            model_units: 1,
            commitment: "1-month",
            usable_share: 1,
          },
        },
      ],
      model_map: { bedrock: { "gpt-4o": "anthropic.claude-sonnet-4-5-v1:0" } },
    });
    const result = analyze({ scenario: withUnits, mix, monthlyRequests: 2200, catalog }).options[0];
    // Capacity: 1 unit x 100 tokens/min x 43,830 min = 4,383,000 tokens. Demand: (3.0M + 0.7M) x 2 = 7,400,000.
    // Overflow 3,017,000 tokens at the mix's on-demand $18.15 per 3.7M tokens = $14.7996081...
    // Units: 1 x $18.40 x 730.5 h = $13,441.20.
    expect(result?.atVolume.provisionedCostUsd).toBeCloseTo(13_441.2, 6);
    expect(result?.atVolume.tokenCostUsd).toBeCloseTo((3_017_000 * 18.15) / 3_700_000, 9);
    expect(result?.projection.provisioned?.overflowAtRequests).toBeCloseTo(4_383_000 / (3_700_000 / 1100), 6);
  });
});

describe("unpriced traffic", () => {
  it("is reported with its share, never costed at $0", () => {
    const unknown = bucket({
      model: "mystery-model",
      requests: 100,
      tokens: { input: 100_000, cacheRead: 0, cacheWrite: 0, output: 100_000 },
    });
    const withUnknown: TrafficMix = { ...mix, requests: 1200, buckets: [chat, summarize, unknown] };
    const result = analyze({ scenario, mix: withUnknown, monthlyRequests: 1200, catalog });
    expect(result.unpriced).toHaveLength(1);
    expect(result.unpriced[0]).toMatchObject({
      model: "mystery-model",
      options: ["direct", "bedrock", "batch"],
    });
    expect(result.unpriced[0]?.shareOfRequests).toBeCloseTo(100 / 1200, 12);
    expect(result.options.every((o) => !o.projection.complete)).toBe(true);
  });
});
