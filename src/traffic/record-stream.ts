// Streams a file (or a byte range of it) through UTF-8 decoding and papaparse into a RecordReader.
// Shared by the single-threaded reader and the worker threads so all tokenize and report alike.
import { createReadStream } from "node:fs";
import { pipeline, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import Papa from "papaparse";
import { InputError } from "../errors.js";
import type { RecordReader } from "./record-reader.js";
import { SyncFileSource } from "./sync-file-source.js";
import { Utf8TextStream } from "./text-stream.js";

export interface RecordStreamOptions {
  /** Byte range, `end` exclusive; the whole file when absent. A range must start at a record boundary. */
  start?: number;
  end?: number;
  gzip?: boolean;
  /** Line break to use instead of papaparse's guess (workers get the one guessed from the file's start). */
  newline?: "\n" | "\r\n";
  /** Read with blocking reads (worker threads only; see SyncFileSource). */
  syncReads?: boolean;
  /** Bytes read so far (compressed bytes for .gz), counted from `start`. */
  onBytes?: (bytesRead: number) => void;
  signal?: AbortSignal;
}

export function streamRecords(
  file: string,
  reader: RecordReader,
  options: RecordStreamOptions,
): Promise<void> {
  const { start = 0, end, signal } = options;
  const source: Readable = options.syncReads
    ? new SyncFileSource(file, start, end !== undefined && end > start ? end : undefined)
    : createReadStream(file, {
        highWaterMark: 1 << 16,
        start,
        ...(end !== undefined && end > start && { end: end - 1 }),
      });
  let bytesRead = 0;
  source.on("data", (chunk: Buffer) => {
    bytesRead += chunk.length;
    options.onBytes?.(bytesRead);
  });
  const text = new Utf8TextStream(file, start, options.gzip === true);
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: unknown): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      if (error === undefined) {
        resolve();
        return;
      }
      source.destroy();
      reject(error);
    };
    const onAbort = (): void => settle(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = (error: Error | null): void => {
      if (error) settle(streamError(file, error));
    };
    const input: Readable = options.gzip
      ? pipeline(source, createGunzip({ chunkSize: 1 << 16 }), text, done)
      : pipeline(source, text, done);
    Papa.parse<string[]>(input, {
      delimiter: ",",
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      // The text stream turns CRLF into LF, so a CRLF file's records end in LF.
      ...(options.newline !== undefined && { newline: "\n" }),
      chunk(results, parser) {
        if (settled) return parser.abort();
        try {
          reader.take(results, text.charsOut, text.lastPiece);
        } catch (error) {
          settle(error);
          parser.abort();
        }
      },
      complete() {
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
      `is not a valid gzip file (${error.message}); expected a whole file written by gzip (it starts with gzip's magic bytes 1f 8b)`,
    );
  }
  return new InputError({ file }, `cannot be read (${error.message})`);
}

/** Progress from a worker is posted in steps of about 1 MiB, not per chunk. */
const WORKER_PROGRESS_STEP = 1 << 20;

/**
 * Streams one byte range in a worker thread (blocking reads) and reports the bytes read in steps, the
 * remainder once the range is done: the sum of the reports is the range's length.
 */
export async function streamRangeInWorker(
  file: string,
  reader: RecordReader,
  range: { start: number; end: number; newline: "\n" | "\r\n" },
  reportBytes: (bytes: number) => void,
): Promise<void> {
  let reported = 0;
  await streamRecords(file, reader, {
    start: range.start,
    end: range.end,
    newline: range.newline,
    syncReads: true,
    onBytes: (bytes) => {
      if (bytes - reported < WORKER_PROGRESS_STEP) return;
      reportBytes(bytes - reported);
      reported = bytes;
    },
  });
  reportBytes(range.end - range.start - reported);
}
