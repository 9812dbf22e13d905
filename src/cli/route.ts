// Declares `llmcost route`; the body lives in commands/route.ts and is imported on use.
import type { Command } from "commander";

export function registerRoute(program: Command): void {
  program.command("route").description("(not built yet)");
}
