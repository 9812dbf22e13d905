// Declares `llmcost validate`: its flags and their options type. The runner (run.ts) is passed in by src/cli.ts.
import { type Command, Option } from "commander";
import { mapOption, pricingOption } from "../options.js";
import type { Run } from "../run-type.js";

const INPUT_KINDS = ["traffic", "pricing", "scenario", "policy", "answers"] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export interface ValidateOptions {
  kind?: InputKind;
  pricing: string[];
  map: string[];
  format?: "text" | "json";
  color: boolean;
}

export function registerValidate(
  program: Command,
  run: Run<[files: string[], options: ValidateOptions]>,
): void {
  program
    .command("validate")
    .description(
      "check input files (traffic CSV or logs, pricing, scenario, policy, wizard answers) and report every problem with its location",
    )
    .argument(
      "<files...>",
      "files to check; the kind is detected from the extension, the content (logs, gzip) and the top-level keys",
    )
    .addOption(
      new Option("-k, --kind <kind>", "check every file as this kind instead of detecting it").choices(
        INPUT_KINDS,
      ),
    )
    .addOption(pricingOption())
    .addOption(mapOption())
    .addOption(
      new Option("-f, --format <format>", "text lines or a JSON document")
        .choices(["text", "json"])
        .default("text"),
    )
    .option("--no-color", "disable colors")
    .addHelpText(
      "after",
      `
Exit code 0 when every file is valid, 2 when any has a problem.

Examples:
  $ llmcost validate fixtures/traffic/saas-assistant-week.csv fixtures/scenarios/default.yaml
  $ llmcost validate my.policy.yaml --pricing extra-prices.yaml
  $ llmcost validate llmcost.*.yaml --format json`,
    )
    .action(run);
}
