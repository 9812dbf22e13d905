// Which model serves a piece of traffic under each deployment option. Traffic logged against a model on
// the option's own side stays on it; otherwise the scenario's model map decides, then the same family.
// Traffic that cannot be placed is reported as unmapped, never dropped or priced at $0.
import { ownValue } from "../own-key.js";
import type { ModelPrice, ResolvedModel } from "./price.js";
import type { OptionKind, Scenario } from "./scenario-schema.js";

/** What the cost code needs of the pricing catalog. */
export interface ModelCatalog {
  readonly models: readonly ModelPrice[];
  /** The date the prices are in effect (`--as-of`), when the catalog was dated. */
  readonly asOf?: string | undefined;
  resolve(modelId: string, provider?: string): ResolvedModel | undefined;
}

export type Side = "bedrock" | "direct";

export function sideOf(kind: OptionKind): Side {
  return kind === "direct" ? "direct" : "bedrock";
}

function onSide(price: ModelPrice, side: Side): boolean {
  return side === "bedrock" ? price.provider === "bedrock" : price.provider !== "bedrock";
}

export type Placement =
  | { kind: "priced"; price: ModelPrice; how: "as-logged" | "model-map" | "same-family" }
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
    if (!logged) return { kind: "unpriced", reason: `no price for model "${model}"` };
    const mapped = this.fromModelMap(logged.price, model, side);
    if (mapped) return mapped;
    if (onSide(logged.price, side)) return { kind: "priced", price: logged.price, how: "as-logged" };
    const family = logged.price.family;
    const sameFamily = family
      ? this.catalog.models.filter((m) => m.family === family && onSide(m, side)).sort(byKey)[0]
      : undefined;
    if (sameFamily) return { kind: "priced", price: sameFamily, how: "same-family" };
    return {
      kind: "unmapped",
      reason: `no ${side === "bedrock" ? "Bedrock" : "direct"} model for "${model}" (add it to model_map.${side})`,
    };
  }

  private fromModelMap(logged: ModelPrice, model: string, side: Side): Placement | undefined {
    const entries = this.modelMap[side];
    const target =
      ownValue(entries, model) ?? ownValue(entries, logged.model) ?? ownValue(entries, logged.key);
    if (target === undefined) return undefined;
    const resolved = this.catalog.resolve(target, side === "bedrock" ? "bedrock" : undefined);
    if (!resolved) return { kind: "unpriced", reason: `model_map.${side} target "${target}" has no price` };
    return { kind: "priced", price: resolved.price, how: "model-map" };
  }
}

function byKey(a: ModelPrice, b: ModelPrice): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
