// The assumptions a projection rests on, stated in the report so a reviewer can challenge each one.
import { mapTarget } from "../cost/model-map.js";
import type { DeploymentOption } from "../cost/scenario-schema.js";
import type { GroupKey } from "../cost/showback.js";
import type { LoadedScenario } from "../io/scenario-load.js";
import { countOf, formatUnitPrice } from "../report/numbers.js";
import { OTHER_MODELS } from "../traffic/distinct-names.js";
import {
  MAX_BUCKETS,
  MAX_GROUPS,
  OTHER_GROUPS,
  OTHER_REGIONS,
  OTHER_USE_CASES,
  type TrafficProfile,
} from "../traffic/profile.js";
import { FAILURE_STATUSES } from "../traffic/status.js";

export function projectionAssumptions(loaded: LoadedScenario, scaling: string): string[] {
  const { scenario } = loaded;
  const lines = [
    scaling,
    loaded.isDefault
      ? "scenario: the bundled default (fixtures/scenarios/default.yaml); pass --scenario to use your own"
      : `scenario: ${loaded.file}`,
    "token columns are per request; input_tokens includes cache reads and cache writes",
    scenario.cache_write_ttl === "1h"
      ? "cache writes are billed at the 1h cache-write price; a model without one is billed at its 5m price (warned below)"
      : "cache writes are billed at the 5m cache-write price",
    "per request = an option's monthly total / the requests it prices (unpriced requests are in neither)",
    scenario.free_tiers === "account"
      ? "free tiers: applied (free_tiers: account): this workload may use the AWS account's monthly free allowances in full"
      : "free tiers: not applied (they are per AWS account and shared with its other workloads; free_tiers: account applies them)",
  ];
  for (const option of scenario.options) lines.push(optionAssumption(option));
  let ratioStated = false;
  for (const [side, entries] of Object.entries(scenario.model_map)) {
    for (const [from, entry] of Object.entries(entries)) {
      const { model, tokenRatio } = mapTarget(entry);
      if (typeof entry !== "string") ratioStated = true;
      lines.push(`model map (${side}): ${from} -> ${model}, token ratio ${tokenRatio}`);
    }
  }
  lines.push("models without a model-map entry map to the same family on the other side");
  lines.push(
    `token ratio: ${ratioStated ? "as stated per model-map entry, else" : "every model counts"} 1.0 (the serving model counts a text with as many tokens as the logged model); the long-context tier is decided on the logged prompt size`,
  );
  if (scenario.batchable_use_cases.length)
    lines.push(
      `batchable use cases: ${scenario.batchable_use_cases.join(", ")} (batch APIs return within 24 hours)`,
    );
  for (const item of scenario.infra) {
    const free =
      scenario.free_tiers === "account" && item.free_units_per_month > 0
        ? `, ${item.free_units_per_month} ${item.unit} a month free`
        : "";
    lines.push(
      `infra ${item.id} (${item.applies_to.join(", ")}): ${formatUnitPrice(item.unit_price_usd)} per ${item.unit}${free}${item.source ? `, ${item.source}` : ", no source given"}`,
    );
  }
  lines.push(
    `growth: ${scenario.growth.monthly_rate * 100}% a month over ${scenario.growth.horizon_months} months`,
  );
  return lines;
}

function optionAssumption(option: DeploymentOption): string {
  const parts = [`option ${option.id} (${option.kind})`];
  if (option.kind === "policy") {
    // Profiles and tiers are the policy targets' own (route's pricing), not the option's.
    parts.push(`routing policy ${option.policy ?? "?"}, priced on each target as route prices it`);
    parts.push(hiddenCostAssumption(option));
    return parts.join(", ");
  }
  if (option.kind !== "direct" && option.kind !== "direct-batch")
    parts.push(`inference profile ${option.inference_profile ?? "global"}`);
  parts.push(`service tier ${option.service_tier ?? "standard"}`);
  parts.push(hiddenCostAssumption(option));
  if (option.discount) parts.push(`discount ${option.discount * 100}%`);
  if (option.provisioned) {
    const p = option.provisioned;
    parts.push(
      `${countOf(p.model_units, "model unit")} of ${p.model}, ${p.commitment} commitment, ${p.usable_share * 100}% of capacity usable`,
    );
  }
  return parts.join(", ");
}

function hiddenCostAssumption(option: DeploymentOption): string {
  const hidden = option.hidden_cost;
  if (!hidden) return "no hidden cost";
  if (hidden.complexity_multiplier !== undefined)
    return `hidden cost: complexity multiplier x${hidden.complexity_multiplier} on token + infrastructure cost${hidden.note ? ` (${hidden.note})` : ""}`;
  const parts = ["hidden cost: operational overhead"];
  if (hidden.per_month)
    parts.push(`${formatUnitPrice(hidden.per_month.usd)} a month (${hidden.per_month.source})`);
  if (hidden.per_request)
    parts.push(`+ ${formatUnitPrice(hidden.per_request.usd)} per request (${hidden.per_request.source})`);
  return parts.join(" ");
}

/** What the traffic's own columns decided (service tier, 1-hour writes, totals, context tier, missing
 * request counts): one sentence for each that some row uses. */
export function loggedPricingAssumptions(profile: TrafficProfile): string[] {
  const lines: string[] = [];
  const { buckets } = profile;
  if (buckets.some((b) => b.serviceTier !== undefined)) {
    lines.push(
      "rows with a service_tier (batch, flex, priority) are priced at that tier's rates under every option (an option's batch or tier choice does not apply to them); a model without that tier's price leaves them unpriced",
    );
  }
  if ((profile.tokens.cacheWrite1h ?? 0) > 0) {
    lines.push(
      "cache_write_1h_tokens are billed at the 1-hour cache-write price (a model without one: its 5-minute price, warned below); cache_write_tokens at the price cache_write_ttl names",
    );
  }
  if (profile.totalRows > 0) {
    lines.push(
      `${profile.totalRows} rows have token_basis total: their token columns are totals over their requests, counted once; their long-context tier is decided on the mean prompt per request (input tokens / requests)`,
    );
  }
  if (buckets.some((b) => b.longContext !== undefined)) {
    lines.push("rows with a context_tier are priced at the tier it names, whatever their prompt size");
  }
  if (profile.unknownRequestRows > 0) {
    lines.push(
      `${profile.unknownRequestRows} rows have no request count (token_basis total, requests empty: e.g. Anthropic's usage report): their tokens are scaled by the window as always; without a context_tier they are priced below the long-context tier`,
    );
  }
  return lines;
}

/** How failed requests are billed, and how many there were. */
export function failureAssumption(profile: TrafficProfile): string {
  const rule = `failed requests (status ${FAILURE_STATUSES.join(", ")}, or HTTP 4xx / 5xx) are billed by the tokens their rows say were consumed, zero when none are logged; they still pay per-request infrastructure`;
  return profile.failedRequests > 0
    ? `${rule}; ${profile.failedRequests} of ${profile.requests} observed requests failed`
    : `${rule}; no observed request failed`;
}

/** Traffic whose region and use case the profile counted together (too many distinct combinations). */
export function foldedAssumption(profile: TrafficProfile): string[] {
  if (profile.foldedRequests === 0) return [];
  return [
    `${profile.foldedRequests} observed requests came past ${MAX_BUCKETS.toLocaleString("en-US")} distinct model, region and use-case combinations: their region and use case are counted together as "${OTHER_REGIONS}" and "${OTHER_USE_CASES}" (batchable use cases kept); their tokens and requests are exact`,
  ];
}

/** How showback splits each option's cost, and what it could not keep apart. */
export function showbackAssumptions(
  profile: TrafficProfile,
  keys: readonly GroupKey[],
  policyOptions: readonly string[] = [],
): string[] {
  const lines = [
    `showback by ${keys.join(", ")}: token cost goes to the group that spent it (a provisioned model's overflow by its share of that model's on-demand token cost); per-request and per-token infrastructure by the group's requests and tokens; fixed monthly items, provisioned units and hidden cost by the group's share of on-demand token cost; cents split by the largest-remainder rule (ties to the group that sorts first), so the groups add up to each option's total rounded to the cent`,
  ];
  if (profile.foldedRequests > 0 && (keys.includes("region") || keys.includes("use_case"))) {
    lines.push(
      `showback: the requests counted together past ${MAX_BUCKETS.toLocaleString("en-US")} combinations are the groups "${OTHER_REGIONS}" and "${OTHER_USE_CASES}"`,
    );
  }
  if (profile.otherModels > 0 && (keys.includes("model") || keys.includes("provider"))) {
    lines.push(
      `showback: the ${profile.otherModels} unpriced models counted together are the model "${OTHER_MODELS}" (no provider)`,
    );
  }
  if (policyOptions.length > 0) {
    lines.push(
      `showback leaves out ${policyOptions.join(", ")}: a policy option's replay is priced per request, not per bucket of the profile, so it is not split by group`,
    );
  }
  const folded = profile.foldedGroupRequests ?? 0;
  if (folded > 0) {
    lines.push(
      `${folded} observed requests came past ${MAX_GROUPS.toLocaleString("en-US")} distinct combinations of ${keys.filter((k) => k.startsWith("meta.")).join(", ")}: they are one group, "${OTHER_GROUPS}"`,
    );
  }
  return lines;
}
