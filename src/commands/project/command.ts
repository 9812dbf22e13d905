// Declares `llmcost project`: its flags and their options type. The runner (run.ts) is passed in by src/cli.ts.
import type { Command } from "commander";
import { REPORT_FORMATS } from "../../report/formats.js";
import {
  addOutputOptions,
  asOfOption,
  mapOption,
  type OutputOptions,
  parseDuration,
  parseFileName,
  parsePositiveInt,
  pricingOption,
  seedOption,
} from "../options.js";
import type { Run } from "../run-type.js";

export interface ProjectOptions extends OutputOptions {
  traffic: string;
  scenario?: string;
  pricing: string[];
  map: string[];
  monthlyRequests?: number;
  /** What each pre-aggregated row covers, in ms (`--window 7d`). */
  window?: number;
  strict?: boolean;
  asOf?: string;
  /** Print only the verdict. */
  brief?: boolean;
  /** A routing policy to add as option `policy` (kind policy). */
  policy?: string;
  seed?: number;
}

export function registerProject(program: Command, run: Run<[ProjectOptions]>): void {
  const command = program
    .command("project")
    .description("project the monthly cost of Bedrock versus direct provider APIs for a traffic log")
    .requiredOption("-t, --traffic <file>", "traffic CSV (.csv or .csv.gz) with a header row")
    .option(
      "-s, --scenario <file>",
      "scenario YAML (default: the bundled typical production stack)",
      parseFileName("--scenario"),
    )
    .option(
      "-P, --policy <file>",
      'add the traffic replayed through this routing policy as option "policy" (as route --dry-run)',
    )
    .addOption(seedOption())
    .addOption(pricingOption())
    .addOption(asOfOption())
    .addOption(mapOption())
    .option(
      "-n, --monthly-requests <n>",
      "rescale the observed mix to N requests a month",
      parsePositiveInt("--monthly-requests"),
    )
    .option(
      "--window <duration>",
      "what each pre-aggregated row covers when the file has no bucket_end column (e.g. 1h, 1d, 7d)",
      parseDuration("--window"),
    )
    .option("--strict", "exit 2 when any traffic has no price, or is priced on a model retired at --as-of")
    .option(
      "--brief",
      "print only the verdict (at most five lines; with --format json, the report's identity and its verdict)",
    );
  addOutputOptions(command, REPORT_FORMATS)
    .addHelpText(
      "after",
      `
Examples:
  $ llmcost project --traffic fixtures/traffic/saas-assistant-week.csv
  $ llmcost project -t logs.csv.gz -s fixtures/scenarios/default.yaml --monthly-requests 5000000
  $ llmcost project -t logs.csv --pricing litellm-prices.json --format json | jq '.breakeven'
  $ llmcost project -t logs.csv --brief
  $ llmcost project -t logs.csv --format json | jq '.sensitivity[:3]'
  $ llmcost project -t fixtures/traffic/saas-assistant-week.csv --policy fixtures/policies/seed-hybrid.yaml
  $ llmcost project -t fixtures/traffic/saas-assistant-week.csv -s fixtures/scenarios/hipaa-hybrid.yaml
  $ llmcost project -t fixtures/traffic/saas-assistant-week.csv -s fixtures/scenarios/rag-strategies.yaml -f json | jq .rag`,
    )
    .action(run);
}
