// Token cost of the observed traffic mix under one deployment option, per serving model.

import type { ModelMapper } from "./model-map.js";
import { sideOf } from "./model-map.js";
import type { ModelPrice } from "./price.js";
import { type PricingContext, type TokenCounts, tokenCostUsd } from "./request-cost.js";
import { BATCH_KINDS, type DeploymentOption, type Scenario } from "./scenario-schema.js";
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
  /** Observed requests this option prices (the sum of `served` requests). */
  pricedRequests: number;
  /** Priced observed requests that failed, and their token cost (by the tokens their log says were consumed). */
  failed: { requests: number; costUsd: number };
  /** Each bucket's observed token cost, by its index in the mix (0 where unplaced): showback's input. */
  bucketCosts: Float64Array;
  /** Each bucket's serving model (its price key), by index; undefined where unplaced. */
  bucketModels: (string | undefined)[];
  warnings: string[];
}

/** How an option prices traffic: batch, or its service tier when the model has that tier's prices. */
export function pricingContextFor(
  option: DeploymentOption,
  scenario: Scenario,
  batch: boolean,
  price?: ModelPrice,
): PricingContext {
  const tier = option.service_tier ?? "standard";
  const tierPriced = tier === "standard" || price === undefined || price[tier] !== undefined;
  return {
    mode: batch ? "batch" : tierPriced ? tier : "standard",
    ...(sideOf(option.kind) === "bedrock" ? { scope: option.inference_profile ?? "global" } : {}),
    ...(option.discount !== undefined ? { discount: option.discount } : {}),
    cacheWriteTtl: scenario.cache_write_ttl,
  };
}

function wantsBatch(option: DeploymentOption, scenario: Scenario, bucket: TrafficBucket): boolean {
  return (
    BATCH_KINDS.includes(option.kind) &&
    bucket.useCase !== undefined &&
    scenario.batchable_use_cases.includes(bucket.useCase)
  );
}

/** How an option prices a bucket: at the service tier its log names (batch, flex, priority), else batch
 * for its batchable use cases when the model has batch prices, else at the option's tier. A logged tier the
 * model has no price for is unplaced traffic (see costOptionTokens), never priced at another tier. */
export function bucketContext(
  option: DeploymentOption,
  scenario: Scenario,
  bucket: TrafficBucket,
  price: ModelPrice,
): PricingContext {
  const logged = bucket.serviceTier;
  if (logged !== undefined && logged !== "standard") {
    return { ...pricingContextFor(option, scenario, false), mode: logged };
  }
  return pricingContextFor(
    option,
    scenario,
    wantsBatch(option, scenario, bucket) && price.batch !== undefined,
    price,
  );
}

/** Traffic as the serving model counts it: every token column times the model map's token ratio. */
export function servedBucket(bucket: TrafficBucket, tokenRatio: number): TrafficBucket {
  if (tokenRatio === 1) return bucket;
  const t = bucket.tokens;
  return {
    ...bucket,
    tokens: {
      input: t.input * tokenRatio,
      output: t.output * tokenRatio,
      cacheRead: t.cacheRead * tokenRatio,
      cacheWrite: t.cacheWrite * tokenRatio,
      ...(t.cacheWrite1h !== undefined ? { cacheWrite1h: t.cacheWrite1h * tokenRatio } : {}),
    },
  };
}

/** Why a bucket is priced other than the scenario asks: no batch, service-tier or 1-hour cache-write price. */
function fallbackWarnings(
  option: DeploymentOption,
  scenario: Scenario,
  bucket: TrafficBucket,
  price: ModelPrice,
  context: PricingContext,
): string[] {
  const warnings: string[] = [];
  const rates = context.mode === "standard" ? price.rates : (price[context.mode] ?? price.rates);
  if ((bucket.tokens.cacheWrite1h ?? 0) > 0 && rates.cacheWrite1h === undefined) {
    warnings.push(
      rates.cacheWrite5m !== undefined
        ? `${price.key} has no 1-hour cache-write price: its logged 1-hour cache writes are billed at the 5-minute price`
        : `${price.key} has no cache-write price: its logged 1-hour cache writes are billed as input`,
    );
  }
  // The log's own service tier decides; the option's batch and tier choices do not apply.
  if (bucket.serviceTier !== undefined && bucket.serviceTier !== "standard") return warnings;
  const batch = wantsBatch(option, scenario, bucket);
  if (batch && context.mode !== "batch") {
    warnings.push(
      `${price.key} has no batch price: its batchable traffic is priced on demand in "${option.id}"`,
    );
  }
  const tier = option.service_tier ?? "standard";
  if (!batch && tier !== "standard" && context.mode !== tier) {
    warnings.push(
      `${price.key} has no ${tier} price: its traffic is priced at the standard tier in "${option.id}"`,
    );
  }
  if (scenario.cache_write_ttl === "1h" && bucket.tokens.cacheWrite > 0) {
    if (rates.cacheWrite1h === undefined) {
      warnings.push(
        rates.cacheWrite5m !== undefined
          ? `${price.key} has no 1-hour cache-write price: its cache writes are billed at the 5-minute price`
          : `${price.key} has no cache-write price: its cache writes are billed as input`,
      );
    }
  }
  return warnings;
}

/** Whether the model's long-context tier prices the bucket: as its log says (`context_tier`), else by its
 * prompt band. */
export function isLongContextBucket(price: ModelPrice, bucket: TrafficBucket): boolean {
  if (price.longContext === undefined) return false;
  return bucket.longContext ?? bucket.promptAbove >= price.longContext.thresholdTokens;
}

export function costOptionTokens(
  option: DeploymentOption,
  scenario: Scenario,
  mix: TrafficMix,
  mapper: ModelMapper,
): OptionTokenCost {
  const side = sideOf(option.kind);
  const byModel = new Map<string, ServedModel>();
  const unplaced = new Map<string, UnplacedTraffic>();
  const warnings = new Set<string>();
  const failed = { requests: 0, costUsd: 0 };
  const bucketCosts = new Float64Array(mix.buckets.length);
  const bucketModels: (string | undefined)[] = new Array(mix.buckets.length).fill(undefined);
  for (const [index, bucket] of mix.buckets.entries()) {
    const placement = mapper.place(bucket.model, bucket.provider, side);
    if (placement.kind !== "priced") {
      addUnplaced(unplaced, bucket, placement.reason);
      continue;
    }
    const { price } = placement;
    const logged = bucket.serviceTier;
    if (logged !== undefined && logged !== "standard" && price[logged] === undefined) {
      addUnplaced(unplaced, bucket, `${price.key} has no ${logged} price (the traffic's service_tier)`);
      continue;
    }
    const served = servedBucket(bucket, placement.tokenRatio);
    const context = bucketContext(option, scenario, served, price);
    for (const warning of fallbackWarnings(option, scenario, served, price, context)) warnings.add(warning);
    const batch = context.mode === "batch";
    const cost = priceBucket(price, served, context);
    bucketCosts[index] = cost;
    bucketModels[index] = price.key;
    if (bucket.failed) {
      failed.requests += bucket.requests;
      failed.costUsd += cost;
    }
    const entry = byModel.get(price.key) ?? {
      price,
      requests: 0,
      tokens: emptyTokens(),
      costUsd: 0,
      batchRequests: 0,
    };
    entry.requests += bucket.requests;
    addTokens(entry.tokens, served.tokens);
    entry.costUsd += cost;
    if (batch) entry.batchRequests += bucket.requests;
    byModel.set(price.key, entry);
  }
  const servedList = [...byModel.values()].sort(
    (a, b) => b.costUsd - a.costUsd || (a.price.key < b.price.key ? -1 : 1),
  );
  return {
    served: servedList,
    unplaced: [...unplaced.values()].sort((a, b) => b.requests - a.requests || (a.model < b.model ? -1 : 1)),
    costUsd: servedList.reduce((sum, s) => sum + s.costUsd, 0),
    pricedRequests: servedList.reduce((sum, s) => sum + s.requests, 0),
    failed,
    bucketCosts,
    bucketModels,
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
