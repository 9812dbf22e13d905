// Writes a finished report: to stdout, or to a file through a temporary file and a rename, so an error or
// Ctrl-C never leaves a half-written report behind.
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { trackTemporary } from "./temporary-files.js";

export async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const untrack = trackTemporary(temporary);
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    untrack();
  }
}

export async function emitReport(content: string, output: string | undefined): Promise<void> {
  const text = content.endsWith("\n") ? content : `${content}\n`;
  if (output) await writeAtomically(output, text);
  else process.stdout.write(text);
}
