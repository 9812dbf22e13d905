// The route dry-run report: the run's summary (and --diff) as plain, versioned data in the documented
// snake_case JSON, and the tabular sections the table, markdown and CSV renderers share.
import type { RouteDiff } from "../routing/diff.js";
import type { QuotaReplaySummary } from "../routing/quota-limiter.js";
import type { RouteSummary } from "../routing/summary.js";
import { OTHER_MODELS } from "../traffic/distinct-names.js";
import type { SourcesSummary } from "../traffic/read-sources.js";
import { type Cell, countCell, shareCell, usdCell } from "./figure.js";
import { formatCount, roundUsd } from "./numbers.js";
import type { Column } from "./table.js";

/** The version of the route report and of the --explain trace. 2: --as-of (issue 10); window and monthly
 * costs side by side, each target's Bedrock inference profile (issue 13). See docs/report-formats.md. */
export const ROUTE_SCHEMA_VERSION = 2;

/** How the replayed window relates to a month (src/pipeline/route-dry-run.ts computes it). */
interface RouteMonthInput {
  days: number | null;
  scale: number | null;
  assumption: string;
}

export interface RouteReportInputs {
  traffic: string;
  /** What was read: files, formats, skipped records (issue 11). */
  sources: SourcesSummary | null;
  policy: string;
  pricing: string[];
  seed: number;
  diff_policy: string | null;
  /** Schema 2: the date replayed costs are priced at (--as-of); logged costs use each request's own time. */
  as_of: string;
}

export type RouteReport = ReturnType<typeof buildRouteReport>;

/** The documented JSON report (docs/route.md, "Output"): snake_case names, ISO timestamps, null for absent. */
export function buildRouteReport(
  summary: RouteSummary,
  inputs: RouteReportInputs,
  diff: RouteDiff | undefined,
  month: RouteMonthInput,
  quotas?: QuotaReplaySummary,
) {
  const t = summary.totals;
  const c = summary.compliance;
  const monthly = (windowUsd: number): number | null =>
    month.scale === null ? null : windowUsd * month.scale;
  return {
    schema_version: ROUTE_SCHEMA_VERSION,
    command: "route" as const,
    dry_run: true as const,
    inputs,
    window: {
      first: iso(summary.window.firstMs),
      last: iso(summary.window.lastMs),
      days: month.days,
      monthly_scale: month.scale,
    },
    totals: {
      decisions: t.decisions,
      requests: t.requests,
      input_tokens: Math.round(t.inputTokens),
      output_tokens: Math.round(t.outputTokens),
      replayed_cost_usd: t.replayedCostUsd,
      replayed_monthly_cost_usd: monthly(t.replayedCostUsd),
      logged_cost_usd: t.loggedCostUsd,
      logged_monthly_cost_usd: monthly(t.loggedCostUsd),
      logged_unpriced_requests: t.loggedUnpricedRequests,
      cost_impact_usd: t.costImpactUsd,
      cost_impact_monthly_usd: monthly(t.costImpactUsd),
      unroutable_requests: t.unroutableRequests,
      // Only when quotas were enforced: a replay without them keeps its report byte for byte.
      ...(quotas && {
        throttled_requests: quotas.totals.throttledRequests,
        throttled_unserved_requests: quotas.totals.throttledUnserved,
        overflow_cost_impact_usd: quotas.totals.overflowCostImpactUsd,
        overflow_cost_impact_monthly_usd: monthly(quotas.totals.overflowCostImpactUsd),
      }),
    },
    targets: summary.targets.map((target) => ({
      target: target.target,
      provider: target.provider,
      model: target.model,
      inference_profile: target.scope ?? null,
      requests: target.requests,
      share: target.share,
      input_tokens: Math.round(target.inputTokens),
      output_tokens: Math.round(target.outputTokens),
      cost_usd: target.costUsd,
      monthly_cost_usd: monthly(target.costUsd),
      ...(quotas && quotaTargetJson(quotas, target.target)),
    })),
    ...(quotas && { quota_pools: quotaPoolsJson(quotas) }),
    rules: summary.rules.map((r) => ({
      rule: r.rule,
      reason_code: r.reasonCode,
      decisions: r.decisions,
      requests: r.requests,
      share: r.share,
    })),
    rules_never_hit: summary.rulesNeverHit,
    reasons: summary.reasons.map((r) => ({ reason_code: r.reasonCode, requests: r.requests })),
    compliance: {
      label: c.label ?? null,
      enforced: c.enforced,
      required_requests: c.requiredRequests,
      violations: c.violations,
      violation_request_ids: c.violationRequestIds,
      rerouted_requests: c.reroutedRequests,
    },
    fallbacks: summary.fallbacks.map((f) => ({
      from: f.from,
      to: f.to,
      reason_code: f.reasonCode,
      requests: f.requests,
      first_at: iso(f.firstAtMs),
      last_at: iso(f.lastAtMs),
    })),
    breaker: {
      openings: summary.breaker.openings,
      events: summary.breaker.events.map((e) => ({
        target: e.target,
        state: e.state,
        at: new Date(e.atMs).toISOString(),
      })),
      events_omitted: summary.breaker.eventsOmitted,
    },
    baselines: summary.baselines.map((b) => ({
      baseline: b.baseline,
      target: b.target ?? null,
      cost_usd: b.costUsd,
      monthly_cost_usd: monthly(b.costUsd),
      unpriced_requests: b.unpricedRequests,
    })),
    unpriced_logged_models: summary.unpricedLoggedModels.slice(0, LISTED).map((m) => ({
      model: m.model,
      requests: m.requests,
      /** Schema 2: why it has no price. */
      reason: m.reason,
    })),
    /** Schema 2: the unpriced logged models past the first LISTED, added up (null when none). */
    unpriced_logged_more: unpricedMore(summary),
    /** Schema 2: logged models with requests before their release (priced at the first known price). */
    logged_before_release: summary.loggedBeforeRelease.map((m) => ({
      model: m.model,
      released: m.released,
      requests: m.requests,
    })),
    /** Schema 2: requests per logged model and routed target (null: unroutable). */
    flows: listedFlows(summary).map((f) => ({
      logged_model: f.loggedModel,
      target: f.target ?? null,
      requests: f.requests,
    })),
    diff: diff ? diffReport(diff) : null,
    assumptions: routeAssumptions(summary, inputs.seed, inputs.as_of, month),
  };
}

function diffReport(diff: RouteDiff) {
  return {
    requests: diff.requests,
    changed_requests: diff.changedRequests,
    changed_examples: diff.changedExamples.map((e) => ({
      request_id: e.requestId,
      from: e.from,
      to: e.to,
      rule_before: e.ruleBefore,
      rule_after: e.ruleAfter,
      cost_delta_usd: e.costDeltaUsd,
    })),
    /** Every from -> to pair, unchanged ones (from = to) included; the rendered reports list changed pairs. */
    matrix: diff.matrix,
    use_cases: diff.useCases.map((u) => ({
      use_case: u.useCase,
      requests: u.requests,
      cost_before_usd: u.costBeforeUsd,
      cost_after_usd: u.costAfterUsd,
      delta_usd: u.deltaUsd,
    })),
    totals: {
      cost_before_usd: diff.totals.costBeforeUsd,
      cost_after_usd: diff.totals.costAfterUsd,
      delta_usd: diff.totals.deltaUsd,
    },
  };
}

function routeAssumptions(
  summary: RouteSummary,
  seed: number,
  asOf: string,
  month: RouteMonthInput,
): string[] {
  const assumptions = [
    "Requests are replayed in timestamp order; the cost of each is its logged tokens priced at the chosen target (cache and long-context tiers included).",
    `Units: ${month.assumption}.`,
    ...summary.targets
      .filter((target) => target.scope !== undefined)
      .map(
        (target) =>
          `Target ${target.target} (${target.model}) is priced at the ${target.scope} Bedrock inference profile (a target without inference_profile or an id prefix is priced at global, as project prices a Bedrock option).`,
      ),
    "The as-logged baseline and cost impact cover only requests whose logged model has a price.",
    `Simulated error rates below 1 are drawn from seed ${seed}.`,
    `Replayed costs use the prices in effect on ${asOf} (--as-of); the as-logged baseline prices each request at the price in effect at its own timestamp.`,
  ];
  const early = summary.loggedBeforeRelease;
  if (early.length > 0) {
    const list = early
      .map((m) => `${m.model} (released ${m.released}, ${formatCount(m.requests)} requests)`)
      .join(", ");
    assumptions.push(
      `Requests logged before their model's release are priced as logged at its first known price: ${list}.`,
    );
  }
  const unpriced = summary.totals.loggedUnpricedRequests;
  if (unpriced > 0) {
    assumptions.push(
      `${formatCount(unpriced)} requests were logged against models with no price: ${unpricedList(summary)}.`,
    );
  }
  return assumptions;
}

/** How many unpriced logged models, and logged models in `flows`, the report names one by one; the rest are
 * added up into one entry, so a log with a million distinct model names gives a small report. */
const LISTED = 20;

function unpricedMore(summary: RouteSummary): { models: number; requests: number } | null {
  const rest = summary.unpricedLoggedModels.slice(LISTED);
  const folded = summary.unpricedLoggedFolded;
  if (rest.length === 0 && folded.models === 0) return null;
  return {
    models: rest.length + folded.models,
    requests: rest.reduce((sum, m) => sum + m.requests, folded.requests),
  };
}

function unpricedList(summary: RouteSummary): string {
  const listed = summary.unpricedLoggedModels.slice(0, LISTED).map((m) => `${m.model} (${m.reason})`);
  const more = unpricedMore(summary);
  if (more) listed.push(`${formatCount(more.models)} more models (${formatCount(more.requests)} requests)`);
  return listed.join(", ");
}

/** Flows of the LISTED busiest logged models; the others' requests are one OTHER_MODELS flow per target. */
function listedFlows(summary: RouteSummary): RouteSummary["flows"] {
  const { flows } = summary;
  const byModel = new Map<string, number>();
  for (const f of flows) byModel.set(f.loggedModel, (byModel.get(f.loggedModel) ?? 0) + f.requests);
  if (byModel.size <= LISTED) return flows;
  const kept = new Set(
    [...byModel]
      .filter(([model]) => model !== OTHER_MODELS)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, LISTED)
      .map(([model]) => model),
  );
  const other = new Map<string | undefined, number>();
  const listed: RouteSummary["flows"] = [];
  for (const f of flows) {
    if (kept.has(f.loggedModel)) listed.push(f);
    else other.set(f.target, (other.get(f.target) ?? 0) + f.requests);
  }
  // Targets in policy order, unroutable last, as for every other logged model.
  const order = (target: string | undefined) =>
    target === undefined ? summary.targets.length : summary.targets.findIndex((t) => t.target === target);
  for (const [target, requests] of [...other].sort((a, b) => order(a[0]) - order(b[0])))
    listed.push({ loggedModel: OTHER_MODELS, target, requests });
  return listed;
}

function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

/** Stable JSON; money rounded to micro-dollars (fields ending in `_usd`). */
export function renderJson(report: unknown): string {
  return `${JSON.stringify(report, (key, value) => (key.endsWith("_usd") && typeof value === "number" ? roundUsd(value) : value), 2)}\n`;
}

export interface ReportSection {
  title: string;
  columns: Column[];
  /** Numbers are figures: formatted in tables, raw in CSV. */
  rows: Cell[][];
}

const right = (header: string): Column => ({ header, align: "right" });

export function routeSections(report: RouteReport): ReportSection[] {
  const t = report.totals;
  const sections: ReportSection[] = [
    {
      title: "Route dry run",
      columns: [{ header: "" }, right("value")],
      rows: [
        ["window", windowText(report)],
        ["requests (window)", countCell(t.requests)],
        ["replayed cost (window)", usdCell(t.replayed_cost_usd)],
        ["replayed cost (monthly)", usdCell(t.replayed_monthly_cost_usd)],
        ["as logged (window)", usdCell(t.logged_cost_usd)],
        ["as logged (monthly)", usdCell(t.logged_monthly_cost_usd)],
        ["cost impact, priced requests (window)", usdCell(t.cost_impact_usd)],
        ["cost impact, priced requests (monthly)", usdCell(t.cost_impact_monthly_usd)],
        ["unroutable requests", countCell(t.unroutable_requests)],
      ],
    },
    {
      title: "Share per target",
      columns: [
        { header: "target" },
        { header: "model" },
        right("requests"),
        right("share"),
        right("tokens"),
        right("cost (window)"),
        right("cost (monthly)"),
      ],
      rows: report.targets.map((row) => [
        row.target,
        `${row.provider}/${row.model}${row.inference_profile ? ` (${row.inference_profile})` : ""}`,
        countCell(row.requests),
        shareCell(row.share),
        countCell(row.input_tokens + row.output_tokens),
        usdCell(row.cost_usd),
        usdCell(row.monthly_cost_usd),
      ]),
    },
    {
      title: `Hits per rule${report.rules_never_hit.length > 0 ? ` (never hit: ${report.rules_never_hit.join(", ")})` : ""}`,
      columns: [{ header: "rule" }, { header: "reason" }, right("requests"), right("share")],
      rows: report.rules.map((r) => [r.rule, r.reason_code, countCell(r.requests), shareCell(r.share)]),
    },
    {
      title: "Reasons",
      columns: [{ header: "reason" }, right("requests")],
      rows: report.reasons.map((r) => [r.reason_code, countCell(r.requests)]),
    },
    complianceSection(report),
    {
      title: "Baselines",
      columns: [
        { header: "baseline" },
        right("cost (window)"),
        right("cost (monthly)"),
        right("replayed - baseline (window)"),
      ],
      rows: report.baselines.map((b) => [
        b.baseline === "as_logged" ? "as logged" : `everything on ${b.target ?? "?"}`,
        usdCell(b.cost_usd),
        usdCell(b.monthly_cost_usd),
        usdCell(t.replayed_cost_usd - b.cost_usd),
      ]),
    },
  ];
  if (report.fallbacks.length > 0) {
    sections.push({
      title: "Fallbacks taken",
      columns: [
        { header: "from" },
        { header: "to" },
        { header: "reason" },
        right("requests"),
        { header: "first" },
        { header: "last" },
      ],
      rows: report.fallbacks.map((f) => [
        f.from,
        f.to,
        f.reason_code,
        countCell(f.requests),
        f.first_at ?? "",
        f.last_at ?? "",
      ]),
    });
  }
  if (report.breaker.events.length > 0) {
    sections.push({
      title: `Circuit breaker (${report.breaker.openings} openings${report.breaker.events_omitted > 0 ? `, ${report.breaker.events_omitted} later events omitted` : ""})`,
      columns: [{ header: "at" }, { header: "target" }, { header: "state" }],
      rows: report.breaker.events.map((e) => [e.at, e.target, e.state]),
    });
  }
  return sections;
}

/** First to last timestamp; a log without timestamps has no window to show. */
function windowText(report: RouteReport): string {
  const { first, last } = report.window;
  if (first === null || last === null) return "unknown (the traffic has no timestamps)";
  return `${first} .. ${last}${windowDays(report)}`;
}

function windowDays(report: RouteReport): string {
  return report.window.days === null ? "" : ` (${report.window.days.toFixed(2)} days)`;
}

function complianceSection(report: RouteReport): ReportSection {
  const c = report.compliance;
  return {
    title: "Compliance",
    columns: [{ header: "" }, right("value")],
    rows: [
      ["label", c.label ?? "(any compliance label)"],
      ["enforced", c.enforced ? "yes" : "no"],
      ["requests requiring compliance", countCell(c.required_requests)],
      ["violations", countCell(c.violations)],
      ["rerouted by enforcement", countCell(c.rerouted_requests)],
      ...(c.violation_request_ids.length > 0
        ? [["example violations", c.violation_request_ids.join(", ")]]
        : []),
    ],
  };
}

/** targets[].throttled_requests and minutes_over_quota (quotas enforced only). */
function quotaTargetJson(quotas: QuotaReplaySummary, target: string) {
  const stats = quotas.targets.find((t) => t.target === target);
  return {
    throttled_requests: stats?.throttledRequests ?? 0,
    minutes_over_quota: stats?.minutesOverQuota ?? 0,
  };
}

/** Each pool: its targets, the limits enforced (or "not checked") with their sources, and its throttles. */
function quotaPoolsJson(quotas: QuotaReplaySummary) {
  return quotas.pools.map((pool) => ({
    pool: pool.pool,
    targets: pool.targets,
    status: pool.checked ? ("enforced" as const) : ("not_checked" as const),
    rpm: pool.limits.rpm ?? null,
    tpm: pool.limits.tpm ?? null,
    itpm: pool.limits.itpm ?? null,
    otpm: pool.limits.otpm ?? null,
    output_burndown: pool.outputBurndown === "unknown" ? null : pool.outputBurndown,
    sources: pool.sources,
    throttled_requests: pool.throttledRequests,
    minutes_over_quota: pool.minutesOverQuota,
  }));
}
