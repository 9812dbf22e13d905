// The route dry-run report: plain data (stable JSON, `schema_version`) built from a run's results, and
// the tabular sections the table, markdown and CSV renderers share.
import type { RouteDiff } from "../routing/diff.js";
import type { RouteSummary } from "../routing/summary.js";
import { ROUTE_SCHEMA_VERSION } from "../routing/summary.js";
import { formatCount, formatPercent, formatUsd, roundUsd } from "./numbers.js";
import type { Column } from "./table.js";

export interface RouteReport extends RouteSummary {
  schema_version: number;
  command: "route";
  dry_run: true;
  inputs: {
    traffic: string;
    policy: string;
    pricing: string[];
    seed: number;
    diff_policy: string | null;
    /** Schema 2: the date replayed costs are priced at (--as-of). */
    as_of: string;
  };
  diff: RouteDiff | null;
  assumptions: string[];
}

export function buildRouteReport(
  summary: RouteSummary,
  inputs: RouteReport["inputs"],
  diff: RouteDiff | undefined,
): RouteReport {
  const assumptions = [
    "Requests are replayed in timestamp order; the cost of each is its logged tokens priced at the chosen target (cache and long-context tiers included).",
    "The as-logged baseline and cost impact cover only requests whose logged model has a price.",
    `Simulated error rates below 1 are drawn from seed ${inputs.seed}.`,
    `Replayed and as-logged costs use the prices in effect on ${inputs.as_of} (--as-of); price changes between the logged timestamps and that date are not modelled per request.`,
  ];
  if (summary.totals.logged_unpriced_requests > 0) {
    assumptions.push(
      `${formatCount(summary.totals.logged_unpriced_requests)} requests were logged against models with no price: ${summary.unpriced_logged_models.map((m) => m.model).join(", ")}.`,
    );
  }
  return {
    schema_version: ROUTE_SCHEMA_VERSION,
    command: "route",
    dry_run: true,
    inputs,
    ...summary,
    diff: diff ?? null,
    assumptions,
  };
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
        ["window", `${report.window.first ?? "?"} .. ${report.window.last ?? "?"}`],
        ["requests", formatCount(t.requests)],
        ["replayed cost", formatUsd(t.replayed_cost_usd)],
        ["as logged", formatUsd(t.logged_cost_usd)],
        ["cost impact (priced requests)", formatUsd(t.cost_impact_usd)],
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
        right("cost"),
      ],
      rows: report.targets.map((row) => [
        row.target,
        `${row.provider}/${row.model}`,
        formatCount(row.requests),
        formatPercent(row.share),
        formatCount(row.input_tokens + row.output_tokens),
        formatUsd(row.cost_usd),
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
      columns: [{ header: "baseline" }, right("cost"), right("replayed - baseline")],
      rows: report.baselines.map((b) => [
        b.baseline === "as_logged" ? "as logged" : `everything on ${b.target ?? "?"}`,
        formatUsd(b.cost_usd),
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
