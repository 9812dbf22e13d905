// Infrastructure line items as cost curves over monthly requests: metered quantities with free tiers.
import { type CostCurve, meteredCurve } from "./cost-curve.js";
import type { DeploymentOption, InfraItem } from "./scenario-schema.js";

export interface InfraCost {
  item: InfraItem;
  curve: CostCurve;
  /** Units consumed a month: perMonth + perRequest x monthly requests. */
  quantity: { perMonth: number; perRequest: number };
}

function appliesTo(item: InfraItem, option: DeploymentOption): boolean {
  return item.applies_to.includes(option.id) || item.applies_to.includes(option.kind);
}

export interface TokensPerRequest {
  input: number;
  output: number;
}

function quantityRate(item: InfraItem, perRequest: TokensPerRequest): number {
  const q = item.quantity;
  return (
    q.per_request +
    (q.per_1k_input_tokens * perRequest.input) / 1000 +
    (q.per_1k_output_tokens * perRequest.output) / 1000
  );
}

function infraCurve(item: InfraItem, perRequest: TokensPerRequest, freeTiers: boolean): CostCurve {
  return meteredCurve(
    item.unit_price_usd,
    item.quantity.per_month,
    quantityRate(item, perRequest),
    freeTiers ? item.free_units_per_month : 0,
  );
}

/** The items `option` pays for. Free allowances count only when the scenario says this workload may use the
 * account's free tiers (`free_tiers: account`): they are per account, shared with everything else in it. */
export function infraCostsFor(
  option: DeploymentOption,
  items: readonly InfraItem[],
  perRequest: TokensPerRequest,
  freeTiers: boolean,
): InfraCost[] {
  return items
    .filter((item) => appliesTo(item, option))
    .map((item) => ({
      item,
      curve: infraCurve(item, perRequest, freeTiers),
      quantity: { perMonth: item.quantity.per_month, perRequest: quantityRate(item, perRequest) },
    }));
}
