// What the cost-against-volume charts plot, computed from the projection report alone: the volume range (whole
// decades around today's volume and every breakeven crossing), each option's cost at log-spaced volumes, and
// the crossings. Shared by the HTML chart and the Mermaid chart so both show the same numbers.
import { costAt } from "../cost-curve-data.js";
import type { ProjectionReport } from "../projection-data.js";

export interface Crossing {
  a: string;
  b: string;
  requests: number;
  /** Both options cost this much there. */
  costUsd: number;
}

export function crossingsOf(report: ProjectionReport): Crossing[] {
  const curves = new Map(report.options.map((o) => [o.id, o.cost_curve]));
  return report.breakeven.flatMap((pair) => {
    const curve = curves.get(pair.a);
    if (!curve) return [];
    return pair.crossings
      .filter((requests) => requests > 0)
      .map((requests) => ({ a: pair.a, b: pair.b, requests, costUsd: costAt(curve, requests) }));
  });
}

/** Powers of ten around today's volume (two decades each side) and every crossing (one decade beyond). */
export function volumeDomain(report: ProjectionReport): [number, number] {
  // Unknown request count (null): the axis still needs a centre. TODO: say so on the chart.
  const today = Math.max(1, report.traffic.requests ?? 1);
  const crossings = crossingsOf(report).map((c) => c.requests);
  const low = Math.min(today / 100, ...crossings.map((n) => n / 10));
  const high = Math.max(today * 100, ...crossings.map((n) => n * 10));
  return [10 ** Math.max(0, Math.floor(Math.log10(low))), 10 ** Math.ceil(Math.log10(high))];
}

/** `steps` volumes per decade, evenly spaced on a log axis, from `low` to `high` inclusive. */
export function logSpacedVolumes([low, high]: [number, number], steps: number): number[] {
  const decades = Math.round(Math.log10(high / low));
  return Array.from({ length: decades * steps + 1 }, (_, i) => low * 10 ** (i / steps));
}

export interface CostPoint {
  option: string;
  requests: number;
  costUsd: number;
}

/** Each option's monthly cost at the given volumes and at its hinges and crossings, so lines bend where the cost does. */
export function costPoints(report: ProjectionReport, volumes: number[]): CostPoint[] {
  const [low, high] = [volumes[0] ?? 1, volumes.at(-1) ?? 1];
  const crossings = crossingsOf(report).map((c) => c.requests);
  return report.options.flatMap((option) => {
    const hinges = option.cost_curve.hinges.map((h) => h.above_requests);
    const at = [...new Set([...volumes, ...hinges, ...crossings])]
      .filter((n) => n >= low && n <= high)
      .sort((x, y) => x - y);
    return at.map((requests) => ({
      option: option.id,
      requests,
      costUsd: costAt(option.cost_curve, requests),
    }));
  });
}

/** `1k`, `20k`, `1.5M`: a volume as a short label. */
export function shortCount(value: number): string {
  for (const [size, suffix] of [
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "k"],
  ] as const) {
    if (value >= size) return `${Number((value / size).toPrecision(3))}${suffix}`;
  }
  return `${Number(value.toPrecision(3))}`;
}
