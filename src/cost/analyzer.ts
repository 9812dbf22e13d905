// CostAnalyzer: the observed traffic mix, a scenario and the catalog in; each option's monthly cost,
// breakdown, breakeven against every other option, growth and tips out. Pure: no I/O.
import { type Breakeven, breakeven, type GrowthProjection, projectGrowth } from "./breakeven.js";
import {
  type ComplianceRegime,
  cheapestOf,
  type ObservedCompliance,
  type OptionCompliance,
  type RequiredTraffic,
  sideCompliance,
} from "./compliance.js";
import { type ModelCatalog, ModelMapper, sideOf } from "./model-map.js";
import type { OptionTokenCost } from "./option-cost.js";
import {
  breakdownAt,
  type OptionBreakdown,
  type OptionProjection,
  projectOption,
} from "./option-projection.js";
import { type PolicyReplay, policyCompliance, projectPolicyOption } from "./policy-option.js";
import { ScenarioProblem } from "./scenario-problem.js";
import type { Scenario } from "./scenario-schema.js";
import { type SensitivityEntry, sensitivity } from "./sensitivity.js";
import { computeTips, type OptimizationTip } from "./tips.js";
import type { TrafficMix } from "./traffic-mix.js";

export interface AnalysisInput {
  scenario: Scenario;
  /** The observed traffic (exact token sums). */
  mix: TrafficMix;
  /** The monthly volume to project at: observed requests x the month scale, or a given volume. */
  monthlyRequests: number;
  catalog: ModelCatalog;
  /** The run's compliance regime and the observed requests that need it; absent: no regime. */
  compliance?: ComplianceInput | undefined;
  /** Each `kind: policy` option's replay of the observed traffic, by option id. */
  policies?: ReadonlyMap<string, PolicyReplay> | undefined;
  /** False when the traffic has no request counts: `mix` holds nominal ones (pipeline/unknown-requests.ts). */
  requestsKnown?: boolean;
}

export interface ComplianceInput {
  regime: ComplianceRegime;
  /** Observed compliance-required requests by logged provider and model. */
  required: readonly RequiredTraffic[];
}

interface OptionResult {
  projection: OptionProjection;
  atVolume: OptionBreakdown;
  /** Against the run's regime, in monthly requests (label null, zeros: no regime). */
  compliance: OptionCompliance;
}

/** Traffic that some option could not price, with its share of all traffic. */
interface UnpricedTraffic {
  model: string;
  provider?: string;
  reason: string;
  options: string[];
  monthlyRequests: number;
  shareOfRequests: number;
  shareOfTokens: number;
}

/** Below this share of requests priced under some option, the comparison between options is incomplete. */
const VERDICT_MIN_PRICED_SHARE = 0.95;
/** How many unpriced models a verdict reason names, busiest first (the unpriced list has them all). */
const VERDICT_MODELS_NAMED = 5;

/** Which option is cheapest, and whether that comparison can be trusted. */
interface Verdict {
  /** The cheapest option without compliance violations; null when every option has some. */
  cheapest: string | null;
  /** True when some option prices less than VERDICT_MIN_PRICED_SHARE of the requests. */
  incomplete: boolean;
  /** Why the verdict is incomplete, one sentence per option below the threshold. */
  reasons: string[];
}

export interface Analysis {
  monthlyRequests: number;
  /** monthlyRequests / observed requests. */
  scale: number;
  options: OptionResult[];
  /** Cheapest option at today's volume without compliance violations; null when no option is compliant.
   * Growth and tips follow it. */
  cheapest: string | null;
  /** Cheapest option at today's volume, violations or not. */
  cheapestAny: string;
  /** The run's compliance regime; null when it has none. */
  compliance: ComplianceRegime | null;
  verdict: Verdict;
  breakeven: Breakeven[];
  growth: GrowthProjection;
  tips: OptimizationTip[];
  /** Each assumption's value at which the cheapest option changes, nearest flip first. */
  sensitivity: SensitivityEntry[];
  unpriced: UnpricedTraffic[];
  warnings: string[];
}

export function analyze(input: AnalysisInput): Analysis {
  const { scenario, mix, monthlyRequests, catalog } = input;
  const mapper = new ModelMapper(catalog, scenario.model_map);
  const scale = mix.requests === 0 ? 0 : monthlyRequests / mix.requests;
  const projections = projectAll(input, scenario, mix, mapper);
  const options = projections.map((projection) => ({
    projection,
    atVolume: breakdownAt(projection, monthlyRequests),
    compliance: monthlyCompliance(observedCompliance(projection, input, mapper), input.compliance, scale),
  }));
  const curves = projections.map((p) => ({ id: p.option.id, curve: p.curve }));
  const pairs: Breakeven[] = [];
  for (let i = 0; i < curves.length; i++) {
    for (let j = i + 1; j < curves.length; j++) {
      const [a, b] = [curves[i], curves[j]];
      if (a && b) pairs.push(breakeven(a, b));
    }
  }
  const { cheapest, cheapestAny } = cheapestOf(
    options.map((o) => ({
      id: o.projection.option.id,
      monthlyCostUsd: o.atVolume.monthlyCostUsd,
      violations: o.compliance.violations,
    })),
  );
  const compliant = new Set(
    options.filter((o) => o.compliance.violations === 0).map((o) => o.projection.option.id),
  );
  const unpriced = collectUnpriced(projections, mix, scale);
  return {
    monthlyRequests,
    scale,
    options,
    cheapest,
    cheapestAny,
    compliance: input.compliance?.regime ?? null,
    verdict: verdictOf(cheapest, projections, unpriced),
    breakeven: pairs,
    growth: projectGrowth(
      curves,
      monthlyRequests,
      scenario.growth.monthly_rate,
      scenario.growth.horizon_months,
      compliant,
    ),
    // Tips price the mix on one side; a policy option's traffic is split by its replay, so it has none.
    tips: computeTips(
      projections.filter((p) => p.option.kind !== "policy"),
      { scenario, mix, scale, mapper, catalog, requestsKnown: input.requestsKnown ?? true },
      cheapest,
    ),
    sensitivity: sensitivity({
      scenario,
      mix,
      monthlyRequests,
      mapper,
      curves: (changed, changedMix, sameTokens) =>
        projectAll(
          input,
          changed,
          changedMix,
          sameTokens ? mapper : undefined,
          sameTokens ? projections.map((p) => p.tokens) : undefined,
        ).map((p) => ({ id: p.option.id, curve: p.curve })),
      // Compliance does not depend on any assumption searched: each option keeps today's violations.
      cheapest: (costs) =>
        cheapestOf(costs.map((c) => ({ ...c, violations: compliant.has(c.id) ? 0 : 1 }))).cheapest,
    }),
    unpriced,
    warnings: [...new Set(projections.flatMap((p) => p.tokens.warnings))],
  };
}

/**
 * Every option of a scenario projected on a mix; `tokens` reuses token costs already computed (same mix and map).
 * A policy option is its replay's tallies (input.policies): a changed mix or model map does not move its tokens.
 */
function projectAll(
  input: AnalysisInput,
  scenario: Scenario,
  mix: TrafficMix,
  mapper = new ModelMapper(input.catalog, scenario.model_map),
  tokens?: readonly OptionTokenCost[],
): OptionProjection[] {
  return scenario.options.map((option, index) =>
    option.kind === "policy"
      ? projectPolicyOption(option, scenario, replayOf(input, option.id, index))
      : projectOption(option, index, scenario, mix, mapper, input.catalog, tokens?.[index]),
  );
}

/** How an option stands against the regime, in observed requests; undefined without a regime. */
function observedCompliance(
  projection: OptionProjection,
  input: AnalysisInput,
  mapper: ModelMapper,
): ObservedCompliance | undefined {
  if (!input.compliance) return undefined;
  const replay = input.policies?.get(projection.option.id);
  if (projection.option.kind === "policy" && replay) return policyCompliance(replay);
  return sideCompliance(
    sideOf(projection.option.kind),
    input.compliance.regime,
    input.compliance.required,
    mapper,
  );
}

function replayOf(input: AnalysisInput, id: string, index: number): PolicyReplay {
  const replay = input.policies?.get(id);
  if (!replay) throw new ScenarioProblem(["options", index, "policy"], `option "${id}" has no policy replay`);
  return replay;
}

function monthlyCompliance(
  observed: ObservedCompliance | undefined,
  compliance: ComplianceInput | undefined,
  scale: number,
): OptionCompliance {
  if (!observed || !compliance) return { label: null, requiredRequests: 0, violations: 0 };
  return {
    label: compliance.regime.label,
    requiredRequests: observed.requiredRequests * scale,
    violations: observed.violations * scale,
  };
}

function verdictOf(
  cheapest: string | null,
  projections: readonly OptionProjection[],
  unpriced: readonly UnpricedTraffic[],
): Verdict {
  const reasons = projections
    .filter((p) => p.pricedShare < VERDICT_MIN_PRICED_SHARE)
    .map((p) => {
      const id = p.option.id;
      const all = unpriced
        .filter((u) => u.options.includes(id))
        .sort((a, b) => b.monthlyRequests - a.monthlyRequests || a.model.localeCompare(b.model));
      // The busiest few name the gap; a log of thousands of unknown models must not make a reason of each.
      const named = all.slice(0, VERDICT_MODELS_NAMED).map((u) => `${u.model} (${u.reason})`);
      const rest = all.length - named.length;
      const missing = [...named, ...(rest > 0 ? [`and ${rest} more models without a price`] : [])].join("; ");
      return `only ${percent(p.pricedShare)} of requests are priced under "${id}" (below ${percent(VERDICT_MIN_PRICED_SHARE)}): ${missing}`;
    });
  return { cheapest, incomplete: reasons.length > 0, reasons };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function collectUnpriced(
  projections: readonly OptionProjection[],
  mix: TrafficMix,
  scale: number,
): UnpricedTraffic[] {
  const byModel = new Map<string, UnpricedTraffic>();
  const totalTokens = mix.tokens.input + mix.tokens.output;
  for (const projection of projections) {
    for (const entry of projection.tokens.unplaced) {
      const key = `${entry.provider ?? ""}\u0000${entry.model}\u0000${entry.reason}`;
      const existing = byModel.get(key);
      if (existing) {
        existing.options.push(projection.option.id);
        continue;
      }
      byModel.set(key, {
        model: entry.model,
        ...(entry.provider !== undefined ? { provider: entry.provider } : {}),
        reason: entry.reason,
        options: [projection.option.id],
        monthlyRequests: entry.requests * scale,
        shareOfRequests: mix.requests === 0 ? 0 : entry.requests / mix.requests,
        shareOfTokens: totalTokens === 0 ? 0 : entry.tokens / totalTokens,
      });
    }
  }
  return [...byModel.values()];
}
