// Token cost of the observed traffic mix under one deployment option, per serving model.

import type { ModelMapper } from "./model-map.js";
import { sideOf } from "./model-map.js";
import type { ModelPrice } from "./price.js";
import { type PricingContext, type TokenCounts, tokenCostUsd } from "./request-cost.js";
import type { DeploymentOption, Scenario } from "./scenario-schema.js";
import { addTokens, emptyTokens, type TrafficBucket, type TrafficMix } from "./traffic-mix.js";

/** Observed (unscaled) traffic served by one model under an option. */
interface ServedModel {
  price: ModelPrice;
  requests: number;
  tokens: TokenCounts;
  costUsd: number;
  /** Requests priced at batch rates. */
  batchRequests: number;
}

/** Observed traffic an option cannot price: unknown model, or no model on this option's side. */
interface UnplacedTraffic {
  model: string;
  provider?: string;
  reason: string;
  requests: number;
  tokens: number;
}

export interface OptionTokenCost {
  served: ServedModel[];
  unplaced: UnplacedTraffic[];
  /** Sum of `served` costs, for the observed requests. */
  costUsd: number;
  warnings: string[];
}

export function pricingContextFor(
  option: DeploymentOption,
  scenario: Scenario,
  batch: boolean,
): PricingContext {
  return {
    mode: batch ? "batch" : "standard",
    ...(option.kind !== "direct" ? { scope: option.inference_profile ?? "global" } : {}),
    ...(option.discount !== undefined ? { discount: option.discount } : {}),
    cacheWriteTtl: scenario.cache_write_ttl,
  };
}

function wantsBatch(option: DeploymentOption, scenario: Scenario, bucket: TrafficBucket): boolean {
  return (
    option.kind === "bedrock-batch" &&
    bucket.useCase !== undefined &&
    scenario.batchable_use_cases.includes(bucket.useCase)
  );
}

/** How an option prices a bucket: batch for its batchable use cases when the model has batch prices. */
export function bucketContext(
  option: DeploymentOption,
  scenario: Scenario,
  bucket: TrafficBucket,
  price: ModelPrice,
): PricingContext {
  return pricingContextFor(
    option,
    scenario,
    wantsBatch(option, scenario, bucket) && price.batch !== undefined,
  );
}

export function isLongContextBucket(price: ModelPrice, bucket: TrafficBucket): boolean {
  return price.longContext !== undefined && bucket.promptAbove >= price.longContext.thresholdTokens;
}

export function costOptionTokens(
  option: DeploymentOption,
  scenario: Scenario,
  mix: TrafficMix,
  mapper: ModelMapper,
): OptionTokenCost {
  const side = sideOf(option.kind);
  const served = new Map<string, ServedModel>();
  const unplaced = new Map<string, UnplacedTraffic>();
  const warnings = new Set<string>();
  for (const bucket of mix.buckets) {
    const placement = mapper.place(bucket.model, bucket.provider, side);
    if (placement.kind !== "priced") {
      addUnplaced(unplaced, bucket, placement.reason);
      continue;
    }
    const { price } = placement;
    const context = bucketContext(option, scenario, bucket, price);
    if (wantsBatch(option, scenario, bucket) && context.mode !== "batch") {
      warnings.add(
        `${price.key} has no batch price: its batchable traffic is priced on demand in "${option.id}"`,
      );
    }
    const batch = context.mode === "batch";
    const cost = priceBucket(price, bucket, context);
    const entry = served.get(price.key) ?? {
      price,
      requests: 0,
      tokens: emptyTokens(),
      costUsd: 0,
      batchRequests: 0,
    };
    entry.requests += bucket.requests;
    addTokens(entry.tokens, bucket.tokens);
    entry.costUsd += cost;
    if (batch) entry.batchRequests += bucket.requests;
    served.set(price.key, entry);
  }
  const servedList = [...served.values()].sort(
    (a, b) => b.costUsd - a.costUsd || (a.price.key < b.price.key ? -1 : 1),
  );
  return {
    served: servedList,
    unplaced: [...unplaced.values()].sort((a, b) => b.requests - a.requests || (a.model < b.model ? -1 : 1)),
    costUsd: servedList.reduce((sum, s) => sum + s.costUsd, 0),
    warnings: [...warnings],
  };
}

export function priceBucket(price: ModelPrice, bucket: TrafficBucket, context: PricingContext): number {
  return tokenCostUsd(price, bucket.tokens, context, isLongContextBucket(price, bucket));
}

function addUnplaced(into: Map<string, UnplacedTraffic>, bucket: TrafficBucket, reason: string): void {
  const key = `${bucket.provider ?? ""}\u0000${bucket.model}`;
  const entry = into.get(key) ?? {
    model: bucket.model,
    ...(bucket.provider !== undefined ? { provider: bucket.provider } : {}),
    reason,
    requests: 0,
    tokens: 0,
  };
  entry.requests += bucket.requests;
  entry.tokens += bucket.tokens.input + bucket.tokens.output;
  into.set(key, entry);
}
