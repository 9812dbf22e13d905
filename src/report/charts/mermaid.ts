// Mermaid charts for the markdown report, which GitHub renders in pull requests: `xychart-beta` line charts of
// cost against monthly requests and of growth. xychart-beta has no log axis, no legend and no markers, so the
// volume axis is categorical and log-spaced, and a line under each chart names the lines and the crossings.
import { formatCount } from "../numbers.js";
import type { ProjectionReport } from "../projection-data.js";
import { escapeMarkdown } from "../table.js";
import { costPoints, crossingsOf, logSpacedVolumes, shortCount, volumeDomain } from "./cost-curve-points.js";

/** Mermaid quoted text: no quotes, brackets or line breaks, which would end the string or the statement. */
function mermaidText(text: string): string {
  return text.replace(/["[\]\r\n]/g, " ");
}

/** Cents, without grouping: what xychart-beta reads as a number. */
function dollars(usd: number): string {
  return (Math.round(usd * 100) / 100).toString();
}

function xychart(
  title: string,
  xTitle: string,
  xLabels: string[],
  yTitle: string,
  lines: number[][],
): string {
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${mermaidText(title)}"`,
    `    x-axis "${mermaidText(xTitle)}" [${xLabels.map((l) => `"${mermaidText(l)}"`).join(", ")}]`,
    `    y-axis "${mermaidText(yTitle)}"`,
    ...lines.map((line) => `    line [${line.map(dollars).join(", ")}]`),
    "```",
  ].join("\n");
}

function lineOrder(report: ProjectionReport): string {
  return `Lines in the order drawn (xychart-beta has no legend): ${report.options.map((o, i) => `${i + 1}. ${o.id}`).join(", ")}.`;
}

export function breakevenMermaid(report: ProjectionReport): string[] {
  if (report.options.length === 0) return [];
  // Three steps a decade (1, 2.2, 4.6): a readable number of categories.
  const volumes = logSpacedVolumes(volumeDomain(report), 3);
  const points = costPoints(report, volumes).filter((p) => volumes.includes(p.requests));
  const lines = report.options.map((o) => points.filter((p) => p.option === o.id).map((p) => p.costUsd));
  const crossings = crossingsOf(report);
  const named = crossings.map((c) => `${c.a} = ${c.b} at ${formatCount(c.requests)}`);
  const title = `Monthly cost by monthly requests (log-spaced)${named.length ? `; ${named.join("; ")}` : "; no crossing"}`;
  const note = [
    lineOrder(report),
    `Today: ${formatCount(report.traffic.requests)} requests a month.`,
    crossings.length
      ? `Breakeven: ${named.join("; ")} requests a month.`
      : "No two options cost the same at any volume.",
  ].join(" ");
  return [
    xychart(title, "requests a month", volumes.map(shortCount), "USD a month", lines),
    escapeMarkdown(note),
  ];
}

export function growthMermaid(report: ProjectionReport): string[] {
  if (report.growth.length === 0 || report.options.length === 0) return [];
  const flip =
    report.growth_flip_month === null
      ? "the cheapest option does not change"
      : `the cheapest option changes in month ${report.growth_flip_month}`;
  const lines = report.options.map((o) => report.growth.map((m) => m.costs_usd[o.id] ?? 0));
  return [
    xychart(
      `Growth: monthly cost by month; ${flip}`,
      "month",
      report.growth.map((m) => String(m.month)),
      "USD a month",
      lines,
    ),
    escapeMarkdown(`${lineOrder(report)} ${flip.charAt(0).toUpperCase()}${flip.slice(1)}.`),
  ];
}
