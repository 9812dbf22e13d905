// Builds the commander program. Command bodies are imported lazily so `--version` and `--help` stay fast.
import { Command, CommanderError } from "commander";
import { handleFailure } from "./cli/failure.js";
import { registerPricing } from "./cli/pricing.js";
import { registerProject } from "./cli/project.js";
import { registerRoute } from "./cli/route.js";
import { registerValidate } from "./cli/validate.js";
import { registerWizard } from "./cli/wizard.js";
import { ExitCode } from "./errors.js";
import { removeTemporaries } from "./io/temporary-files.js";
import { VERSION } from "./version.js";

// A reader that stops early (`| head`) is not an error: stop quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// Ctrl-C during a long run: remove half-written temporary files and exit 130 (128 + SIGINT), quietly.
// SIGTERM likewise (143). Output files are only ever renamed into place once complete.
for (const [signal, code] of [
  ["SIGINT", ExitCode.interrupted],
  ["SIGTERM", ExitCode.terminated],
] as const) {
  process.once(signal, () => {
    removeTemporaries();
    process.stderr.write(`\nllmcost: interrupted (${signal}); no partial output was left behind\n`);
    process.exit(code);
  });
}

const program = new Command("llmcost")
  .description(
    "Cost and routing analyzer for LLM traffic: AWS Bedrock versus direct provider APIs, breakeven volume,\n" +
      "growth and optimization tips; offline, explained replay of routing policies.",
  )
  .version(VERSION, "-V, --version")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride()
  .addHelpText(
    "after",
    `
Examples:
  $ llmcost project --traffic fixtures/traffic/saas-assistant-week.csv
  $ llmcost project --traffic logs.csv --scenario my.scenario.yaml --format json | jq .options
  $ llmcost route --dry-run --traffic fixtures/traffic/saas-assistant-week.csv --policy fixtures/policies/seed-hybrid.yaml
  $ llmcost pricing show claude-sonnet-4-5
  $ llmcost wizard`,
  );

registerProject(program);
registerRoute(program);
registerWizard(program);
registerPricing(program);
registerValidate(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other commander error is bad usage (exit 2).
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.exitCode = handleFailure(error, process.argv.includes("--verbose"));
  }
}
