// The scenario the wizard writes: the bundled default stack, edited by the answers (options compared,
// model map, batchable use cases, inference profile, complexity multiplier, Lambda size, growth).
import type { DeploymentOption, InfraItem, Scenario } from "../cost/scenario-schema.js";
import type { Answers } from "./answers-schema.js";
import { defaultInferenceProfile } from "./answers-schema.js";

export interface ScenarioDraftInput {
  answers: Answers;
  base: Scenario;
  /** Traffic model -> Bedrock model, complete for every direct model in the traffic. */
  bedrockModelMap: Record<string, string>;
  /** Distinct direct providers in the traffic (one API key each). */
  directProviders: readonly string[];
}

export function draftScenario(input: ScenarioDraftInput): Scenario {
  const { answers, base } = input;
  const kinds = new Set<string>(answers.candidates.options);
  const profile =
    answers.infrastructure.inference_profile ?? defaultInferenceProfile(answers.constraints.compliance);
  const options = base.options
    .filter((option) => kinds.has(option.kind))
    .map((option) => editOption(option, profile, answers.infrastructure.complexity_multiplier));
  for (const kind of answers.candidates.options) {
    if (!options.some((o) => o.kind === kind)) options.push(newOption(kind, profile, answers));
  }
  const workload = answers.workload;
  return {
    ...base,
    // The report titles it "llmcost projection: <name>": the name says what was projected, not the tool again.
    name: `${describeWorkload(answers)} (wizard draft)`,
    description: `Written by llmcost wizard from the bundled default stack. ${constraintsText(answers)}`,
    options,
    model_map: { bedrock: input.bedrockModelMap, direct: {} },
    batchable_use_cases:
      workload.source === "csv"
        ? workload.batchable_use_cases
        : workload.use_cases.filter((u) => u.batchable).map((u) => u.name),
    infra: base.infra.flatMap((item) => editInfra(item, kinds, input)),
    growth: {
      monthly_rate: answers.growth.monthly_percent / 100,
      horizon_months: answers.growth.horizon_months,
    },
  };
}

function describeWorkload(answers: Answers): string {
  const w = answers.workload;
  if (w.source === "csv") return `traffic of ${w.traffic_file}`;
  return `${w.requests_per_day.toLocaleString("en-US")} requests a day (${w.use_cases.map((u) => `${u.name} ${u.share_percent}%`).join(", ")})`;
}

function constraintsText(answers: Answers): string {
  const { compliance, regions } = answers.constraints;
  const regimes = compliance.length ? compliance.join(", ") : "none";
  return `Compliance: ${regimes}. Regions: ${regions.join(", ")}.`;
}

function editOption(
  option: DeploymentOption,
  profile: NonNullable<DeploymentOption["inference_profile"]>,
  multiplier: number,
): DeploymentOption {
  if (option.kind === "direct") {
    return {
      ...option,
      // The wizard asks for the single-multiplier form, which replaces the default's explicit overhead.
      hidden_cost: {
        complexity_multiplier: multiplier,
        ...(option.hidden_cost?.note !== undefined ? { note: option.hidden_cost.note } : {}),
      },
    };
  }
  const label = option.kind === "bedrock" ? `Bedrock on-demand (${profile} profile)` : option.label;
  // The wizard states hidden cost as one multiplier on the direct side only (its question); the default's
  // explicit overhead would mix two forms in one comparison, so it is left out here.
  const { hidden_cost: _overhead, ...rest } = option;
  return { ...rest, inference_profile: profile, ...(label !== undefined ? { label } : {}) };
}

function newOption(
  kind: Answers["candidates"]["options"][number],
  profile: NonNullable<DeploymentOption["inference_profile"]>,
  answers: Answers,
): DeploymentOption {
  if (kind === "direct") {
    return {
      id: "direct",
      kind,
      label: "Direct provider APIs",
      hidden_cost: { complexity_multiplier: answers.infrastructure.complexity_multiplier },
    };
  }
  return {
    id: kind,
    kind,
    label: kind === "bedrock" ? "Bedrock on-demand" : "Bedrock batch",
    inference_profile: profile,
  };
}

/** Keeps items paid by a compared option, sized by the answers; drops the rest. */
function editInfra(item: InfraItem, kinds: ReadonlySet<string>, input: ScenarioDraftInput): InfraItem[] {
  const appliesTo = item.applies_to.filter((target) => kinds.has(target));
  if (appliesTo.length === 0) return [];
  const edited = { ...item, applies_to: appliesTo };
  const { lambda_memory_mb: memory, lambda_seconds_per_request: seconds } = input.answers.infrastructure;
  if (item.id === "lambda-compute") {
    edited.label = `Lambda compute, ${memory} MB x ${seconds} s per request`;
    edited.quantity = { ...item.quantity, per_request: (memory / 1024) * seconds };
  }
  if (item.id === "secrets") {
    const keys = Math.max(1, input.directProviders.length);
    edited.label = `Secrets Manager, one API key per provider (${keys})`;
    edited.quantity = { ...item.quantity, per_month: keys };
  }
  return [edited];
}
