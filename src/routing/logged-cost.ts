// The cost of a request as it was logged (its own provider and model), for the "as logged" baseline and
// each decision's cost impact. Catalog lookups are memoised per provider and model; a logged model with no
// price is never costed as $0: the decision gets null and the model is counted as unpriced.
import type { ModelPrice, ProfileScope } from "../cost/price.js";
import { type PricingContext, STANDARD, type TokenCounts, tokenCostUsd } from "../cost/request-cost.js";
import { InputError } from "../errors.js";
import type { TrafficRow } from "../traffic/row.js";
import type { PriceLookup } from "./policy.js";

interface LoggedPrice {
  price: ModelPrice;
  context: PricingContext;
}

export class LoggedCostLookup {
  /** `provider/model` of logged models without a price, with their request counts. */
  readonly unpriced = new Map<string, number>();
  private readonly byProvider = new Map<string, Map<string, LoggedPrice | null>>();
  private readonly tokens: TokenCounts = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };

  constructor(
    private readonly catalog: PriceLookup,
    private readonly trafficFile: string,
  ) {}

  costOf(row: TrafficRow): number | null {
    const logged = this.lookup(row);
    if (!logged) {
      const key = `${row.provider ?? "?"}/${row.model}`;
      this.unpriced.set(key, (this.unpriced.get(key) ?? 0) + row.requests);
      return null;
    }
    const tokens = this.tokens;
    tokens.input = row.inputTokens;
    tokens.output = row.outputTokens;
    tokens.cacheRead = row.cacheReadTokens;
    tokens.cacheWrite = row.cacheWriteTokens;
    return tokenCostUsd(logged.price, tokens, logged.context) * row.requests;
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
      models.set(row.model, entry);
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
    return { price: found.price, context: found.scope ? { mode: "standard", scope: found.scope } : STANDARD };
  }
}
