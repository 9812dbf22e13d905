// `route --dry-run --format html`: the verdict, the charts, every table of the text report, then the assumptions.
import { chartFigure } from "../charts/chart.js";
import { loadPlotKit } from "../charts/plot-kit.js";
import { ROUTE_CHARTS } from "../charts/route-charts.js";
import { formatCount, formatUsd } from "../numbers.js";
import { routeReportSections, textRows } from "../route-render.js";
import type { RouteReport } from "../route-report.js";
import { renderHtmlPage } from "./page.js";

export async function renderRouteHtml(report: RouteReport): Promise<string> {
  const kit = await loadPlotKit();
  return renderHtmlPage({
    title: `llmcost route dry run: ${report.inputs.policy}`,
    verdict: routeVerdict(report),
    figures: ROUTE_CHARTS.map((spec) => chartFigure(spec, report, kit)),
    tables: routeReportSections(report).map((section) => ({ ...section, rows: textRows(section.rows) })),
    assumptions: report.assumptions,
    warnings: [],
  });
}

/** The answer in a few sentences: what the policy costs against the log, and what went wrong on the way. */
export function routeVerdict(report: RouteReport): string[] {
  const t = report.totals;
  const impact = t.cost_impact_usd;
  const lines = [
    `Replaying ${formatCount(t.requests)} requests of ${report.inputs.traffic} through ${report.inputs.policy} costs ${formatUsd(t.replayed_cost_usd)} over the replayed window, against ${formatUsd(t.logged_cost_usd)} as logged: ${impact <= 0 ? `${formatUsd(-impact)} less` : `${formatUsd(impact)} more`} on the priced requests.`,
  ];
  if (t.replayed_monthly_cost_usd !== null && t.logged_monthly_cost_usd !== null)
    lines.push(
      `A month at this rate: ${formatUsd(t.replayed_monthly_cost_usd)} replayed, ${formatUsd(t.logged_monthly_cost_usd)} as logged.`,
    );
  const cheapest = [...report.baselines]
    .filter((b) => b.baseline === "single_target")
    .sort((a, b) => a.cost_usd - b.cost_usd)[0];
  if (cheapest)
    lines.push(
      `The cheapest single target would be ${cheapest.target ?? "?"} at ${formatUsd(cheapest.cost_usd)} over the window.`,
    );
  const c = report.compliance;
  lines.push(
    c.violations > 0
      ? `${formatCount(c.violations)} compliance-required requests land on targets without the label.`
      : `No compliance violation (${formatCount(c.required_requests)} requests require compliance).`,
  );
  const fallbacks = report.fallbacks.reduce((n, f) => n + f.requests, 0);
  lines.push(
    `${report.breaker.openings} circuit-breaker openings; ${formatCount(fallbacks)} requests served by a fallback; ${formatCount(t.unroutable_requests)} unroutable.`,
  );
  return lines;
}
