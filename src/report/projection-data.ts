// The projection report as plain, versioned data: what `--format json` prints and what every other
// renderer reads. Field names are the documented JSON names (README, "JSON output").
import type { Analysis } from "../cost/analyzer.js";
import type { OptionCapacity } from "../cost/capacity.js";
import { optionsThatDoNotFit } from "../cost/capacity.js";
import type { OptionProjection } from "../cost/option-projection.js";
import type { TokenCounts } from "../cost/request-cost.js";
import { GROUP_FIELDS, type GroupKey, metaKeyOf, type ShowbackGroup } from "../cost/showback.js";
import { OTHER_MODELS } from "../traffic/distinct-names.js";
import type { SourcesSummary } from "../traffic/read-sources.js";
import { optionCapacityJson, provisionedSizingJson } from "./capacity-data.js";
import { costCurveData } from "./cost-curve-data.js";
import { roundUsd } from "./numbers.js";
import type { RagData } from "./rag-data.js";
import { buildVerdict } from "./verdict-data.js";

/** 2: issue 10 (prices_as_of) and issue 13 (verdict, priced requests, hidden-cost form and overhead,
 * service tier, free tiers, failed requests); docs/report-formats.md. */
const PROJECTION_SCHEMA_VERSION = 2;

export interface ProjectionContext {
  trafficFile: string;
  /** What was read: files, formats, skipped records (issue 11). */
  sources?: SourcesSummary;
  scenarioName: string;
  scenarioFile: string;
  scenarioIsDefault: boolean;
  window: { start?: number; end?: number; days: number };
  /** Monthly requests / observed requests. */
  monthlyScale: number;
  /** Null when some rows have no request count. */
  observedRequests: number | null;
  /** False when the month's request count is unknown (rows without counts, no --monthly-requests): every
   * request figure is then null and breakeven volumes are left out. */
  requestsKnown: boolean;
  /** Observed requests whose status says they failed. */
  failedRequests: number;
  /** Observed token totals (scaled here). */
  observedTokens: TokenCounts;
  peak: { requestsPerMinute: number; tokensPerMinute: number };
  /** Pre-aggregated rows over more than a minute: the peaks are unknown (null). */
  peakUnknown?: boolean;
  /** The scenario's free_tiers setting. */
  freeTiers: "none" | "account";
  /** Assumptions the caller made (window scaling, --monthly-requests, ...). */
  assumptions: string[];
  warnings: string[];
  /** Date of the prices (schema 2). */
  asOf?: string;
  /** The file that names the compliance regime (scenario or policy), when there is one. */
  complianceSource?: string | undefined;
  /** Distinct unpriced models the profile counted together under OTHER_MODELS (issue 17). */
  otherModels?: number;
  /** The RAG decision priced (scenario `retrieval:`); absent: no `rag` key. */
  rag?: RagData;
  /** Peak demand against quotas per option and pool (issue 15). */
  capacity?: OptionCapacity[];
  /** `--group-by` (issue 12): the keys and each group's share of every option. */
  showback?: { keys: readonly GroupKey[]; groups: readonly ShowbackGroup[] };
}

/** Where a cell names the cheapest option and every option violates the compliance regime. */
export const NO_COMPLIANT_CELL = "(none compliant)";

export type ProjectionReport = ReturnType<typeof buildProjectionReport>;

function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

function hiddenCostForm(projection: OptionProjection): "none" | "multiplier" | "overhead" {
  const hidden = projection.option.hidden_cost;
  if (hidden === undefined) return "none";
  return hidden.complexity_multiplier !== undefined ? "multiplier" : "overhead";
}

export function buildProjectionReport(analysis: Analysis, context: ProjectionContext) {
  const scale = analysis.scale;
  const monthlyTokens = (n: number) => Math.round(n * scale);
  const complete = analysis.unpriced.length === 0;
  const known = context.requestsKnown;
  /** A request figure, or null when the count is unknown. */
  const count = (n: number): number | null => (known ? Math.round(n) : null);
  // Breakeven volumes are request counts: none without one.
  const breakeven = (known ? analysis.breakeven : []).map((pair) => ({
    a: pair.a,
    b: pair.b,
    requests_per_month: pair.requestsPerMonth,
    crossings: pair.crossings,
    cheaper_below: pair.cheaperBelow,
    cheaper_above: pair.cheaperAbove,
  }));
  const tips = analysis.tips.map((tip) => ({
    id: tip.id,
    option: tip.option,
    title: tip.title,
    monthly_saving_usd: roundUsd(tip.monthlySavingUsd),
    applies_to: tip.appliesTo,
  }));
  /** Each assumption's value at which `cheapest` changes: nearest flip (by ratio) first. */
  const sensitivity = analysis.sensitivity.map((entry) => ({
    assumption: entry.assumption,
    base: entry.base,
    flips_at: entry.flipsAt,
    new_cheapest: entry.newCheapest,
    range: [...entry.range],
    method: entry.method,
  }));
  return {
    schema_version: PROJECTION_SCHEMA_VERSION,
    prices_as_of: context.asOf ?? null,
    scenario: {
      name: context.scenarioName,
      file: context.scenarioIsDefault ? "(bundled default)" : context.scenarioFile,
    },
    traffic_file: context.trafficFile,
    sources: context.sources ?? null,
    window: {
      start: iso(context.window.start),
      end: iso(context.window.end),
      days: context.window.days,
      monthly_scale: context.monthlyScale,
    },
    traffic: {
      requests: count(analysis.monthlyRequests),
      input_tokens: monthlyTokens(context.observedTokens.input),
      output_tokens: monthlyTokens(context.observedTokens.output),
      cache_read_tokens: monthlyTokens(context.observedTokens.cacheRead),
      cache_write_tokens: monthlyTokens(context.observedTokens.cacheWrite),
      cache_write_1h_tokens: monthlyTokens(context.observedTokens.cacheWrite1h ?? 0),
      observed_requests: context.observedRequests,
      failed_requests: count(context.failedRequests * scale),
      peak_requests_per_minute: context.peakUnknown ? null : context.peak.requestsPerMinute,
      peak_tokens_per_minute: context.peakUnknown ? null : context.peak.tokensPerMinute,
    },
    complete,
    /** The cheapest option without compliance violations; null when no option is compliant. */
    cheapest: analysis.cheapest,
    /** The cheapest option, violations or not. */
    cheapest_any: analysis.cheapestAny,
    verdict: buildVerdict({
      cheapest: analysis.verdict.cheapest,
      requests: Math.round(analysis.monthlyRequests),
      // Only options without violations may win or be the runner-up.
      options: analysis.options
        .filter(({ compliance }) => compliance.violations === 0)
        .map(({ projection, atVolume }) => ({
          id: projection.option.id,
          monthly_cost_usd: roundUsd(atVolume.monthlyCostUsd),
          per_request_usd: atVolume.perRequestUsd === null ? null : roundUsd(atVolume.perRequestUsd),
          priced_share: projection.pricedShare,
        })),
      compliance: analysis.compliance
        ? { label: analysis.compliance.label, cheapest_any: analysis.cheapestAny }
        : null,
      breakeven,
      tips,
      sensitivity,
      incomplete: analysis.verdict.incomplete,
      reasons: analysis.verdict.reasons,
      doesNotFit: optionsThatDoNotFit(context.capacity ?? []),
    }),
    compliance: analysis.compliance
      ? {
          label: analysis.compliance.label,
          covered_by: [...analysis.compliance.coveredBy],
          source: context.complianceSource ?? null,
        }
      : null,
    free_tiers: context.freeTiers,
    options: analysis.options.map(({ projection, atVolume, compliance }) => ({
      id: projection.option.id,
      kind: projection.option.kind,
      label: projection.option.label ?? projection.option.id,
      complete: projection.complete,
      service_tier: projection.option.service_tier ?? "standard",
      priced_requests: count(atVolume.pricedRequests),
      failed_requests: count(projection.tokens.failed.requests * scale),
      failed_token_cost_usd: roundUsd(projection.tokens.failed.costUsd * scale),
      monthly_cost_usd: roundUsd(atVolume.monthlyCostUsd),
      per_request_usd: atVolume.perRequestUsd === null || !known ? null : roundUsd(atVolume.perRequestUsd),
      token_cost_usd: roundUsd(atVolume.tokenCostUsd),
      provisioned_cost_usd: roundUsd(atVolume.provisionedCostUsd),
      infra_cost_usd: roundUsd(atVolume.infraCostUsd),
      hidden_cost_usd: roundUsd(atVolume.hiddenCostUsd),
      hidden_cost_form: hiddenCostForm(projection),
      complexity_multiplier: projection.hiddenMultiplier,
      overhead_per_month_usd: projection.overhead.perMonthUsd,
      overhead_per_request_usd: projection.overhead.perRequestUsd,
      compliance: {
        label: compliance.label,
        required_requests: Math.round(compliance.requiredRequests),
        violations: Math.round(compliance.violations),
      },
      cost_curve: costCurveData(projection.curve),
      models: projection.tokens.served.map((served) => ({
        model: served.price.model,
        provider: served.price.provider,
        requests: count(served.requests * scale),
        input_tokens: monthlyTokens(served.tokens.input),
        output_tokens: monthlyTokens(served.tokens.output),
        cache_read_tokens: monthlyTokens(served.tokens.cacheRead),
        cache_write_tokens: monthlyTokens(served.tokens.cacheWrite),
        cache_write_1h_tokens: monthlyTokens(served.tokens.cacheWrite1h ?? 0),
        batch_requests: count(served.batchRequests * scale),
        cost_usd: roundUsd(servedCostUsd(projection, atVolume.tokenCostUsd, served.price.key, scale)),
      })),
      infra: atVolume.infra.map((item) => ({
        id: item.id,
        label: item.label,
        unit: item.unit,
        quantity: item.quantity,
        monthly_cost_usd: roundUsd(item.monthlyCostUsd),
      })),
      provisioned: projection.provisioned
        ? {
            model: projection.provisioned.modelKey,
            model_units: projection.provisioned.units,
            hourly_usd: projection.provisioned.hourlyUsd,
            capacity_tokens_per_month: projection.provisioned.capacityTokensPerMonth,
            overflow_above_requests_per_month: Number.isFinite(projection.provisioned.overflowAtRequests)
              ? projection.provisioned.overflowAtRequests
              : null,
          }
        : null,
      capacity: optionCapacityJson(context.capacity, projection.option.id),
      provisioned_sizing: provisionedSizingJson(context.capacity, projection.option.id),
    })),
    breakeven,
    growth: analysis.growth.months.map((month) => ({
      month: month.month,
      requests: count(month.requests),
      costs_usd: Object.fromEntries(Object.entries(month.costs).map(([id, usd]) => [id, roundUsd(usd)])),
      cheapest: month.cheapest,
    })),
    /** First month whose cheapest option differs from today's, or null. */
    growth_flip_month: analysis.growth.flipMonth,
    tips,
    sensitivity,
    showback: context.showback ? showbackEntries(context.showback, count) : null,
    ...unpricedEntries(
      analysis,
      known,
      monthlyTokens(context.observedTokens.input + context.observedTokens.output),
      context.otherModels ?? 0,
    ),
    warnings: [...context.warnings, ...analysis.warnings],
    assumptions: context.assumptions,
    ...(context.rag ? { rag: context.rag } : {}),
  };
}

/** The name of a group key in `showback[].group`: the field, or the meta key (`meta.<key>` where the key is
 * also a field's name). */
function groupName(key: GroupKey): string {
  const meta = metaKeyOf(key);
  return meta === undefined || GROUP_FIELDS.some((field) => field === meta) ? key : meta;
}

function showbackEntries(
  { keys, groups }: NonNullable<ProjectionContext["showback"]>,
  count: (n: number) => number | null,
) {
  return groups.map((group) => ({
    group: Object.fromEntries(keys.map((key, i) => [groupName(key), group.values[i] ?? null])),
    requests: count(group.requests),
    cost_usd: Object.fromEntries(Object.entries(group.cents).map(([id, cents]) => [id, cents / 100])),
    unpriced_options: group.incompleteOptions,
  }));
}

/** How many unpriced entries the report lists one by one; the rest are one `unpriced_more` entry. */
const UNPRICED_LISTED = 20;

/**
 * Unpriced traffic, busiest first: the first UNPRICED_LISTED entries, then the rest added up (traffic with
 * 300k distinct unknown model names must not make a 300k-row report). The rest's requests and tokens are
 * sums of the entries left out, so the listed entries plus `unpriced_more` account for all of it.
 */
function unpricedEntries(analysis: Analysis, known: boolean, monthlyTokens: number, otherModels: number) {
  const count = (n: number): number | null => (known ? Math.round(n) : null);
  // The profile's bucket of models counted together (OTHER_MODELS) always belongs to the rest.
  const counted = analysis.unpriced.filter(
    (entry) => entry.model === OTHER_MODELS && entry.provider === undefined,
  );
  const sorted = analysis.unpriced
    .filter((entry) => !counted.includes(entry))
    .sort(
      (a, b) =>
        b.monthlyRequests - a.monthlyRequests ||
        (a.provider ?? "").localeCompare(b.provider ?? "") ||
        a.model.localeCompare(b.model) ||
        a.reason.localeCompare(b.reason),
    );
  const listed = sorted.slice(0, UNPRICED_LISTED);
  const rest = [...sorted.slice(UNPRICED_LISTED), ...counted];
  const restModels = new Set(
    sorted.slice(UNPRICED_LISTED).map((entry) => `${entry.provider ?? ""}/${entry.model}`),
  );
  return {
    unpriced: listed.map((entry) => ({
      model: entry.model,
      provider: entry.provider ?? null,
      reason: entry.reason,
      options: entry.options,
      monthly_requests: count(entry.monthlyRequests),
      share_of_requests: known ? entry.shareOfRequests : null,
      share_of_tokens: entry.shareOfTokens,
    })),
    unpriced_more:
      rest.length === 0
        ? null
        : {
            models: restModels.size + otherModels,
            requests: count(rest.reduce((sum, entry) => sum + entry.monthlyRequests, 0)),
            tokens: Math.round(rest.reduce((sum, entry) => sum + entry.shareOfTokens, 0) * monthlyTokens),
          },
  };
}

/**
 * A served model's monthly token cost. On a provisioned option, the model on the units pays only for its
 * overflow: the option's token cost less every other model's on-demand cost.
 */
function servedCostUsd(
  projection: OptionProjection,
  tokenCostUsd: number,
  key: string,
  scale: number,
): number {
  const others = projection.tokens.served
    .filter((s) => s.price.key !== key)
    .reduce((sum, s) => sum + s.costUsd * scale, 0);
  const own = projection.tokens.served.find((s) => s.price.key === key);
  if (projection.provisioned?.modelKey === key) return tokenCostUsd - others;
  return (own?.costUsd ?? 0) * scale;
}
