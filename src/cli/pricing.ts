// Declares `llmcost pricing`; the body lives in commands/pricing.ts and is imported on use.
import type { Command } from "commander";

export function registerPricing(program: Command): void {
  program.command("pricing").description("(not built yet)");
}
