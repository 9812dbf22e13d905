// Quota sections of the route report: the pools with their throttles (summary) and the pool's minute when
// a request was throttled (--explain). Only rendered when quotas were enforced.
import { formatCount, formatUsd } from "./numbers.js";
import type { ReportSection, RouteReport } from "./route-report.js";

interface Use {
  rpm: number;
  tpm: number;
  itpm: number;
  otpm: number;
}

interface TraceQuota {
  pool: string;
  target: string;
  minute: string;
  limit: string;
  used: Use;
  request: Use;
  limits: Partial<Record<keyof Use, number>>;
}

const LIMITS = ["rpm", "tpm", "itpm", "otpm"] as const;

/** --explain: the limits of the pool's minute when the request was throttled. */
export function throttleSection(quota: TraceQuota): ReportSection {
  return {
    title: `Throttled on ${quota.target}: ${quota.pool}, minute ${quota.minute} (over ${quota.limit})`,
    columns: [
      { header: "limit" },
      { header: "used before", align: "right" },
      { header: "this request", align: "right" },
      { header: "quota", align: "right" },
    ],
    rows: LIMITS.map((key) => [
      key,
      formatCount(quota.used[key]),
      formatCount(quota.request[key]),
      quota.limits[key] === undefined ? "not checked" : formatCount(quota.limits[key] ?? 0),
    ]),
  };
}

/** The summary's quota section: each pool, its limits, throttles and the overflow's cost. */
export function quotaSections(report: RouteReport): ReportSection[] {
  const pools = report.quota_pools;
  if (!pools) return [];
  const limits = (p: (typeof pools)[number]): string => {
    if (p.status !== "enforced") return "not checked";
    const stated = LIMITS.flatMap((key) => (p[key] === null ? [] : [`${key} ${formatCount(p[key] ?? 0)}`]));
    return [...stated, ...(p.output_burndown !== null ? [`burndown ${p.output_burndown}`] : [])].join(", ");
  };
  return [
    {
      title: "Quotas per UTC minute",
      columns: [
        { header: "pool" },
        { header: "targets" },
        { header: "limits per minute" },
        { header: "throttled", align: "right" },
        { header: "minutes over", align: "right" },
      ],
      rows: [
        ...pools.map((p) => [
          p.pool,
          p.targets.join(", "),
          limits(p),
          formatCount(p.throttled_requests),
          formatCount(p.minutes_over_quota),
        ]),
        // The total row: throttled requests, and what serving them elsewhere cost more in the window.
        [
          "total",
          "",
          `overflow cost ${formatUsd(report.totals.overflow_cost_impact_usd ?? 0)} (window)`,
          formatCount(report.totals.throttled_requests ?? 0),
          "",
        ],
      ],
    },
  ];
}
