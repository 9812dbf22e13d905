// Shared test data: a handful of prices with round numbers, so costs can be worked out by hand.
import type { ModelPrice } from "../../src/cost/price.js";
import { type CompiledPolicy, compilePolicy, type PriceLookup } from "../../src/routing/policy.js";
import { PolicySchema } from "../../src/routing/policy-schema.js";
import type { TrafficRow } from "../../src/traffic/row.js";
import { trafficRow } from "../factories/traffic-row.js";

function price(
  provider: string,
  model: string,
  input: number,
  output: number,
  extra: Partial<ModelPrice> = {},
): ModelPrice {
  return {
    key: `${provider}/${model}`,
    provider,
    model,
    aliases: [],
    rates: { input, output },
    source: "test",
    asOf: "2026-01-01",
    ...extra,
  };
}

// $ per million tokens: in / out.
export const PRICES: ModelPrice[] = [
  price("bedrock", "claude-sonnet", 3, 15),
  price("anthropic", "claude-sonnet", 3, 15),
  price("openai", "gpt-4o", 2.5, 10),
  price("openai", "gpt-4o-mini", 0.15, 0.6),
  price("bedrock", "claude-haiku", 1, 5),
];

/** Exact provider + model lookup (the real catalog does more; routing only needs this contract). */
export const LOOKUP: PriceLookup = {
  resolve(model, provider) {
    const found = PRICES.find(
      (p) => p.model === model && (provider === undefined || p.provider === provider),
    );
    return found ? { price: found } : undefined;
  },
};

export const TARGETS = {
  "bedrock-sonnet": {
    provider: "bedrock",
    model: "claude-sonnet",
    compliance: ["hipaa"],
    performance: 0.9,
    latency_ms: 1200,
  },
  "anthropic-sonnet": {
    provider: "anthropic",
    model: "claude-sonnet",
    latest: true,
    performance: 0.9,
    latency_ms: 1000,
  },
  "openai-4o": { provider: "openai", model: "gpt-4o", performance: 0.85, latency_ms: 800 },
  "openai-mini": { provider: "openai", model: "gpt-4o-mini", performance: 0.6, latency_ms: 400 },
  "bedrock-haiku": {
    provider: "bedrock",
    model: "claude-haiku",
    compliance: ["hipaa"],
    performance: 0.7,
    latency_ms: 500,
  },
};

export function compile(policy: unknown): CompiledPolicy {
  const spec = PolicySchema.parse(policy);
  const result = compilePolicy(spec, LOOKUP);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  return result.policy;
}

let counter = 0;
/** A logged request: 1,000 tokens in, 500 out, on openai/gpt-4o at 2026-01-05T00:00:00Z unless overridden. */
export function request(overrides: Partial<TrafficRow> = {}): TrafficRow {
  counter++;
  return trafficRow({
    row: counter,
    requestId: `r${counter}`,
    timestamp: Date.parse("2026-01-05T00:00:00Z"),
    provider: "openai",
    useCase: "chat",
    outputTokens: 500,
    ...overrides,
  });
}

export const at = (iso: string) => Date.parse(iso);
