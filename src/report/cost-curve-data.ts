// An option's cost curve in the projection report (schema 2): monthly cost as a function of monthly requests
// N, exactly as the analyzer computes breakeven, so a reader (the HTML charts, a notebook) can evaluate it at
// any volume:  cost(N) = fixed_usd + usd_per_request x N + sum of hinge.usd_per_request x max(0, N - hinge.above_requests).
// Slopes are fractions of a cent per request: not rounded.
import type { CostCurve } from "../cost/cost-curve.js";

export function costCurveData(curve: CostCurve) {
  return {
    fixed_usd: curve.fixed,
    usd_per_request: curve.perRequest,
    hinges: curve.hinges.map((h) => ({ above_requests: h.at, usd_per_request: h.slope })),
  };
}

export type CostCurveData = ReturnType<typeof costCurveData>;

/** The monthly cost at `requests` a month. */
export function costAt(curve: CostCurveData, requests: number): number {
  let cost = curve.fixed_usd + curve.usd_per_request * requests;
  for (const hinge of curve.hinges) {
    if (requests > hinge.above_requests) cost += hinge.usd_per_request * (requests - hinge.above_requests);
  }
  return cost;
}
