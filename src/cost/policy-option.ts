// A routing policy as a deployment option: the observed traffic as the policy's replay placed it, each
// request priced on the target it landed on (the replay's own cost), and the infrastructure of each side it
// uses. The replay itself runs in the pipeline (route's replay); this turns its tallies into an option's
// cost curve. Pure: no I/O.
import type { ObservedCompliance } from "./compliance.js";
import { addCurves, type CostCurve, meteredCurve, scaleCurve } from "./cost-curve.js";
import type { InfraCost } from "./infra.js";
import type { Side } from "./model-map.js";
import type { OptionProjection } from "./option-projection.js";
import type { ModelPrice } from "./price.js";
import type { DeploymentOption, InfraItem, Scenario } from "./scenario-schema.js";

/** What one target served in the replay (observed window). */
export interface ReplayedTarget {
  name: string;
  price: ModelPrice;
  side: Side;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
  /** Requests that need the run's compliance regime, and whether this target carries its label. */
  requiredRequests: number;
  covers: boolean;
}

/** A policy's replay of the observed traffic, as the cost code needs it. */
export interface PolicyReplay {
  /** Replayed requests (the sum of the `requests` weights), routed or not. */
  requests: number;
  /** Requests the policy routed nowhere: not priced, like unpriced traffic. */
  unroutableRequests: number;
  /** Requests that need the regime, routed or not. */
  requiredRequests: number;
  targets: readonly ReplayedTarget[];
}

/** Infra items the policy option pays: those of the Bedrock side (items for kind `bedrock`), of the
 * direct side (kind `direct`), and any naming the option itself (its id, or kind `policy`). */
function itemSides(item: InfraItem, option: DeploymentOption): Side[] | "all" {
  const named = (what: string) => item.applies_to.includes(what);
  if (named(option.id) || named("policy")) return "all";
  return (["bedrock", "direct"] as const).filter((side) => named(side));
}

interface SideTraffic {
  requests: number;
  inputTokens: number;
  outputTokens: number;
}

function sideTraffic(replay: PolicyReplay, side: Side | "all"): SideTraffic {
  const total = { requests: 0, inputTokens: 0, outputTokens: 0 };
  for (const t of replay.targets) {
    if (side !== "all" && t.side !== side) continue;
    total.requests += t.requests;
    total.inputTokens += t.inputTokens;
    total.outputTokens += t.outputTokens;
  }
  return total;
}

/**
 * An item's monthly cost over the option's total monthly requests N. Its per-request quantity is charged
 * for the requests on its sides (their share of the replay, times N; token drivers at those requests'
 * tokens); its fixed quantity in full once any replayed request lands on one of its sides, once for the
 * item even when both sides use it (a KMS key the whole stack shares).
 */
function policyItemCost(item: InfraItem, on: SideTraffic, replayed: number, freeTiers: boolean): InfraCost {
  if (on.requests === 0 || replayed === 0) {
    return { item, curve: { fixed: 0, perRequest: 0, hinges: [] }, quantity: { perMonth: 0, perRequest: 0 } };
  }
  const q = item.quantity;
  const perOnSide =
    q.per_request +
    (q.per_1k_input_tokens * on.inputTokens) / on.requests / 1000 +
    (q.per_1k_output_tokens * on.outputTokens) / on.requests / 1000;
  // Per request of the option's whole traffic: the side's share of the replay carries the rate.
  const perRequest = (perOnSide * on.requests) / replayed;
  return {
    item,
    curve: meteredCurve(
      item.unit_price_usd,
      q.per_month,
      perRequest,
      freeTiers ? item.free_units_per_month : 0,
    ),
    quantity: { perMonth: q.per_month, perRequest },
  };
}

function policyInfra(option: DeploymentOption, scenario: Scenario, replay: PolicyReplay): InfraCost[] {
  const freeTiers = scenario.free_tiers === "account";
  const costs: InfraCost[] = [];
  for (const item of scenario.infra) {
    const sides = itemSides(item, option);
    if (sides !== "all" && sides.length === 0) continue;
    const on =
      sides === "all" || sides.length === 2
        ? sideTraffic(replay, "all")
        : sideTraffic(replay, sides[0] ?? "all");
    costs.push(policyItemCost(item, on, replay.requests, freeTiers));
  }
  return costs;
}

/** The policy option's projection: token cost per replayed request times N, its infra, its hidden cost. */
export function projectPolicyOption(
  option: DeploymentOption,
  scenario: Scenario,
  replay: PolicyReplay,
): OptionProjection {
  const perReplayed = (usd: number) => (replay.requests === 0 ? 0 : usd / replay.requests);
  const byKey = new Map<string, OptionProjection["tokens"]["served"][number]>();
  for (const t of replay.targets) {
    if (t.requests === 0) continue;
    const entry = byKey.get(t.price.key) ?? {
      price: t.price,
      requests: 0,
      tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
      costUsd: 0,
      batchRequests: 0,
    };
    entry.requests += t.requests;
    entry.tokens.input += t.inputTokens;
    entry.tokens.output += t.outputTokens;
    entry.tokens.cacheRead += t.cacheReadTokens;
    entry.tokens.cacheWrite += t.cacheWriteTokens;
    entry.costUsd += t.costUsd;
    byKey.set(t.price.key, entry);
  }
  const served = [...byKey.values()].sort(
    (a, b) => b.costUsd - a.costUsd || (a.price.key < b.price.key ? -1 : 1),
  );
  const costUsd = served.reduce((sum, s) => sum + s.costUsd, 0);
  const pricedRequests = replay.requests - replay.unroutableRequests;
  const tokenCurve: CostCurve = { fixed: 0, perRequest: perReplayed(costUsd), hinges: [] };
  const infra = policyInfra(option, scenario, replay);
  const hiddenMultiplier = option.hidden_cost?.complexity_multiplier ?? 1;
  const overhead = {
    perMonthUsd: option.hidden_cost?.per_month?.usd ?? 0,
    perRequestUsd: option.hidden_cost?.per_request?.usd ?? 0,
  };
  const curve = addCurves(scaleCurve(addCurves(tokenCurve, ...infra.map((i) => i.curve)), hiddenMultiplier), {
    fixed: overhead.perMonthUsd,
    perRequest: overhead.perRequestUsd,
    hinges: [],
  });
  return {
    option,
    tokens: {
      served,
      // Not kept per bucket: the replay prices requests, not the profile's buckets (no showback for it).
      bucketCosts: new Float64Array(0),
      bucketModels: [],
      unplaced:
        replay.unroutableRequests > 0
          ? [
              {
                model: "(unroutable)",
                reason: "the policy routes them to no target",
                requests: replay.unroutableRequests,
                tokens: 0,
              },
            ]
          : [],
      costUsd,
      pricedRequests,
      failed: { requests: 0, costUsd: 0 },
      warnings: [],
    },
    complete: replay.unroutableRequests === 0,
    tokenCurve,
    infra,
    hiddenMultiplier,
    overhead,
    pricedShare: replay.requests === 0 ? 1 : pricedRequests / replay.requests,
    curve,
  };
}

/** The policy option against the regime: required requests served on targets without its label. */
export function policyCompliance(replay: PolicyReplay): ObservedCompliance {
  return {
    requiredRequests: replay.requiredRequests,
    violations: replay.targets.reduce((sum, t) => sum + (t.covers ? 0 : t.requiredRequests), 0),
  };
}
