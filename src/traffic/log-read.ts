// Streams one log or export file through its LogFormat: JSON lines one line at a time (memory flat), a JSON
// document parsed whole (sniff.ts caps its size), a CSV export row by row as objects keyed by its header.
// Every record's rows go to `emit` with the record's location, so errors name the file and the line (JSON
// lines, CSV) or the record index (a document).
import Papa from "papaparse";
import { InputError } from "../errors.js";
import type { ImportContext, ImportedRow, RecordLocation } from "./formats/log-format.js";
import { bytesError, openBytes, readDocument, type SniffedFile, type SniffedLog } from "./sniff.js";

export interface LogReadOptions {
  modelMap: ReadonlyMap<string, string>;
  /** Decompressed bytes read so far. */
  onBytes?: (bytes: number) => void;
  signal?: AbortSignal;
}

export interface LogReadSummary {
  /** Records handed to the format. */
  records: number;
  /** Records the format skipped on purpose, by reason. */
  skipped: Map<string, number>;
}

export type ImportedRowSink = (row: ImportedRow, at: RecordLocation) => void;

export async function readLogFile(
  sniffed: SniffedLog,
  emit: ImportedRowSink,
  options: LogReadOptions,
): Promise<LogReadSummary> {
  const skipped = new Map<string, number>();
  const context: ImportContext = {
    skip: (reason) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1),
    modelMap: options.modelMap,
  };
  const { format, file } = sniffed;
  let records = 0;
  const take = (value: unknown, at: RecordLocation): void => {
    const onRow = (row: ImportedRow): void => emit(row, at);
    if (format.records === undefined) {
      records++;
      format.toRows(value, at, onRow, context);
      return;
    }
    let index = 0;
    for (const record of format.records(value)) {
      records++;
      // A line that is itself the record needs no index; a document's records and a page's buckets do.
      const where = record === value && at.line !== undefined ? at : { ...at, record: index };
      format.toRows(record, where, (row) => emit(row, where), context);
      index++;
    }
  };
  if (sniffed.layout === "json-lines") await forEachLine(sniffed, options, take);
  else if (sniffed.layout === "csv") await forEachCsvRow(sniffed, options, take);
  else {
    const document = await readDocument(file, sniffed.gzip);
    options.signal?.throwIfAborted();
    // An array the format does not take whole is a list of its records.
    if (Array.isArray(document) && format.records === undefined) {
      document.forEach((record, index) => {
        records++;
        const at = { file, record: index };
        format.toRows(record, at, (row) => emit(row, at), context);
      });
    } else take(document, { file });
  }
  return { records, skipped };
}

async function forEachLine(
  sniffed: SniffedFile,
  options: LogReadOptions,
  take: (value: unknown, at: RecordLocation) => void,
): Promise<void> {
  const { file, gzip } = sniffed;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const stream = openBytes(file, gzip);
  let rest = "";
  let line = 0;
  let bytes = 0;
  const parseLine = (text: string): void => {
    line++;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(
        { file, line },
        `is not valid JSON (${error instanceof Error ? error.message : String(error)}); expected one JSON record per line`,
      );
    }
    take(value, { file, line });
  };
  try {
    for await (const chunk of stream) {
      options.signal?.throwIfAborted();
      bytes += (chunk as Buffer).length;
      options.onBytes?.(bytes);
      const text = rest + decoder.decode(chunk as Buffer, { stream: true });
      let from = 0;
      for (let end = text.indexOf("\n", from); end >= 0; end = text.indexOf("\n", from)) {
        parseLine(text.slice(from, end));
        from = end + 1;
      }
      rest = text.slice(from);
    }
    rest += decoder.decode();
    if (rest !== "") parseLine(rest);
  } catch (error) {
    throw bytesError(file, error);
  } finally {
    stream.destroy();
  }
}

/** A CSV export's rows as objects keyed by header; `line` is the row's record number + 1 (the header is
 * line 1), the line it starts on unless a quoted field spans lines. */
function forEachCsvRow(
  sniffed: SniffedFile,
  options: LogReadOptions,
  take: (value: unknown, at: RecordLocation) => void,
): Promise<void> {
  const { file, gzip } = sniffed;
  const stream = openBytes(file, gzip);
  let line = 1;
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      stream.destroy();
      reject(bytesError(file, error));
    };
    stream.on("error", fail);
    Papa.parse<Record<string, string>>(stream, {
      header: true,
      skipEmptyLines: true,
      step(result, parser) {
        if (failed) return parser.abort();
        line++;
        const problem = result.errors[0];
        try {
          if (problem) throw new InputError({ file, line }, `malformed CSV (${problem.message})`);
          options.signal?.throwIfAborted();
          take(result.data, { file, line });
        } catch (error) {
          parser.abort();
          fail(error);
        }
      },
      complete: () => {
        if (!failed) resolve();
      },
      error: (error) => fail(error),
    });
  });
}
