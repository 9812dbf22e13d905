// Which model serves a piece of traffic under each deployment option. Traffic logged against a model on
// the option's own side stays on it; otherwise the scenario's model map decides, then the same family.
// Traffic that cannot be placed is reported as unmapped, never dropped or priced at $0.
import { ownValue } from "../own-key.js";
import type { ModelPrice, ResolvedModel } from "./price.js";
import type { ModelMapTarget, OptionKind, Scenario } from "./scenario-schema.js";

/** What the cost code needs of the pricing catalog. */
export interface ModelCatalog {
  readonly models: readonly ModelPrice[];
  /** The date the prices are in effect (`--as-of`), when the catalog was dated. */
  readonly asOf?: string | undefined;
  resolve(modelId: string, provider?: string): ResolvedModel | undefined;
  /** Why a known model is not priced (image, audio, video, per-query rerank), if it is one. */
  unpricedReason?(modelId: string, provider?: string): string | undefined;
}

export type Side = "bedrock" | "direct";

export function sideOf(kind: OptionKind): Side {
  return kind === "direct" || kind === "direct-batch" ? "direct" : "bedrock";
}

function onSide(price: ModelPrice, side: Side): boolean {
  return side === "bedrock" ? price.provider === "bedrock" : price.provider !== "bedrock";
}

export type Placement =
  | {
      kind: "priced";
      price: ModelPrice;
      how: "as-logged" | "model-map" | "same-family";
      /** Serving model's tokens per logged token (a model-map entry's token_ratio; 1 otherwise). */
      tokenRatio: number;
    }
  | { kind: "unpriced"; reason: string }
  | { kind: "unmapped"; reason: string };

/** Places traffic logged as `model` (at `provider`) on one side. Memoised per (side, provider, model). */
export class ModelMapper {
  private readonly memo = new Map<string, Placement>();

  constructor(
    private readonly catalog: ModelCatalog,
    private readonly modelMap: Scenario["model_map"],
  ) {}

  place(model: string, provider: string | undefined, side: Side): Placement {
    const key = `${side}\u0000${provider ?? ""}\u0000${model}`;
    let placement = this.memo.get(key);
    if (!placement) {
      placement = this.compute(model, provider, side);
      this.memo.set(key, placement);
    }
    return placement;
  }

  private compute(model: string, provider: string | undefined, side: Side): Placement {
    const logged = this.catalog.resolve(model, provider);
    if (!logged) {
      const reason = this.catalog.unpricedReason?.(model, provider) ?? `no price for model "${model}"`;
      return { kind: "unpriced", reason };
    }
    const mapped = this.fromModelMap(logged.price, model, side);
    if (mapped) return mapped;
    if (onSide(logged.price, side))
      return { kind: "priced", price: logged.price, how: "as-logged", tokenRatio: 1 };
    const family = logged.price.family;
    const sameFamily = family
      ? this.catalog.models.filter((m) => m.family === family && onSide(m, side)).sort(byKey)[0]
      : undefined;
    if (sameFamily) return { kind: "priced", price: sameFamily, how: "same-family", tokenRatio: 1 };
    return {
      kind: "unmapped",
      reason: `no ${side === "bedrock" ? "Bedrock" : "direct"} model for "${model}" (add it to model_map.${side})`,
    };
  }

  private fromModelMap(logged: ModelPrice, model: string, side: Side): Placement | undefined {
    const entries = this.modelMap[side];
    const entry =
      ownValue(entries, model) ?? ownValue(entries, logged.model) ?? ownValue(entries, logged.key);
    if (entry === undefined) return undefined;
    const { model: target, tokenRatio } = mapTarget(entry);
    const resolved = this.catalog.resolve(target, side === "bedrock" ? "bedrock" : undefined);
    if (!resolved) return { kind: "unpriced", reason: `model_map.${side} target "${target}" has no price` };
    return { kind: "priced", price: resolved.price, how: "model-map", tokenRatio };
  }
}

/** A model-map value as model id and token ratio (a plain id has ratio 1). */
export function mapTarget(entry: ModelMapTarget): { model: string; tokenRatio: number } {
  return typeof entry === "string"
    ? { model: entry, tokenRatio: 1 }
    : { model: entry.model, tokenRatio: entry.token_ratio };
}

/** A side of the model map as plain model ids (token ratios dropped). */
export function modelMapIds(entries: Readonly<Record<string, ModelMapTarget>>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).map(([from, entry]) => [from, mapTarget(entry).model]));
}

function byKey(a: ModelPrice, b: ModelPrice): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
