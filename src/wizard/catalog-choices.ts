// Catalog models as interview choices (with their prices, so the architect picks with the numbers in view)
// and the default Bedrock model for traffic sent to a direct model today.
import type { ModelCatalog } from "../cost/model-map.js";
import type { ModelPrice } from "../cost/price.js";
import { ownValue } from "../own-key.js";
import type { Choice } from "./prompter.js";

/** Served when nothing closer is known: the general-purpose Claude model on Bedrock. */
const FALLBACK_BEDROCK_MODEL = "anthropic.claude-sonnet-4-5-20250929-v1:0";

function usd(perMillion: number): string {
  return `$${perMillion < 1 ? perMillion.toFixed(3) : perMillion.toFixed(2)}`;
}

/** `in $2.50 · out $10.00 · cache read $1.25 per 1M tokens` */
function priceSummary(price: ModelPrice): string {
  const parts = [`in ${usd(price.rates.input)}`, `out ${usd(price.rates.output)}`];
  if (price.rates.cacheRead !== undefined) parts.push(`cache read ${usd(price.rates.cacheRead)}`);
  if (price.batch) parts.push(`batch in ${usd(price.batch.input)}`);
  return `${parts.join(" · ")} per 1M tokens`;
}

function byKey(a: ModelPrice, b: ModelPrice): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function choiceOf(price: ModelPrice): Choice<string> {
  return {
    value: price.model,
    name: `${price.model.padEnd(44)} ${price.provider.padEnd(10)} ${priceSummary(price)}`,
    description: `${price.key}, prices as of ${price.asOf} (llmcost pricing show ${price.model} for sources)`,
  };
}

/** Choices for one side, `preferred` first (it is what Enter picks). */
export function modelChoices(
  catalog: ModelCatalog,
  side: "direct" | "bedrock",
  preferred: string | undefined,
): Choice<string>[] {
  const models = catalog.models
    .filter((m) => (side === "bedrock" ? m.provider === "bedrock" : m.provider !== "bedrock"))
    .sort(byKey);
  const first = models.findIndex((m) => m.model === preferred);
  const ordered = first < 0 ? models : [models[first], ...models.filter((_, i) => i !== first)];
  return ordered.flatMap((m) => (m ? [choiceOf(m)] : []));
}

/** The Bedrock model that serves traffic of `directModel` unless the architect picks another. */
export function defaultBedrockModel(
  catalog: ModelCatalog,
  directModel: string,
  knownMap: Readonly<Record<string, string>>,
): string {
  const logged = resolveOrReason(catalog, directModel);
  // As `project`'s model map: the logged id, then the id and key it resolves to (a dated
  // gpt-4o-mini-2024-07-18 takes gpt-4o-mini's entry).
  const resolvedIds = typeof logged === "object" ? [logged.model, logged.key] : [];
  for (const from of [directModel, ...resolvedIds]) {
    const mapped = ownValue(knownMap, from);
    if (mapped !== undefined && typeof bedrockModel(catalog, mapped) !== "string") return mapped;
  }
  const family = typeof logged === "object" ? logged.family : undefined;
  const sameFamily = catalog.models
    .filter((m) => m.provider === "bedrock" && m.family === family)
    .sort(byKey);
  if (family !== undefined && sameFamily[0]) return sameFamily[0].model;
  if (typeof bedrockModel(catalog, FALLBACK_BEDROCK_MODEL) !== "string") return FALLBACK_BEDROCK_MODEL;
  return (
    catalog.models.filter((m) => m.provider === "bedrock").sort(byKey)[0]?.model ?? FALLBACK_BEDROCK_MODEL
  );
}

/** Resolution without the throw: an ambiguous id becomes its message. */
function resolveOrReason(
  catalog: ModelCatalog,
  model: string,
  provider?: string,
): ModelPrice | string | undefined {
  try {
    return catalog.resolve(model, provider)?.price;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The catalog entry of a direct-provider model, or the reason it cannot be one. */
export function directModel(catalog: ModelCatalog, model: string): ModelPrice | string {
  const resolved = resolveOrReason(catalog, model);
  if (typeof resolved === "string") return resolved;
  if (!resolved) return `no price for model "${model}" in the catalog (llmcost pricing list shows them)`;
  if (resolved.provider === "bedrock") {
    return `"${model}" is a Bedrock model; name the direct-provider model the traffic is sent to today`;
  }
  return resolved;
}

/** The catalog entry of a Bedrock model, or the reason it cannot be one. */
export function bedrockModel(catalog: ModelCatalog, model: string): ModelPrice | string {
  const resolved = resolveOrReason(catalog, model, "bedrock");
  if (!resolved)
    return `no Bedrock price for model "${model}" in the catalog (llmcost pricing list shows them)`;
  return resolved;
}
