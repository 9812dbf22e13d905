// Declares `llmcost pricing list` and `pricing show`: flags and options types. The runners (run.ts) are passed in
// by src/cli.ts.
import type { Command } from "commander";
import { Option } from "commander";
import { MODEL_KINDS, type ModelKind } from "../../cost/price.js";
import {
  addOutputOptions,
  asOfOption,
  type OutputOptions,
  parsePositiveInt,
  pricingOption,
} from "../options.js";
import type { Run } from "../run-type.js";

export interface PricingListOptions extends OutputOptions {
  provider?: string;
  kind?: ModelKind;
  family?: string;
  asOf?: string;
  pricing: string[];
  maxAgeDays: number;
}

export interface PricingShowOptions extends PricingListOptions {}

export interface PricingAuditOptions {
  litellm?: string;
  genaiPrices?: string;
  format?: "table" | "json";
}

const DEFAULT_MAX_AGE_DAYS = 365;

function addPricingOptions(command: Command): Command {
  return command
    .addOption(pricingOption())
    .addOption(asOfOption())
    .option(
      "--max-age-days <n>",
      "flag prices older than N days as stale",
      parsePositiveInt("--max-age-days"),
      DEFAULT_MAX_AGE_DAYS,
    );
}

export function registerPricing(
  program: Command,
  run: {
    list: Run<[PricingListOptions]>;
    show: Run<[model: string, options: PricingShowOptions]>;
    audit: Run<[PricingAuditOptions]>;
  },
): void {
  const pricing = program
    .command("pricing")
    .description("what the pricing catalog knows: prices per model, with source and as-of date")
    .addHelpText(
      "after",
      `
Examples:
  $ llmcost pricing list --provider bedrock
  $ llmcost pricing show claude-sonnet-4-5
  $ llmcost pricing show gpt-4o --pricing my-prices.yaml --format json`,
    );

  const list = pricing
    .command("list")
    .description("list the models in the catalog (bundled, plus any --pricing files)")
    .option("--provider <provider>", "only models billed by this provider (openai, anthropic, bedrock, ...)")
    .addOption(new Option("--kind <kind>", "only models of this kind").choices(MODEL_KINDS))
    .option(
      "--family <family>",
      "only this family or line (claude-sonnet, claude-sonnet-4.5, gpt-mini, nova)",
    );
  addOutputOptions(addPricingOptions(list))
    .addHelpText(
      "after",
      `
Examples:
  $ llmcost pricing list
  $ llmcost pricing list --provider bedrock --format markdown
  $ llmcost pricing list --kind embedding --as-of 2026-08-15
  $ llmcost pricing list --pricing model_prices_and_context_window.json --format json | jq '.models | length'`,
    )
    .action(run.list);

  const show = pricing
    .command("show")
    .description("every price component of one model, with its sources and as-of date")
    .argument("<model>", "model id as logged (claude-sonnet-4-5, us.anthropic.claude-…-v1:0, openai/gpt-4o)")
    .option("--provider <provider>", "pick the model at this provider when the id alone is ambiguous");
  addOutputOptions(addPricingOptions(show))
    .addHelpText(
      "after",
      `
Examples:
  $ llmcost pricing show claude-sonnet-4-5
  $ llmcost pricing show global.anthropic.claude-sonnet-4-5-20250929-v1:0 --format json
  $ llmcost pricing show my-model --pricing fixtures/pricing/custom-models.yaml --max-age-days 90`,
    )
    .action(run.show);

  pricing
    .command("audit")
    .description(
      "compare the bundled catalog with LiteLLM's price map and genai-prices; exit 1 on an unexplained disagreement",
    )
    .option("--litellm <file>", "LiteLLM model_prices_and_context_window.json")
    .option(
      "--genai-prices <dir>",
      "directory of genai-prices provider files (anthropic.yml, aws.yml, openai.yml)",
    )
    .addOption(
      new Option("-f, --format <format>", "report format").choices(["table", "json"]).default("table"),
    )
    .action(run.audit);
}
