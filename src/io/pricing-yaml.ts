// The project's pricing YAML format: parse, validate (file, line and field in every error) and convert to
// ModelPrice records.
import { isNode } from "yaml";
import type { ModelPrice, PriceChange, ProvisionedCommitment, TokenRates } from "../cost/price.js";
import type { UnpricedModel } from "../cost/unpriced-kinds.js";
import { InputError } from "../errors.js";
import {
  type ModePriceEntry,
  type PricingFile,
  type PricingModelEntry,
  pricingFileSchema,
} from "./pricing-schema.js";
import { type ParsedYaml, parseYamlText, validateYaml } from "./yaml.js";

/** The file's priced models and its known-but-unpriced ones (image, audio, video, rerank). */
export function readPricingYaml(
  file: string,
  text: string,
): { models: ModelPrice[]; unpriced: UnpricedModel[] } {
  const parsed = parseYamlText(file, text);
  const pricing: PricingFile = validateYaml(parsed, pricingFileSchema);
  const seen = new Set<string>();
  const unpriced = (pricing.unpriced_models ?? []).map(
    ({ priced_per, aliases, ...rest }): UnpricedModel => ({
      ...rest,
      aliases: aliases ?? [],
      pricedPer: priced_per,
    }),
  );
  const models = pricing.models.map((entry, index) => {
    const price = toModelPrice(entry);
    if (seen.has(price.key)) {
      throw new InputError(
        { file, ...lineOfModel(parsed, index), field: `models[${index}].model` },
        `"${price.key}" is listed twice in this file; keep one entry per provider and model`,
      );
    }
    seen.add(price.key);
    return price;
  });
  return { models, unpriced };
}

function lineOfModel(parsed: ParsedYaml, index: number): { line?: number } {
  const node = parsed.document.getIn(["models", index, "model"], true);
  return isNode(node) && node.range ? { line: parsed.lineCounter.linePos(node.range[0]).line } : {};
}

function toModelPrice(entry: PricingModelEntry): ModelPrice {
  // Embedding and rerank models produce no output tokens; the schema lets them omit the price.
  const rates = tokenRates({ ...entry, output: entry.output ?? 0 });
  const sources = [entry.source];
  const dates = [entry.as_of];
  const price: ModelPrice = {
    key: `${entry.provider}/${entry.model}`,
    provider: entry.provider,
    model: entry.model,
    aliases: entry.aliases ?? [],
    rates,
    source: "",
    asOf: "",
  };
  if (entry.family !== undefined) price.family = entry.family;
  if (entry.latest !== undefined) price.latest = entry.latest;
  addLifecycle(price, entry);
  if (entry.long_context) {
    const { threshold_tokens, ...tier } = entry.long_context;
    price.longContext = { thresholdTokens: threshold_tokens, rates: tokenRates(tier) };
  }
  for (const mode of ["batch", "flex", "priority"] as const) {
    const block = entry[mode];
    if (!block) continue;
    price[mode] = modeRates(block, rates);
    if (block.source) sources.push(`${mode}: ${block.source}${block.as_of ? ` (as of ${block.as_of})` : ""}`);
    if (block.as_of) dates.push(block.as_of);
  }
  if (entry.profile_multipliers) {
    const { global, geo, in_region } = entry.profile_multipliers;
    price.profileMultipliers = {
      ...(global !== undefined ? { global } : {}),
      ...(geo !== undefined ? { geo } : {}),
      ...(in_region !== undefined ? { "in-region": in_region } : {}),
    };
  }
  if (entry.provisioned) {
    const { per_unit_hour: hourly, tokens_per_minute_per_unit: tpm, source, as_of } = entry.provisioned;
    const perUnitHour: Partial<Record<ProvisionedCommitment, number>> = {
      ...(hourly.no_commitment !== undefined ? { none: hourly.no_commitment } : {}),
      ...(hourly.one_month !== undefined ? { "1-month": hourly.one_month } : {}),
      ...(hourly.six_months !== undefined ? { "6-month": hourly.six_months } : {}),
    };
    price.provisioned = { perUnitHour, ...(tpm !== undefined ? { tokensPerMinutePerUnit: tpm } : {}) };
    if (source) sources.push(`provisioned: ${source}${as_of ? ` (as of ${as_of})` : ""}`);
    if (as_of) dates.push(as_of);
  }
  price.source = sources.join("; ");
  // The oldest date is the one that decides whether any part of the record may be stale.
  price.asOf = dates.sort()[0] ?? entry.as_of;
  return price;
}

/** Kind, line, lifecycle, context window, profiles, price history, source refs and decisions. */
function addLifecycle(price: ModelPrice, entry: PricingModelEntry): void {
  if (entry.kind !== undefined) price.kind = entry.kind;
  if (entry.line !== undefined) price.line = entry.line;
  if (entry.released !== undefined) price.released = entry.released;
  if (entry.retired !== undefined) price.retired = entry.retired;
  if (entry.lifecycle_source !== undefined) price.lifecycleSource = entry.lifecycle_source;
  if (entry.max_input_tokens !== undefined) price.maxInputTokens = entry.max_input_tokens;
  if (entry.profiles !== undefined) price.profiles = entry.profiles;
  if (entry.per_1k_queries !== undefined) price.per1kQueries = entry.per_1k_queries;
  if (entry.price_changes) {
    price.priceChanges = [...entry.price_changes]
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((change) => {
        const result: PriceChange = { from: change.from, rates: tokenRates(change), source: change.source };
        if (change.long_context) {
          const { threshold_tokens, ...tier } = change.long_context;
          result.longContext = { thresholdTokens: threshold_tokens, rates: tokenRates(tier) };
        }
        return result;
      });
  }
  if (entry.refs) {
    price.refs = {
      ...(entry.refs.litellm !== undefined ? { litellm: entry.refs.litellm } : {}),
      ...(entry.refs.genai_prices !== undefined ? { genaiPrices: entry.refs.genai_prices } : {}),
    };
  }
  if (entry.decisions) {
    price.decisions = entry.decisions.map(({ genai_prices, litellm, ...rest }) => ({
      ...rest,
      ...(litellm !== undefined ? { litellm } : {}),
      ...(genai_prices !== undefined ? { genaiPrices: genai_prices } : {}),
    }));
  }
}

interface RateFields {
  input: number;
  output: number;
  cache_read?: number | undefined;
  cache_write_5m?: number | undefined;
  cache_write_1h?: number | undefined;
}

function tokenRates(fields: RateFields): TokenRates {
  return {
    input: fields.input,
    output: fields.output,
    ...(fields.cache_read !== undefined ? { cacheRead: fields.cache_read } : {}),
    ...(fields.cache_write_5m !== undefined ? { cacheWrite5m: fields.cache_write_5m } : {}),
    ...(fields.cache_write_1h !== undefined ? { cacheWrite1h: fields.cache_write_1h } : {}),
  };
}

/** A multiplier scales every on-demand component; explicit prices are taken as given (the schema checked them). */
function modeRates(block: ModePriceEntry, base: TokenRates): TokenRates {
  const { multiplier } = block;
  if (multiplier !== undefined) {
    const scale = (rate: number) => Number((rate * multiplier).toPrecision(12));
    return {
      input: scale(base.input),
      output: scale(base.output),
      ...(base.cacheRead !== undefined ? { cacheRead: scale(base.cacheRead) } : {}),
      ...(base.cacheWrite5m !== undefined ? { cacheWrite5m: scale(base.cacheWrite5m) } : {}),
      ...(base.cacheWrite1h !== undefined ? { cacheWrite1h: scale(base.cacheWrite1h) } : {}),
    };
  }
  const { input, output } = block;
  // The schema's refinement guarantees both; checked again so a price can never silently become $0.
  if (input === undefined || output === undefined) throw new Error("mode prices without input or output");
  return tokenRates({ ...block, input, output });
}
