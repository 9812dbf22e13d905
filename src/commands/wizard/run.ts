// `llmcost wizard`: answers (interview or --answers file) -> scenario, traffic and draft policy -> the
// projection, the policy, the files written and the commands to rerun. Exit 130 on Ctrl-C at any prompt.
import { type Stats, statSync } from "node:fs";
import { join } from "node:path";
import chalk from "chalk";
import { ExitCode, InputError, UsageError } from "../../errors.js";
import { type OutputTarget, prepareOutputs, writeOutput } from "../../io/output.js";
import { shellWord } from "../../io/paths.js";
import { loadCatalog } from "../../io/pricing-load.js";
import { loadScenario } from "../../io/scenario-load.js";
import { describeNonFinite, firstNonFiniteNumber } from "../../report/finite-money.js";
import { renderProjection } from "../../report/projection-render.js";
import { invocationOf } from "../../terminal/invocation.js";
import { answersYaml, checkAnswers, loadAnswers } from "../../wizard/answers-load.js";
import type { Answers } from "../../wizard/answers-schema.js";
import { interviewContext, type WizardContext } from "../../wizard/context.js";
import { runInterview } from "../../wizard/interview.js";
import { buildPlan, type WizardPaths } from "../../wizard/plan.js";
import { projectPlan } from "../../wizard/projection.js";
import type { Prompter } from "../../wizard/prompter.js";
import { terminalPrompter } from "../../wizard/terminal-prompter.js";
import { type FileToWrite, rerunCommands, writeWizardFiles } from "../../wizard/write-files.js";
import type { WizardInvocation, WizardOptions } from "./command.js";

export const NEEDS_TERMINAL =
  "llmcost wizard asks questions and needs an interactive terminal (stdin and stdout are not both a TTY here). " +
  "Without one, run `llmcost project --traffic FILE [--scenario FILE]`, or `llmcost wizard --answers FILE` " +
  "with a YAML answers file (example: fixtures/wizard/saas-assistant.answers.yaml)";

export async function runWizard(options: WizardOptions, invocation: WizardInvocation): Promise<number> {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (options.answers === undefined && !interactive) throw new UsageError(NEEDS_TERMINAL);
  if (!options.color) chalk.level = 0;
  assertOutDir(options.outDir);
  // Checked before the first question: the answers file must not be lost to a refused target afterwards.
  const [saveTo] = prepareOutputs(
    [...(options.answers !== undefined ? [options.answers] : []), ...options.pricing],
    [{ file: options.saveAnswers, flag: "--save-answers" }],
  );
  const session: Session = { saveTo, saved: false, llmcost: invocationOf(invocation.script) };
  try {
    return await wizardSession(options, interactive ? terminalPrompter(print) : undefined, session);
  } catch (error) {
    // @inquirer rejects every pending prompt with ExitPromptError on Ctrl-C; the plan's files are written
    // after the last prompt, so at most the saved answers exist.
    if (error instanceof Error && error.name === "ExitPromptError") {
      const written =
        session.saved && saveTo ? `only the answers were saved, to ${saveTo.file}` : "no file was written";
      process.stderr.write(`\nllmcost: wizard cancelled; ${written}\n`);
      return ExitCode.interrupted;
    }
    throw error;
  }
}

/** What one run carries between its steps: where to save the answers, whether they were, how to rerun. */
interface Session {
  saveTo: OutputTarget | undefined;
  saved: boolean;
  /** How llmcost was started (`node bin/llmcost.js`, `llmcost`), for the printed commands. */
  llmcost: string;
}

/** An --out-dir that names an existing file (not a folder) is refused before the interview. */
function assertOutDir(outDir: string): void {
  let info: Stats;
  try {
    info = statSync(outDir);
  } catch {
    return;
  }
  if (!info.isDirectory()) {
    throw new InputError({ file: outDir }, "cannot be used as --out-dir: it is a file, not a folder");
  }
}

function print(text: string): void {
  process.stdout.write(text);
}

async function wizardSession(
  options: WizardOptions,
  prompter: Prompter | undefined,
  session: Session,
): Promise<number> {
  const catalog = await loadCatalog(options.pricing);
  const base = await loadScenario(undefined);
  const context = interviewContext(catalog, base);
  const answers = await collectAnswers(options, prompter, context);
  if (session.saveTo) {
    await writeOutput(session.saveTo, answersYaml(answers, session.saveTo.file));
    session.saved = true;
    print(
      `Saved the answers to ${session.saveTo.file} (replay: ${session.llmcost} wizard --answers ${shellWord(session.saveTo.file)})\n`,
    );
  }
  const paths: WizardPaths = {
    scenario: join(options.outDir, "llmcost.scenario.yaml"),
    policy: join(options.outDir, "llmcost.policy.yaml"),
    traffic: join(options.outDir, "llmcost.traffic.csv"),
  };
  const csvFile = answers.workload.source === "csv" ? answers.workload.traffic_file : undefined;
  const plan = buildPlan({
    answers,
    catalog,
    base,
    paths,
    ...(csvFile !== undefined ? { csvProfile: await context.readProfile(csvFile) } : {}),
  });
  const projection = projectPlan(plan, catalog);
  // The options first, as in `project`: the verdict is derived from their figures.
  const overflow = firstNonFiniteNumber(projection.options, "options") ?? firstNonFiniteNumber(projection);
  if (overflow) {
    const priceInputs = [...(options.answers !== undefined ? [options.answers] : []), ...options.pricing];
    throw new InputError(
      { file: priceInputs[0] ?? "(answers)", field: overflow.path },
      describeNonFinite(overflow, priceInputs.length > 0 ? priceInputs : ["the answers"]),
    );
  }
  print(`\n${renderProjection(projection, "table")}\n`);
  print(`\nDraft routing policy (${paths.policy}):\n\n${plan.policyYaml}\n`);
  const files: FileToWrite[] = [
    { path: paths.scenario, content: plan.scenarioYaml },
    ...(plan.trafficCsv !== undefined ? [{ path: paths.traffic, content: plan.trafficCsv }] : []),
    { path: paths.policy, content: plan.policyYaml },
  ];
  const inputs = [...(options.answers !== undefined ? [options.answers] : []), ...options.pricing];
  if (csvFile !== undefined) inputs.push(csvFile);
  const outcome = await writeWizardFiles(options.outDir, files, {
    yes: options.yes ?? false,
    prompter,
    inputs,
  });
  if ("refused" in outcome) {
    print(
      `Nothing written: ${outcome.refused.join(", ")} left as they were. Rerun with --out-dir DIR to keep both.\n`,
    );
    return ExitCode.ok;
  }
  print(`Wrote ${outcome.written.join(", ")}\n\nRerun with:\n`);
  for (const command of rerunCommands(
    { ...paths, traffic: plan.trafficFile },
    options.pricing,
    session.llmcost,
  )) {
    print(`  $ ${command}\n`);
  }
  return ExitCode.ok;
}

async function collectAnswers(
  options: WizardOptions,
  prompter: Prompter | undefined,
  context: WizardContext,
): Promise<Answers> {
  if (options.answers !== undefined) {
    const answers = await loadAnswers(
      options.answers,
      context.catalog,
      async (file) => (await context.inspectTraffic(file)).useCases,
    );
    print(`llmcost wizard: answers from ${options.answers}\n`);
    if (answers.workload.source === "csv") {
      for (const line of (await context.inspectTraffic(answers.workload.traffic_file)).lines)
        print(`${line}\n`);
    }
    return answers;
  }
  if (!prompter) throw new UsageError(NEEDS_TERMINAL);
  const answers = await runInterview(prompter, context);
  const [issue] = checkAnswers(answers, context.catalog);
  // The prompts validate every answer; a problem here is a gap between the prompts and the checks.
  if (issue)
    throw new Error(`the interview produced invalid answers: ${issue.path.join(".")}: ${issue.message}`);
  return answers;
}
