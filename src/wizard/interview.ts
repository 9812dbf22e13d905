// The wizard's interview: questions in, Answers out. Pure logic over an injected Prompter, so tests script
// the answers and the terminal version only wraps @inquirer/prompts. Every question has a default: pressing
// Enter throughout gives the bundled example workload on the bundled default stack.
import {
  type Answers,
  answersSchema,
  COMPLIANCE_REGIMES,
  type ComplianceRegime,
  complexityMultiplierSchema,
  defaultInferenceProfile,
  growthPercentSchema,
  horizonSchema,
  lambdaMemorySchema,
  lambdaSecondsSchema,
  REGIONS,
  validatorFor,
  WIZARD_OPTION_KINDS,
  type WorkloadAnswers,
} from "./answers-schema.js";
import { defaultBedrockModel, modelChoices } from "./catalog-choices.js";
import type { InterviewContext } from "./interview-context.js";
import { askWorkload } from "./interview-workload.js";
import type { Prompter } from "./prompter.js";

const REGIME_NAMES: Record<ComplianceRegime, string> = {
  hipaa: "HIPAA",
  fedramp: "FedRAMP",
  "data-residency": "Data residency (keep data in one geography)",
};

export async function runInterview(prompter: Prompter, context: InterviewContext): Promise<Answers> {
  prompter.note("llmcost wizard: a few questions, then the projection. Enter accepts the default.");
  const workload = await askWorkload(prompter, context);
  const constraints = await askConstraints(prompter, context, workload);
  const candidates = await askCandidates(prompter, context, workload);
  const infrastructure = await askInfrastructure(prompter, context, constraints.compliance);
  const growth = await askGrowth(prompter);
  // The schema fills nothing in here; parsing proves the interview produced a valid answers document.
  return answersSchema.parse({ version: 1, workload, constraints, candidates, infrastructure, growth });
}

async function askConstraints(
  prompter: Prompter,
  context: InterviewContext,
  workload: WorkloadAnswers,
): Promise<{ compliance: ComplianceRegime[]; regions: (typeof REGIONS)[number][] }> {
  const compliance = await prompter.checkbox({
    message: "Compliance regimes that apply (space to select, Enter when done)",
    choices: COMPLIANCE_REGIMES.map((regime) => ({ value: regime, name: REGIME_NAMES[regime] })),
  });
  const regions = await prompter.checkbox({
    message: "AWS regions the workload runs in",
    choices: REGIONS.map((region) => ({ value: region, name: region, checked: region === "us-east-1" })),
    validate: (picked) => (picked.length > 0 ? true : "pick at least one region"),
  });
  if (compliance.length > 0 && workload.source === "describe") {
    const regulated = await prompter.checkbox({
      message: "Which use cases handle regulated data (they must stay on compliant targets)?",
      choices: workload.use_cases.map((u) => ({ value: u.name, name: u.name, checked: true })),
    });
    for (const useCase of workload.use_cases) useCase.requires_compliance = regulated.includes(useCase.name);
  }
  if (compliance.length > 0 && workload.source === "csv") {
    // The CSV is the user's and is not rewritten: the draft policy routes these use cases to compliant targets.
    const { useCases } = await context.inspectTraffic(workload.traffic_file);
    if (useCases.length === 0) {
      prompter.note(
        "The CSV has no use_case column: mark regulated rows with its requires_compliance column instead.",
      );
    } else {
      workload.regulated_use_cases = await prompter.checkbox({
        message: "Which use cases handle regulated data (they must stay on compliant targets)?",
        choices: useCases.map((name) => ({ value: name, name, checked: true })),
      });
    }
  }
  return { compliance, regions };
}

async function directModelsOf(context: InterviewContext, workload: WorkloadAnswers): Promise<string[]> {
  if (workload.source === "csv") return context.trafficModels(workload.traffic_file);
  return [...new Set(workload.use_cases.map((u) => u.model))];
}

async function askCandidates(prompter: Prompter, context: InterviewContext, workload: WorkloadAnswers) {
  const options = await prompter.checkbox({
    message: "Deployment options to compare",
    choices: WIZARD_OPTION_KINDS.map((kind) => ({ value: kind, name: OPTION_NAMES[kind], checked: true })),
    validate: (picked) => (picked.length > 0 ? true : "pick at least one option"),
  });
  const bedrockModelMap: Record<string, string> = {};
  if (options.some((kind) => kind !== "direct")) {
    for (const model of await directModelsOf(context, workload)) {
      const suggested = defaultBedrockModel(context.catalog, model, context.defaultModelMap);
      bedrockModelMap[model] = await prompter.search({
        message: `On Bedrock, traffic now sent to ${model} is served by (type to filter)`,
        choices: modelChoices(context.catalog, "bedrock", suggested),
      });
    }
  }
  return { options, bedrock_model_map: bedrockModelMap };
}

const OPTION_NAMES: Record<(typeof WIZARD_OPTION_KINDS)[number], string> = {
  direct: "Direct provider APIs (OpenAI, Anthropic, ...)",
  bedrock: "Bedrock on-demand",
  "bedrock-batch": "Bedrock with batchable use cases in batch",
};

async function askInfrastructure(
  prompter: Prompter,
  context: InterviewContext,
  compliance: readonly ComplianceRegime[],
) {
  prompter.note("Infrastructure around each option (the default production stack):");
  for (const line of context.infraSummary) prompter.note(`  ${line}`);
  const inferenceProfile = await prompter.select({
    message: "Bedrock inference profile",
    choices: [
      { value: "global", name: "global (cheapest; requests may be served in any region)" },
      { value: "geo", name: "geo (us./eu./apac.; stays in one geography)" },
      { value: "in-region", name: "in-region (one region only)" },
    ],
    default: defaultInferenceProfile(compliance),
  });
  const complexityMultiplier = await prompter.number({
    message: "Complexity multiplier on the direct option (hidden cost of running several providers)",
    default: 1.1,
    validate: validatorFor(complexityMultiplierSchema),
  });
  const lambdaMemory = await prompter.number({
    message: "Lambda memory in front of Bedrock, MB",
    default: 1024,
    validate: validatorFor(lambdaMemorySchema),
  });
  const lambdaSeconds = await prompter.number({
    message: "Lambda duration per request, seconds (the function waits for the model)",
    default: 2,
    validate: validatorFor(lambdaSecondsSchema),
  });
  return {
    inference_profile: inferenceProfile,
    complexity_multiplier: complexityMultiplier,
    lambda_memory_mb: lambdaMemory,
    lambda_seconds_per_request: lambdaSeconds,
  };
}

async function askGrowth(prompter: Prompter) {
  const monthlyPercent = await prompter.number({
    message: "Traffic growth per month, %",
    default: 5,
    validate: validatorFor(growthPercentSchema),
  });
  const horizonMonths = await prompter.number({
    message: "Growth horizon, months",
    default: 12,
    validate: validatorFor(horizonSchema),
  });
  return { monthly_percent: monthlyPercent, horizon_months: horizonMonths };
}
