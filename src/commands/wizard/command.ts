// Declares `llmcost wizard`: its flags and their options type. The runner (run.ts) is passed in by src/cli.ts.
import type { Command } from "commander";
import { pricingOption } from "../options.js";
import type { Run } from "../run-type.js";

export interface WizardOptions {
  answers?: string;
  saveAnswers?: string;
  outDir: string;
  yes?: boolean;
  pricing: string[];
  color: boolean;
}

/** What the runner is given besides the flags: the script as started (process.argv[1]), for rerun commands. */
export interface WizardInvocation {
  script: string | undefined;
}

export function registerWizard(
  program: Command,
  run: Run<[WizardOptions, WizardInvocation]>,
  invocation: WizardInvocation,
): void {
  program
    .command("wizard")
    .description(
      "interview for architects: describe a workload (or point at a traffic CSV), see the projection, and get a scenario, traffic and draft routing policy to commit and rerun",
    )
    .option(
      "-a, --answers <file>",
      "take the answers from a YAML file instead of asking (no terminal needed)",
    )
    .option(
      "-d, --out-dir <dir>",
      "where to write llmcost.scenario.yaml, llmcost.traffic.csv, llmcost.policy.yaml",
      ".",
    )
    .option(
      "--save-answers <file>",
      "also write the interview's answers to this YAML file, to replay them later with --answers",
    )
    .option("-y, --yes", "overwrite existing files without asking")
    .addOption(pricingOption())
    .option("--no-color", "disable colors (NO_COLOR and FORCE_COLOR are honoured too)")
    .addHelpText(
      "after",
      `
Examples:
  $ llmcost wizard                                   # ask, show the projection, write ./llmcost.*
  $ llmcost wizard --out-dir plans/checkout          # write the files elsewhere
  $ llmcost wizard --save-answers my.answers.yaml    # ask, and keep the answers to replay them
  $ llmcost wizard --answers my.answers.yaml --yes    # the same session again, no questions
  $ llmcost wizard --answers fixtures/wizard/saas-assistant.answers.yaml --out-dir /tmp/demo --yes
  $ llmcost project --traffic llmcost.traffic.csv --scenario llmcost.scenario.yaml   # rerun afterwards

Answers file format: docs/wizard.md; a path in it (traffic_file) is relative to the answers file's folder.
Without a terminal, use --answers (or llmcost project).`,
    )
    .action((options: WizardOptions) => run(options, invocation));
}
