// Report data of `llmcost pricing list` and `pricing show`: plain, JSON-ready records built from ModelPrice.
// The JSON output is exactly these records (schema_version 2, see docs/report-formats.md); the other
// formats render them.
import type { ModelKind, ModelPrice, ProfileScope, TokenRates } from "../cost/price.js";
import { isRetired } from "../cost/price-history.js";
import { DAY_MS } from "../units.js";

const PRICING_SCHEMA_VERSION = 2;

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

/** Schema 2: what the model is, its line and lifecycle at the report's `prices_as_of` date. */
interface Lifecycle {
  kind: ModelKind;
  line: string | null;
  released: string | null;
  retired: string | null;
  /** Whether the model is retired on `prices_as_of`. */
  retired_at_as_of: boolean;
  max_input_tokens: number | null;
}

function lifecycle(price: ModelPrice, asOf: string): Lifecycle {
  return {
    kind: price.kind ?? "chat",
    line: price.line ?? null,
    released: price.released ?? null,
    retired: price.retired ?? null,
    retired_at_as_of: isRetired(price, asOf),
    max_input_tokens: price.maxInputTokens ?? null,
  };
}

interface PricingListItem extends Freshness, Lifecycle {
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
  /** The date whose prices, `latest` and lifecycle the report shows. */
  prices_as_of: string;
  max_age_days: number;
  provider: string | null;
  kind: ModelKind | null;
  family: string | null;
  models: PricingListItem[];
}

export interface PricingShowReport extends Freshness, Lifecycle {
  schema_version: number;
  prices_as_of: string;
  /** Bedrock: the inference profiles AWS offers (in_region = the plain id); null when not recorded. */
  profiles: string[] | null;
  /** The later prices of the model (changes after its first known price), oldest first. */
  price_changes: { from: string; input: number; output: number }[];
  /** The whole price history, oldest first: the first known price (`from`: its release date, null when
   * unknown) and every change. */
  price_history: { from: string | null; input: number; output: number }[];
  /** Disagreements between the price sources and how each was resolved. */
  decisions: {
    component: string;
    litellm: number | string | null;
    genai_prices: number | string | null;
    chosen: number | string;
    by: string;
    source: string;
  }[];
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
  options: {
    provider?: string;
    kind?: ModelKind;
    family?: string;
    asOf: string;
    today: Date;
    maxAgeDays: number;
  },
): PricingListReport {
  const items = models
    .filter((price) => options.provider === undefined || price.provider === options.provider)
    .filter((price) => options.kind === undefined || (price.kind ?? "chat") === options.kind)
    .filter(
      (price) =>
        options.family === undefined ||
        price.family === options.family ||
        price.line === options.family ||
        (price.family ?? "").startsWith(`${options.family}-`),
    )
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
      ...lifecycle(price, options.asOf),
      ...freshness(price.asOf, options.today, options.maxAgeDays),
    }))
    .sort((a, b) => a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model));
  return {
    schema_version: PRICING_SCHEMA_VERSION,
    prices_as_of: options.asOf,
    max_age_days: options.maxAgeDays,
    provider: options.provider ?? null,
    kind: options.kind ?? null,
    family: options.family ?? null,
    models: items,
  };
}

export function buildPricingShow(
  price: ModelPrice,
  options: {
    query: string;
    scope?: ProfileScope | undefined;
    asOf: string;
    today: Date;
    maxAgeDays: number;
    /** The model's record with its first known price (`PricingCatalog.firstKnown`); default `price`. */
    firstKnown?: ModelPrice;
  },
): PricingShowReport {
  const first = options.firstKnown ?? price;
  const optionalRates = (rates: TokenRates | undefined) => (rates ? ratesRecord(rates) : null);
  return {
    schema_version: PRICING_SCHEMA_VERSION,
    prices_as_of: options.asOf,
    ...lifecycle(price, options.asOf),
    profiles: price.profiles ? [...price.profiles] : null,
    price_changes: (price.priceChanges ?? []).map((c) => ({
      from: c.from,
      input: c.rates.input,
      output: c.rates.output,
    })),
    price_history: [
      { from: first.released ?? null, input: first.rates.input, output: first.rates.output },
      ...(first.priceChanges ?? []).map((c) => ({
        from: c.from,
        input: c.rates.input,
        output: c.rates.output,
      })),
    ],
    decisions: (price.decisions ?? []).map((d) => ({
      component: d.component,
      litellm: d.litellm ?? null,
      genai_prices: d.genaiPrices ?? null,
      chosen: d.chosen,
      by: d.by,
      source: d.source,
    })),
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
