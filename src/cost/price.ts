// The price record of one model at one provider, as the cost code consumes it. All token rates are
// US dollars per one million tokens. Loaders (bundled catalog, project YAML, LiteLLM JSON) produce these.

const PRICING_MODES = ["standard", "batch", "flex", "priority"] as const;
export type PricingMode = (typeof PRICING_MODES)[number];

/** Bedrock inference-profile scope: `global.` ids, geo ids (`us.`, `eu.`, `apac.`), or a plain in-region id. */
export const PROFILE_SCOPES = ["global", "geo", "in-region"] as const;
export type ProfileScope = (typeof PROFILE_SCOPES)[number];

export const PT_COMMITMENTS = ["none", "1-month", "6-month"] as const;
export type ProvisionedCommitment = (typeof PT_COMMITMENTS)[number];

export const CACHE_WRITE_TTLS = ["5m", "1h"] as const;
export type CacheWriteTtl = (typeof CACHE_WRITE_TTLS)[number];

export interface TokenRates {
  input: number;
  output: number;
  /** Missing means the model has no prompt caching: cached reads are then billed as input. */
  cacheRead?: number;
  cacheWrite5m?: number;
  cacheWrite1h?: number;
}

/** What a model does; llmcost prices chat and embedding tokens, and rerank where a source prices tokens. */
export const MODEL_KINDS = ["chat", "embedding", "rerank"] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** A later price of a model: from `from` (YYYY-MM-DD) on, these replace the earlier ones. */
export interface PriceChange {
  from: string;
  rates: TokenRates;
  longContext?: { thresholdTokens: number; rates: TokenRates };
  source: string;
}

/** A disagreement between price sources and how the catalog resolved it. */
interface PriceDecision {
  component: string;
  litellm?: number | string;
  genaiPrices?: number | string;
  chosen: number | string;
  by: "hand" | "rule";
  source: string;
}

export interface ModelPrice {
  /** Canonical catalog key, `provider/model`, e.g. `openai/gpt-4o`, `bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0`. */
  key: string;
  /** Who bills the tokens: `openai`, `anthropic`, `bedrock`, `google`, ... */
  provider: string;
  /** The provider's own model id. */
  model: string;
  /** Vendor-neutral family used to map traffic between options, e.g. `claude-sonnet-4.5`. */
  family?: string;
  /** Other ids that name exactly this model (dated ids, console names). */
  aliases: string[];
  rates: TokenRates;
  /** Above `thresholdTokens` of prompt (input incl. cached), `rates` apply to the whole request. */
  longContext?: { thresholdTokens: number; rates: TokenRates };
  /** Batch prices (usually 50% of on-demand). */
  batch?: TokenRates;
  /** Service-tier prices (OpenAI flex/priority, Bedrock flex/priority). */
  flex?: TokenRates;
  priority?: TokenRates;
  /** Bedrock only: multiplier on `rates` per inference-profile scope (geo and in-region 1.10 for newer Claude). */
  profileMultipliers?: Partial<Record<ProfileScope, number>>;
  /** Bedrock provisioned throughput, US dollars per model unit per hour, by commitment. */
  provisioned?: {
    perUnitHour: Partial<Record<ProvisionedCommitment, number>>;
    tokensPerMinutePerUnit?: number;
  };
  /** A newest-generation model (routing's `requires_latest`). */
  latest?: boolean;
  /** chat (default), embedding (input tokens only; `rates.output` is 0 because none are produced) or rerank. */
  kind?: ModelKind;
  /** Model line (`claude-sonnet`, `gpt-mini`): `latest` is derived as the newest released model of its line. */
  line?: string;
  released?: string;
  retired?: string;
  lifecycleSource?: string;
  maxInputTokens?: number;
  /** Bedrock: the profile prefixes AWS offers (`in_region` = plain id); others are an error. */
  profiles?: readonly string[];
  /** Later prices, oldest first; `rates` is the first known price. */
  priceChanges?: PriceChange[];
  /** Rerank: USD per 1,000 queries. */
  per1kQueries?: number;
  /** Ids in the price sources (`pricing audit`) and recorded disagreements. */
  refs?: { litellm?: string; genaiPrices?: string[] };
  decisions?: PriceDecision[];
  /** Where the price comes from and when it was read. */
  source: string;
  asOf: string;
}

/** A model id resolved against the catalog: the entry, and the Bedrock inference-profile scope the id
 * implies (`global.`, `us.`…, or plain in-region). */
export interface ResolvedModel {
  price: ModelPrice;
  scope?: ProfileScope;
}
