// Requests per logged model and routed target, for the report's "logged model -> target" flow. Counted on the
// replay's hot path, so a row costs at most two map look-ups (none when it has the previous row's model, the
// common case in logs) and allocates nothing: one counter array per distinct logged model, for at most
// NAMED_MODELS_LIMIT models; the requests of any further model are counted under OTHER_MODELS.

import { NAMED_MODELS_LIMIT, OTHER_MODELS } from "../traffic/distinct-names.js";

export interface LoggedModelFlow {
  /** `provider/model` as logged, or the model alone when the log has no provider. */
  loggedModel: string;
  /** Index of the routed target; -1 for unroutable requests. */
  targetIndex: number;
  requests: number;
}

export class LoggedModelFlows {
  private readonly byProvider = new Map<string | undefined, Map<string, Float64Array>>();
  private named = 0;
  /** Requests of the logged models past NAMED_MODELS_LIMIT, by target. */
  private other: Float64Array | undefined;
  private lastProvider: string | undefined;
  private lastModel: string | undefined;
  private last: Float64Array | undefined;

  /** `targets`: how many targets the policy has; slot `targets` counts unroutable requests. */
  constructor(private readonly targets: number) {}

  add(provider: string | undefined, model: string, targetIndex: number, requests: number): void {
    let counts = this.last;
    if (counts === undefined || model !== this.lastModel || provider !== this.lastProvider) {
      counts = this.countsOf(provider, model);
      this.last = counts;
      this.lastProvider = provider;
      this.lastModel = model;
    }
    const slot = targetIndex < 0 ? this.targets : targetIndex;
    counts[slot] = (counts[slot] ?? 0) + requests;
  }

  private countsOf(provider: string | undefined, model: string): Float64Array {
    let models = this.byProvider.get(provider);
    if (!models) {
      models = new Map();
      this.byProvider.set(provider, models);
    }
    let counts = models.get(model);
    if (!counts) {
      if (this.named >= NAMED_MODELS_LIMIT) return this.otherCounts();
      counts = new Float64Array(this.targets + 1);
      models.set(model, counts);
      this.named++;
    }
    return counts;
  }

  private otherCounts(): Float64Array {
    this.other ??= new Float64Array(this.targets + 1);
    return this.other;
  }

  /** Every non-zero (logged model, target) pair, by logged model then target order (unroutable last). */
  finish(): LoggedModelFlow[] {
    const flows: LoggedModelFlow[] = [];
    const named = [...this.byProvider].flatMap(([provider, models]) =>
      [...models].map(([model, counts]) => ({ name: provider ? `${provider}/${model}` : model, counts })),
    );
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (this.other) named.push({ name: OTHER_MODELS, counts: this.other });
    for (const { name, counts } of named) {
      counts.forEach((requests, slot) => {
        if (requests > 0)
          flows.push({ loggedModel: name, targetIndex: slot === this.targets ? -1 : slot, requests });
      });
    }
    return flows;
  }
}
