// Reading input files with errors that name the file and say what was expected.
import { readFile, stat } from "node:fs/promises";
import { InputError } from "../errors.js";

/** Throws an InputError unless `file` exists and is a regular file. */
export async function assertReadableFile(file: string): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError({ file }, "file not found");
    if (code === "EACCES") throw new InputError({ file }, "permission denied");
    throw new InputError({ file }, `cannot read file (${code ?? "unknown error"})`);
  }
  if (info.isDirectory()) throw new InputError({ file }, "is a directory; expected a file");
  if (!info.isFile()) throw new InputError({ file }, "is not a regular file");
  return info.size;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads a whole UTF-8 text file (BOM stripped); a file that is not UTF-8 is an InputError. */
export async function readTextFile(file: string): Promise<string> {
  await assertReadableFile(file);
  const bytes = await readFile(file);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError({ file }, "is not valid UTF-8 text; expected a UTF-8 encoded file");
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
