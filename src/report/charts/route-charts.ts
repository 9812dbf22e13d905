// The charts of the route dry-run report (`route --dry-run --format html`), in the order the page shows them.
import { formatCount, formatPercent, formatUsd } from "../numbers.js";
import type { RouteReport } from "../route-report.js";
import { CHART_SIZE, type ChartSpec } from "./chart.js";

const right = { align: "right" } as const;
const UNROUTABLE = "(unroutable)";

function baselineName(b: RouteReport["baselines"][number]): string {
  return b.baseline === "as_logged" ? "as logged" : `everything on ${b.target ?? "?"}`;
}

const share: ChartSpec<RouteReport> = {
  id: "target-share",
  title: "Share of requests per target",
  caption(report) {
    const top = [...report.targets].sort((a, b) => b.requests - a.requests)[0];
    return top
      ? `Where the policy sends the ${formatCount(report.totals.requests)} replayed requests; ${top.target} takes the most (${formatPercent(top.share)}).`
      : "The policy has no targets.";
  },
  alternative(report) {
    return {
      title: "Share per target (data)",
      columns: [{ header: "Target" }, { header: "Requests", ...right }, { header: "Share", ...right }],
      rows: report.targets.map((t) => [t.target, formatCount(t.requests), formatPercent(t.share)]),
    };
  },
  plot(report, Plot) {
    if (report.targets.length === 0) return undefined;
    return {
      ...CHART_SIZE,
      height: 60 + 36 * report.targets.length,
      marginLeft: 170,
      x: { label: "share of requests", percent: true, grid: true },
      y: { label: null, domain: report.targets.map((t) => t.target) },
      marks: [
        Plot.barX(report.targets, {
          x: "share",
          y: "target",
          fill: "#2458b3",
          title: (t: RouteReport["targets"][number]) =>
            `${t.target}: ${formatCount(t.requests)} requests (${formatPercent(t.share)})`,
          ariaDescription: "target share",
        }),
        Plot.text(report.targets, {
          x: "share",
          y: "target",
          text: (t: RouteReport["targets"][number]) => formatPercent(t.share),
          dx: 4,
          textAnchor: "start",
        }),
        Plot.ruleX([0]),
      ],
    };
  },
};

const flow: ChartSpec<RouteReport> = {
  id: "model-flow",
  title: "From logged model to routed target",
  caption(report) {
    const models = new Set(report.flows.map((f) => f.logged_model)).size;
    return `Each bar is a model as logged (${models} in all), split by the target the policy routes its requests to.`;
  },
  alternative(report) {
    return {
      title: "Logged model to target (data)",
      columns: [{ header: "Logged model" }, { header: "Target" }, { header: "Requests", ...right }],
      rows: report.flows.map((f) => [f.logged_model, f.target ?? UNROUTABLE, formatCount(f.requests)]),
    };
  },
  plot(report, Plot) {
    if (report.flows.length === 0) return undefined;
    const flows = report.flows.map((f) => ({ ...f, target: f.target ?? UNROUTABLE }));
    const models = [...new Set(flows.map((f) => f.logged_model))];
    const targets = [...new Set([...report.targets.map((t) => t.target), ...flows.map((f) => f.target)])];
    return {
      ...CHART_SIZE,
      height: 80 + 34 * models.length,
      marginLeft: 230,
      x: { label: "requests", grid: true },
      y: { label: "logged model", domain: models },
      color: { legend: true, domain: targets },
      marks: [
        Plot.barX(flows, {
          x: "requests",
          y: "logged_model",
          fill: "target",
          title: (f: (typeof flows)[number]) =>
            `${f.logged_model} → ${f.target}: ${formatCount(f.requests)} requests`,
          ariaDescription: "flow",
        }),
        Plot.ruleX([0]),
      ],
    };
  },
};

interface TimelineSpan {
  row: string;
  kind: string;
  start: Date;
  end: Date;
}

/** Breaker states held between transitions (closed spans left out), and each fallback's first-to-last window. */
function timelineSpans(report: RouteReport): TimelineSpan[] {
  const endMs = Date.parse(report.window.last ?? "") || undefined;
  const spans: TimelineSpan[] = [];
  const events = report.breaker.events;
  events.forEach((event, i) => {
    if (event.state === "closed") return;
    const next = events.slice(i + 1).find((e) => e.target === event.target);
    const start = Date.parse(event.at);
    const end = next ? Date.parse(next.at) : (endMs ?? start);
    spans.push({
      row: `${event.target} breaker`,
      kind: `breaker ${event.state}`,
      start: new Date(start),
      end: new Date(end),
    });
  });
  for (const f of report.fallbacks) {
    if (!f.first_at || !f.last_at) continue;
    spans.push({
      row: `${f.from} → ${f.to}`,
      kind: `fallback (${f.reason_code})`,
      start: new Date(f.first_at),
      end: new Date(f.last_at),
    });
  }
  return spans;
}

const timeline: ChartSpec<RouteReport> = {
  id: "breaker-timeline",
  title: "Circuit breaker and failures over time",
  caption(report) {
    if (timelineSpans(report).length === 0)
      return "No circuit-breaker opening and no fallback in this replay: every request was served by the target its rule chose.";
    const fallbacks = report.fallbacks.reduce((n, f) => n + f.requests, 0);
    return `When each target's circuit breaker was open or half-open, and when requests fell back to another target: ${report.breaker.openings} breaker openings, ${formatCount(fallbacks)} requests served by a fallback.`;
  },
  alternative(report) {
    return {
      title: "Breaker states and fallback windows (data)",
      columns: [{ header: "Row" }, { header: "What" }, { header: "From" }, { header: "To" }],
      rows: timelineSpans(report).map((s) => [s.row, s.kind, s.start.toISOString(), s.end.toISOString()]),
    };
  },
  plot(report, Plot) {
    const spans = timelineSpans(report);
    if (spans.length === 0) return undefined;
    const rows = [...new Set(spans.map((s) => s.row))];
    return {
      ...CHART_SIZE,
      height: 90 + 34 * rows.length,
      marginLeft: 260,
      x: { type: "utc", label: "time (UTC)", grid: true },
      y: { label: null, domain: rows },
      color: { legend: true },
      marks: [
        // A span shorter than a pixel still shows: at least 2 px wide.
        Plot.barX(spans, {
          x1: "start",
          x2: "end",
          y: "row",
          fill: "kind",
          insetLeft: -1,
          insetRight: -1,
          title: (s: TimelineSpan) =>
            `${s.row}: ${s.kind} ${s.start.toISOString()} .. ${s.end.toISOString()}`,
          ariaDescription: "timeline span",
        }),
      ],
    };
  },
};

const baselines: ChartSpec<RouteReport> = {
  id: "baselines",
  title: "Replayed cost against the baselines",
  caption(report) {
    const cheapest = [...report.baselines].sort((a, b) => a.cost_usd - b.cost_usd)[0];
    return `What the replayed traffic costs under the policy (${formatUsd(report.totals.replayed_cost_usd)}, the dashed rule) against the same traffic as logged and all on each single target${cheapest ? `; the cheapest baseline is ${baselineName(cheapest)} at ${formatUsd(cheapest.cost_usd)}` : ""}.`;
  },
  alternative(report) {
    return {
      title: "Baselines (data)",
      columns: [
        { header: "Baseline" },
        { header: "Cost", ...right },
        { header: "Replayed - baseline", ...right },
      ],
      rows: [
        ["replayed (this policy)", formatUsd(report.totals.replayed_cost_usd), formatUsd(0)],
        ...report.baselines.map((b) => [
          baselineName(b),
          formatUsd(b.cost_usd),
          formatUsd(report.totals.replayed_cost_usd - b.cost_usd),
        ]),
      ],
    };
  },
  plot(report, Plot) {
    const bars = report.baselines.map((b) => ({ name: baselineName(b), usd: b.cost_usd }));
    if (bars.length === 0) return undefined;
    const replayed = report.totals.replayed_cost_usd;
    return {
      ...CHART_SIZE,
      height: 70 + 34 * bars.length,
      marginLeft: 260,
      x: { label: "USD (replayed window)", grid: true },
      y: { label: null, domain: bars.map((b) => b.name) },
      marks: [
        Plot.barX(bars, {
          x: "usd",
          y: "name",
          fill: "#8a94a6",
          title: (b: (typeof bars)[number]) => `${b.name}: ${formatUsd(b.usd)}`,
          ariaDescription: "baseline",
        }),
        Plot.ruleX([replayed], {
          stroke: "#b33",
          strokeWidth: 2,
          strokeDasharray: "5 4",
          ariaDescription: "replayed",
        }),
        Plot.text([replayed], {
          x: (usd: number) => usd,
          frameAnchor: "top",
          dy: -4,
          text: (usd: number) => `replayed: ${formatUsd(usd)}`,
        }),
        Plot.ruleX([0]),
      ],
    };
  },
};

export const ROUTE_CHARTS: readonly ChartSpec<RouteReport>[] = [share, flow, timeline, baselines];
