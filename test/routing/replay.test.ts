import { describe, expect, test } from "vitest";
import { RouteReplay } from "../../src/routing/replay.js";
import { at, compile, LOOKUP, request, TARGETS } from "./helpers.js";

// Every request below is 1,000 tokens in and 500 out unless stated, so on each target:
//   claude-sonnet (3/15):    (1000 x 3 + 500 x 15) / 1e6 = 0.0105
//   gpt-4o (2.5/10):         (1000 x 2.5 + 500 x 10) / 1e6 = 0.0075   (the logged model)
//   gpt-4o-mini (0.15/0.6):  (1000 x 0.15 + 500 x 0.6) / 1e6 = 0.00045
//   claude-haiku (1/5):      (1000 x 1 + 500 x 5) / 1e6 = 0.0035
const hybrid = {
  version: 1,
  targets: TARGETS,
  compliance: { label: "hipaa" },
  rules: [
    {
      name: "compliance",
      when: { requires_compliance: true },
      route: { target: "bedrock-sonnet" },
      confidence: 0.95,
    },
    {
      name: "latest",
      when: { requires_latest: true },
      route: { target: "anthropic-sonnet" },
      confidence: 0.85,
    },
    {
      name: "cost-sensitive",
      when: { cost_sensitivity: "high" },
      route: { cheapest: ["openai-4o", "openai-mini", "bedrock-haiku"] },
    },
    {
      name: "quality",
      when: { use_case: "rag_qa" },
      route: {
        best_scored: ["openai-mini", "anthropic-sonnet"],
        weights: { cost: 0.1, performance: 0.8, latency: 0.1 },
      },
    },
    { name: "eu", when: { "meta.tenant": { regex: "^eu-" } }, route: { target: "bedrock-haiku" } },
  ],
  default: { route: { target: "bedrock-sonnet" }, confidence: 0.8 },
  fallbacks: { "bedrock-sonnet": ["anthropic-sonnet"], "bedrock-haiku": ["openai-mini"] },
};

describe("one decision per reason code", () => {
  const replay = () => new RouteReplay(compile(hybrid), LOOKUP);

  test("compliance: a compliance-required request goes to Bedrock with confidence 0.95", () => {
    const d = replay().route(request({ requiresCompliance: true, requiresLatest: true }));
    expect(d).toMatchObject({
      rule: "compliance",
      reasonCode: "compliance",
      target: "bedrock-sonnet",
      confidence: 0.95,
    });
    expect(d.costUsd).toBeCloseTo(0.0105, 12);
    expect(d.loggedCostUsd).toBeCloseTo(0.0075, 12);
    expect(d.costImpactUsd).toBeCloseTo(0.003, 12); // 0.0105 - 0.0075
    expect(d.fallbackPath).toBe("");
  });

  test("latest_model: requires_latest goes to the direct provider that has it (0.85)", () => {
    const d = replay().route(request({ requiresLatest: true }));
    expect(d).toMatchObject({
      reasonCode: "latest_model",
      target: "anthropic-sonnet",
      provider: "anthropic",
      confidence: 0.85,
    });
  });

  test("cost: cheapest among candidates picks gpt-4o-mini (0.00045 < 0.0035 < 0.0075)", () => {
    const d = replay().route(request({ costSensitivity: "high" }));
    expect(d).toMatchObject({ rule: "cost-sensitive", reasonCode: "cost", target: "openai-mini" });
    expect(d.costUsd).toBeCloseTo(0.00045, 12);
  });

  test("score: best-scored weighs performance over price", () => {
    // mini:   0.1 x 1 + 0.8 x 0.6 + 0.1 x 1 = 0.68
    // sonnet: 0.1 x (0.00045 / 0.0105) + 0.8 x 0.9 + 0.1 x (400 / 1000) = 0.00429 + 0.72 + 0.04 = 0.76429
    const d = replay().route(request({ useCase: "rag_qa" }));
    expect(d).toMatchObject({ reasonCode: "score", target: "anthropic-sonnet" });
  });

  test("rule: a plain single-target rule on a meta column", () => {
    const d = replay().route(request({ meta: { tenant: "eu-acme" } }));
    expect(d).toMatchObject({ rule: "eu", reasonCode: "rule", target: "bedrock-haiku" });
  });

  test("default: nothing matched, Bedrock with 0.80", () => {
    const d = replay().route(request({ meta: { tenant: "us-acme" } }));
    expect(d).toMatchObject({
      rule: "(default)",
      reasonCode: "default",
      target: "bedrock-sonnet",
      confidence: 0.8,
    });
  });

  test("region_unavailable: the chosen target does not serve the region, its fallback does", () => {
    const policy = compile({
      ...hybrid,
      targets: { ...TARGETS, "bedrock-haiku": { ...TARGETS["bedrock-haiku"], regions: ["eu-west-1"] } },
    });
    const d = new RouteReplay(policy, LOOKUP).route(
      request({ meta: { tenant: "eu-x" }, region: "us-east-1" }),
    );
    expect(d).toMatchObject({
      reasonCode: "region_unavailable",
      target: "openai-mini",
      primaryTarget: "bedrock-haiku",
    });
    expect(d.fallbackPath).toBe("bedrock-haiku[region_unavailable] > openai-mini");
  });

  test("fallback: a failure window sends the default route down its fallback chain", () => {
    const policy = compile({
      ...hybrid,
      simulate: {
        failures: [{ target: "bedrock-sonnet", from: "2026-01-05T00:00:00Z", to: "2026-01-05T01:00:00Z" }],
      },
    });
    const d = new RouteReplay(policy, LOOKUP).route(request());
    expect(d).toMatchObject({
      rule: "(default)",
      reasonCode: "fallback",
      target: "anthropic-sonnet",
      confidence: 0.8,
    });
    expect(d.fallbackPath).toBe("bedrock-sonnet[error] > anthropic-sonnet");
  });

  test("unroutable: a compliance-required request whose only compliant target fails", () => {
    const policy = compile({
      ...hybrid,
      simulate: {
        failures: [{ target: "bedrock-sonnet", from: "2026-01-05T00:00:00Z", to: "2026-01-05T01:00:00Z" }],
      },
    });
    // anthropic-sonnet (the fallback) has no hipaa label, so it is not eligible.
    const d = new RouteReplay(policy, LOOKUP).route(request({ requiresCompliance: true }));
    expect(d).toMatchObject({
      reasonCode: "unroutable",
      target: "",
      targetIndex: -1,
      costUsd: null,
      complianceViolation: false,
    });
    expect(d.fallbackPath).toBe("bedrock-sonnet[error]");
  });

  test("requests weight multiplies the cost; an unpriced logged model gives a null logged cost", () => {
    const d = replay().route(request({ requests: 4, model: "mystery-model" }));
    expect(d.costUsd).toBeCloseTo(4 * 0.0105, 12);
    expect(d.loggedCostUsd).toBeNull();
    expect(d.costImpactUsd).toBeNull();
  });

  test("unsorted traffic is an InputError naming the row", () => {
    const replay1 = replay();
    replay1.route(request({ timestamp: at("2026-01-05T10:00:00Z") }));
    const late = request({ timestamp: at("2026-01-05T09:00:00Z") });
    expect(() => replay1.route(late)).toThrow(/not in timestamp order/);
    try {
      replay1.route(late);
    } catch (error) {
      expect(error).toMatchObject({ location: { row: late.row, field: "timestamp" } });
    }
  });
});
