// From answers to what the wizard shows and writes: the scenario, the traffic (described workloads only) and
// the draft policy, each as file text that has already been parsed back and validated with the same schema
// and checks the other commands use. Pure: the CSV profile and the base scenario come in as data.

import { stringify } from "yaml";
import type { PricingCatalog } from "../cost/catalog.js";
import { modelMapIds } from "../cost/model-map.js";
import { scenarioSchema } from "../cost/scenario-schema.js";
import type { LoadedScenario } from "../io/scenario-load.js";
import { parseYamlText, validateYaml } from "../io/yaml.js";
import { nameRecord, ownValue } from "../own-key.js";
import { longContextThresholds } from "../pipeline/project.js";
import { compilePolicy } from "../routing/policy.js";
import { PolicySchema } from "../routing/policy-schema.js";
import { type TrafficProfile, TrafficProfileBuilder } from "../traffic/profile.js";
import type { Answers } from "./answers-schema.js";
import { defaultBedrockModel } from "./catalog-choices.js";
import { draftPolicy } from "./draft-policy.js";
import { draftScenario } from "./draft-scenario.js";
import { draftTrafficRows, EmptyUseCaseProblem, trafficCsv } from "./draft-traffic.js";

export interface WizardPaths {
  scenario: string;
  policy: string;
  /** Where the described workload's traffic CSV goes (unused when the workload came from a CSV). */
  traffic: string;
}

export interface PlanInput {
  answers: Answers;
  catalog: PricingCatalog;
  base: LoadedScenario;
  paths: WizardPaths;
  /** The profile of the answers' traffic CSV, when the workload came from one. */
  csvProfile?: TrafficProfile;
}

export interface WizardPlan {
  scenarioYaml: string;
  policyYaml: string;
  /** Present for a described workload: the CSV to write. */
  trafficCsv?: string;
  /** The traffic file `llmcost project` should read to reproduce the projection. */
  trafficFile: string;
  scenario: LoadedScenario;
  profile: TrafficProfile;
}

export function buildPlan(input: PlanInput): WizardPlan {
  const { answers, catalog, paths } = input;
  const directModels = directModelsOf(input);
  const bedrockModelMap = nameRecord<string>();
  for (const model of directModels.keys()) {
    bedrockModelMap[model] =
      ownValue(answers.candidates.bedrock_model_map, model) ??
      defaultBedrockModel(catalog, model, modelMapIds(input.base.scenario.model_map.bedrock));
  }
  const scenarioDraft = draftScenario({
    answers,
    base: input.base.scenario,
    bedrockModelMap,
    directProviders: [...new Set(directModels.values())].sort(),
  });
  const scenarioYaml = yamlFile(
    "llmcost scenario written by `llmcost wizard`; edit it and rerun `llmcost project` (format: fixtures/scenarios/default.yaml).",
    scenarioDraft,
  );
  const parsed = parseYamlText(paths.scenario, scenarioYaml);
  const scenario: LoadedScenario = {
    scenario: validateYaml(parsed, scenarioSchema),
    file: paths.scenario,
    isDefault: false,
    parsed,
  };
  const policySpec = PolicySchema.parse(draftPolicy({ answers, catalog, directModels, bedrockModelMap }));
  const compiled = compilePolicy(policySpec, catalog);
  if (!compiled.ok) {
    throw new Error(`the draft policy does not compile: ${compiled.issues.map((i) => i.message).join("; ")}`);
  }
  const policyYaml = yamlFile(
    "Draft routing policy written by `llmcost wizard`; replay it with `llmcost route --dry-run` and review before use.",
    policySpec,
  );
  const traffic = trafficOf(input);
  return { scenarioYaml, policyYaml, scenario, ...traffic };
}

function trafficOf(input: PlanInput): Pick<WizardPlan, "trafficCsv" | "trafficFile" | "profile"> {
  const { workload, constraints } = input.answers;
  if (workload.source === "csv") {
    if (!input.csvProfile) throw new Error("a CSV workload needs its profile");
    return { trafficFile: workload.traffic_file, profile: input.csvProfile };
  }
  const rows = draftTrafficRows(workload, constraints.regions[0] ?? "us-east-1", (model) =>
    providerOf(input.catalog, model),
  );
  if (rows instanceof EmptyUseCaseProblem) throw new Error(rows.message);
  const builder = new TrafficProfileBuilder({ longContextThresholds: longContextThresholds(input.catalog) });
  for (const row of rows) builder.add(row);
  return { trafficCsv: trafficCsv(rows), trafficFile: input.paths.traffic, profile: builder.finish() };
}

function providerOf(catalog: PricingCatalog, model: string): string {
  const price = catalog.resolve(model)?.price;
  if (!price) throw new Error(`model "${model}" was accepted without a price`);
  return price.provider;
}

function directModelsOf(input: PlanInput): Map<string, string> {
  const { workload } = input.answers;
  const logged =
    workload.source === "describe"
      ? workload.use_cases.map((u) => ({ model: u.model }))
      : (input.csvProfile?.buckets ?? []);
  return directModelsIn(input.catalog, logged);
}

/** Direct (non-Bedrock) models among logged traffic, with their providers, in first-seen order. */
export function directModelsIn(
  catalog: PricingCatalog,
  logged: readonly { model: string; provider?: string }[],
): Map<string, string> {
  const found = new Map<string, string>();
  for (const { model, provider } of logged) {
    if (found.has(model)) continue;
    const price = resolveQuietly(catalog, model, provider);
    if (price && price.provider !== "bedrock") found.set(model, price.provider);
  }
  return found;
}

function resolveQuietly(catalog: PricingCatalog, model: string, provider: string | undefined) {
  try {
    return catalog.resolve(model, provider)?.price;
  } catch {
    // An ambiguous id is reported by the projection as unpriced traffic; it gets no model-map entry here.
    return undefined;
  }
}

function yamlFile(comment: string, value: unknown): string {
  return `# ${comment}\n${stringify(value, { lineWidth: 0 })}`;
}
