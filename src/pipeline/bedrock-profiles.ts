// A Bedrock inference profile the model is not offered through is the input's error, found where it was
// asked for: the traffic row (first one with that id) or the scenario option's `inference_profile`.
import type { Analysis } from "../cost/analyzer.js";
import type { PricingCatalog } from "../cost/catalog.js";
import { pricesAlikeOffProfile, unofferedProfile, unofferedScope } from "../cost/profiles.js";
import { ScenarioProblem } from "../cost/scenario-problem.js";
import type { Scenario } from "../cost/scenario-schema.js";
import type { TrafficMix } from "../cost/traffic-mix.js";
import { InputError } from "../errors.js";
import { forEachTrafficRow, type SourceReadOptions, type TrafficInputs } from "../traffic/read-sources.js";

/** Throws an InputError at the first traffic row whose model id names a profile its model lacks. The
 * profile keeps no row numbers, so the file is read again only when there is such an id. */
export async function checkLoggedProfiles(
  mix: TrafficMix,
  catalog: PricingCatalog,
  inputs: TrafficInputs,
  options: SourceReadOptions,
): Promise<void> {
  const bad = new Map<string, string>();
  for (const bucket of mix.buckets) {
    const key = `${bucket.provider ?? ""}\u0000${bucket.model}`;
    if (bad.has(key)) continue;
    let price: ReturnType<PricingCatalog["resolve"]>;
    try {
      price = catalog.resolve(bucket.model, bucket.provider);
    } catch {
      continue; // ambiguity is reported where the model is placed
    }
    const problem = price && unofferedProfile(price.price, bucket.model);
    if (problem) bad.set(key, problem);
  }
  if (bad.size === 0) return;
  await forEachTrafficRow(
    inputs,
    (row, { file }) => {
      const problem = bad.get(`${row.provider ?? ""}\u0000${row.model}`);
      if (problem) throw new InputError({ file, row: row.row, field: "model" }, problem);
    },
    options,
  );
}

/**
 * Per Bedrock option, the models it serves that are not offered through its profile scope. An option names
 * one scope for every model; one that a model lacks is deployed through the profiles the model has. Where
 * that prices the same (the model carries no regional uplift) it is an assumption the report states;
 * otherwise the number would be wrong, so it is a problem at `options[i].inference_profile` (a warning;
 * `--strict` makes it an error).
 */
export function optionProfileChecks(
  scenario: Scenario,
  analysis: Analysis,
): { problems: ScenarioProblem[]; assumptions: string[] } {
  const problems: ScenarioProblem[] = [];
  const assumptions: string[] = [];
  analysis.options.forEach(({ projection }, index) => {
    const option = scenario.options[index];
    // A policy option's targets are checked when its policy compiles (route's own check).
    if (!option || option.kind === "direct" || option.kind === "direct-batch" || option.kind === "policy")
      return;
    const scope = option.inference_profile ?? "global";
    for (const served of projection.tokens.served) {
      const problem = unofferedScope(served.price, scope);
      if (!problem) continue;
      if (pricesAlikeOffProfile(served.price, scope)) {
        assumptions.push(
          `option "${option.id}": ${problem}; deployed through those, which cost the same as ${scope} for this model`,
        );
        continue;
      }
      problems.push(
        new ScenarioProblem(
          ["options", index, option.inference_profile ? "inference_profile" : "kind"],
          `option "${option.id}": ${problem}; choose another inference_profile or map the model elsewhere (model_map.bedrock)`,
        ),
      );
    }
  });
  return { problems, assumptions };
}
