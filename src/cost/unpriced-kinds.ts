// Models llmcost knows but does not price: image, audio (speech), video and per-query rerank models. Traffic
// on them is reported as unpriced with the reason of their kind, never costed as $0. They are found by their
// exact id (or the id without routing / Bedrock profile prefixes), never by a partial match.
import { normaliseProvider, stripRouting } from "./pricing-ids.js";

export const UNPRICED_KINDS = ["image", "audio", "video", "rerank"] as const;
export type UnpricedKind = (typeof UNPRICED_KINDS)[number];

export interface UnpricedModel {
  provider: string;
  model: string;
  aliases: readonly string[];
  kind: UnpricedKind;
  /** How the provider bills it, e.g. "per query ($2.00 per 1,000 queries)". */
  pricedPer: string;
  source: string;
}

const WHAT: Record<UnpricedKind, string> = {
  image: "an image model",
  audio: "an audio (speech) model",
  video: "a video model",
  rerank: "a rerank model",
};

/** The reason a report gives for traffic on `model`: what it is, how it is billed, what llmcost prices. */
export function unpricedKindReason(model: UnpricedModel): string {
  return `${model.provider}/${model.model} is ${WHAT[model.kind]}, priced ${model.pricedPer}; llmcost prices tokens`;
}

export class UnpricedModels {
  private readonly byId = new Map<string, UnpricedModel[]>();

  constructor(readonly models: readonly UnpricedModel[] = []) {
    for (const model of models) {
      for (const id of [model.model, ...model.aliases]) {
        const key = id.toLowerCase();
        const list = this.byId.get(key);
        if (list) list.push(model);
        else this.byId.set(key, [model]);
      }
    }
  }

  /** The model `modelId` names (at `provider`, when given), if it is one of these. */
  find(modelId: string, provider?: string): UnpricedModel | undefined {
    if (this.byId.size === 0) return undefined;
    const query = modelId.trim().toLowerCase();
    const routed = stripRouting(query);
    const wanted = provider !== undefined ? normaliseProvider(provider) : routed.provider;
    for (const id of [query, routed.id]) {
      const found = this.byId.get(id)?.find((m) => wanted === undefined || m.provider === wanted);
      if (found) return found;
    }
    return undefined;
  }
}
