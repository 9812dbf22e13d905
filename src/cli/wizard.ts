// Declares `llmcost wizard`; the body lives in commands/wizard.ts and is imported on use.
import type { Command } from "commander";

export function registerWizard(program: Command): void {
  program.command("wizard").description("(not built yet)");
}
