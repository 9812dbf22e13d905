// `project --format html`: the verdict, the charts, every table of the text report, then the assumptions.
import { chartFigure } from "../charts/chart.js";
import { loadPlotKit } from "../charts/plot-kit.js";
import { PROJECTION_CHARTS } from "../charts/projection-charts.js";
import { RAG_COST_CHART } from "../charts/rag-chart.js";
import type { ProjectionReport } from "../projection-data.js";
import { complianceNotes, projectionSections } from "../projection-render.js";
import { verdictLines } from "../verdict-render.js";
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

/** The answer in a few sentences: the verdict the table and markdown reports open with. */
export function projectionVerdict(report: ProjectionReport): string[] {
  const lines = verdictLines(report.verdict).map((line) => line.trim());
  // With no compliant option, how each option stands is the rest of the answer.
  return report.cheapest === null && report.compliance ? [...lines, ...complianceNotes(report)] : lines;
}
