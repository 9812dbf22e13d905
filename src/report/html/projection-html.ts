// `project --format html`: the verdict, the charts, every table of the text report, then the assumptions.
import { chartFigure } from "../charts/chart.js";
import { loadPlotKit } from "../charts/plot-kit.js";
import { PROJECTION_CHARTS } from "../charts/projection-charts.js";
import { RAG_COST_CHART } from "../charts/rag-chart.js";
import { formatCount, formatUsd, formatUsdPerRequest } from "../numbers.js";
import type { ProjectionReport } from "../projection-data.js";
import { complianceNotes, projectionSections } from "../projection-render.js";
import { renderHtmlPage } from "./page.js";

export async function renderProjectionHtml(report: ProjectionReport): Promise<string> {
  const kit = await loadPlotKit();
  const sections = projectionSections(report);
  return renderHtmlPage({
    title: `llmcost projection: ${report.scenario.name}`,
    verdict: projectionVerdict(report),
    figures: [...PROJECTION_CHARTS, ...(report.rag ? [RAG_COST_CHART] : [])].map((spec) =>
      chartFigure(spec, report, kit),
    ),
    // The Assumptions section closes the page on its own.
    tables: sections.filter((s) => s.title !== "Assumptions"),
    assumptions: report.assumptions,
    warnings: report.warnings,
  });
}

/** The answer in a few sentences: the cheapest option today, by how much, and when that changes. */
export function projectionVerdict(report: ProjectionReport): string[] {
  const cheapest = report.options.find((o) => o.id === report.cheapest);
  if (!cheapest && report.compliance && report.options.length > 0)
    return [
      `No option is compliant with ${report.compliance.label}: every option serves requests that need it without coverage, so there is no cheapest compliant option.`,
      ...complianceNotes(report),
    ];
  if (!cheapest) return ["No option could be costed."];
  // The runner-up is compliant too: a cheaper option that violates the regime is named on its own line.
  const others = report.options.filter((o) => o.id !== cheapest.id && o.compliance.violations === 0);
  const runnerUp = [...others].sort((a, b) => a.monthly_cost_usd - b.monthly_cost_usd)[0];
  const lines = [
    `At ${formatCount(report.traffic.requests)} requests a month, ${cheapest.id} (${cheapest.label}) is the cheapest option: ${formatUsd(cheapest.monthly_cost_usd)} a month, ${cheapest.per_request_usd === null ? "unknown" : formatUsdPerRequest(cheapest.per_request_usd)} per request.`,
  ];
  if (report.cheapest !== report.cheapest_any && report.compliance)
    lines.push(
      `${report.cheapest_any} costs less but serves requests that need ${report.compliance.label} without coverage.`,
    );
  if (report.verdict.incomplete) lines.push(`The verdict is incomplete: ${report.verdict.reasons.join(" ")}`);
  if (runnerUp) {
    lines.push(
      `It saves ${formatUsd(runnerUp.monthly_cost_usd - cheapest.monthly_cost_usd)} a month against the next cheapest, ${runnerUp.id} (${formatUsd(runnerUp.monthly_cost_usd)}).`,
    );
  }
  const flips = report.breakeven
    .filter((b) => b.requests_per_month !== null && (b.a === cheapest.id || b.b === cheapest.id))
    .map((b) => `${b.a === cheapest.id ? b.b : b.a} at ${formatCount(b.requests_per_month ?? 0)}`);
  lines.push(
    flips.length
      ? `Breakeven against ${cheapest.id}: ${flips.join("; ")} requests a month.`
      : `No other option crosses ${cheapest.id} at any volume.`,
  );
  lines.push(
    report.growth_flip_month === null
      ? `With the scenario's growth, ${cheapest.id} stays cheapest for ${report.growth.length - 1} months.`
      : `With the scenario's growth, the cheapest option changes in month ${report.growth_flip_month}.`,
  );
  if (!report.complete)
    lines.push("Totals are incomplete: some traffic has no price (see Unpriced traffic).");
  return lines;
}
