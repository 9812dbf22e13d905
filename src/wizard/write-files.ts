// Writes the wizard's files: asks before replacing any that exist (a refusal writes nothing), writes each
// atomically, and says how to rerun. Without a terminal to ask on, existing files need --yes.
import { access, mkdir } from "node:fs/promises";
import { UsageError } from "../errors.js";
import { prepareOutputs, writeFailure, writeOutput } from "../io/output.js";
import { shellWord } from "../io/paths.js";
import type { Prompter } from "./prompter.js";

export interface FileToWrite {
  path: string;
  content: string;
}

export type WriteOutcome = { written: string[] } | { refused: string[] };

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** `inputs` are the files the run read: a file to write that is one of them is refused (exit 2). */
export async function writeWizardFiles(
  outDir: string,
  files: readonly FileToWrite[],
  choice: { yes: boolean; prompter: Prompter | undefined; inputs?: readonly string[] },
): Promise<WriteOutcome> {
  const existing: string[] = [];
  for (const file of files) if (await exists(file.path)) existing.push(file.path);
  if (existing.length > 0 && !choice.yes) {
    if (!choice.prompter) {
      throw new UsageError(
        `${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""}; pass --yes to overwrite, or --out-dir DIR to write elsewhere`,
      );
    }
    const overwrite = await choice.prompter.confirm({
      message: `Overwrite ${existing.join(", ")}?`,
      default: false,
    });
    if (!overwrite) return { refused: existing };
  }
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw writeFailure(outDir, error);
  }
  const targets = prepareOutputs(
    choice.inputs ?? [],
    files.map((file) => ({ file: file.path, flag: "--out-dir" })),
  );
  for (const [i, file] of files.entries()) {
    const target = targets[i];
    if (target) await writeOutput(target, file.content);
  }
  return { written: files.map((f) => f.path) };
}

/** The commands that reproduce the projection and replay the draft policy; `llmcost` is how it was invoked. */
export function rerunCommands(
  paths: { traffic: string; scenario: string; policy: string },
  pricing: readonly string[],
  llmcost = "llmcost",
): string[] {
  const extra = pricing.flatMap((file) => ["--pricing", shellWord(file)]);
  const traffic = shellWord(paths.traffic);
  return [
    [llmcost, "project --traffic", traffic, "--scenario", shellWord(paths.scenario), ...extra].join(" "),
    [llmcost, "route --dry-run --traffic", traffic, "--policy", shellWord(paths.policy), ...extra].join(" "),
  ];
}
