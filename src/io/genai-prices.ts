// Reader for pydantic/genai-prices' provider files (prices/providers/<provider>.yml): per model, its
// price periods (`constraint: start_date`), tiered long-context prices and the ids it matches. Used by
// `llmcost pricing audit` and scripts/build-catalog.mjs; prices stay per million tokens, as in the source.
import { parse } from "yaml";
import { InputError } from "../errors.js";

/** One component's price, per million tokens: flat, or with a price above `start` tokens of prompt. */
interface GenaiTierPrice {
  base: number;
  above?: { start: number; price: number };
}

type GenaiComponent = "input" | "output" | "cacheRead" | "cacheWrite5m" | "cacheWrite1h";

interface GenaiPricePeriod {
  /** First day this price applies (YYYY-MM-DD); undefined for the first known price. */
  from?: string;
  prices: Partial<Record<GenaiComponent, GenaiTierPrice>>;
}

export interface GenaiModel {
  /** The id as genai-prices writes it, e.g. `regional.anthropic.claude-sonnet-4-5-20250929-v1:0`. */
  id: string;
  contextWindow?: number;
  pricesChecked?: string;
  periods: GenaiPricePeriod[];
  /** Every `contains` / `starts_with` / `equals` string of its match clause. */
  matches: string[];
}

const FIELD_OF: Readonly<Record<string, GenaiComponent>> = {
  input_mtok: "input",
  output_mtok: "output",
  cache_read_mtok: "cacheRead",
  cache_write_mtok: "cacheWrite5m",
  cache_write_1h_mtok: "cacheWrite1h",
};

export function readGenaiPricesYaml(file: string, text: string): GenaiModel[] {
  const document: unknown = parse(text);
  if (!isRecord(document) || !Array.isArray(document.models)) {
    throw new InputError(
      { file, field: "models" },
      "expected a genai-prices provider file with a models list",
    );
  }
  return document.models.filter(isRecord).map((model, index) => toModel(file, model, index));
}

function toModel(file: string, model: Record<string, unknown>, index: number): GenaiModel {
  const id = model.id;
  if (typeof id !== "string")
    throw new InputError({ file, field: `models[${index}].id` }, "expected a model id");
  const periods = Array.isArray(model.prices)
    ? model.prices.filter(isRecord).map((period) => toPeriod(file, id, period))
    : isRecord(model.prices)
      ? [{ prices: toPrices(file, id, model.prices) }]
      : [];
  const result: GenaiModel = { id, periods, matches: matchStrings(model.match) };
  if (typeof model.context_window === "number") result.contextWindow = model.context_window;
  const checked = model.prices_checked;
  if (typeof checked === "string") result.pricesChecked = checked;
  else if (checked instanceof Date) result.pricesChecked = checked.toISOString().slice(0, 10);
  return result;
}

function toPeriod(file: string, id: string, period: Record<string, unknown>): GenaiPricePeriod {
  const prices = isRecord(period.prices) ? toPrices(file, id, period.prices) : {};
  const start = isRecord(period.constraint) ? period.constraint.start_date : undefined;
  const from =
    start instanceof Date ? start.toISOString().slice(0, 10) : typeof start === "string" ? start : undefined;
  return from !== undefined ? { from, prices } : { prices };
}

function toPrices(file: string, id: string, prices: Record<string, unknown>): GenaiPricePeriod["prices"] {
  const out: GenaiPricePeriod["prices"] = {};
  for (const [field, value] of Object.entries(prices)) {
    const component = FIELD_OF[field];
    if (!component) continue;
    if (typeof value === "number") out[component] = { base: value };
    else if (isRecord(value) && typeof value.base === "number") {
      const tier = Array.isArray(value.tiers) ? value.tiers.find(isRecord) : undefined;
      out[component] =
        tier && typeof tier.start === "number" && typeof tier.price === "number"
          ? { base: value.base, above: { start: tier.start, price: tier.price } }
          : { base: value.base };
    } else {
      throw new InputError({ file, field: `${id}.${field}` }, `expected a price per million tokens`);
    }
  }
  return out;
}

function matchStrings(match: unknown): string[] {
  if (!isRecord(match)) return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(match)) {
    if (typeof value === "string" && ["contains", "starts_with", "equals"].includes(key)) found.push(value);
    else if (Array.isArray(value)) for (const item of value) found.push(...matchStrings(item));
  }
  return found;
}

/** The period in effect on `date` (YYYY-MM-DD): the last whose start is not after it, else the first.
 * @internal scripts/build-catalog.mjs picks the period in effect with it
 */
export function genaiPeriodAt(model: GenaiModel, date: string): GenaiPricePeriod | undefined {
  let chosen = model.periods.find((period) => period.from === undefined) ?? model.periods[0];
  for (const period of model.periods) {
    if (period.from !== undefined && period.from <= date) chosen = period;
  }
  return chosen;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
