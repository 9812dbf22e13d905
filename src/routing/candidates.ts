// Ranking a route's candidates for one request.
//
// cheapest: ascending replayed cost of this request on each candidate (cache and long-context tiers
//   included); ties keep the order the policy lists them in.
// best_scored: score = (w_cost x cost_min/cost + w_perf x performance + w_latency x latency_min/latency)
//   / (w_cost + w_perf + w_latency), where cost_min and latency_min are the lowest among the eligible
//   candidates of this route. Ratios to the best (rather than min-max) keep a two-candidate route from
//   collapsing to 0 and 1, and give 1 to the best on each axis; performance is the target's own 0..1
//   score. Ties: higher score, then lower cost, then listed order.
import type { CompiledRoute, RouteTarget } from "./policy.js";

export interface CandidateScore {
  costScore: number;
  latencyScore: number;
  performance: number;
  score: number;
}

/** Per target, the score a ranking computed for it: filled for the one request --explain traces. */
export type ScoreRecord = (CandidateScore | undefined)[];

/**
 * Writes the eligible candidates of `route`, best first, into `out` and returns how many there are.
 * `eligible(t)` filters (compliance); `costs[t]` is this request's cost on target t; `scores[t]` is
 * filled for best_scored routes with more than one eligible candidate, and so is `record[t]` when given.
 */
export function rankCandidates(
  route: CompiledRoute,
  targets: readonly RouteTarget[],
  costs: Float64Array,
  eligible: (target: number) => boolean,
  scores: Float64Array,
  out: Int32Array,
  record?: ScoreRecord,
): number {
  let count = 0;
  for (const candidate of route.candidates) if (eligible(candidate)) out[count++] = candidate;
  if (count <= 1 || route.kind === "target") return count;
  if (route.kind === "best_scored") scoreCandidates(route, targets, costs, out, count, scores, record);
  // Insertion sort: stable (listed order breaks ties) and allocation-free for a handful of candidates.
  const better =
    route.kind === "cheapest"
      ? (a: number, b: number) => (costs[a] ?? 0) < (costs[b] ?? 0)
      : (a: number, b: number) => {
          const sa = scores[a] ?? 0;
          const sb = scores[b] ?? 0;
          return sa > sb || (sa === sb && (costs[a] ?? 0) < (costs[b] ?? 0));
        };
  for (let i = 1; i < count; i++) {
    const current = out[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && better(current, out[j] ?? 0)) {
      out[j + 1] = out[j] ?? 0;
      j--;
    }
    out[j + 1] = current;
  }
  return count;
}

function scoreCandidates(
  route: CompiledRoute,
  targets: readonly RouteTarget[],
  costs: Float64Array,
  ranked: Int32Array,
  count: number,
  scores: Float64Array,
  record: ScoreRecord | undefined,
): void {
  let minCost = Number.POSITIVE_INFINITY;
  let minLatency = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const t = ranked[i] ?? 0;
    minCost = Math.min(minCost, costs[t] ?? 0);
    minLatency = Math.min(minLatency, targets[t]?.latencyMs ?? 1);
  }
  for (let i = 0; i < count; i++) {
    const t = ranked[i] ?? 0;
    const target = targets[t];
    if (!target) continue;
    const score = scoreOf(route, target, costs[t] ?? 0, minCost, minLatency);
    scores[t] = score.score;
    if (record) record[t] = score;
  }
}

function scoreOf(
  route: CompiledRoute,
  target: RouteTarget,
  cost: number,
  minCost: number,
  minLatency: number,
): CandidateScore {
  const { weights } = route;
  const costScore = cost > 0 ? minCost / cost : 1;
  const latencyScore = minLatency / target.latencyMs;
  const total = weights.cost + weights.performance + weights.latency;
  const score =
    (weights.cost * costScore + weights.performance * target.performance + weights.latency * latencyScore) /
    total;
  return { costScore, latencyScore, performance: target.performance, score };
}
