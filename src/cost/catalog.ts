// The pricing catalog: every known ModelPrice, and resolution of the model ids found in traffic logs to
// one of them. Resolution runs per traffic row, so results are memoised; it never falls back to a loose
// substring match (`gpt-4o` must never find `gpt-4o-mini`), and an id that fits several models is an error.
import { UsageError } from "../errors.js";
import type { ModelPrice, ResolvedModel, TokenRates } from "./price.js";
import { deriveLatest, priceAt } from "./price-history.js";
import {
  isPlainModelId,
  type ModelIdParts,
  normaliseProvider,
  type RoutedModelId,
  splitModelId,
  stripRouting,
} from "./pricing-ids.js";
import { UnpricedModels, unpricedKindReason } from "./unpriced-kinds.js";

/**
 * An id that fits several catalog entries; the message lists them so the user can pick one.
 * @internal thrown by resolve(); tests catch it by class
 */
export class AmbiguousModelError extends UsageError {
  override name = "AmbiguousModelError";
  constructor(
    readonly modelId: string,
    readonly candidates: readonly string[],
  ) {
    super(
      `model "${modelId}" is ambiguous: it matches ${candidates.join(", ")}; give the full key (provider/model) or a provider`,
    );
  }
}

type Resolution = ResolvedModel | AmbiguousModelError | undefined;

/** Distinct ids a traffic file may hold are few; the cap only bounds memory against hostile input. */
const MEMO_LIMIT = 50_000;

interface IndexedId {
  price: ModelPrice;
  parts: ModelIdParts;
  /** Whether any id of this entry names a snapshot date / a version (then other dates/versions do not match). */
  datePinned: boolean;
  versionPinned: boolean;
}

export class PricingCatalog {
  readonly models: readonly ModelPrice[];
  private readonly byKey = new Map<string, ModelPrice>();
  private readonly byModel = new Map<string, ModelPrice[]>();
  private readonly byAlias = new Map<string, ModelPrice[]>();
  private readonly plainById = new Map<string, ModelPrice[]>();
  private readonly byBase = new Map<string, IndexedId[]>();
  private readonly memo = new Map<string, Resolution>();
  /** Every model a resolve() call returned: the commands check them for retirement at the as-of date. */
  readonly resolvedModels = new Set<ModelPrice>();

  /**
   * Later entries replace earlier ones (user files override the bundled catalog): an entry with the same
   * key, or whose model id is an id or alias of an earlier entry at the same provider (LiteLLM's
   * `claude-sonnet-4-5` replaces the bundled `claude-sonnet-4-5-20250929`, whose alias it is).
   */
  constructor(
    models: readonly ModelPrice[],
    /** Known models that are not priced per token (image, audio, video, per-query rerank). */
    readonly unpriced: UnpricedModels = new UnpricedModels(),
  ) {
    const keyById = new Map<string, string>();
    const idKey = (provider: string, id: string) => `${provider}\u0000${id.toLowerCase()}`;
    for (const price of models) {
      const key =
        [price.model, ...price.aliases]
          .map((id) => keyById.get(idKey(price.provider, id)))
          .find((found) => found !== undefined && found !== price.key.toLowerCase()) ??
        price.key.toLowerCase();
      const earlier = this.byKey.get(key);
      const entry = earlier ? keepIdentity(earlier, price) : price;
      this.byKey.set(key, entry);
      for (const id of [entry.model, ...entry.aliases]) keyById.set(idKey(entry.provider, id), key);
    }
    this.models = [...this.byKey.values()];
    for (const price of this.models) {
      if (price.latest !== undefined && price.line === undefined) this.explicitLatest.add(price);
      this.index(price);
    }
  }

  /**
   * The catalog as it stood on `date`: each model at the price in effect that day, `latest` derived per
   * line from release dates (a model whose record states `latest` keeps it).
   */
  at(date: string): PricingCatalog {
    const priced = this.models.map((price) => priceAt(price, date));
    const explicit = new Set(
      priced.filter((_price, i) => this.explicitLatest.has(this.models[i] as ModelPrice)),
    );
    const dated = new PricingCatalog(deriveLatest(priced, date, explicit), this.unpriced);
    dated.asOf = date;
    dated.undated = this.undated;
    for (const price of dated.models) if (explicit.has(price)) dated.explicitLatest.add(price);
    return dated;
  }

  /** The date `at()` fixed the prices to, if any. */
  asOf: string | undefined;
  /** The catalog before `at()`: every model with its first known price and its whole history. */
  undated: PricingCatalog = this;
  private readonly explicitLatest = new Set<ModelPrice>();

  /** Why `modelId` has no price when it names a known model of a kind llmcost does not price per token. */
  unpricedReason(modelId: string, provider?: string): string | undefined {
    const found = this.unpriced.find(modelId, provider);
    return found ? unpricedKindReason(found) : undefined;
  }

  /** The record of `price`'s model with its first known price and whole history (itself when undated). */
  firstKnown(price: ModelPrice): ModelPrice {
    return this.undated.byKey.get(price.key.toLowerCase()) ?? price;
  }

  private index(price: ModelPrice): void {
    push(this.byModel, price.model.toLowerCase(), price);
    for (const alias of price.aliases) push(this.byAlias, alias.toLowerCase(), price);
    const plainIds = [price.model, ...price.aliases].filter(isPlainModelId).map((id) => id.toLowerCase());
    if (plainIds.length === 0) return;
    for (const id of plainIds) push(this.plainById, id, price);
    const parts = plainIds.map(splitModelId);
    const datePinned = parts.some((p) => p.date !== undefined);
    const versionPinned = parts.some((p) => p.version !== undefined);
    for (const p of parts) push(this.byBase, p.base, { price, parts: p, datePinned, versionPinned });
  }

  /**
   * Finds the price of `modelId` (optionally at `provider`): exact key, model id or alias first, then the id
   * without routing/profile prefixes, then without version suffix and date, then without Bedrock vendor.
   * Returns undefined when nothing matches; throws AmbiguousModelError when several entries do.
   */
  resolve(modelId: string, provider?: string): ResolvedModel | undefined {
    const memoKey = `${provider ?? ""}\u0000${modelId}`;
    let resolution = this.memo.get(memoKey);
    if (!this.memo.has(memoKey)) {
      resolution = this.resolveUncached(modelId, provider);
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(memoKey, resolution);
    }
    if (resolution instanceof AmbiguousModelError) throw resolution;
    if (resolution) this.resolvedModels.add(resolution.price);
    return resolution;
  }

  private resolveUncached(modelId: string, provider: string | undefined): Resolution {
    const query = modelId.trim().toLowerCase();
    const routed = stripRouting(query);
    const wanted = provider !== undefined ? normaliseProvider(provider) : routed.provider;
    const exactKey = this.byKey.get(query);
    if (exactKey && (wanted === undefined || exactKey.provider === wanted))
      return withScope(exactKey, routed);
    const stages: (() => ModelPrice[])[] = [
      () => this.byModel.get(query) ?? [],
      () => this.byAlias.get(query) ?? [],
      () => this.plainById.get(routed.id) ?? [],
      () => this.matchParts(splitModelId(routed.id), true),
      () => this.matchParts(splitModelId(routed.id), false),
    ];
    for (const stage of stages) {
      const candidates = unique(stage().filter((p) => wanted === undefined || p.provider === wanted));
      if (candidates.length > 1) {
        return new AmbiguousModelError(modelId, candidates.map((p) => p.key).sort());
      }
      if (candidates[0]) return withScope(candidates[0], routed);
    }
    return undefined;
  }

  /**
   * Entries whose plain ids share the query's base with a compatible date and version: with the same Bedrock
   * vendor prefix, or else (`sameVendor` false) a vendor-less query (`claude-sonnet-4-5`) may find a Bedrock id
   * (`anthropic.claude-sonnet-4-5-…`), never the other way round.
   */
  private matchParts(query: ModelIdParts, sameVendor: boolean): ModelPrice[] {
    if (!sameVendor && query.vendor !== undefined) return [];
    const found: ModelPrice[] = [];
    for (const entry of this.byBase.get(query.base) ?? []) {
      if (sameVendor ? entry.parts.vendor !== query.vendor : entry.parts.vendor === undefined) continue;
      if (!compatible(query.date, entry.parts.date, entry.datePinned)) continue;
      if (!compatible(query.version, entry.parts.version, entry.versionPinned)) continue;
      found.push(entry.price);
    }
    return found;
  }

  /** Up to `limit` catalog keys whose ids are closest to `modelId`, for "did you mean" messages. */
  suggest(modelId: string, limit = 5): string[] {
    const query = stripRouting(modelId).id;
    const scored = this.models.map((price) => {
      const ids = [price.model, ...price.aliases].map((id) => stripRouting(id).id);
      const distance = Math.min(...ids.map((id) => (id.includes(query) ? 0.5 : editDistance(query, id))));
      return { key: price.key, distance };
    });
    const threshold = Math.max(3, Math.floor(query.length / 3));
    return scored
      .filter((s) => s.distance <= threshold)
      .sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key))
      .slice(0, limit)
      .map((s) => s.key);
  }
}

/**
 * A replacing entry brings its prices and source, and keeps what it does not state of the one it replaces:
 * the key and ids (its own id becomes an alias), family, `latest`, Bedrock profile multipliers, provisioned
 * throughput, and batch/flex/priority as the same fraction of the new prices.
 */
function keepIdentity(earlier: ModelPrice, later: ModelPrice): ModelPrice {
  const aliases = [...new Set([...earlier.aliases, ...later.aliases, later.model])].filter(
    (id) => id !== earlier.model,
  );
  return {
    ...later,
    key: earlier.key,
    model: earlier.model,
    aliases,
    ...(later.family === undefined && earlier.family !== undefined ? { family: earlier.family } : {}),
    ...(later.latest === undefined && earlier.latest !== undefined ? { latest: earlier.latest } : {}),
    ...(later.profileMultipliers === undefined && earlier.profileMultipliers
      ? { profileMultipliers: earlier.profileMultipliers }
      : {}),
    ...(later.provisioned === undefined && earlier.provisioned ? { provisioned: earlier.provisioned } : {}),
    ...inheritedFacts(earlier, later),
    ...inheritedMode("batch", earlier, later),
    ...inheritedMode("flex", earlier, later),
    ...inheritedMode("priority", earlier, later),
  };
}

/** Kind, line, lifecycle, context window and profiles are facts about the model, not its price: kept. */
function inheritedFacts(earlier: ModelPrice, later: ModelPrice): Partial<ModelPrice> {
  const kept: Partial<ModelPrice> = {};
  for (const key of [
    "kind",
    "line",
    "released",
    "retired",
    "lifecycleSource",
    "maxInputTokens",
    "profiles",
  ] as const) {
    if (later[key] === undefined && earlier[key] !== undefined) Object.assign(kept, { [key]: earlier[key] });
  }
  return kept;
}

/** A mode the new entry lacks, at the same fraction of its prices as it was of the old ones (batch = 50%). */
function inheritedMode(
  mode: "batch" | "flex" | "priority",
  earlier: ModelPrice,
  later: ModelPrice,
): Partial<ModelPrice> {
  const old = earlier[mode];
  if (later[mode] !== undefined || old === undefined) return {};
  const scaled = (key: keyof TokenRates): number | undefined => {
    const before = old[key];
    const base = earlier.rates[key];
    const now = later.rates[key];
    if (before === undefined || now === undefined) return undefined;
    return base ? (now * before) / base : before;
  };
  const rates: TokenRates = {
    input: scaled("input") ?? later.rates.input,
    output: scaled("output") ?? later.rates.output,
  };
  for (const key of ["cacheRead", "cacheWrite5m", "cacheWrite1h"] as const) {
    const value = scaled(key);
    if (value !== undefined) rates[key] = value;
  }
  return { [mode]: rates };
}

function compatible(query: string | undefined, entry: string | undefined, pinned: boolean): boolean {
  if (query === undefined) return true;
  return entry === undefined ? !pinned : entry === query;
}

function withScope(price: ModelPrice, routed: RoutedModelId): ResolvedModel {
  if (price.provider !== "bedrock") return { price };
  return { price, scope: routed.scope ?? "in-region" };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function unique(prices: ModelPrice[]): ModelPrice[] {
  return prices.length < 2 ? prices : [...new Set(prices)];
}

/** Levenshtein distance, for suggestions only (never for resolution). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
