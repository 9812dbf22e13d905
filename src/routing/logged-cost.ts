// The cost of a request as it was logged (its own provider and model, at the price in effect at its
// timestamp), for the "as logged" baseline and each decision's cost impact. Catalog lookups are memoised
// per provider and model, each with its few price-change instants, so a row costs a map lookup and a
// comparison or two. A logged model with no price is never costed as $0: the decision gets null and the
// model is counted as unpriced.
import type { ModelPrice, ProfileScope } from "../cost/price.js";
import { pricePeriods } from "../cost/price-history.js";
import { unofferedProfile } from "../cost/profiles.js";
import { type PricingContext, STANDARD, type TokenCounts, tokenCostUsd } from "../cost/request-cost.js";
import { InputError } from "../errors.js";
import { DistinctNames, NAMED_MODELS_LIMIT } from "../traffic/distinct-names.js";
import type { TrafficRow } from "../traffic/row.js";
import type { PriceLookup } from "./policy.js";

interface LoggedPrice {
  /** The price at --as-of, for rows without any timestamp. */
  asOf: ModelPrice;
  /** Price periods oldest first and the instant each starts (`startsMs[0]` is -Infinity). */
  periods: ModelPrice[];
  startsMs: Float64Array;
  context: PricingContext;
  /** Release instant; requests logged before it are priced at the first known price and counted. */
  releasedMs: number;
  released: string | undefined;
  key: string;
  requestsBeforeRelease: number;
}

/** Requests logged before their model's release (priced at its first known price). */
export interface LoggedBeforeRelease {
  model: string;
  released: string;
  requests: number;
}

/** Logged models without a price: up to NAMED_MODELS_LIMIT by name, the rest counted together. */
export interface UnpricedLogged {
  /** `provider/model` -> its requests and why it has no price. */
  named: ReadonlyMap<string, { requests: number; reason: string }>;
  /** The models past the limit: how many, and their requests. */
  folded: { models: number; requests: number };
}

export class LoggedCostLookup {
  private readonly unpriced = new Map<string, { requests: number; reason: string }>();
  private readonly foldedNames = new DistinctNames();
  private foldedRequests = 0;
  private readonly byProvider = new Map<string, Map<string, LoggedPrice | null>>();
  private readonly tokens: TokenCounts = {
    input: 0,
    output: 0,
    cacheRead: 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
  };

  constructor(
    private readonly catalog: PriceLookup,
    private readonly trafficFile: string,
  ) {}

  /** The row's logged cost at the price in effect at `atMs` (its time; undefined: no time known, --as-of). */
  costOf(row: TrafficRow, atMs: number | undefined): number | null {
    const logged = this.lookup(row);
    if (!logged) {
      const key = `${row.provider ?? "?"}/${row.model}`;
      const seen = this.unpriced.get(key);
      if (seen) seen.requests += row.requests;
      else if (this.unpriced.size >= NAMED_MODELS_LIMIT) {
        this.foldedNames.add(row.model, row.provider);
        this.foldedRequests += row.requests;
      } else {
        const reason = this.catalog.unpricedReason?.(row.model, row.provider) ?? "no price in the catalog";
        this.unpriced.set(key, { requests: row.requests, reason });
      }
      return null;
    }
    let price = logged.asOf;
    if (atMs !== undefined) {
      const starts = logged.startsMs;
      let i = starts.length - 1;
      while (i > 0 && (starts[i] ?? 0) > atMs) i--;
      price = logged.periods[i] ?? price;
      if (atMs < logged.releasedMs) logged.requestsBeforeRelease += row.requests;
    }
    // A row of totals is priced as `requests` requests of its mean figures (replay.ts rejects unknown counts).
    const per = row.tokenBasis === "total" ? 1 / row.requests : 1;
    const tokens = this.tokens;
    tokens.input = row.inputTokens * per;
    tokens.output = row.outputTokens * per;
    tokens.cacheRead = row.cacheReadTokens * per;
    tokens.cacheWrite = row.cacheWriteTokens * per;
    tokens.cacheWrite1h = (row.cacheWrite1hTokens ?? 0) * per;
    return tokenCostUsd(price, tokens, logged.context) * row.requests;
  }

  unpricedLogged(): UnpricedLogged {
    return {
      named: this.unpriced,
      folded: { models: this.foldedNames.size, requests: this.foldedRequests },
    };
  }

  /** Logged models with requests before their release, by key. */
  beforeRelease(): LoggedBeforeRelease[] {
    const found = new Map<string, LoggedBeforeRelease>();
    for (const models of this.byProvider.values()) {
      for (const logged of models.values()) {
        if (!logged || logged.requestsBeforeRelease === 0 || logged.released === undefined) continue;
        const seen = found.get(logged.key);
        if (seen) seen.requests += logged.requestsBeforeRelease;
        else
          found.set(logged.key, {
            model: logged.key,
            released: logged.released,
            requests: logged.requestsBeforeRelease,
          });
      }
    }
    return [...found.values()].sort((a, b) => a.model.localeCompare(b.model));
  }

  private lookup(row: TrafficRow): LoggedPrice | null {
    const provider = row.provider ?? "";
    let models = this.byProvider.get(provider);
    if (!models) {
      models = new Map();
      this.byProvider.set(provider, models);
    }
    let entry = models.get(row.model);
    if (entry === undefined) {
      entry = this.resolve(row);
      // Unpriced names past the limit are resolved again each time rather than remembered (memory).
      if (entry !== null || this.unpriced.size < NAMED_MODELS_LIMIT) models.set(row.model, entry);
    }
    return entry;
  }

  private resolve(row: TrafficRow): LoggedPrice | null {
    let found: { price: ModelPrice; scope?: ProfileScope } | undefined;
    try {
      found = this.catalog.resolve(row.model, row.provider);
    } catch (error) {
      // An ambiguous model id (no provider column, several providers sell it) is the input's problem.
      const reason = error instanceof Error ? error.message : String(error);
      throw new InputError({ file: this.trafficFile, row: row.row, field: "model" }, reason);
    }
    if (!found) return null;
    const unoffered = unofferedProfile(found.price, row.model);
    if (unoffered) throw new InputError({ file: this.trafficFile, row: row.row, field: "model" }, unoffered);
    const first = this.catalog.firstKnown?.(found.price);
    const periods = first ? pricePeriods(first) : [{ fromMs: Number.NEGATIVE_INFINITY, price: found.price }];
    const released = found.price.released;
    return {
      asOf: found.price,
      periods: periods.map((p) => p.price),
      startsMs: Float64Array.from(periods, (p) => p.fromMs),
      context: found.scope ? { mode: "standard", scope: found.scope } : STANDARD,
      releasedMs: released === undefined ? Number.NEGATIVE_INFINITY : Date.parse(`${released}T00:00:00Z`),
      released,
      key: found.price.key,
      requestsBeforeRelease: 0,
    };
  }
}
