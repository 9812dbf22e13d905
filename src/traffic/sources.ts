// What `--traffic` names, as a list of files: each value is a file, a folder (read recursively) or a glob,
// and the flag may be given more than once. Files come in argument order, and within one folder or glob in
// sorted path order, so a run reads the same files in the same order on every machine. Under a folder or
// glob, files in a `data/` folder are Bedrock invocation logging's large request and response bodies, not
// log records: they are skipped and counted. A folder or glob that matches nothing is an error.
import { stat } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { InputError } from "../errors.js";
import { readFailure } from "../io/files.js";

export interface TrafficSources {
  /** Every file to read, in reading order, each once. */
  files: string[];
  /** Files under a `data/` folder of a folder or glob (Bedrock large-body objects), not read. */
  skippedBodies: number;
}

/** Resolves the `--traffic` values into files; a named file is taken as it is (its content says what it
 * is), a missing path that is not a glob is "file not found". */
export async function resolveTrafficSources(values: readonly string[]): Promise<TrafficSources> {
  const files: string[] = [];
  const seen = new Set<string>();
  let skippedBodies = 0;
  const add = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push(file);
  };
  for (const value of values) {
    const kind = await pathKind(value);
    if (kind === "file") {
      add(value);
      continue;
    }
    const found = kind === "folder" ? await filesUnder(value) : await filesMatching(value);
    if (found.files.length === 0 && found.bodies === 0) {
      throw new InputError(
        { file: value },
        kind === "folder"
          ? "is a folder with no files in it; expected traffic files (hidden files are not read)"
          : "matches no file; expected a file, a folder or a glob that matches traffic files",
      );
    }
    if (found.files.length === 0) {
      throw new InputError(
        { file: value },
        `holds only large-body objects under data/ (${found.bodies} skipped); expected log records (the hourly .json.gz objects)`,
      );
    }
    skippedBodies += found.bodies;
    for (const file of found.files) add(file);
  }
  return { files, skippedBodies };
}

async function pathKind(value: string): Promise<"file" | "folder" | "glob"> {
  try {
    const info = await stat(value);
    return info.isDirectory() ? "folder" : "file";
  } catch (error) {
    if (isDynamicPattern(value)) return "glob";
    throw readFailure(value, error);
  }
}

interface Found {
  files: string[];
  bodies: number;
}

async function filesUnder(folder: string): Promise<Found> {
  const paths = await glob("**/*", { cwd: folder, onlyFiles: true, followSymbolicLinks: true, dot: false });
  return split(paths.map((path) => ({ relative: path, file: join(folder, path) })));
}

async function filesMatching(pattern: string): Promise<Found> {
  // Paths in the form the pattern has: absolute for an absolute pattern, else relative to the working folder.
  const paths = await glob(pattern, {
    onlyFiles: true,
    followSymbolicLinks: true,
    dot: false,
    absolute: isAbsolute(pattern),
  });
  const base = staticBase(pattern);
  return split(paths.map((path) => ({ relative: relative(base, path), file: path })));
}

/** The pattern's leading folders without glob characters: `data/` is looked for below them only. */
function staticBase(pattern: string): string {
  const parts = pattern.split("/");
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join("/") || ".";
}

/** Sorted by path (code-unit order, the same everywhere); `data/` below the base counted apart. */
function split(entries: { relative: string; file: string }[]): Found {
  const files: string[] = [];
  let bodies = 0;
  const sorted = entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const entry of sorted) {
    const folders = entry.relative.split(/[\\/]/).slice(0, -1);
    if (folders.includes("data")) bodies++;
    else files.push(entry.file);
  }
  return { files, bodies };
}
