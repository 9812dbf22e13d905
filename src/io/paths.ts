// Paths as users write them: `~` for the home folder at a prompt, paths inside an input file relative to
// that file's folder, and paths shown back the way they would be typed from the working folder.
import { homedir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

/** `~` and `~/rest` name the home folder, as a shell would expand them; anything else is unchanged. */
export function expandHome(path: string, home: string = homedir()): string {
  if (path === "~") return home;
  if (path.startsWith("~/")) return join(home, path.slice(2));
  return path;
}

/** A path written inside `file`, resolved against the folder that holds `file` (absolute paths stay). */
export function pathInFile(file: string, written: string): string {
  return isAbsolute(written) ? written : resolve(dirname(file), written);
}

/** `path` relative to the working folder when it lies inside it, otherwise absolute. */
export function pathAsTyped(path: string, cwd: string = process.cwd()): string {
  const absolute = resolve(cwd, path);
  const inside = relative(cwd, absolute);
  return inside === "" || inside.startsWith("..") || isAbsolute(inside) ? absolute : inside;
}

/** `path` as it must be written inside `file` to name the same file (see `pathInFile`). */
export function pathForFile(file: string, path: string): string {
  const from = dirname(resolve(file));
  const written = relative(from, resolve(path));
  return written === "" ? "." : written;
}

/** Quotes a shell word only when it needs it, so a printed command pastes as it is. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
