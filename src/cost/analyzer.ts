// CostAnalyzer: the observed traffic mix, a scenario and the catalog in; each option's monthly cost,
// breakdown, breakeven against every other option, growth and tips out. Pure: no I/O.
import { type Breakeven, breakeven, type GrowthProjection, projectGrowth } from "./breakeven.js";
import { type ModelCatalog, ModelMapper } from "./model-map.js";
import {
  breakdownAt,
  type OptionBreakdown,
  type OptionProjection,
  projectOption,
} from "./option-projection.js";
import type { Scenario } from "./scenario-schema.js";
import { computeTips, type OptimizationTip } from "./tips.js";
import type { TrafficMix } from "./traffic-mix.js";

export interface AnalysisInput {
  scenario: Scenario;
  /** The observed traffic (exact token sums). */
  mix: TrafficMix;
  /** The monthly volume to project at: observed requests x the month scale, or a given volume. */
  monthlyRequests: number;
  catalog: ModelCatalog;
  /** False when the traffic has no request counts: `mix` holds nominal ones (pipeline/unknown-requests.ts). */
  requestsKnown?: boolean;
}

interface OptionResult {
  projection: OptionProjection;
  atVolume: OptionBreakdown;
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
  cheapest: string;
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
  /** Cheapest option at today's volume. */
  cheapest: string;
  verdict: Verdict;
  breakeven: Breakeven[];
  growth: GrowthProjection;
  tips: OptimizationTip[];
  unpriced: UnpricedTraffic[];
  warnings: string[];
}

export function analyze(input: AnalysisInput): Analysis {
  const { scenario, mix, monthlyRequests, catalog } = input;
  const mapper = new ModelMapper(catalog, scenario.model_map);
  const scale = mix.requests === 0 ? 0 : monthlyRequests / mix.requests;
  const projections = scenario.options.map((option, index) =>
    projectOption(option, index, scenario, mix, mapper, catalog),
  );
  const options = projections.map((projection) => ({
    projection,
    atVolume: breakdownAt(projection, monthlyRequests, mix),
  }));
  const curves = projections.map((p) => ({ id: p.option.id, curve: p.curve }));
  const pairs: Breakeven[] = [];
  for (let i = 0; i < curves.length; i++) {
    for (let j = i + 1; j < curves.length; j++) {
      const [a, b] = [curves[i], curves[j]];
      if (a && b) pairs.push(breakeven(a, b));
    }
  }
  const cheapest =
    [...options].sort((a, b) => a.atVolume.monthlyCostUsd - b.atVolume.monthlyCostUsd)[0]?.projection.option
      .id ?? "";
  const unpriced = collectUnpriced(projections, mix, scale);
  return {
    monthlyRequests,
    scale,
    options,
    cheapest,
    verdict: verdictOf(cheapest, projections, unpriced),
    breakeven: pairs,
    growth: projectGrowth(
      curves,
      monthlyRequests,
      scenario.growth.monthly_rate,
      scenario.growth.horizon_months,
    ),
    tips: computeTips(
      projections,
      { scenario, mix, scale, mapper, catalog, requestsKnown: input.requestsKnown ?? true },
      cheapest,
    ),
    unpriced,
    warnings: [...new Set(projections.flatMap((p) => p.tokens.warnings))],
  };
}

function verdictOf(
  cheapest: string,
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
