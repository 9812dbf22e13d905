// Bedrock provisioned throughput: model units billed by the hour whatever the traffic, with traffic above
// their capacity overflowing to on-demand prices.
import { type CostCurve, meteredCurve } from "./cost-curve.js";
import type { ModelPrice, ProvisionedCommitment } from "./price.js";
import { ScenarioProblem } from "./scenario-problem.js";

/** Hours in the average month: 30.4375 days x 24. */
export const HOURS_PER_MONTH = 730.5;
export const MINUTES_PER_MONTH = HOURS_PER_MONTH * 60;

/** Units x hourly rate x hours. AWS's example: 2 units x $18.40 x 744 h = $27,379.20. */
export function provisionedMonthlyUsd(units: number, hourlyUsd: number, hours = HOURS_PER_MONTH): number {
  return units * hourlyUsd * hours;
}

export function provisionedHourlyRate(
  price: ModelPrice,
  commitment: ProvisionedCommitment,
  path: (string | number)[],
): number {
  const rate = price.provisioned?.perUnitHour[commitment];
  if (rate === undefined) {
    const offered = Object.keys(price.provisioned?.perUnitHour ?? {});
    throw new ScenarioProblem(
      path,
      `${price.key} has no provisioned-throughput price for commitment "${commitment}"` +
        (offered.length
          ? ` (the catalog has: ${offered.join(", ")})`
          : " (the catalog has none for this model)"),
    );
  }
  return rate;
}

export interface ProvisionedPlan {
  units: number;
  hourlyUsd: number;
  /** Input + output tokens a month the units can serve. */
  capacityTokens: number;
  /** Requests a month at which the provisioned model's traffic starts to overflow to on-demand. */
  overflowAtRequests: number;
}

/**
 * Curve of the provisioned units plus on-demand overflow. `tokensPerRequest` is the provisioned model's
 * input + output tokens per request of the whole mix; `onDemandPerRequest` its on-demand cost per request.
 */
export function provisionedCurve(
  plan: Omit<ProvisionedPlan, "overflowAtRequests">,
  tokensPerRequest: number,
  onDemandPerRequest: number,
): { curve: CostCurve; overflowAtRequests: number } {
  const fixed = provisionedMonthlyUsd(plan.units, plan.hourlyUsd);
  if (tokensPerRequest === 0)
    return { curve: { fixed, perRequest: 0, hinges: [] }, overflowAtRequests: Number.POSITIVE_INFINITY };
  // Overflow tokens = max(0, tokensPerRequest x N - capacity), priced at the on-demand cost per token.
  const overflow = meteredCurve(
    onDemandPerRequest / tokensPerRequest,
    0,
    tokensPerRequest,
    plan.capacityTokens,
  );
  return {
    curve: { fixed: fixed + overflow.fixed, perRequest: overflow.perRequest, hinges: overflow.hinges },
    overflowAtRequests: plan.capacityTokens / tokensPerRequest,
  };
}
