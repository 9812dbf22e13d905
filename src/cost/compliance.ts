// The run's compliance regime (one per run: HIPAA, say) and how each option stands against it: which
// requests need it, which providers cover it, and how many required requests an option serves without
// coverage. Also the choice of `cheapest` (the cheapest option without violations). Pure: no I/O.
import type { ModelMapper, Side } from "./model-map.js";

export interface ComplianceRegime {
  label: string;
  /** Providers that cover it: `bedrock` for every Bedrock option, a direct provider by its catalog name. */
  coveredBy: readonly string[];
}

/** Observed compliance-required requests by the provider and model they were logged against. */
export interface RequiredTraffic {
  model: string;
  provider?: string | undefined;
  requests: number;
}

/** How one option stands against the regime, in observed requests (the analyzer scales them to a month). */
export interface ObservedCompliance {
  requiredRequests: number;
  violations: number;
}

/** How one option stands against the regime, in monthly requests; null label: the run has no regime. */
export interface OptionCompliance {
  label: string | null;
  requiredRequests: number;
  violations: number;
}

/**
 * A pure option serves every request on its side. On Bedrock the regime is covered when `bedrock` is in
 * `covered_by`; on the direct side by the provider the traffic is placed on. Required traffic an option
 * cannot place on a direct provider counts as served on the provider it was logged against (unknown: a
 * violation, since nothing shows it is covered).
 */
export function sideCompliance(
  side: Side,
  regime: ComplianceRegime,
  required: readonly RequiredTraffic[],
  mapper: ModelMapper,
): ObservedCompliance {
  let requiredRequests = 0;
  let violations = 0;
  for (const entry of required) {
    requiredRequests += entry.requests;
    if (!coversOnSide(side, regime, entry, mapper)) violations += entry.requests;
  }
  return { requiredRequests, violations };
}

function coversOnSide(
  side: Side,
  regime: ComplianceRegime,
  entry: RequiredTraffic,
  mapper: ModelMapper,
): boolean {
  if (side === "bedrock") return regime.coveredBy.includes("bedrock");
  const placement = mapper.place(entry.model, entry.provider, side);
  const provider = placement.kind === "priced" ? placement.price.provider : entry.provider;
  return provider !== undefined && regime.coveredBy.includes(provider);
}

/** An option's place in the ranking: its monthly cost and its violations (0 without a regime). */
export interface RankedOption {
  id: string;
  monthlyCostUsd: number;
  violations: number;
}

/**
 * `cheapest`: the cheapest option without violations, null when every option has some; `cheapestAny`: the
 * cheapest overall. Ties go to the option listed first.
 */
export function cheapestOf(options: readonly RankedOption[]): {
  cheapest: string | null;
  cheapestAny: string;
} {
  const sorted = [...options].sort((a, b) => a.monthlyCostUsd - b.monthlyCostUsd);
  return {
    cheapest: sorted.find((o) => o.violations === 0)?.id ?? null,
    cheapestAny: sorted[0]?.id ?? "",
  };
}
