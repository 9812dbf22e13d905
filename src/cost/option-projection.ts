// One deployment option projected: its monthly cost curve over request volume, and its breakdown at a volume.
import { addCurves, type CostCurve, evaluateCurve, scaleCurve } from "./cost-curve.js";
import { type InfraCost, infraCostsFor, type TokensPerRequest } from "./infra.js";
import type { ModelCatalog, ModelMapper } from "./model-map.js";
import { costOptionTokens, type OptionTokenCost } from "./option-cost.js";
import {
  MINUTES_PER_MONTH,
  provisionedCurve,
  provisionedHourlyRate,
  provisionedMonthlyUsd,
} from "./provisioned.js";
import { ScenarioProblem } from "./scenario-problem.js";
import type { DeploymentOption, Scenario } from "./scenario-schema.js";
import type { TrafficMix } from "./traffic-mix.js";

interface ProvisionedDetail {
  modelKey: string;
  units: number;
  hourlyUsd: number;
  capacityTokensPerMonth: number;
  overflowAtRequests: number;
}

export interface OptionProjection {
  option: DeploymentOption;
  /** Observed traffic, priced under this option. */
  tokens: OptionTokenCost;
  /** False when some traffic has no price or no model under this option. */
  complete: boolean;
  /** On-demand token spend (for provisioned options: the traffic not on the units, plus overflow). */
  tokenCurve: CostCurve;
  provisioned?: ProvisionedDetail;
  infra: InfraCost[];
  /** Multiplier on token + infra cost (1 unless the scenario uses the single-multiplier form). */
  hiddenMultiplier: number;
  /** Explicit operational overhead: USD a month and USD per request (0 when not used). */
  overhead: { perMonthUsd: number; perRequestUsd: number };
  /** Share of observed requests this option prices (1 when every model has a price). */
  pricedShare: number;
  /** Total monthly cost as a function of monthly requests, hidden cost included. */
  curve: CostCurve;
}

export interface OptionBreakdown {
  monthlyCostUsd: number;
  /** Monthly cost / the requests this option prices (unpriced requests are not in the cost either); null
   * when it prices none: unknown, not $0. */
  perRequestUsd: number | null;
  /** Monthly requests this option prices. */
  pricedRequests: number;
  tokenCostUsd: number;
  provisionedCostUsd: number;
  infraCostUsd: number;
  hiddenCostUsd: number;
  infra: { id: string; label: string; unit: string; quantity: number; monthlyCostUsd: number }[];
}

function tokensPerRequest(mix: TrafficMix): TokensPerRequest {
  return mix.requests === 0
    ? { input: 0, output: 0 }
    : { input: mix.tokens.input / mix.requests, output: mix.tokens.output / mix.requests };
}

export function projectOption(
  option: DeploymentOption,
  optionIndex: number,
  scenario: Scenario,
  mix: TrafficMix,
  mapper: ModelMapper,
  catalog: ModelCatalog,
  /** The option's token cost when already known (a sensitivity search that changes only infra or hidden cost). */
  tokens: OptionTokenCost = costOptionTokens(option, scenario, mix, mapper),
): OptionProjection {
  const perObservedRequest = (usd: number) => (mix.requests === 0 ? 0 : usd / mix.requests);
  let tokenCurve: CostCurve = { fixed: 0, perRequest: perObservedRequest(tokens.costUsd), hinges: [] };
  let provisioned: ProvisionedDetail | undefined;
  if (option.kind === "bedrock-provisioned") {
    const setup = provisionedSetup(option, optionIndex, catalog);
    const onUnits = tokens.served.find((s) => s.price.key === setup.modelKey);
    const unitsTokens = onUnits ? onUnits.tokens.input + onUnits.tokens.output : 0;
    const unitsCost = onUnits?.costUsd ?? 0;
    const pt = provisionedCurve(setup, perObservedRequest(unitsTokens), perObservedRequest(unitsCost));
    tokenCurve = addCurves(
      { fixed: 0, perRequest: perObservedRequest(tokens.costUsd - unitsCost), hinges: [] },
      pt.curve,
    );
    provisioned = {
      ...setup,
      capacityTokensPerMonth: setup.capacityTokens,
      overflowAtRequests: pt.overflowAtRequests,
    };
  }
  const infra = infraCostsFor(
    option,
    scenario.infra,
    tokensPerRequest(mix),
    scenario.free_tiers === "account",
  );
  const hiddenMultiplier = option.hidden_cost?.complexity_multiplier ?? 1;
  const overhead = {
    perMonthUsd: option.hidden_cost?.per_month?.usd ?? 0,
    perRequestUsd: option.hidden_cost?.per_request?.usd ?? 0,
  };
  const curve = addCurves(scaleCurve(addCurves(tokenCurve, ...infra.map((i) => i.curve)), hiddenMultiplier), {
    fixed: overhead.perMonthUsd,
    perRequest: overhead.perRequestUsd,
    hinges: [],
  });
  return {
    option,
    tokens,
    complete: tokens.unplaced.length === 0,
    tokenCurve,
    ...(provisioned ? { provisioned } : {}),
    infra,
    hiddenMultiplier,
    overhead,
    pricedShare: mix.requests === 0 ? 1 : tokens.pricedRequests / mix.requests,
    curve,
  };
}

function provisionedSetup(option: DeploymentOption, index: number, catalog: ModelCatalog) {
  const path = ["options", index, "provisioned"];
  const settings = option.provisioned;
  if (!settings)
    throw new ScenarioProblem(
      path,
      `option "${option.id}" is bedrock-provisioned but has no "provisioned" block`,
    );
  const resolved = catalog.resolve(settings.model, "bedrock");
  if (!resolved)
    throw new ScenarioProblem(
      [...path, "model"],
      `no Bedrock price for provisioned model "${settings.model}"`,
    );
  const hourlyUsd = provisionedHourlyRate(resolved.price, settings.commitment, [...path, "commitment"]);
  const perUnit = settings.tokens_per_minute_per_unit ?? resolved.price.provisioned?.tokensPerMinutePerUnit;
  if (perUnit === undefined) {
    throw new ScenarioProblem(
      [...path, "tokens_per_minute_per_unit"],
      `the catalog has no tokens-per-minute figure for ${resolved.price.key}; set tokens_per_minute_per_unit`,
    );
  }
  return {
    modelKey: resolved.price.key,
    units: settings.model_units,
    hourlyUsd,
    capacityTokens: settings.model_units * perUnit * settings.usable_share * MINUTES_PER_MONTH,
  };
}

/** The option's costs at `requests` a month. */
export function breakdownAt(projection: OptionProjection, requests: number): OptionBreakdown {
  const provisionedCostUsd = projection.provisioned
    ? provisionedMonthlyUsd(projection.provisioned.units, projection.provisioned.hourlyUsd)
    : 0;
  const tokenCostUsd = evaluateCurve(projection.tokenCurve, requests) - provisionedCostUsd;
  const infra = projection.infra.map(({ item, curve, quantity }) => ({
    id: item.id,
    label: item.label,
    unit: item.unit,
    quantity: quantity.perMonth + quantity.perRequest * requests,
    monthlyCostUsd: evaluateCurve(curve, requests),
  }));
  const infraCostUsd = infra.reduce((sum, i) => sum + i.monthlyCostUsd, 0);
  const beforeHidden = tokenCostUsd + provisionedCostUsd + infraCostUsd;
  const { overhead } = projection;
  const hiddenCostUsd =
    beforeHidden * (projection.hiddenMultiplier - 1) +
    overhead.perMonthUsd +
    overhead.perRequestUsd * requests;
  const monthlyCostUsd = beforeHidden + hiddenCostUsd;
  const pricedRequests = requests * projection.pricedShare;
  return {
    monthlyCostUsd,
    perRequestUsd: pricedRequests === 0 ? null : monthlyCostUsd / pricedRequests,
    pricedRequests,
    tokenCostUsd,
    provisionedCostUsd,
    infraCostUsd,
    hiddenCostUsd,
    infra,
  };
}
