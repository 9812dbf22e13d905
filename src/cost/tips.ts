// Optimization tips, computed from the traffic and the prices: each names the traffic it applies to and its
// estimated monthly saving under one option. Nothing here is canned; a tip with no saving is not shown.

import { type ModelCatalog, type ModelMapper, sideOf } from "./model-map.js";
import {
  bucketContext,
  isLongContextBucket,
  priceBucket,
  pricingContextFor,
  servedBucket,
} from "./option-cost.js";
import type { OptionProjection } from "./option-projection.js";
import type { ModelPrice, PricingMode } from "./price.js";
import { isRetired } from "./price-history.js";
import { HOURS_PER_MONTH, MINUTES_PER_MONTH } from "./provisioned.js";
import { costAtRates, costMultiplier, effectiveRates } from "./request-cost.js";
import { BATCH_KINDS, type Scenario } from "./scenario-schema.js";
import type { TrafficBucket, TrafficMix } from "./traffic-mix.js";

const TIP_KINDS = [
  "batch",
  "prompt-caching",
  "global-profile",
  "cheaper-model",
  "provisioned-throughput",
  "long-context",
] as const;
type TipKind = (typeof TIP_KINDS)[number];

export interface OptimizationTip {
  id: TipKind;
  option: string;
  title: string;
  monthlySavingUsd: number;
  appliesTo: string;
}

export interface TipInputs {
  scenario: Scenario;
  mix: TrafficMix;
  /** Monthly requests / observed requests. */
  scale: number;
  mapper: ModelMapper;
  catalog: ModelCatalog;
  /** False when the traffic has no request counts (then tips name no request volume). */
  requestsKnown?: boolean;
}

/** Minimum prompt for prompt caching (Anthropic and OpenAI cache prefixes of 1,024 tokens and more). */
const CACHE_MIN_PROMPT = 1024;

/**
 * One tip per kind: the one on the cheapest option when it has it (that is the option to act on), else the
 * one that saves most. Sorted by saving.
 */
export function computeTips(
  projections: readonly OptionProjection[],
  inputs: TipInputs,
  cheapestOption: string | null,
): OptimizationTip[] {
  const best = new Map<TipKind, OptimizationTip>();
  for (const tip of allTips(projections, inputs)) {
    const current = best.get(tip.id);
    const better =
      !current ||
      (tip.option === cheapestOption && current.option !== cheapestOption) ||
      (current.option !== cheapestOption && tip.monthlySavingUsd > current.monthlySavingUsd);
    if (better) best.set(tip.id, tip);
  }
  return [...best.values()].sort(
    (a, b) => b.monthlySavingUsd - a.monthlySavingUsd || a.id.localeCompare(b.id),
  );
}

function allTips(projections: readonly OptionProjection[], inputs: TipInputs): OptimizationTip[] {
  return projections.flatMap((projection) =>
    [
      batchTip(projection, inputs),
      cachingTip(projection, inputs),
      globalProfileTip(projection, inputs),
      cheaperModelTip(projection, inputs),
      provisionedTip(projection, inputs),
      longContextTip(projection, inputs),
    ].filter((tip): tip is OptimizationTip => tip !== undefined && tip.monthlySavingUsd >= 0.01),
  );
}

interface PricedBucket {
  bucket: TrafficBucket;
  price: ModelPrice;
}

function pricedBuckets(projection: OptionProjection, inputs: TipInputs): PricedBucket[] {
  const side = sideOf(projection.option.kind);
  const result: PricedBucket[] = [];
  for (const bucket of inputs.mix.buckets) {
    const placement = inputs.mapper.place(bucket.model, bucket.provider, side);
    // Traffic at a logged tier the model has no price for is unplaced (option-cost.ts): no tip prices it.
    const tier = bucket.serviceTier;
    if (placement.kind === "priced" && !pricesTier(placement.price, tier)) continue;
    if (placement.kind === "priced")
      result.push({ bucket: servedBucket(bucket, placement.tokenRatio), price: placement.price });
  }
  return result;
}

/** Observed USD -> monthly USD under this option (hidden cost scales with spend). */
function monthly(projection: OptionProjection, inputs: TipInputs, observedUsd: number): number {
  return observedUsd * inputs.scale * projection.hiddenMultiplier;
}

function describeUseCases(buckets: readonly TrafficBucket[], inputs: TipInputs): string {
  const { scale } = inputs;
  const useCases = [...new Set(buckets.map((b) => b.useCase ?? "(no use case)"))].sort();
  const requests = buckets.reduce((sum, b) => sum + b.requests, 0) * scale;
  if (inputs.requestsKnown === false) return `${useCases.join(", ")} (requests/month unknown)`;
  return `${useCases.join(", ")} (${Math.round(requests).toLocaleString("en-US")} requests/month)`;
}

function batchTip(projection: OptionProjection, inputs: TipInputs): OptimizationTip | undefined {
  const { option } = projection;
  if (BATCH_KINDS.includes(option.kind) || option.kind === "bedrock-provisioned") return undefined;
  const batchable = new Set(inputs.scenario.batchable_use_cases);
  const eligible = pricedBuckets(projection, inputs).filter(
    (p) =>
      p.bucket.useCase !== undefined &&
      batchable.has(p.bucket.useCase) &&
      p.price.batch &&
      // Traffic the log puts at a tier (batch included) keeps it.
      (p.bucket.serviceTier ?? "standard") === "standard",
  );
  let saving = 0;
  for (const { bucket, price } of eligible) {
    const standard = priceBucket(price, bucket, pricingContextFor(option, inputs.scenario, false, price));
    saving += standard - priceBucket(price, bucket, pricingContextFor(option, inputs.scenario, true));
  }
  if (!eligible.length) return undefined;
  return {
    id: "batch",
    option: option.id,
    title: `Run batchable use cases through the batch API on ${option.id}`,
    monthlySavingUsd: monthly(projection, inputs, saving),
    appliesTo: describeUseCases(
      eligible.map((e) => e.bucket),
      inputs,
    ),
  };
}

function cachingTip(projection: OptionProjection, inputs: TipInputs): OptimizationTip | undefined {
  const { option } = projection;
  const { cacheable_prompt_share: share, cache_reads_per_write: reads } = inputs.scenario.tips;
  const eligible = pricedBuckets(projection, inputs).filter(
    ({ bucket, price }) =>
      price.rates.cacheRead !== undefined && bucket.tokens.input / bucket.requests >= CACHE_MIN_PROMPT,
  );
  let saving = 0;
  const helped: TrafficBucket[] = [];
  for (const { bucket, price } of eligible) {
    const cacheable = (bucket.tokens.input - bucket.tokens.cacheRead - bucket.tokens.cacheWrite) * share;
    if (cacheable <= 0) continue;
    // Of the cacheable prefix tokens, one in (reads + 1) is a cache write and the rest are cache reads.
    const cached = {
      ...bucket,
      tokens: {
        ...bucket.tokens,
        cacheRead: bucket.tokens.cacheRead + (cacheable * reads) / (reads + 1),
        cacheWrite: bucket.tokens.cacheWrite + cacheable / (reads + 1),
      },
    };
    const context = bucketContext(option, inputs.scenario, bucket, price);
    const delta = priceBucket(price, bucket, context) - priceBucket(price, cached, context);
    if (delta > 0) {
      saving += delta;
      helped.push(bucket);
    }
  }
  if (!helped.length) return undefined;
  return {
    id: "prompt-caching",
    option: option.id,
    title: `Cache stable prompt prefixes on ${option.id} (assumes ${Math.round(share * 100)}% of uncached prompt is cacheable, ${reads} reads per write)`,
    monthlySavingUsd: monthly(projection, inputs, saving),
    appliesTo: describeUseCases(helped, inputs),
  };
}

function globalProfileTip(projection: OptionProjection, inputs: TipInputs): OptimizationTip | undefined {
  const { option } = projection;
  const scope = option.inference_profile ?? "global";
  if (sideOf(option.kind) === "direct" || scope === "global") return undefined;
  let saving = 0;
  const helped: TrafficBucket[] = [];
  for (const { bucket, price } of pricedBuckets(projection, inputs)) {
    const context = bucketContext(option, inputs.scenario, bucket, price);
    const delta =
      priceBucket(price, bucket, context) - priceBucket(price, bucket, { ...context, scope: "global" });
    if (delta > 0) {
      saving += delta;
      helped.push(bucket);
    }
  }
  if (!helped.length) return undefined;
  return {
    id: "global-profile",
    option: option.id,
    title: `Use global cross-region inference profiles on ${option.id} instead of ${scope} (no data-residency need)`,
    monthlySavingUsd: monthly(projection, inputs, saving),
    appliesTo: describeUseCases(helped, inputs),
  };
}

/** Vendor of a family: its first word (`claude-sonnet-4.5` -> `claude`, `gpt-4o` -> `gpt`). */
function vendorOf(price: ModelPrice): string | undefined {
  return price.family?.split("-")[0];
}

/** Whether `price` has the rates of the bucket's logged service tier. */
function pricesTier(price: ModelPrice, tier: PricingMode | undefined): boolean {
  return tier === undefined || tier === "standard" || price[tier] !== undefined;
}

function blendedRate(price: ModelPrice): number {
  return price.rates.input * 3 + price.rates.output;
}

function cheaperModelTip(projection: OptionProjection, inputs: TipInputs): OptimizationTip | undefined {
  const { option } = projection;
  const side = sideOf(option.kind);
  const limit = inputs.scenario.tips.small_model_max_output_tokens;
  const byUseCase = new Map<string, PricedBucket[]>();
  for (const priced of pricedBuckets(projection, inputs)) {
    const useCase = priced.bucket.useCase ?? "(no use case)";
    byUseCase.set(useCase, [...(byUseCase.get(useCase) ?? []), priced]);
  }
  let best: OptimizationTip | undefined;
  for (const [useCase, priced] of [...byUseCase].sort(([a], [b]) => a.localeCompare(b))) {
    const requests = priced.reduce((sum, p) => sum + p.bucket.requests, 0);
    const output = priced.reduce((sum, p) => sum + p.bucket.tokens.output, 0);
    if (output / requests > limit) continue;
    let saving = 0;
    const targets = new Set<string>();
    for (const { bucket, price } of priced) {
      const candidate = cheapestSibling(price, side, inputs.catalog);
      if (!candidate || !pricesTier(candidate, bucket.serviceTier)) continue;
      saving +=
        priceBucket(price, bucket, bucketContext(option, inputs.scenario, bucket, price)) -
        priceBucket(candidate, bucket, bucketContext(option, inputs.scenario, bucket, candidate));
      targets.add(candidate.model);
    }
    const tip: OptimizationTip = {
      id: "cheaper-model",
      option: option.id,
      title: `Try ${[...targets].join(", ")} for ${useCase} (short outputs; check quality first) on ${option.id}`,
      monthlySavingUsd: monthly(projection, inputs, saving),
      appliesTo: describeUseCases(
        priced.map((p) => p.bucket),
        inputs,
      ),
    };
    if (targets.size && saving > 0 && (!best || tip.monthlySavingUsd > best.monthlySavingUsd)) best = tip;
  }
  return best;
}

function cheapestSibling(
  price: ModelPrice,
  side: "bedrock" | "direct",
  catalog: ModelCatalog,
): ModelPrice | undefined {
  const vendor = vendorOf(price);
  if (!vendor) return undefined;
  const kind = price.kind ?? "chat";
  const siblings = catalog.models.filter(
    (m) =>
      vendorOf(m) === vendor &&
      (m.kind ?? "chat") === kind &&
      !(catalog.asOf !== undefined && isRetired(m, catalog.asOf)) &&
      (side === "bedrock") === (m.provider === "bedrock") &&
      blendedRate(m) < blendedRate(price),
  );
  return siblings.sort((a, b) => blendedRate(a) - blendedRate(b) || a.key.localeCompare(b.key))[0];
}

function provisionedTip(projection: OptionProjection, inputs: TipInputs): OptimizationTip | undefined {
  const { option } = projection;
  if (option.kind !== "bedrock") return undefined;
  const top = projection.tokens.served[0];
  const hourly = top?.price.provisioned?.perUnitHour["1-month"];
  const perUnit = top?.price.provisioned?.tokensPerMinutePerUnit;
  if (!top || hourly === undefined || perUnit === undefined) return undefined;
  const tokensPerMinute = ((top.tokens.input + top.tokens.output) * inputs.scale) / MINUTES_PER_MONTH;
  // Provision for average load at 70% usable capacity; peaks above it would overflow to on-demand.
  const units = Math.max(1, Math.ceil(tokensPerMinute / (perUnit * 0.7)));
  const provisionedUsd = units * hourly * HOURS_PER_MONTH;
  const onDemandUsd = top.costUsd * inputs.scale;
  return {
    id: "provisioned-throughput",
    option: option.id,
    title: `Provision ${units} model unit${units > 1 ? "s" : ""} of ${top.price.model} (1-month commitment) on ${option.id}`,
    monthlySavingUsd: (onDemandUsd - provisionedUsd) * projection.hiddenMultiplier,
    appliesTo: `${inputs.requestsKnown === false ? "unknown" : Math.round(top.requests * inputs.scale).toLocaleString("en-US")} requests/month on ${top.price.model}, ${Math.round(tokensPerMinute).toLocaleString("en-US")} tokens/minute on average`,
  };
}

function longContextTip(projection: OptionProjection, inputs: TipInputs): OptimizationTip | undefined {
  const { option } = projection;
  let saving = 0;
  const helped: TrafficBucket[] = [];
  let threshold = 0;
  for (const { bucket, price } of pricedBuckets(projection, inputs)) {
    if (!isLongContextBucket(price, bucket) || !price.longContext) continue;
    const context = bucketContext(option, inputs.scenario, bucket, price);
    const long = costAtRates(effectiveRates(price, context, true), bucket.tokens, context.cacheWriteTtl);
    const short = costAtRates(effectiveRates(price, context, false), bucket.tokens, context.cacheWriteTtl);
    saving += (long - short) * costMultiplier(price, context);
    helped.push(bucket);
    threshold = price.longContext.thresholdTokens;
  }
  if (!helped.length) return undefined;
  return {
    id: "long-context",
    option: option.id,
    title: `Keep prompts under ${threshold.toLocaleString("en-US")} tokens (the long-context tier prices the whole request) on ${option.id}`,
    monthlySavingUsd: monthly(projection, inputs, saving),
    appliesTo: describeUseCases(helped, inputs),
  };
}
