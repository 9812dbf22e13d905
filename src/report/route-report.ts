// The route dry-run report: the run's summary (and --diff) as plain, versioned data in the documented
// snake_case JSON, and the tabular sections the table, markdown and CSV renderers share.
import type { RouteDiff } from "../routing/diff.js";
import type { RouteSummary } from "../routing/summary.js";
import type { SourcesSummary } from "../traffic/read-sources.js";
import { formatCount, formatPercent, formatUsd, roundUsd } from "./numbers.js";
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
    })),
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
    unpriced_logged_models: summary.unpricedLoggedModels.map((m) => ({
      model: m.model,
      requests: m.requests,
      /** Schema 2: why it has no price. */
      reason: m.reason,
    })),
    /** Schema 2: logged models with requests before their release (priced at the first known price). */
    logged_before_release: summary.loggedBeforeRelease.map((m) => ({
      model: m.model,
      released: m.released,
      requests: m.requests,
    })),
    /** Schema 2: requests per logged model and routed target (null: unroutable). */
    flows: summary.flows.map((f) => ({
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
      `${formatCount(unpriced)} requests were logged against models with no price: ${summary.unpricedLoggedModels.map((m) => `${m.model} (${m.reason})`).join(", ")}.`,
    );
  }
  return assumptions;
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
  rows: string[][];
}

const right = (header: string): Column => ({ header, align: "right" });

export function routeSections(report: RouteReport): ReportSection[] {
  const t = report.totals;
  const sections: ReportSection[] = [
    {
      title: "Route dry run",
      columns: [{ header: "" }, right("value")],
      rows: [
        ["window", `${report.window.first ?? "?"} .. ${report.window.last ?? "?"}${windowDays(report)}`],
        ["requests (window)", formatCount(t.requests)],
        ["replayed cost (window)", formatUsd(t.replayed_cost_usd)],
        ["replayed cost (monthly)", usdOrUnknown(t.replayed_monthly_cost_usd)],
        ["as logged (window)", formatUsd(t.logged_cost_usd)],
        ["as logged (monthly)", usdOrUnknown(t.logged_monthly_cost_usd)],
        ["cost impact, priced requests (window)", formatUsd(t.cost_impact_usd)],
        ["cost impact, priced requests (monthly)", usdOrUnknown(t.cost_impact_monthly_usd)],
        ["unroutable requests", formatCount(t.unroutable_requests)],
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
        formatCount(row.requests),
        formatPercent(row.share),
        formatCount(row.input_tokens + row.output_tokens),
        formatUsd(row.cost_usd),
        usdOrUnknown(row.monthly_cost_usd),
      ]),
    },
    {
      title: `Hits per rule${report.rules_never_hit.length > 0 ? ` (never hit: ${report.rules_never_hit.join(", ")})` : ""}`,
      columns: [{ header: "rule" }, { header: "reason" }, right("requests"), right("share")],
      rows: report.rules.map((r) => [r.rule, r.reason_code, formatCount(r.requests), formatPercent(r.share)]),
    },
    {
      title: "Reasons",
      columns: [{ header: "reason" }, right("requests")],
      rows: report.reasons.map((r) => [r.reason_code, formatCount(r.requests)]),
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
        formatUsd(b.cost_usd),
        usdOrUnknown(b.monthly_cost_usd),
        formatUsd(t.replayed_cost_usd - b.cost_usd),
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
        formatCount(f.requests),
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

function usdOrUnknown(usd: number | null): string {
  return usd === null ? "unknown" : formatUsd(usd);
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
      ["requests requiring compliance", formatCount(c.required_requests)],
      ["violations", formatCount(c.violations)],
      ["rerouted by enforcement", formatCount(c.rerouted_requests)],
      ...(c.violation_request_ids.length > 0
        ? [["example violations", c.violation_request_ids.join(", ")]]
        : []),
    ],
  };
}
