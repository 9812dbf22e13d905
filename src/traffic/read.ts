// Streams a traffic CSV (or .csv.gz) row by row: papaparse tokenizes, parse-row validates. Memory stays
// flat whatever the file size; every problem is an InputError naming the file, the row and the column.
// Row numbers are record numbers: the header is row 0, the first data row is row 1, and a quoted field
// that spans lines does not advance the count.
import { createReadStream } from "node:fs";
import { pipeline, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import Papa from "papaparse";
import { InputError } from "../errors.js";
import { assertReadableFile } from "../io/files.js";
import { type ColumnLayout, resolveHeader } from "./columns.js";
import { type RowParser, rowParser } from "./parse-row.js";
import type { TrafficRow } from "./row.js";
import { Utf8TextStream } from "./text-stream.js";

export interface ReadTrafficOptions {
  /** CSV column (exact header name) -> canonical field, from `--map col=field`. */
  map?: Record<string, string>;
  /** Bytes of the file read so far (compressed bytes for .gz) and its size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  signal?: AbortSignal;
}

export interface TrafficReadSummary {
  /** Data rows read. */
  rows: number;
  /** Requests: the sum of the `requests` weights. */
  requests: number;
  /** Header names as found (trimmed). */
  columns: string[];
  /** Columns kept as `row.meta`. */
  metaColumns: string[];
}

/** Papaparse only finds an unclosed quote at the end of the input and re-parses the growing record on
 * every chunk; past this many characters without a complete record we stop and report it. */
const MAX_RECORD_CHARS = 8 << 20;

/** Reads `file`, calling `onRow` for each validated data row in file order. */
export async function readTraffic(
  file: string,
  onRow: (row: TrafficRow) => void,
  options: ReadTrafficOptions = {},
): Promise<TrafficReadSummary> {
  const totalBytes = await assertReadableFile(file);
  options.signal?.throwIfAborted();
  const source = createReadStream(file, { highWaterMark: 1 << 16 });
  let bytesRead = 0;
  source.on("data", (chunk) => {
    bytesRead += chunk.length;
    options.onProgress?.(bytesRead, totalBytes);
  });
  const text = new Utf8TextStream(file);
  const gzip = file.toLowerCase().endsWith(".gz");
  const reader = new RecordReader(file, onRow, options.map ?? {});
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: unknown): void => {
      if (settled) return;
      settled = true;
      if (error === undefined) {
        try {
          resolve(reader.finish());
        } catch (finishError) {
          reject(finishError);
        }
        return;
      }
      source.destroy();
      reject(error);
    };
    const onAbort = (): void => settle(options.signal?.reason);
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const done = (error: Error | null): void => {
      if (error) settle(streamError(file, error));
    };
    const input: Readable = gzip
      ? pipeline(source, createGunzip({ chunkSize: 1 << 16 }), text, done)
      : pipeline(source, text, done);
    Papa.parse<string[]>(input, {
      delimiter: ",",
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      chunk(results, parser) {
        if (settled) return parser.abort();
        try {
          reader.take(results, text.charsOut);
        } catch (error) {
          settle(error);
          parser.abort();
        }
      },
      complete() {
        options.signal?.removeEventListener("abort", onAbort);
        settle(undefined);
      },
      error(error) {
        settle(streamError(file, error));
      },
    });
  });
}

function streamError(file: string, error: Error): Error {
  if (error instanceof InputError || error.name === "AbortError") return error;
  if ("code" in error && typeof error.code === "string" && error.code.startsWith("Z_")) {
    return new InputError(
      { file },
      `is not a valid gzip file (${error.message}); expected a .csv.gz written by gzip`,
    );
  }
  return new InputError({ file }, `cannot be read (${error.message})`);
}

/** Turns papaparse's chunks of records into rows, keeping the record count across chunks. */
class RecordReader {
  private records = 0;
  private layout: ColumnLayout | undefined;
  private parseRow: RowParser | undefined;
  private rows = 0;
  private requests = 0;

  constructor(
    private readonly file: string,
    private readonly onRow: (row: TrafficRow) => void,
    private readonly map: Record<string, string>,
  ) {}

  take(results: Papa.ParseResult<string[]>, charsFed: number): void {
    const { data } = results;
    // Errors about a record at or past data.length belong to a partial record that is parsed again later.
    const problem = results.errors.find((error) => error.row !== undefined && error.row < data.length);
    const stopAt = problem?.row ?? data.length;
    for (let i = 0; i < stopAt; i++) {
      const cells = data[i];
      if (cells !== undefined) this.record(cells);
    }
    if (problem) throw this.quoteError(problem.code, this.records);
    if (charsFed - results.meta.cursor > MAX_RECORD_CHARS) {
      throw new InputError(
        { file: this.file, row: this.records },
        `a record is longer than ${MAX_RECORD_CHARS / (1 << 20)} MiB; expected a closing quote (is a quoted field never closed?)`,
      );
    }
  }

  private record(cells: string[]): void {
    const row = this.records++;
    if (this.parseRow === undefined) {
      this.header(cells);
      return;
    }
    // A blank line is not a row; it still counts so later row numbers match the file's records.
    if (cells.length === 1 && cells[0] === "") return;
    const traffic = this.parseRow(cells, row);
    this.rows++;
    this.requests += traffic.requests;
    this.onRow(traffic);
  }

  private header(cells: string[]): void {
    const layout = resolveHeader(cells, this.map);
    if (!("index" in layout)) {
      const location =
        layout.field === undefined
          ? { file: this.file, row: 0 }
          : { file: this.file, row: 0, field: layout.field };
      throw new InputError(location, layout.message);
    }
    this.layout = layout;
    this.parseRow = rowParser(this.file, layout);
  }

  private quoteError(code: string, row: number): InputError {
    const message =
      code === "MissingQuotes"
        ? "a quoted field is never closed; expected a closing quote before the end of the file (a truncated file?)"
        : code === "InvalidQuotes"
          ? 'a quoted field has text after its closing quote; expected a comma or a line end (write a quote inside a quoted field as "")'
          : `malformed CSV (${code})`;
    return new InputError({ file: this.file, row }, message);
  }

  finish(): TrafficReadSummary {
    if (this.layout === undefined) {
      throw new InputError({ file: this.file }, "is empty; expected a header row and at least one data row");
    }
    if (this.rows === 0) {
      throw new InputError(
        { file: this.file, row: 1 },
        "has a header but no data rows; expected at least one data row",
      );
    }
    return {
      rows: this.rows,
      requests: this.requests,
      columns: this.layout.columns,
      metaColumns: this.layout.meta.map((column) => column.name),
    };
  }
}
