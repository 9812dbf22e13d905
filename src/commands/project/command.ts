// Declares `llmcost project`: its flags and their options type. The runner (run.ts) is passed in by src/cli.ts.
import { type Command, InvalidArgumentError, Option } from "commander";
import { GROUP_FIELDS, type GroupKey } from "../../cost/showback.js";
import { REPORT_FORMATS } from "../../report/formats.js";
import { INPUT_FORMATS } from "../../traffic/format-names.js";
import {
  addOutputOptions,
  asOfOption,
  inputFormatOption,
  mapOption,
  modelMapOption,
  type OutputOptions,
  parseDuration,
  parseFileName,
  parsePositiveInt,
  pricingOption,
  seedOption,
  trafficOption,
} from "../options.js";
import type { Run } from "../run-type.js";

export interface ProjectOptions extends OutputOptions {
  traffic: string[];
  inputFormat?: string;
  modelMap: string[];
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
  /** `--group-by`, repeatable (nested in order): showback per group. */
  groupBy: GroupKey[];
}

/** One `--group-by` value added to the earlier ones: a bucket field or `meta.<key>`, each once. */
function collectGroupKey(value: string, previous: GroupKey[]): GroupKey[] {
  const key = value.trim();
  const field = GROUP_FIELDS.find((f) => f === key);
  const groupKey: GroupKey | undefined =
    field ?? (key.startsWith("meta.") && key.length > 5 ? `meta.${key.slice(5)}` : undefined);
  if (groupKey === undefined) {
    throw new InvalidArgumentError(
      `expected ${GROUP_FIELDS.join(", ")} or meta.<key> (a non-canonical column, e.g. meta.team), got "${value}"`,
    );
  }
  if (previous.includes(groupKey)) throw new InvalidArgumentError(`"${groupKey}" is given twice`);
  return [...previous, groupKey];
}

export function registerProject(program: Command, run: Run<[ProjectOptions]>): void {
  const command = program
    .command("project")
    .description("project the monthly cost of Bedrock versus direct provider APIs for a traffic log")
    .addOption(trafficOption())
    .addOption(inputFormatOption())
    .addOption(modelMapOption())
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
      "rescale the observed mix to N requests a month (rows of token totals without a request count: sets only the request count)",
      parsePositiveInt("--monthly-requests"),
    )
    .option(
      "--window <duration>",
      "what each pre-aggregated row covers when the file has no bucket_end column (e.g. 1h, 1d, 7d)",
      parseDuration("--window"),
    )
    .option(
      "--strict",
      "exit 2 when any traffic has no price, is priced on a model retired at --as-of, or looks implausible (e.g. token totals read as per-request figures)",
    )
    .option(
      "--brief",
      "print only the verdict (at most five lines; with --format json, the report's identity and its verdict)",
    )
    .addOption(
      new Option(
        "--group-by <key>",
        "showback: each option's cost per group of KEY = model, provider, use_case, region or meta.<key> (repeatable: nested)",
      )
        .argParser(collectGroupKey)
        .default([], "none"),
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
  $ llmcost project -t fixtures/traffic/saas-assistant-week.csv -s fixtures/scenarios/rag-strategies.yaml -f json | jq .rag
  $ llmcost project -t fixtures/traffic/burst-minute.csv -s fixtures/scenarios/quota-drill.yaml -f json | jq '.options[].capacity'
  $ llmcost project -t openai-usage-daily.csv --strict   # a usage export: add token_basis=total to its rows
  $ llmcost project -t 'AWSLogs/**/*.json.gz' -t gateway-spend.csv
  $ llmcost project -t logs.csv --group-by meta.team --group-by model --format json | jq .showback
  $ llmcost project -t logs/ --input-format bedrock-invocation-logs \
      --model-map arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc=claude-sonnet-4-5

Input formats (--input-format; detected from the content when not given):
  ${INPUT_FORMATS.join(", ")}

Showback (--group-by): token cost goes to the group that spent it; per-request and per-token infrastructure
by the group's requests and tokens; fixed monthly items, provisioned units and hidden cost by its share of
token cost. Cents are split by the largest-remainder rule: the groups add up to each option's total.`,
    )
    .action(run);
}
