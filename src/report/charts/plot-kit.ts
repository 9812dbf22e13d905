// Observable Plot with a light DOM (linkedom), loaded on first use only: the chart code needs them, no other
// report does, and start-up must not pay for them. Why Plot: docs/charts.md (measured against Vega-Lite and
// ECharts on Node 20).
import type * as PlotModule from "@observablehq/plot";

export type PlotApi = typeof PlotModule;
export type PlotOptions = PlotModule.PlotOptions;

export interface PlotKit {
  Plot: PlotApi;
  /** Renders Plot options to markup: an `<svg>`, or a `<figure>` holding the legend and the `<svg>`. */
  render(options: PlotOptions): string;
}

export async function loadPlotKit(): Promise<PlotKit> {
  const [Plot, { parseHTML }] = await Promise.all([import("@observablehq/plot"), import("linkedom")]);
  return {
    Plot,
    render(options) {
      // A fresh document per chart: nothing is shared between charts or reports.
      const { document } = parseHTML("<!doctype html><html><body></body></html>");
      return Plot.plot({ ...options, document }).outerHTML;
    },
  };
}
