// `project --format html` with a scenario `retrieval:` block: each retrieval strategy's monthly cost against
// the retrieval use cases' monthly requests, per option. The OCU floor makes vector RAG start high and flatten.
import { costAt } from "../cost-curve-data.js";
import { formatCount, formatUsd } from "../numbers.js";
import type { ProjectionReport } from "../projection-data.js";
import type { RagData } from "../rag-data.js";
import { CHART_SIZE, type ChartSpec } from "./chart.js";
import { logSpacedVolumes, shortCount } from "./cost-curve-points.js";

const money = { align: "right" } as const;

interface Series {
  name: string;
  curve: NonNullable<RagData["strategies"][number]["options"][number]["cost_curve"]>;
}

function seriesOf(rag: RagData): Series[] {
  return rag.strategies.flatMap((s) =>
    s.options.flatMap((o) => (o.cost_curve ? [{ name: `${s.id} on ${o.id}`, curve: o.cost_curve }] : [])),
  );
}

/** Whole decades from two below today's volume to two above it, and one beyond every breakeven. */
function domainOf(rag: RagData): [number, number] {
  const today = Math.max(1, rag.monthly_requests);
  const crossings = rag.breakeven.flatMap((b) => b.crossings);
  const low = Math.min(today / 100, ...crossings.map((n) => n / 10));
  const high = Math.max(today * 100, ...crossings.map((n) => n * 10));
  return [10 ** Math.max(0, Math.floor(Math.log10(low))), 10 ** Math.ceil(Math.log10(high))];
}

export const RAG_COST_CHART: ChartSpec<ProjectionReport> = {
  id: "rag-curves",
  title: "RAG strategies: monthly cost against monthly requests",
  caption(report) {
    const rag = report.rag;
    if (!rag) return "The scenario has no retrieval block.";
    const pairs = rag.breakeven
      .filter((b) => b.requests_per_month !== null)
      .map((b) => `${b.a} = ${b.b} on ${b.option} at ${formatCount(b.requests_per_month ?? 0)}`);
    return `One line per strategy and option, for ${rag.use_cases.join(", ")} (${formatCount(rag.monthly_requests)} requests a month today), both axes logarithmic; ${pairs.length ? pairs.join("; ") : "no two retrieval strategies cross"}.`;
  },
  alternative(report) {
    const rag = report.rag;
    const series = rag ? seriesOf(rag) : [];
    const volumes = rag ? logSpacedVolumes(domainOf(rag), 1) : [];
    return {
      title: "RAG strategies at each decade of volume (data)",
      columns: [
        { header: "Requests a month", ...money },
        ...series.map((s) => ({ header: s.name, ...money })),
      ],
      rows: volumes.map((n) => [formatCount(n), ...series.map((s) => formatUsd(costAt(s.curve, n)))]),
    };
  },
  plot(report, Plot) {
    const rag = report.rag;
    const series = rag ? seriesOf(rag) : [];
    if (!rag || series.length === 0) return undefined;
    const domain = domainOf(rag);
    const points = series.flatMap((s) =>
      logSpacedVolumes(domain, 24)
        .map((requests) => ({ series: s.name, requests, usd: costAt(s.curve, requests) }))
        .filter((p) => p.usd > 0),
    );
    return {
      ...CHART_SIZE,
      height: 420,
      marginLeft: 70,
      x: { type: "log", domain, tickFormat: shortCount, label: "requests a month (log scale)", grid: true },
      y: { type: "log", label: "USD a month (log scale)", grid: true, tickFormat: "$~s" },
      color: { legend: true, domain: series.map((s) => s.name) },
      marks: [
        Plot.line(points, { x: "requests", y: "usd", stroke: "series", strokeWidth: 2, title: "series" }),
        Plot.ruleX([rag.monthly_requests], { stroke: "#555", strokeDasharray: "5 4" }),
      ],
    };
  },
};
