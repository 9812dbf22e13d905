// A chart of a report: the extension point for every chart llmcost draws. A new chart (a sensitivity tornado,
// showback, capacity) is one more ChartSpec in its report's list (projection-charts.ts, route-charts.ts):
// words and a table for every reader, and Plot options for the drawing. No I/O: report data in, markup out.
import type { HtmlFigure, HtmlTable } from "../html/page.js";
import type { PlotApi, PlotKit, PlotOptions } from "./plot-kit.js";

export interface ChartSpec<Report> {
  /** The figure's id in the page (`chart-<id>`), stable: tests and links use it. */
  id: string;
  title: string;
  /** What the chart shows and finds, in a sentence or two. */
  caption(report: Report): string;
  /** The chart's data as a table: its text alternative, always present. */
  alternative(report: Report): HtmlTable;
  /** Plot options, or undefined when there is nothing to draw (the caption says so). */
  plot(report: Report, Plot: PlotApi): PlotOptions | undefined;
}

/** Draws one chart: its markup (`<svg>`, or a `<figure>` with a legend), or undefined when there is nothing to draw. */
function drawChart<Report>(spec: ChartSpec<Report>, report: Report, kit: PlotKit): string | undefined {
  const options = spec.plot(report, kit.Plot);
  return options ? kit.render(options) : undefined;
}

export function chartFigure<Report>(spec: ChartSpec<Report>, report: Report, kit: PlotKit): HtmlFigure {
  const markup = drawChart(spec, report, kit);
  return {
    id: `chart-${spec.id}`,
    title: spec.title,
    caption: spec.caption(report),
    alternative: spec.alternative(report),
    ...(markup === undefined ? {} : { markup }),
  };
}

/** Width and height every chart is drawn at (the SVG scales down with the page). */
export const CHART_SIZE = { width: 900, height: 360 } as const;
