// Adapter for LiteLLM's model_prices_and_context_window.json: per-token prices become per-million
// ModelPrice records following LiteLLM's own cost rules. Entries without token prices (images, audio,
// embeddings, per-second provisioned rows) are skipped and counted; malformed prices are errors.
import type { ModelPrice, TokenRates } from "../cost/price.js";
import { normaliseProvider } from "../cost/pricing-ids.js";
import type { UnpricedKind, UnpricedModel } from "../cost/unpriced-kinds.js";
import { InputError } from "../errors.js";

export interface LiteLlmImport {
  models: ModelPrice[];
  /** Entries left out, by reason. */
  skipped: Map<string, number>;
  /** Things the user should know about what was imported (approximations, duplicates). */
  notes: string[];
  /** Image, audio, video and per-query rerank entries: known, reported as unpriced with their kind. */
  unpriced: UnpricedModel[];
}

/**
 * LiteLLM modes of models priced per image, second or query: their kind and how they are billed.
 * @internal scripts/catalog/specs.mjs lists the bundled unpriced models with it
 */
export const UNPRICED_MODES: Readonly<Record<string, [UnpricedKind, string]>> = {
  image_generation: ["image", "per image"],
  image_edit: ["image", "per image"],
  audio_speech: ["audio", "per character or second of audio"],
  audio_transcription: ["audio", "per second of audio"],
  video_generation: ["video", "per second of video"],
  rerank: ["rerank", "per query"],
};

type Component = keyof TokenRates;

/** `<component>[_above_<N>k_tokens][_<mode>]`, the token-price keys LiteLLM uses. */
const TOKEN_FIELD =
  /^(input_cost_per_token_cache_hit|input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost_above_1hr|cache_creation_input_token_cost)(?:_above_(\d+)k_tokens)?(?:_(batches|flex|priority))?$/;

const COMPONENT_OF: Readonly<Record<string, Component>> = {
  input_cost_per_token: "input",
  output_cost_per_token: "output",
  cache_read_input_token_cost: "cacheRead",
  input_cost_per_token_cache_hit: "cacheRead",
  cache_creation_input_token_cost: "cacheWrite5m",
  cache_creation_input_token_cost_above_1hr: "cacheWrite1h",
};

/** Modes that bill text tokens; the rest (embedding, image_generation, audio_*, rerank, ...) are skipped. */
const TEXT_MODES = new Set(["chat", "completion", "responses"]);

/** Whether a parsed JSON value has LiteLLM price entries (objects with litellm_provider or *_cost_per_token). */
export function hasLiteLlmEntries(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value) || "version" in value) return false;
  return Object.entries(value).some(
    ([key, entry]) =>
      key !== "sample_spec" &&
      isRecord(entry) &&
      ("litellm_provider" in entry || Object.keys(entry).some((field) => field.endsWith("_cost_per_token"))),
  );
}

/** Whether a parsed JSON pricing file is read as a LiteLLM price map: it has LiteLLM entries, or it maps
 * names to null or other scalars only (`{"m1": null}`): a LiteLLM map with bad entries, reported at the
 * entry, not an llmcost pricing file without `version`. */
export function isLiteLlmPriceMap(value: unknown): value is Record<string, unknown> {
  if (hasLiteLlmEntries(value)) return true;
  if (!isRecord(value) || "version" in value || "models" in value) return false;
  const entries = Object.entries(value).filter(([key]) => key !== "sample_spec");
  return entries.length > 0 && entries.every(([, entry]) => entry === null || typeof entry !== "object");
}

export interface LiteLlmSource {
  file: string;
  /** The JSON text, used only to find line numbers for error messages. */
  text: string;
  /** What `pricing show` prints as the source, and the as-of date of every entry. */
  label: string;
  asOf: string;
}

export function pricingFromLiteLlm(source: LiteLlmSource, priceMap: Record<string, unknown>): LiteLlmImport {
  const result: LiteLlmImport = { models: [], skipped: new Map(), notes: [], unpriced: [] };
  const byKey = new Map<string, ModelPrice>();
  let duplicates = 0;
  let tierModeApproximations = 0;
  for (const [key, entry] of Object.entries(priceMap)) {
    if (key === "sample_spec") continue;
    if (!isRecord(entry)) {
      throw new InputError(
        locate(source, key),
        `model "${key}": expected an object of prices, found ${describe(entry)}`,
      );
    }
    const converted = convertEntry(source, key, entry);
    if (typeof converted === "string") {
      result.skipped.set(converted, (result.skipped.get(converted) ?? 0) + 1);
      const unpriced = unpricedEntry(source, key, entry);
      if (unpriced) result.unpriced.push(unpriced);
      continue;
    }
    if (converted.tierModeApproximated) tierModeApproximations++;
    if (byKey.has(converted.price.key)) duplicates++;
    byKey.set(converted.price.key, converted.price);
  }
  result.models = [...byKey.values()];
  if (duplicates > 0) {
    result.notes.push(
      `${duplicates} entries named the same provider/model after prefix removal; the later one was kept`,
    );
  }
  if (tierModeApproximations > 0) {
    result.notes.push(
      `${tierModeApproximations} entries give long-context prices per service tier; llmcost scales the tier's own prices by the long-context ratio instead`,
    );
  }
  return result;
}

/** The unpriced-kind record of a skipped entry (image, audio, video, per-query rerank), if it is one. */
function unpricedEntry(source: LiteLlmSource, key: string, entry: Record<string, unknown>) {
  const mode = typeof entry.mode === "string" ? UNPRICED_MODES[entry.mode] : undefined;
  const provider = entry.litellm_provider;
  if (!mode || typeof provider !== "string" || provider === "") return undefined;
  const [kind, per] = mode;
  const perQuery = entry.input_cost_per_query;
  const pricedPer =
    kind === "rerank" && typeof perQuery === "number"
      ? `per query ($${Number((perQuery * 1000).toPrecision(10))} per 1,000 queries)`
      : per;
  const normalisedProvider = normaliseProvider(provider);
  const model: UnpricedModel = {
    provider: normalisedProvider,
    model: stripOwnPrefix(key, provider, normalisedProvider),
    aliases: [],
    kind,
    pricedPer,
    source: `${source.label} ("${key}")`,
  };
  return model;
}

type Tiers = Map<string, Partial<TokenRates>>;

/** Converts one entry, or returns why it was skipped. */
function convertEntry(
  source: LiteLlmSource,
  key: string,
  entry: Record<string, unknown>,
): { price: ModelPrice; tierModeApproximated: boolean } | string {
  const tiers = collectTokenPrices(source, key, entry);
  const provider = entry.litellm_provider;
  if (typeof provider !== "string" || provider === "") return "no litellm_provider";
  const mode = entry.mode;
  const base = tiers.get("|standard");
  // A rerank model with a per-token price (Voyage, Jina) is priced on its input tokens.
  const tokenRerank = mode === "rerank" && base?.input !== undefined && base.input > 0;
  if (tokenRerank) base.output ??= 0;
  if (typeof mode === "string" && !TEXT_MODES.has(mode) && !tokenRerank)
    return `mode ${mode} (not priced per text token)`;
  if (base?.input === undefined || base.output === undefined) {
    if (Array.isArray(entry.tiered_pricing)) return "tiered_pricing ranges (not supported)";
    if ("input_cost_per_second" in entry || "output_cost_per_second" in entry) return "priced per second";
    return "no per-token input and output price";
  }
  const rates = complete(base, { input: base.input, output: base.output });
  if (Object.values(rates).every((rate) => rate === 0))
    return "all token prices are zero (treated as unpriced)";
  const normalisedProvider = normaliseProvider(provider);
  const model = stripOwnPrefix(key, provider, normalisedProvider);
  const price: ModelPrice = {
    key: `${normalisedProvider}/${model}`,
    provider: normalisedProvider,
    model,
    aliases: [],
    rates,
    source: `${source.label} ("${key}")`,
    asOf: source.asOf,
  };
  if (tokenRerank) price.kind = "rerank";
  const thresholds = [...tiers.keys()]
    .map((tier) => tier.split("|")[0])
    .filter((threshold): threshold is string => threshold !== undefined && threshold !== "");
  const threshold = thresholds.map(Number).sort((a, b) => a - b)[0];
  const longTier = threshold !== undefined ? tiers.get(`${threshold}|standard`) : undefined;
  if (threshold !== undefined && longTier) {
    price.longContext = { thresholdTokens: threshold * 1000, rates: complete(longTier, rates) };
  }
  addModes(price, tiers, rates);
  const tierModeApproximated = [...tiers.keys()].some(
    (tier) => !tier.startsWith("|") && !tier.endsWith("|standard"),
  );
  return { price, tierModeApproximated };
}

/**
 * Batch follows LiteLLM's batch calculator: `_batches` prices, else half the on-demand price, over all
 * prompt tokens (no cache distinction). Flex and priority fall back to the standard price per component.
 */
function addModes(price: ModelPrice, tiers: Tiers, rates: TokenRates): void {
  const batches = tiers.get("|batches");
  if (batches) {
    price.batch = {
      input: batches.input ?? half(rates.input),
      output: batches.output ?? half(rates.output),
    };
  }
  for (const mode of ["flex", "priority"] as const) {
    const tier = tiers.get(`|${mode}`);
    if (tier) price[mode] = complete(tier, rates);
  }
}

function half(rate: number): number {
  return Number((rate / 2).toPrecision(12));
}

/** A tier's prices, each missing component taken from `fallback` (LiteLLM's rule). */
function complete(
  tier: Partial<TokenRates>,
  fallback: Partial<TokenRates> & Pick<TokenRates, "input" | "output">,
) {
  const rates: TokenRates = { input: tier.input ?? fallback.input, output: tier.output ?? fallback.output };
  const cacheRead = tier.cacheRead ?? fallback.cacheRead;
  const cacheWrite5m = tier.cacheWrite5m ?? fallback.cacheWrite5m;
  const cacheWrite1h = tier.cacheWrite1h ?? fallback.cacheWrite1h;
  if (cacheRead !== undefined) rates.cacheRead = cacheRead;
  if (cacheWrite5m !== undefined) rates.cacheWrite5m = cacheWrite5m;
  if (cacheWrite1h !== undefined) rates.cacheWrite1h = cacheWrite1h;
  return rates;
}

/** Validates every price-like field and groups the token prices by `threshold|mode`, per million tokens. */
function collectTokenPrices(source: LiteLlmSource, key: string, entry: Record<string, unknown>): Tiers {
  const tiers: Tiers = new Map();
  for (const [field, value] of Object.entries(entry)) {
    if (!field.includes("cost") || value === null) continue;
    const match = TOKEN_FIELD.exec(field);
    if (typeof value !== "number") {
      // Nested cost tables (search_context_cost_per_query) are not token prices; anything else is malformed.
      if (!match && isRecord(value)) continue;
      throw new InputError(
        locate(source, key, field),
        `model "${key}": expected a number, found ${describe(value)}`,
      );
    }
    if (!Number.isFinite(value) || value < 0) {
      throw new InputError(
        locate(source, key, field),
        `model "${key}": expected a price >= 0, found ${value}`,
      );
    }
    if (!match?.[1]) continue;
    const component = COMPONENT_OF[match[1]];
    if (!component) continue;
    const tierKey = `${match[2] ?? ""}|${match[3] ?? "standard"}`;
    const tier = tiers.get(tierKey) ?? {};
    // `cache_read_input_token_cost` wins over the older `input_cost_per_token_cache_hit` spelling.
    if (!(match[1] === "input_cost_per_token_cache_hit" && tier.cacheRead !== undefined)) {
      tier[component] = perMillion(value);
    }
    tiers.set(tierKey, tier);
  }
  return tiers;
}

/** USD per token to USD per million tokens, without float noise (2.5e-6 * 1e6 must be 2.5, not 2.4999999999999996).
 * @internal scripts/build-catalog.mjs converts LiteLLM's per-token prices with it
 */
export function perMillion(perToken: number): number {
  return Number((perToken * 1e6).toPrecision(10));
}

/** `bedrock/us-east-1/x` at provider bedrock → `us-east-1/x`; unprefixed keys stay as they are. */
function stripOwnPrefix(key: string, provider: string, normalised: string): string {
  for (const prefix of [`${provider}/`, `${normalised}/`]) {
    if (key.startsWith(prefix) && key.length > prefix.length) return key.slice(prefix.length);
  }
  return key;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  return value === null ? "null" : `${typeof value} ${JSON.stringify(value)}`;
}

/** File, line of the model's key (or of the field within it) and field, for error messages. */
function locate(
  source: LiteLlmSource,
  key: string,
  field?: string,
): { file: string; line?: number; field: string } {
  const keyAt = findKey(source.text, key, 0);
  const fieldAt = field !== undefined && keyAt >= 0 ? findKey(source.text, field, keyAt) : -1;
  const at = fieldAt >= 0 ? fieldAt : keyAt;
  const location = { file: source.file, field: field !== undefined ? `${key}.${field}` : key };
  return at >= 0 ? { ...location, line: lineAt(source.text, at) } : location;
}

function findKey(text: string, key: string, from: number): number {
  const quoted = JSON.stringify(key);
  for (let at = text.indexOf(quoted, from); at >= 0; at = text.indexOf(quoted, at + 1)) {
    if (/^\s*:/.test(text.slice(at + quoted.length, at + quoted.length + 8))) return at;
  }
  return -1;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
