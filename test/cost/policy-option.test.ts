// The policy option's pricing from a replay's tallies (pure): token cost per replayed request, each side's
// infrastructure by what lands there, violations on targets without the regime's label.
import { describe, expect, it } from "vitest";
import { evaluateCurve } from "../../src/cost/cost-curve.js";
import { type PolicyReplay, policyCompliance, projectPolicyOption } from "../../src/cost/policy-option.js";
import { scenarioSchema } from "../../src/cost/scenario-schema.js";
import { SMALL_CATALOG_MODELS } from "./small-catalog.js";

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("small catalog changed");
  return value;
}
const gpt4o = must(SMALL_CATALOG_MODELS[0]);
const bedrockSonnet = must(SMALL_CATALOG_MODELS[2]);

const scenario = scenarioSchema.parse({
  version: 1,
  name: "t",
  options: [{ id: "hybrid", kind: "policy", policy: "p.yaml" }],
  infra: [
    // $10 a month + $0.01 a request on the Bedrock side; $5 a month + $0.02 a request on the direct side.
    {
      id: "endpoint",
      label: "e",
      applies_to: ["bedrock"],
      unit: "u",
      unit_price_usd: 1,
      quantity: { per_month: 10, per_request: 0.01 },
    },
    {
      id: "nat",
      label: "n",
      applies_to: ["direct"],
      unit: "u",
      unit_price_usd: 1,
      quantity: { per_month: 5, per_request: 0.02 },
    },
  ],
});
const option = scenario.options[0];
if (!option) throw new Error("no option");

function target(
  side: "bedrock" | "direct",
  requests: number,
  costUsd: number,
  required: number,
  covers: boolean,
) {
  return {
    name: side,
    price: side === "bedrock" ? bedrockSonnet : gpt4o,
    side,
    requests,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    costUsd,
    requiredRequests: required,
    covers,
  } as const;
}

describe("projectPolicyOption", () => {
  it("charges a side's fixed items only when a request lands there", () => {
    // 100 replayed requests, all on Bedrock ($3 of tokens): the direct side's NAT is not paid at all.
    const replay: PolicyReplay = {
      requests: 100,
      unroutableRequests: 0,
      requiredRequests: 0,
      targets: [target("bedrock", 100, 3, 0, true), target("direct", 0, 0, 0, false)],
    };
    const projection = projectPolicyOption(option, scenario, replay);
    // At 1,000 requests a month: tokens 1,000 x $3 / 100 = $30; endpoint 10 + 1,000 x 0.01 = $20; NAT $0.
    expect(evaluateCurve(projection.curve, 1000)).toBeCloseTo(50, 9);
  });

  it("splits per-request items by each side's share and counts violations on uncovered targets", () => {
    // 100 requests: 40 on Bedrock ($2), 60 direct ($1.20); 10 required on Bedrock (covered), 5 direct (not).
    const replay: PolicyReplay = {
      requests: 100,
      unroutableRequests: 0,
      requiredRequests: 15,
      targets: [target("bedrock", 40, 2, 10, true), target("direct", 60, 1.2, 5, false)],
    };
    const projection = projectPolicyOption(option, scenario, replay);
    // At 1,000 a month: tokens 1,000 x 3.2 / 100 = $32; endpoint 10 + 400 x 0.01 = $14; NAT 5 + 600 x 0.02
    // = $17. Total $63.
    expect(evaluateCurve(projection.curve, 1000)).toBeCloseTo(63, 9);
    expect(policyCompliance(replay)).toEqual({ requiredRequests: 15, violations: 5 });
  });
});
