// Which format a traffic file holds, from its content: gzip by its magic bytes (1f 8b), whatever its name;
// then JSON lines (the first non-empty line parses as JSON), a JSON document (the whole file parses), or
// CSV: a header a log format recognises (LiteLLM's spend-log export), else llmcost's canonical CSV. The
// log formats see the file's first record and say whether it is theirs (LogFormat.detect).
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import Papa from "papaparse";
import { InputError } from "../errors.js";
import { readFailure } from "../io/files.js";
import type { LogFormat } from "./formats/log-format.js";

/** The `--input-format` name of llmcost's own CSV. */
export const CANONICAL_FORMAT = "llmcost-csv";

/** How a file's records are laid out. */
type Layout = "json-lines" | "json-document" | "csv";

/** A file in one of the log formats. */
export interface SniffedLog {
  file: string;
  gzip: boolean;
  format: LogFormat;
  layout: Layout;
}

export type SniffedFile = { file: string; gzip: boolean; format: "canonical" } | SniffedLog;

/** A JSON document is parsed whole: past this many characters, save it as JSON lines (streamed). */
const MAX_DOCUMENT_CHARS = 128 << 20;
/** The first line is looked for in this many characters; a longer one is a document's start. */
const MAX_HEAD_CHARS = 8 << 20;

export async function isGzip(file: string): Promise<boolean> {
  try {
    const handle = await open(file, "r");
    try {
      const magic = Buffer.alloc(2);
      const { bytesRead } = await handle.read(magic, 0, 2, 0);
      return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw readFailure(file, error);
  }
}

/** The file's bytes as a stream, decompressed when it is gzip. */
export function openBytes(file: string, gzip: boolean): Readable {
  const source = createReadStream(file, { highWaterMark: 1 << 16 });
  if (!gzip) return source;
  const gunzip = createGunzip({ chunkSize: 1 << 16 });
  source.on("error", (error) => gunzip.destroy(error));
  return source.pipe(gunzip);
}

/**
 * Finds the format of `file`; `forced` (`--input-format`) skips detection but not the layout. An error when
 * no format recognises the file, naming the formats tried.
 */
export async function sniffFile(
  file: string,
  formats: readonly LogFormat[],
  forced?: string,
): Promise<SniffedFile> {
  const gzip = await isGzip(file);
  const head = await readHead(file, gzip);
  const start = head.search(/\S/);
  const forcedFormat =
    forced === undefined || forced === CANONICAL_FORMAT ? undefined : formatNamed(formats, forced);
  if (forced === CANONICAL_FORMAT) return { file, gzip, format: "canonical" };
  if (start >= 0 && (head[start] === "{" || head[start] === "[")) {
    const json = await sniffJson(file, gzip, head, start);
    if (forcedFormat) return { file, gzip, format: forcedFormat, layout: json.layout };
    const format = detectJson(formats, json.first);
    if (format) return { file, gzip, format, layout: json.layout };
    throw noFormat(file, formats, `JSON ${json.layout === "json-lines" ? "lines" : "document"}`);
  }
  const firstRow = csvFirstRow(head);
  if (forcedFormat) return { file, gzip, format: forcedFormat, layout: "csv" };
  const format = firstRow && formats.find((f) => safeDetect(f, firstRow));
  if (format) return { file, gzip, format, layout: "csv" };
  // Everything else is read as llmcost's CSV, whose reader says what is wrong with its header.
  return { file, gzip, format: "canonical" };
}

/** The error for a file no format recognises. */
function noFormat(file: string, formats: readonly LogFormat[], what: string): InputError {
  const tried = formats.map((f) => `${f.name} (${f.label})`).join(", ");
  return new InputError(
    { file },
    `matches no traffic format: it is ${what}, and none of these recognised its first record: ${tried}; llmcost's CSV (${CANONICAL_FORMAT}) is not JSON. Pass --input-format NAME to force one and see what it expects`,
  );
}

export function formatNamed(formats: readonly LogFormat[], name: string): LogFormat {
  const format = formats.find((f) => f.name === name);
  if (format === undefined) {
    throw new InputError(
      { file: "--input-format" },
      `unknown format "${name}"; expected one of: ${[CANONICAL_FORMAT, ...formats.map((f) => f.name)].join(", ")}`,
    );
  }
  return format;
}

function safeDetect(format: LogFormat, record: unknown): boolean {
  try {
    return format.detect(record);
  } catch {
    return false;
  }
}

/** A JSON value's format: the value itself, else (an array) its first element. */
function detectJson(formats: readonly LogFormat[], first: unknown): LogFormat | undefined {
  const direct = formats.find((f) => safeDetect(f, first));
  if (direct) return direct;
  if (Array.isArray(first) && first.length > 0) return formats.find((f) => safeDetect(f, first[0]));
  return undefined;
}

/** JSON lines when the first non-empty line parses alone; otherwise the whole document must. */
async function sniffJson(
  file: string,
  gzip: boolean,
  head: string,
  start: number,
): Promise<{ layout: Layout; first: unknown }> {
  const end = head.indexOf("\n", start);
  const line = head.slice(start, end < 0 ? undefined : end);
  try {
    return { layout: "json-lines", first: JSON.parse(line) };
  } catch {
    // A pretty-printed document: its first line is not a whole value.
  }
  return { layout: "json-document", first: await readDocument(file, gzip) };
}

/** The first data row of a CSV head, keyed by header, or undefined when there is none. */
function csvFirstRow(head: string): Record<string, string> | undefined {
  const parsed = Papa.parse<Record<string, string>>(head, { header: true, preview: 1, skipEmptyLines: true });
  return parsed.data[0];
}

/** A whole JSON document (decompressed), parsed; too large or not JSON is an InputError. */
export async function readDocument(file: string, gzip: boolean): Promise<unknown> {
  const text = await readText(file, gzip, MAX_DOCUMENT_CHARS, false);
  if (text.length > MAX_DOCUMENT_CHARS) {
    throw new InputError(
      { file },
      `is a JSON document of more than ${MAX_DOCUMENT_CHARS >> 20} MiB, which llmcost parses whole; save the records as JSON lines (one record per line; read as a stream) or split the file`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(
      { file },
      `is not valid JSON (${error instanceof Error ? error.message : String(error)}); expected JSON lines (one record per line) or one JSON document`,
    );
  }
}

/** The file's first characters: at least its first line (up to MAX_HEAD_CHARS). Invalid UTF-8 is replaced
 * here: the reader that takes the file reports it, located. */
function readHead(file: string, gzip: boolean): Promise<string> {
  return readText(file, gzip, MAX_HEAD_CHARS, true);
}

/** Decoded text up to `max` characters (one more when the file is longer); `head`: stop at a newline
 * once 64 KiB are read, and replace invalid bytes instead of failing. */
async function readText(file: string, gzip: boolean, max: number, head: boolean): Promise<string> {
  const decoder = new TextDecoder("utf-8", { fatal: !head });
  const stream = openBytes(file, gzip);
  let text = "";
  try {
    for await (const chunk of stream) {
      text += decoder.decode(chunk as Buffer, { stream: true });
      if (text.length > max || (head && text.length >= 1 << 16 && text.includes("\n"))) break;
    }
    text += decoder.decode();
  } catch (error) {
    throw bytesError(file, error);
  } finally {
    stream.destroy();
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A failure to read or decode `file` as an InputError. */
export function bytesError(file: string, error: unknown): unknown {
  if (error instanceof InputError) return error;
  if (error instanceof TypeError && "code" in error && error.code === "ERR_ENCODING_INVALID_ENCODED_DATA") {
    return new InputError({ file }, "is not valid UTF-8 text; expected UTF-8 encoded JSON or CSV");
  }
  if (
    error instanceof Error &&
    "code" in error &&
    typeof error.code === "string" &&
    error.code.startsWith("Z_")
  ) {
    return new InputError(
      { file },
      `is not a valid gzip file (${error.message}); expected a whole file written by gzip (it starts with gzip's magic bytes 1f 8b)`,
    );
  }
  return readFailure(file, error);
}
