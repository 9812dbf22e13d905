// User-derived text (cells, header names, model names, file contents quoted in messages) made safe for a
// terminal: control characters are shown as `\xNN`, never sent. Dependency-free, so the traffic reader's
// worker threads and the error path can use it without loading a renderer.

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function hex(c: string): string {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
}

/** Control characters from logs (escape sequences, carriage returns) shown as `\xNN`; line breaks and tabs
 * kept (for text that is several lines on purpose, such as a list of problems). */
export function printable(text: string): string {
  return text.replace(CONTROL_CHARACTERS, hex);
}

/** Like printable, and line breaks and tabs escaped too: a value quoted inside a one-line message stays on
 * that line (`\x0a`; U+2028 and U+2029 as `\u2028`, `\u2029`). */
export function oneLine(text: string): string {
  return text.replace(CONTROL_OR_LINE_BREAK, (c) =>
    c.charCodeAt(0) > 0xff ? `\\u${c.charCodeAt(0).toString(16)}` : hex(c),
  );
}
