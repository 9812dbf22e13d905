// Token cost of requests under one model price: the formula users check by hand.
//   cost = (uncached input x input + cache read x cache read + cache write x cache write + output x output) / 1e6
// with the long-context tier applied to the whole request when its prompt exceeds the threshold, then the
// mode (batch, flex, priority), the Bedrock inference-profile multiplier and any discount.
import type { CacheWriteTtl, ModelPrice, PricingMode, ProfileScope, TokenRates } from "./price.js";

/** Token counts of one request, or the sum over several requests. `input` includes cached tokens. */
export interface TokenCounts {
  input: number;
  output: number;
  cacheRead: number;
  /** Cache writes at the scenario's TTL (`cache_write_ttl`, 5 minutes unless it says 1h): the logged
   * 5-minute writes, or writes a log does not say the TTL of. */
  cacheWrite: number;
  /** Cache writes the log says were 1-hour writes, billed at the 1-hour price; absent = 0. */
  cacheWrite1h?: number;
}

export interface PricingContext {
  mode: PricingMode;
  /** Bedrock inference-profile scope; ignored for models without profile multipliers. */
  scope?: ProfileScope;
  /** Fraction off, 0..1 (a negotiated discount). */
  discount?: number;
  cacheWriteTtl?: CacheWriteTtl;
}

export const STANDARD: PricingContext = { mode: "standard" };

/** A price component the model does not offer (e.g. batch for a model without batch prices).
 * @internal thrown by requestCost(); tests catch it by class
 */
export class MissingRateError extends Error {
  override name = "MissingRateError";
  constructor(
    readonly modelKey: string,
    readonly component: string,
  ) {
    super(`${modelKey} has no ${component} price`);
  }
}

/** Whether the long-context tier applies to a request whose prompt is `promptTokens` long.
 * @internal the money property test prices requests with it
 */
export function isLongContext(price: ModelPrice, promptTokens: number): boolean {
  return price.longContext !== undefined && promptTokens > price.longContext.thresholdTokens;
}

/** The per-million rates that apply, before profile multiplier and discount. */
export function effectiveRates(price: ModelPrice, context: PricingContext, longContext: boolean): TokenRates {
  const tier = longContext && price.longContext ? price.longContext.rates : price.rates;
  if (context.mode === "standard") return tier;
  const modeRates = price[context.mode];
  if (!modeRates) throw new MissingRateError(price.key, context.mode);
  if (tier === price.rates) return modeRates;
  // Long context in batch/flex/priority: the mode's rates, scaled by the tier's ratio per component.
  return {
    input: modeRates.input * ratio(tier.input, price.rates.input),
    output: modeRates.output * ratio(tier.output, price.rates.output),
    ...scaledOptional("cacheRead", modeRates, tier, price.rates),
    ...scaledOptional("cacheWrite5m", modeRates, tier, price.rates),
    ...scaledOptional("cacheWrite1h", modeRates, tier, price.rates),
  };
}

function ratio(tier: number, base: number): number {
  return base === 0 ? 1 : tier / base;
}

function scaledOptional(
  key: "cacheRead" | "cacheWrite5m" | "cacheWrite1h",
  mode: TokenRates,
  tier: TokenRates,
  base: TokenRates,
): Partial<TokenRates> {
  const value = mode[key];
  if (value === undefined) return {};
  return { [key]: value * ratio(tier[key] ?? base[key] ?? 0, base[key] ?? 0) };
}

/** Multiplier from the inference-profile scope and the discount. */
export function costMultiplier(price: ModelPrice, context: PricingContext): number {
  const scope =
    context.scope && price.profileMultipliers ? (price.profileMultipliers[context.scope] ?? 1) : 1;
  return scope * (1 - (context.discount ?? 0));
}

/** Cost in USD of `tokens` at `rates` (per million). Cached tokens fall back to the input rate when the
 * model has no caching price: without caching, that prompt is simply billed as input. Logged 1-hour writes
 * take the 1-hour price; without one, the 5-minute price (the cost code warns, see option-cost.ts). */
export function costAtRates(
  rates: TokenRates,
  tokens: TokenCounts,
  cacheWriteTtl: CacheWriteTtl = "5m",
): number {
  const cacheWrite1h = tokens.cacheWrite1h ?? 0;
  const uncached = tokens.input - tokens.cacheRead - tokens.cacheWrite - cacheWrite1h;
  const cacheWriteRate =
    cacheWriteTtl === "1h"
      ? (rates.cacheWrite1h ?? rates.cacheWrite5m ?? rates.input)
      : (rates.cacheWrite5m ?? rates.input);
  return (
    (uncached * rates.input +
      tokens.cacheRead * (rates.cacheRead ?? rates.input) +
      tokens.cacheWrite * cacheWriteRate +
      cacheWrite1h * (rates.cacheWrite1h ?? rates.cacheWrite5m ?? rates.input) +
      tokens.output * rates.output) /
    1e6
  );
}

/**
 * Cost in USD of `tokens` (one request, or a sum over requests whose prompts all fall on the same side of
 * the model's long-context threshold) priced at `price`.
 */
export function tokenCostUsd(
  price: ModelPrice,
  tokens: TokenCounts,
  context: PricingContext,
  longContext = isLongContext(price, tokens.input),
): number {
  const rates = effectiveRates(price, context, longContext);
  return costAtRates(rates, tokens, context.cacheWriteTtl) * costMultiplier(price, context);
}
