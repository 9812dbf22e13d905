// Writes a finished report: to stdout, or to a file through a temporary file and a rename, so an error or
// Ctrl-C never leaves a half-written report behind.
import { statSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InputError } from "../errors.js";
import { trackTemporary } from "./temporary-files.js";

/** Where the report for `file` is written before it is renamed into place: beside it, hidden. */
export function temporaryPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
}

/**
 * Fails before a long run, not after it, when `file` cannot be an output file: its folder is missing or
 * it names a folder. `flag` is the option that named it, for the message.
 */
export function assertWritablePath(file: string, flag: string): void {
  const folder = dirname(file);
  const kind = (path: string): "file" | "folder" | "missing" | "other" => {
    try {
      const info = statSync(path);
      return info.isDirectory() ? "folder" : info.isFile() ? "file" : "other";
    } catch {
      return "missing";
    }
  };
  if (kind(file) === "folder") {
    throw new InputError({ file }, `is a folder; expected a file name for ${flag}`);
  }
  const parent = kind(folder);
  if (parent !== "folder") {
    throw new InputError(
      { file },
      `cannot be written (${flag}): expected an existing folder "${folder}", found ${parent === "missing" ? "nothing there" : "a file"}`,
    );
  }
}

/** An operating-system error while writing `file` as an InputError (exit 2); anything else unchanged. */
export function writeFailure(file: string, error: unknown): unknown {
  if (!(error instanceof Error) || !("code" in error) || typeof error.code !== "string") return error;
  const reasons: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "read-only file system",
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    ENOENT: "its folder does not exist",
    ENOTDIR: "a part of its path is not a folder",
    EISDIR: "it is a folder",
  };
  const reason = reasons[error.code];
  return reason === undefined ? error : new InputError({ file }, `cannot be written: ${reason}`);
}

export async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = temporaryPathFor(file);
  const untrack = trackTemporary(temporary);
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw writeFailure(file, error);
  } finally {
    untrack();
  }
}

export async function emitReport(content: string, output: string | undefined): Promise<void> {
  const text = content.endsWith("\n") ? content : `${content}\n`;
  if (output) await writeAtomically(output, text);
  else process.stdout.write(text);
}
