// Prices and lifecycle at a date: which of a model's prices is in effect, whether it is retired, and which
// model of each line is the latest. Dates are YYYY-MM-DD strings, which compare correctly as text.
import type { ModelPrice, TokenRates } from "./price.js";

/** Today in UTC, YYYY-MM-DD: the default `--as-of`. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The price change in effect on `date`, or undefined when the first known price applies (also before it). */
function changeAt(price: ModelPrice, date: string) {
  let found: NonNullable<ModelPrice["priceChanges"]>[number] | undefined;
  for (const change of price.priceChanges ?? []) if (change.from <= date) found = change;
  return found;
}

/** Whether `date` falls before the model's first known price (then that first price is used anyway). */
export function predatesFirstPrice(price: ModelPrice, date: string): boolean {
  return price.released !== undefined && date < price.released;
}

/**
 * The record with the prices in effect on `date`. Batch, flex and priority prices keep their fraction of
 * the on-demand price per component; the record keeps its whole history.
 */
export function priceAt(price: ModelPrice, date: string): ModelPrice {
  const change = changeAt(price, date);
  if (!change) return price;
  const at: ModelPrice = {
    ...price,
    rates: change.rates,
    source: `${change.source}; earlier: ${price.source}`,
  };
  if (change.longContext) at.longContext = change.longContext;
  else delete at.longContext;
  for (const mode of ["batch", "flex", "priority"] as const) {
    const rates = price[mode];
    if (rates) at[mode] = scaleMode(rates, price.rates, change.rates);
  }
  return at;
}

function scaleMode(mode: TokenRates, before: TokenRates, after: TokenRates): TokenRates {
  const scaled = (key: keyof TokenRates): number | undefined => {
    const value = mode[key];
    const from = before[key];
    const to = after[key];
    if (value === undefined) return undefined;
    if (from === undefined || to === undefined || from === 0) return value;
    return Number(((value * to) / from).toPrecision(12));
  };
  const result: TokenRates = {
    input: scaled("input") ?? after.input,
    output: scaled("output") ?? after.output,
  };
  for (const key of ["cacheRead", "cacheWrite5m", "cacheWrite1h"] as const) {
    const value = scaled(key);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** One stretch of a model's price history: `price` applies from `fromMs` (UTC midnight of the change's date;
 * -Infinity for the first known price) until the next period starts. */
export interface PricePeriod {
  fromMs: number;
  price: ModelPrice;
}

/**
 * A model's whole price history as periods, oldest first, from its record with the first known price
 * (`PricingCatalog.firstKnown`). Callers that price many requests resolve this once per model and compare
 * each request's time with the few `fromMs` values.
 */
export function pricePeriods(first: ModelPrice): PricePeriod[] {
  const periods: PricePeriod[] = [{ fromMs: Number.NEGATIVE_INFINITY, price: first }];
  for (const change of first.priceChanges ?? []) {
    periods.push({ fromMs: Date.parse(`${change.from}T00:00:00Z`), price: priceAt(first, change.from) });
  }
  return periods;
}

/** Whether the model is retired at `date` (its retirement date is on or before it). */
export function isRetired(price: ModelPrice, date: string): boolean {
  return price.retired !== undefined && price.retired <= date;
}

/** Why a model is not the latest at `asOf` (for messages): not released yet, in no line, or superseded. */
export function whyNotLatest(price: ModelPrice, asOf: string | undefined): string {
  if (asOf !== undefined && price.released !== undefined && price.released > asOf)
    return `is not released yet (${price.released})`;
  if (price.line === undefined) return "belongs to no model line, so it is never the latest";
  return "is not the latest of its line";
}

/**
 * `latest` per model line: the model released most recently on or before `date`, per provider and line,
 * among those not retired. A record that states `latest` itself (a user pricing file) keeps it.
 */
export function deriveLatest(
  models: readonly ModelPrice[],
  date: string,
  explicit: ReadonlySet<ModelPrice>,
): ModelPrice[] {
  const newest = new Map<string, ModelPrice>();
  for (const price of models) {
    if (price.line === undefined || price.released === undefined || price.released > date) continue;
    if (isRetired(price, date)) continue;
    const group = `${price.provider}\u0000${price.line}`;
    const current = newest.get(group);
    if (!current || (current.released ?? "") < price.released) newest.set(group, price);
  }
  const winners = new Set(newest.values());
  return models.map((price) => {
    if (explicit.has(price)) return price;
    const latest = winners.has(price);
    return price.latest === latest ? price : { ...price, latest };
  });
}
