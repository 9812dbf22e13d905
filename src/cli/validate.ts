// Declares `llmcost validate`; the body lives in commands/validate.ts and is imported on use.
import type { Command } from "commander";

export function registerValidate(program: Command): void {
  program.command("validate").description("(not built yet)");
}
