// Report data of `llmcost pricing list` and `pricing show`: plain, JSON-ready records built from ModelPrice.
// The JSON output is exactly these records (schema_version 1); the other formats render them.
import type { ModelPrice, ProfileScope, TokenRates } from "../cost/price.js";
import { DAY_MS } from "../units.js";

const PRICING_SCHEMA_VERSION = 1;

export interface RatesRecord {
  input: number;
  output: number;
  cache_read: number | null;
  cache_write_5m: number | null;
  cache_write_1h: number | null;
}

interface Freshness {
  as_of: string;
  age_days: number;
  stale: boolean;
}

interface PricingListItem extends Freshness {
  key: string;
  provider: string;
  model: string;
  family: string | null;
  latest: boolean;
  rates: RatesRecord;
  long_context_threshold_tokens: number | null;
  modes: ("batch" | "flex" | "priority")[];
  provisioned: boolean;
}

export interface PricingListReport {
  schema_version: number;
  max_age_days: number;
  provider: string | null;
  models: PricingListItem[];
}

export interface PricingShowReport extends Freshness {
  schema_version: number;
  query: string;
  key: string;
  provider: string;
  model: string;
  family: string | null;
  aliases: string[];
  latest: boolean;
  /** Inference-profile scope the query named (Bedrock only). */
  scope: ProfileScope | null;
  /** USD per 1M tokens, by tier. */
  prices: {
    standard: RatesRecord;
    long_context: (RatesRecord & { threshold_tokens: number }) | null;
    batch: RatesRecord | null;
    flex: RatesRecord | null;
    priority: RatesRecord | null;
  };
  profile_multipliers: Partial<Record<ProfileScope, number>> | null;
  provisioned: {
    usd_per_unit_hour: Partial<Record<"none" | "1-month" | "6-month", number>>;
    tokens_per_minute_per_unit: number | null;
  } | null;
  /** Every source, one per priced part (`batch: ...`, `provisioned: ...`). */
  sources: string[];
  max_age_days: number;
}

function freshness(asOf: string, today: Date, maxAgeDays: number): Freshness {
  const age = Math.floor((today.getTime() - Date.parse(`${asOf}T00:00:00Z`)) / DAY_MS);
  return { as_of: asOf, age_days: age, stale: age > maxAgeDays };
}

function ratesRecord(rates: TokenRates): RatesRecord {
  return {
    input: rates.input,
    output: rates.output,
    cache_read: rates.cacheRead ?? null,
    cache_write_5m: rates.cacheWrite5m ?? null,
    cache_write_1h: rates.cacheWrite1h ?? null,
  };
}

export function buildPricingList(
  models: readonly ModelPrice[],
  options: { provider?: string; today: Date; maxAgeDays: number },
): PricingListReport {
  const items = models
    .filter((price) => options.provider === undefined || price.provider === options.provider)
    .map((price) => ({
      key: price.key,
      provider: price.provider,
      model: price.model,
      family: price.family ?? null,
      latest: price.latest ?? false,
      rates: ratesRecord(price.rates),
      long_context_threshold_tokens: price.longContext?.thresholdTokens ?? null,
      modes: (["batch", "flex", "priority"] as const).filter((mode) => price[mode] !== undefined),
      provisioned: price.provisioned !== undefined,
      ...freshness(price.asOf, options.today, options.maxAgeDays),
    }))
    .sort((a, b) => a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model));
  return {
    schema_version: PRICING_SCHEMA_VERSION,
    max_age_days: options.maxAgeDays,
    provider: options.provider ?? null,
    models: items,
  };
}

export function buildPricingShow(
  price: ModelPrice,
  options: { query: string; scope?: ProfileScope | undefined; today: Date; maxAgeDays: number },
): PricingShowReport {
  const optionalRates = (rates: TokenRates | undefined) => (rates ? ratesRecord(rates) : null);
  return {
    schema_version: PRICING_SCHEMA_VERSION,
    query: options.query,
    key: price.key,
    provider: price.provider,
    model: price.model,
    family: price.family ?? null,
    aliases: [...price.aliases],
    latest: price.latest ?? false,
    scope: options.scope ?? null,
    prices: {
      standard: ratesRecord(price.rates),
      long_context: price.longContext
        ? { threshold_tokens: price.longContext.thresholdTokens, ...ratesRecord(price.longContext.rates) }
        : null,
      batch: optionalRates(price.batch),
      flex: optionalRates(price.flex),
      priority: optionalRates(price.priority),
    },
    profile_multipliers: price.profileMultipliers ? { ...price.profileMultipliers } : null,
    provisioned: price.provisioned
      ? {
          usd_per_unit_hour: { ...price.provisioned.perUnitHour },
          tokens_per_minute_per_unit: price.provisioned.tokensPerMinutePerUnit ?? null,
        }
      : null,
    sources: price.source.split("; ").filter((part) => part !== ""),
    ...freshness(price.asOf, options.today, options.maxAgeDays),
    max_age_days: options.maxAgeDays,
  };
}
