// Reading input files with errors that name the file and say what was expected.
import { readFile, stat } from "node:fs/promises";
import { InputError } from "../errors.js";

/** Throws an InputError unless `file` exists and is a regular file. */
export async function assertReadableFile(file: string): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    throw readFailure(file, error);
  }
  if (info.isDirectory()) throw new InputError({ file }, "is a directory; expected a file");
  if (!info.isFile()) throw new InputError({ file }, "is not a regular file");
  return info.size;
}

/**
 * An operating-system error while reading `file` as an InputError (exit 2): permission denied, an I/O error,
 * a directory where a file was expected. Anything that is not an OS error is returned unchanged (a bug).
 */
export function readFailure(file: string, error: unknown): unknown {
  if (!(error instanceof Error) || !("code" in error) || typeof error.code !== "string") return error;
  const reasons: Record<string, string> = {
    ENOENT: "file not found",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "is a directory; expected a file",
    EIO: "cannot be read: input/output error",
    ENOTDIR: "a part of its path is not a folder",
    ELOOP: "too many levels of symbolic links",
    ENAMETOOLONG: "the path is too long",
  };
  return new InputError({ file }, reasons[error.code] ?? `cannot be read (${error.code})`);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads a whole UTF-8 text file (BOM stripped); a file that is not UTF-8 is an InputError. */
export async function readTextFile(file: string): Promise<string> {
  await assertReadableFile(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw readFailure(file, error);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError({ file }, "is not valid UTF-8 text; expected a UTF-8 encoded file");
  }
  // Two turns of the event loop before the caller parses: a signal that arrived while the file was read
  // or decoded is handled now, before a long parse may set the handlers aside (withDefaultSignals). One
  // turn is not enough: a signal that came during this continuation is only polled in the next one.
  await nextTurn();
  await nextTurn();
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
