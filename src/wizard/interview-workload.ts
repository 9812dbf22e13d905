// The first part of the interview: the workload, either read from a traffic CSV or described use case by
// use case. Every number is checked at the prompt with the answers schema's own rules.

import { expandHome } from "../io/paths.js";
import {
  DEFAULT_REQUESTS_PER_DAY,
  DEFAULT_USE_CASES,
  inputTokensSchema,
  latencyBudgetSchema,
  outputTokensSchema,
  percentSchema,
  requestsPerDaySchema,
  sharePercentSchema,
  type UseCaseAnswers,
  useCaseNameSchema,
  validatorFor,
  type WorkloadAnswers,
} from "./answers-schema.js";
import { modelChoices } from "./catalog-choices.js";
import type { InterviewContext, TrafficOverview } from "./interview-context.js";
import type { Prompter } from "./prompter.js";

export async function askWorkload(prompter: Prompter, context: InterviewContext): Promise<WorkloadAnswers> {
  const source = await prompter.select({
    message: "Where does the workload come from?",
    choices: [
      { value: "describe", name: "Describe it (requests per day, use cases, tokens)" },
      { value: "csv", name: "A traffic CSV I already have (llmcost's traffic format)" },
    ],
    default: "describe",
  });
  return source === "csv" ? askCsv(prompter, context) : askDescribed(prompter, context);
}

async function askCsv(prompter: Prompter, context: InterviewContext): Promise<WorkloadAnswers> {
  let overview: TrafficOverview | undefined;
  let problem = "";
  const answer = await prompter.input({
    message: "Path to the traffic CSV (.csv or .csv.gz)",
    validate: (path) => {
      if (path.trim() === "") return "enter a path";
      // Reading happens after the answer; a bad file is asked for again below.
      return true;
    },
  });
  // A shell would expand `~`; the prompt does the same, so a path pasted from a terminal works.
  const file = expandHome(answer.trim());
  try {
    overview = await context.inspectTraffic(file);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (!overview) {
    prompter.note(`cannot use ${file}: ${problem}`);
    return askCsv(prompter, context);
  }
  for (const line of overview.lines) prompter.note(line);
  const batchable =
    overview.useCases.length === 0
      ? []
      : await prompter.checkbox({
          message: "Which use cases can wait for a batch job (priced at batch rates)?",
          choices: overview.useCases.map((name) => ({
            value: name,
            name,
            checked: context.defaultBatchable.includes(name),
          })),
        });
  return { source: "csv", traffic_file: file, batchable_use_cases: batchable, regulated_use_cases: [] };
}

async function askDescribed(prompter: Prompter, context: InterviewContext): Promise<WorkloadAnswers> {
  const requestsPerDay = await prompter.number({
    message: "Requests per day (all use cases)",
    default: DEFAULT_REQUESTS_PER_DAY,
    validate: validatorFor(requestsPerDaySchema),
  });
  const count = await prompter.number({
    message: "How many use cases (chat, summarize, classify, ...)?",
    default: DEFAULT_USE_CASES.length,
    validate: (n) => (Number.isInteger(n) && n >= 1 && n <= 10 ? true : "1 to 10 use cases"),
  });
  const useCases: UseCaseAnswers[] = [];
  for (let index = 0; index < count; index++) {
    useCases.push(await askUseCase(prompter, context, index, count, useCases));
  }
  return { source: "describe", requests_per_day: requestsPerDay, use_cases: useCases };
}

function presetFor(index: number): UseCaseAnswers {
  return (
    DEFAULT_USE_CASES[index] ?? {
      name: `use-case-${index + 1}`,
      share_percent: 10,
      model: "gpt-4o-mini",
      input_tokens: 1000,
      output_tokens: 200,
      cached_percent: 0,
      batchable: false,
      latency_budget_ms: 3000,
      requires_compliance: false,
    }
  );
}

async function askUseCase(
  prompter: Prompter,
  context: InterviewContext,
  index: number,
  count: number,
  earlier: readonly UseCaseAnswers[],
): Promise<UseCaseAnswers> {
  const preset = presetFor(index);
  const label = `Use case ${index + 1} of ${count}`;
  const name = await prompter.input({
    message: `${label}: name`,
    default: earlier.some((u) => u.name === preset.name) ? `use-case-${index + 1}` : preset.name,
    validate: (text) =>
      earlier.some((u) => u.name === text)
        ? `"${text}" is already a use case`
        : validatorFor(useCaseNameSchema)(text),
  });
  const share = await askShare(prompter, `${label} (${name})`, index, count, earlier, preset);
  const model = await prompter.search({
    message: `${name}: which model serves it today (type to filter; prices per 1M tokens)?`,
    choices: modelChoices(context.catalog, "direct", preset.model),
  });
  const inputTokens = await prompter.number({
    message: `${name}: average input tokens per request (prompt, cached tokens included)`,
    default: preset.input_tokens,
    validate: validatorFor(inputTokensSchema),
  });
  const outputTokens = await prompter.number({
    message: `${name}: average output tokens per request`,
    default: preset.output_tokens,
    validate: validatorFor(outputTokensSchema),
  });
  const cachedPercent = await prompter.number({
    message: `${name}: share of the prompt served from a prompt cache, %`,
    default: preset.cached_percent,
    validate: validatorFor(percentSchema),
  });
  const batchable = await prompter.confirm({
    message: `${name}: can it wait for a batch job (hours)?`,
    default: preset.batchable,
  });
  const latencyBudget = await prompter.number({
    message: `${name}: latency budget, ms`,
    default: preset.latency_budget_ms,
    validate: validatorFor(latencyBudgetSchema),
  });
  return {
    name,
    share_percent: share,
    model,
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    cached_percent: cachedPercent,
    batchable,
    latency_budget_ms: latencyBudget,
    requires_compliance: false,
  };
}

/** Shares must add up to 100%: each is capped by what is left, and the last one takes the rest. */
async function askShare(
  prompter: Prompter,
  label: string,
  index: number,
  count: number,
  earlier: readonly UseCaseAnswers[],
  preset: UseCaseAnswers,
): Promise<number> {
  const left = roundShare(100 - earlier.reduce((sum, u) => sum + u.share_percent, 0));
  if (index === count - 1) {
    prompter.note(`${label}: ${left}% of requests (the rest)`);
    return left;
  }
  const mustLeave = count - index - 1;
  return prompter.number({
    message: `${label}: share of requests, %`,
    default: Math.min(preset.share_percent, roundShare(left - mustLeave)),
    validate: (value) => {
      const valid = validatorFor(sharePercentSchema)(value);
      if (valid !== true) return valid;
      return value < left ? true : `at most ${left}% is left, and the other use cases need some of it`;
    },
  });
}

function roundShare(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
