// JSON has no comments, but JSON files often carry them (`//`, `/* */`, from JSONC habits): the parser's
// error says nothing useful about them, so a comment is named with its line instead.
import { InputError } from "../errors.js";

export function isJsonName(file: string): boolean {
  return /\.json$/i.test(file);
}

/** Throws when `text` (JSON that failed to parse) holds a `//` or `/*` comment outside a string. */
export function refuseJsonComments(file: string, text: string): void {
  const at = commentOffset(text);
  if (at === undefined) return;
  const line = text.slice(0, at).split("\n").length;
  throw new InputError(
    { file, line },
    `invalid JSON: JSON allows no comments, found "${text.slice(at, at + 2)}"; remove the comment (or write the file as YAML, which allows # comments)`,
  );
}

/** Where the first comment starts: a scan that skips JSON strings (with their backslash escapes). */
function commentOffset(text: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) return i;
  }
  return undefined;
}
