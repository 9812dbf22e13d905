// The program: commander declarations of every command, each runner imported only when its command runs so
// `--version` and `--help` stay fast. `main` is the whole CLI as a function (tests call it in-process);
// `runBinary` is what bin/llmcost.js calls. This is the only module that imports src/commands.
import { Command, CommanderError } from "commander";
import { registerConvert } from "./commands/convert/command.js";
import { checkRequiredAfterUnknown } from "./commands/options.js";
import { registerPricing } from "./commands/pricing/command.js";
import { registerProject } from "./commands/project/command.js";
import { registerRoute } from "./commands/route/command.js";
import type { Run } from "./commands/run-type.js";
import { registerSql } from "./commands/sql/command.js";
import { registerValidate } from "./commands/validate/command.js";
import { registerWizard } from "./commands/wizard/command.js";
import { printable } from "./printable.js";
import { handleFailure } from "./terminal/failure.js";
import { installProcessHandlers } from "./terminal/signals.js";
import { VERSION } from "./version.js";

/** Runs llmcost with `argv` (as process.argv: node, script, then the arguments); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  /** A Run that imports its runner on first use and keeps the exit code it returns. */
  const lazy =
    <Args extends unknown[]>(load: () => Promise<(...args: Args) => Promise<number>>): Run<Args> =>
    async (...args) => {
      exitCode = await (await load())(...args);
    };

  const program = new Command("llmcost")
    .description(
      "Cost and routing analyzer for LLM traffic: AWS Bedrock versus direct provider APIs, breakeven volume,\n" +
        "growth and optimization tips; offline, explained replay of routing policies.",
    )
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    // Commander quotes what was typed (`unknown option '...'`): no control character reaches the terminal.
    .configureOutput({ outputError: (text, write) => write(printable(text)) })
    .addHelpText(
      "after",
      `
Examples:
  $ llmcost project --traffic fixtures/traffic/saas-assistant-week.csv
  $ llmcost project --traffic logs.csv --scenario my.scenario.yaml --format json | jq .options
  $ llmcost route --dry-run --traffic fixtures/traffic/saas-assistant-week.csv --policy fixtures/policies/seed-hybrid.yaml
  $ llmcost convert --traffic fixtures/logs/bedrock -o bedrock.csv
  $ llmcost sql --source bedrock-invocation-logs --engine athena > bedrock.sql
  $ llmcost pricing show claude-sonnet-4-5
  $ llmcost wizard`,
    );

  registerProject(
    program,
    lazy(async () => (await import("./commands/project/run.js")).runProject),
  );
  registerRoute(
    program,
    lazy(async () => (await import("./commands/route/run.js")).runRoute),
  );
  registerWizard(
    program,
    lazy(async () => (await import("./commands/wizard/run.js")).runWizard),
    { script: argv[1] },
  );
  registerPricing(program, {
    list: lazy(async () => (await import("./commands/pricing/run.js")).runPricingList),
    show: lazy(async () => (await import("./commands/pricing/run.js")).runPricingShow),
    audit: lazy(async () => (await import("./commands/pricing/run.js")).runPricingAudit),
  });
  registerConvert(
    program,
    lazy(async () => (await import("./commands/convert/run.js")).runConvert),
  );
  registerSql(
    program,
    lazy(async () => (await import("./commands/sql/run.js")).runSql),
  );
  registerValidate(
    program,
    lazy(async () => (await import("./commands/validate/run.js")).runValidate),
  );

  checkRequiredAfterUnknown(program);

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    // Help and version exit 0; every other commander error is bad usage (exit 2).
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return handleFailure(error, argv.includes("--verbose"));
  }
}

/** The binary: process handlers, then the CLI on process.argv. */
export async function runBinary(): Promise<void> {
  installProcessHandlers();
  process.exitCode = await main(process.argv);
}
