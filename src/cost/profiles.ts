// Which Bedrock inference profiles a model is offered through (`ModelPrice.profiles`, from the sources'
// profile-prefixed ids): asking for another (`global.` for Claude Opus 4.1, say) is the input's error, never
// priced at a profile AWS does not sell.
import type { ModelPrice, ProfileScope } from "./price.js";
import { stripRouting } from "./pricing-ids.js";

/** Profile names as the catalog lists them (`in_region` = the plain model id). */
const GEO = ["us", "eu", "apac", "au", "jp", "ca", "us-gov"];

function offered(price: ModelPrice): string {
  const profiles = price.profiles ?? [];
  return `AWS offers ${price.key} through ${profiles.map(describe).join(", ")}`;
}

const describe = (profile: string) =>
  profile === "in_region"
    ? "in-region (the plain id)"
    : `${profile}. (${profile === "global" ? "global" : "geo"})`;

/** Why the Bedrock profile `modelId` names is not offered for `price`, or undefined when it is. */
export function unofferedProfile(price: ModelPrice, modelId: string): string | undefined {
  if (price.provider !== "bedrock" || price.profiles === undefined) return undefined;
  const profile = stripRouting(modelId).profile ?? "in_region";
  if (price.profiles.includes(profile)) return undefined;
  const asked = profile === "in_region" ? "in-region (a plain id)" : `the ${profile}. profile`;
  return `"${modelId}" asks for ${asked}, which AWS does not offer for this model; ${offered(price)}`;
}

/** Why the profile scope an option asks for is not offered for `price`, or undefined when it is. */
export function unofferedScope(price: ModelPrice, scope: ProfileScope): string | undefined {
  if (price.provider !== "bedrock" || price.profiles === undefined) return undefined;
  const profiles = price.profiles;
  const ok =
    scope === "global"
      ? profiles.includes("global")
      : scope === "geo"
        ? profiles.some((p) => GEO.includes(p))
        : profiles.includes("in_region");
  if (ok) return undefined;
  return `inference profile "${scope}" is not offered for ${price.key}; ${offered(price)}`;
}

/** The profile scopes `price` is offered through (all three when the catalog does not say). */
function offeredScopes(price: ModelPrice): ProfileScope[] {
  const profiles = price.profiles;
  if (price.provider !== "bedrock" || profiles === undefined) return ["global", "geo", "in-region"];
  return (["global", "geo", "in-region"] as const).filter(
    (scope) => unofferedScope(price, scope) === undefined,
  );
}

/**
 * Whether pricing `price` at `scope`, which it is not offered through, gives the same number as the scope
 * it is offered through at the lowest uplift (true for every bundled model without `global.`: none of them
 * carries a regional uplift).
 */
export function pricesAlikeOffProfile(price: ModelPrice, scope: ProfileScope): boolean {
  const uplift = (s: ProfileScope) => price.profileMultipliers?.[s] ?? 1;
  const offeredUplifts = offeredScopes(price).map(uplift);
  return offeredUplifts.length > 0 && Math.min(...offeredUplifts) === uplift(scope);
}
