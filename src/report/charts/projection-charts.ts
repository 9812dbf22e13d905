// The charts of the projection report (`project --format html`), in the order the page shows them. More
// charts (sensitivity tornado, showback, capacity) join PROJECTION_CHARTS as their issues add the data.
import { formatCount, formatUsd } from "../numbers.js";
import { NO_COMPLIANT_CELL, type ProjectionReport } from "../projection-data.js";
import { CHART_SIZE, type ChartSpec } from "./chart.js";
import { costPoints, crossingsOf, logSpacedVolumes, shortCount, volumeDomain } from "./cost-curve-points.js";

const money = { align: "right" } as const;

/** The parts of an option's monthly cost, as the report splits it. */
const COMPONENTS = ["tokens", "provisioned", "infrastructure", "hidden"] as const;

function componentsOf(
  option: ProjectionReport["options"][number],
): Record<(typeof COMPONENTS)[number], number> {
  return {
    tokens: option.token_cost_usd,
    provisioned: option.provisioned_cost_usd,
    infrastructure: option.infra_cost_usd,
    hidden: option.hidden_cost_usd,
  };
}

const costBreakdown: ChartSpec<ProjectionReport> = {
  id: "cost-breakdown",
  title: "Monthly cost by option",
  caption(report) {
    const parts = report.options.map((o) => `${o.id} ${formatUsd(o.monthly_cost_usd)}`);
    return `Each option's monthly cost at today's volume (${formatCount(report.traffic.requests)} requests), stacked by tokens, provisioned units, infrastructure and the hidden cost of running it: ${parts.join(", ")}.`;
  },
  alternative(report) {
    return {
      title: "Monthly cost by option (data)",
      columns: [
        { header: "Option" },
        ...COMPONENTS.map((c) => ({ header: c, ...money })),
        { header: "Total", ...money },
      ],
      rows: report.options.map((o) => [
        o.id,
        ...Object.values(componentsOf(o)).map(formatUsd),
        formatUsd(o.monthly_cost_usd),
      ]),
    };
  },
  plot(report, Plot) {
    if (report.options.length === 0) return undefined;
    const bars = report.options.flatMap((o) =>
      Object.entries(componentsOf(o))
        .filter(([, usd]) => usd > 0)
        .map(([component, usd]) => ({ option: o.id, component, usd })),
    );
    return {
      ...CHART_SIZE,
      height: 70 + 44 * report.options.length,
      marginLeft: 150,
      x: { label: "USD a month", grid: true },
      y: { label: null, domain: report.options.map((o) => o.id) },
      color: { legend: true, domain: [...COMPONENTS] },
      marks: [
        Plot.barX(bars, {
          x: "usd",
          y: "option",
          fill: "component",
          title: (d: (typeof bars)[number]) => `${d.option}, ${d.component}: ${formatUsd(d.usd)}`,
          ariaDescription: "cost part",
        }),
        Plot.ruleX([0]),
      ],
    };
  },
};

const costCurves: ChartSpec<ProjectionReport> = {
  id: "cost-curves",
  title: "Monthly cost against monthly requests",
  caption(report) {
    const crossings = crossingsOf(report);
    const named = crossings.map((c) => `${c.a} = ${c.b} at ${formatCount(c.requests)} requests a month`);
    return `One line per option, both axes logarithmic; circles mark where two options cost the same (${named.length ? named.join("; ") : "no two options cross at any volume"}); the dashed rule is today's ${formatCount(report.traffic.requests)} requests a month.`;
  },
  alternative(report) {
    const today = report.traffic.requests;
    const volumes = [...logSpacedVolumes(volumeDomain(report), 1), ...(today === null ? [] : [today])].sort(
      (a, b) => a - b,
    );
    const points = costPoints(report, volumes);
    const costAt = (option: string, requests: number) =>
      points.find((p) => p.option === option && p.requests === requests)?.costUsd;
    return {
      title: "Monthly cost at each decade of volume (data)",
      columns: [
        { header: "Requests a month", ...money },
        ...report.options.map((o) => ({ header: o.id, ...money })),
      ],
      rows: volumes.map((requests) => [
        `${formatCount(requests)}${requests === report.traffic.requests ? " (today)" : ""}`,
        ...report.options.map((o) => {
          const usd = costAt(o.id, requests);
          return usd === undefined ? "" : formatUsd(usd);
        }),
      ]),
    };
  },
  plot(report, Plot) {
    if (report.options.length === 0) return undefined;
    const domain = volumeDomain(report);
    const points = costPoints(report, logSpacedVolumes(domain, 24)).filter((p) => p.costUsd > 0);
    const crossings = crossingsOf(report).filter((c) => c.costUsd > 0);
    const today = report.traffic.requests;
    return {
      ...CHART_SIZE,
      height: 420,
      marginLeft: 70,
      marginRight: 30,
      x: {
        type: "log",
        domain,
        ticks: logSpacedVolumes(domain, 1),
        tickFormat: shortCount,
        label: "requests a month (log scale)",
        grid: true,
      },
      y: { type: "log", label: "USD a month (log scale)", grid: true, tickFormat: "$~s" },
      color: { legend: true, domain: report.options.map((o) => o.id) },
      marks: [
        Plot.line(points, {
          x: "requests",
          y: "costUsd",
          stroke: "option",
          strokeWidth: 2,
          title: "option",
          ariaDescription: "cost line",
        }),
        Plot.ruleX([today], { stroke: "#555", strokeDasharray: "5 4", ariaDescription: "today" }),
        Plot.text([today], {
          x: (n: number) => n,
          frameAnchor: "top",
          dy: -4,
          text: (n: number) => `today: ${formatCount(n)}`,
          ariaDescription: "today label",
        }),
        Plot.dot(crossings, {
          x: "requests",
          y: "costUsd",
          r: 5,
          fill: "white",
          stroke: "black",
          strokeWidth: 2,
          title: (c: (typeof crossings)[number]) =>
            `${c.a} = ${c.b} at ${formatCount(c.requests)} requests a month (${formatUsd(c.costUsd)})`,
          ariaDescription: "breakeven",
        }),
        Plot.text(crossings, {
          x: "requests",
          y: "costUsd",
          text: (c: (typeof crossings)[number]) => `${c.a} = ${c.b}`,
          dy: -12,
          ariaDescription: "breakeven label",
        }),
      ],
    };
  },
};

const growth: ChartSpec<ProjectionReport> = {
  id: "growth",
  title: "Growth projection",
  caption(report) {
    const months = report.growth.length - 1;
    const flip =
      report.growth_flip_month === null
        ? `the cheapest option (${report.cheapest ?? "none compliant"}) does not change within ${months} months`
        : `the cheapest option changes in month ${report.growth_flip_month}, to ${report.growth.find((m) => m.month === report.growth_flip_month)?.cheapest ?? "?"}`;
    return `Each option's monthly cost as traffic grows, month by month; ${flip}.`;
  },
  alternative(report) {
    return {
      title: "Growth (data)",
      columns: [
        { header: "Month", ...money },
        { header: "Requests", ...money },
        ...report.options.map((o) => ({ header: o.id, ...money })),
        { header: "Cheapest" },
      ],
      rows: report.growth.map((m) => [
        String(m.month),
        formatCount(m.requests),
        ...report.options.map((o) => formatUsd(m.costs_usd[o.id] ?? 0)),
        m.cheapest ?? NO_COMPLIANT_CELL,
      ]),
    };
  },
  plot(report, Plot) {
    if (report.growth.length === 0) return undefined;
    const points = report.growth.flatMap((m) =>
      report.options.map((o) => ({ month: m.month, option: o.id, usd: m.costs_usd[o.id] ?? 0 })),
    );
    const flip = report.growth_flip_month === null ? [] : [report.growth_flip_month];
    return {
      ...CHART_SIZE,
      marginLeft: 70,
      x: { label: "month", ticks: report.growth.map((m) => m.month), tickFormat: "d" },
      y: { label: "USD a month", grid: true, tickFormat: "$~s" },
      color: { legend: true, domain: report.options.map((o) => o.id) },
      marks: [
        Plot.line(points, {
          x: "month",
          y: "usd",
          stroke: "option",
          strokeWidth: 2,
          title: "option",
          ariaDescription: "growth line",
        }),
        Plot.ruleX(flip, { stroke: "#b33", strokeDasharray: "5 4", ariaDescription: "flip month" }),
        Plot.text(flip, {
          x: (m: number) => m,
          frameAnchor: "top",
          dy: -4,
          text: (m: number) => `cheapest changes: month ${m}`,
          ariaDescription: "flip label",
        }),
      ],
    };
  },
};

export const PROJECTION_CHARTS: readonly ChartSpec<ProjectionReport>[] = [costBreakdown, costCurves, growth];
