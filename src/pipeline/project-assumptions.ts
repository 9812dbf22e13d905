// The assumptions a projection rests on, stated in the report so a reviewer can challenge each one.
import type { LoadedScenario } from "../io/scenario-load.js";
import { formatUnitPrice } from "../report/numbers.js";

export function projectionAssumptions(loaded: LoadedScenario, scaling: string): string[] {
  const { scenario } = loaded;
  const lines = [
    scaling,
    loaded.isDefault
      ? "scenario: the bundled default (fixtures/scenarios/default.yaml); pass --scenario to use your own"
      : `scenario: ${loaded.file}`,
    "token columns are per request; input_tokens includes cache reads and cache writes",
    `cache writes are billed at the ${scenario.cache_write_ttl} cache-write price`,
  ];
  for (const option of scenario.options) {
    const parts = [`option ${option.id} (${option.kind})`];
    if (option.kind !== "direct") parts.push(`inference profile ${option.inference_profile ?? "global"}`);
    if (option.hidden_cost) parts.push(`complexity multiplier x${option.hidden_cost.complexity_multiplier}`);
    if (option.discount) parts.push(`discount ${option.discount * 100}%`);
    if (option.provisioned) {
      const p = option.provisioned;
      parts.push(
        `${p.model_units} model units of ${p.model}, ${p.commitment} commitment, ${p.usable_share * 100}% of capacity usable`,
      );
    }
    lines.push(parts.join(", "));
  }
  for (const [side, entries] of Object.entries(scenario.model_map)) {
    for (const [from, to] of Object.entries(entries)) lines.push(`model map (${side}): ${from} -> ${to}`);
  }
  lines.push("models without a model-map entry map to the same family on the other side");
  if (scenario.batchable_use_cases.length)
    lines.push(`batchable use cases: ${scenario.batchable_use_cases.join(", ")}`);
  for (const item of scenario.infra) {
    lines.push(
      `infra ${item.id} (${item.applies_to.join(", ")}): ${formatUnitPrice(item.unit_price_usd)} per ${item.unit}${item.source ? `, ${item.source}` : ""}`,
    );
  }
  lines.push(
    `growth: ${scenario.growth.monthly_rate * 100}% a month over ${scenario.growth.horizon_months} months`,
  );
  return lines;
}
