// Where a run's outputs go, decided before the run: a regular file (or a new path) is written through a
// temporary file renamed into place, after following symlinks to their target, so an error or Ctrl-C never
// leaves a half-written report; a character device, a FIFO or standard output is written directly (a rename
// would replace the device or pipe itself). An output that is the same file as an input or another output is
// refused, because writing it would destroy that input.
import { accessSync, constants, lstatSync, readlinkSync, realpathSync, type Stats, statSync } from "node:fs";
import { chmod, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { InputError } from "../errors.js";
import { trackTemporary } from "./temporary-files.js";

/** How an output is written: `atomic` through a temporary file and a rename; `direct` into a device or
 * FIFO; `stdout` and `stderr` to the process's own streams (`/dev/stdout`: they may be sockets, which
 * cannot be opened by path). */
type OutputKind = "atomic" | "direct" | "stdout" | "stderr";

export interface OutputTarget {
  /** As the user named it, for messages. */
  file: string;
  /** The path written: symlinks resolved. */
  path: string;
  kind: OutputKind;
  /** The permission bits of the file replaced, kept on the new one. */
  mode?: number;
}

const STDOUT_NAMES: ReadonlySet<string> = new Set(["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]);
const STDERR_NAMES: ReadonlySet<string> = new Set(["/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"]);

/** Where the report for `path` is written before it is renamed into place: beside it, hidden. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

export interface OutputRequest {
  /** The path given, or undefined when the flag was not used. */
  file: string | undefined;
  /** The option that named it, for messages. */
  flag: string;
}

/**
 * Checks every output of a run before any work, and says how each is written (undefined where the flag was
 * not given, in the order asked). Refused with an InputError (exit 2): a folder, a missing folder, a path that
 * cannot be written, an output that is the same file as an input or another output (same device and inode
 * after following symlinks; character devices such as /dev/null are exempt), an output inside a folder given
 * as an input.
 */
export function prepareOutputs(
  inputs: readonly (string | undefined)[],
  outputs: readonly OutputRequest[],
): (OutputTarget | undefined)[] {
  const inputFiles = inputs.flatMap((file) => (file === undefined ? [] : [identify(file)]));
  const seen: { file: string; flag: string; id: FileIdentity }[] = [];
  return outputs.map(({ file, flag }) => {
    if (file === undefined) return undefined;
    const target = outputTarget(file, flag);
    if (target.kind === "stdout" || target.kind === "stderr") return target;
    const id = identify(target.path);
    for (const input of inputFiles) {
      if (sameFile(id, input)) {
        throw new InputError(
          { file },
          `cannot be written (${flag}): it is the input file ${input.file}; writing it would destroy that input. Choose another output path`,
        );
      }
      if (input.folder !== undefined && isInside(target.path, input.folder)) {
        throw new InputError(
          { file },
          `cannot be written (${flag}): it is inside the input folder ${input.file}. Choose another output path`,
        );
      }
    }
    for (const other of seen) {
      if (sameFile(id, other.id) || (id.missing && id.path === other.id.path)) {
        throw new InputError(
          { file },
          `cannot be written (${flag}): ${other.flag} already writes to ${other.file}; give each output its own path`,
        );
      }
    }
    seen.push({ file, flag, id });
    return target;
  });
}

/** One output path, resolved and checked (see prepareOutputs, which also compares it with the inputs). */
function outputTarget(file: string, flag: string): OutputTarget {
  if (STDOUT_NAMES.has(file)) return { file, path: file, kind: "stdout" };
  if (STDERR_NAMES.has(file)) return { file, path: file, kind: "stderr" };
  // `resolve` drops a trailing slash: `-o reports/` would write a file named `reports`.
  if (file.endsWith("/") || file.endsWith(sep)) {
    throw new InputError({ file }, `names a directory (it ends in "/"); expected a file name for ${flag}`);
  }
  const path = followSymlinks(file, flag);
  let info: Stats | undefined;
  try {
    info = statSync(path);
  } catch {
    info = undefined;
  }
  if (info?.isDirectory()) throw new InputError({ file }, `is a folder; expected a file name for ${flag}`);
  if (info !== undefined && !info.isFile() && !info.isCharacterDevice() && !info.isFIFO()) {
    throw new InputError(
      { file },
      `cannot be written (${flag}): expected a regular file, a character device or a FIFO, found ${describeKind(info)}`,
    );
  }
  const kind: OutputKind = info === undefined || info.isFile() ? "atomic" : "direct";
  try {
    // An atomic write creates a file in the folder; a direct write opens the existing file.
    accessSync(kind === "atomic" ? dirname(path) : path, constants.W_OK);
  } catch (error) {
    throw writeFailure(file, error);
  }
  return { file, path, kind, ...(info?.isFile() && { mode: info.mode & 0o7777 }) };
}

/** The path a write would reach: symlinks followed (dangling ones too), the folder made canonical. */
function followSymlinks(file: string, flag: string): string {
  let path = resolve(file);
  let hops = 0;
  for (; ; hops++) {
    let info: Stats;
    try {
      info = lstatSync(path);
    } catch {
      break;
    }
    if (!info.isSymbolicLink()) break;
    if (hops >= 40)
      throw new InputError({ file }, `cannot be written (${flag}): too many levels of symbolic links`);
    const target = readlinkSync(path);
    // /proc/self/fd/N of a pipe or socket links to "pipe:[123]", not a path: open the link itself.
    if (/^[a-z_]+:\[\d+\]$|^anon_inode:/.test(target)) break;
    path = resolve(dirname(path), target);
  }
  const folder = dirname(path);
  let folderInfo: Stats | undefined;
  try {
    folderInfo = statSync(folder);
  } catch {
    folderInfo = undefined;
  }
  if (!folderInfo?.isDirectory()) {
    throw new InputError(
      { file },
      `cannot be written (${flag}): expected an existing folder "${hops === 0 ? dirname(file) : folder}", found ${folderInfo === undefined ? "nothing there" : "a file"}`,
    );
  }
  return join(realpathSync(folder), basename(path));
}

interface FileIdentity {
  file: string;
  path: string;
  /** `device:inode`, or undefined for a path that does not exist yet or a character device. */
  key: string | undefined;
  /** Nothing is at the path yet. */
  missing: boolean;
  /** The canonical path when the input is a folder. */
  folder?: string;
}

function identify(file: string): FileIdentity {
  try {
    const info = statSync(file);
    const path = realpathSync(file);
    return {
      file,
      path,
      missing: false,
      key: info.isCharacterDevice() ? undefined : `${info.dev}:${info.ino}`,
      ...(info.isDirectory() && { folder: path }),
    };
  } catch {
    return { file, path: resolve(file), missing: true, key: undefined };
  }
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.key !== undefined && a.key === b.key;
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function describeKind(info: Stats): string {
  if (info.isSocket()) return "a socket";
  if (info.isBlockDevice()) return "a block device";
  return "a special file";
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
    EFBIG: "the file is too large",
    EIO: "input/output error",
    ENOENT: "its folder does not exist",
    ENOTDIR: "a part of its path is not a folder",
    EISDIR: "it is a folder",
    EPIPE: "the reader closed the pipe",
    ENXIO: "no reader on the FIFO",
  };
  const reason = reasons[error.code] ?? `the system refused (${error.code})`;
  return new InputError({ file }, `cannot be written: ${reason}`);
}

/** Writes `content` as the whole of `target`: atomically for a regular file, directly for a device. */
export async function writeOutput(target: OutputTarget, content: string): Promise<void> {
  if (target.kind === "stdout" || target.kind === "stderr") {
    process[target.kind].write(content);
    return;
  }
  if (target.kind === "direct") {
    try {
      await writeFile(target.path, content);
    } catch (error) {
      throw writeFailure(target.file, error);
    }
    return;
  }
  const temporary = temporaryPathFor(target.path);
  const untrack = trackTemporary(temporary);
  try {
    await rm(temporary, { force: true });
    await writeFile(temporary, content, { flag: "wx" });
    if (target.mode !== undefined) await chmod(temporary, target.mode);
    await rename(temporary, target.path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw writeFailure(target.file, error);
  } finally {
    untrack();
  }
}

export async function emitReport(content: string, output: OutputTarget | undefined): Promise<void> {
  const text = content.endsWith("\n") ? content : `${content}\n`;
  if (output) await writeOutput(output, text);
  else process.stdout.write(text);
}
