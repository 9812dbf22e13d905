// Worker thread for the in-order parallel reader: reads its byte segments (each from a record boundary),
// validates every row like the single-threaded reader and posts them as columnar batches, segment by
// segment. It never runs more than MAX_AHEAD batches ahead of the thread that replays them: after each
// post it blocks until that thread has taken enough, so memory stays bounded whatever the file size.
import { parentPort } from "node:worker_threads";
import { InputError, type InputLocation } from "../errors.js";
import { resolveHeader } from "./columns.js";
import { keptMeta, type RowParserOptions } from "./parse-row.js";
import { OpenQuoteError, RecordReader } from "./record-reader.js";
import { streamRangeInWorker } from "./record-stream.js";
import { batchBuffers, type RowBatch, RowBatchBuilder } from "./row-batch.js";
import type { RowValues } from "./row-values.js";

export interface OrderedJob {
  file: string;
  header: string[];
  newline: "\n" | "\r\n";
  map: Record<string, string>;
  rowOptions: RowParserOptions;
  segments: { index: number; start: number; end: number }[];
  batchRows: number;
  /** Int32 slots: [batches posted and not yet taken, cancelled]. */
  control: SharedArrayBuffer;
}

export type OrderedMessage =
  | { kind: "progress"; bytes: number }
  | { kind: "batch"; segment: number; batch: RowBatch }
  | { kind: "end"; segment: number; records: number }
  | { kind: "failed"; segment: number; openQuote: boolean; location?: InputLocation; message: string };

/** Batches a worker may have posted that the replay has not taken yet. */
export const MAX_AHEAD = 4;
export const IN_FLIGHT = 0;
export const CANCELLED = 1;

/** Blocks this worker (not the replay) until the replay has room for another batch, or the read stops. */
function waitForRoom(control: Int32Array): void {
  for (;;) {
    const inFlight = Atomics.load(control, IN_FLIGHT);
    if (inFlight < MAX_AHEAD || Atomics.load(control, CANCELLED) !== 0) return;
    Atomics.wait(control, IN_FLIGHT, inFlight, 100);
  }
}

async function readSegments(job: OrderedJob, post: (message: OrderedMessage) => void): Promise<void> {
  const layout = resolveHeader(job.header, job.map);
  if (!("index" in layout)) throw new Error(`header rejected in a worker: ${layout.message}`);
  const control = new Int32Array(job.control);
  const metaColumns = keptMeta(layout, job.rowOptions).map((column) => column.name);
  const builder = new RowBatchBuilder(job.batchRows, metaColumns, job.rowOptions.texts);
  let segment = -1;
  const flush = (): void => {
    if (builder.size === 0) return;
    const batch = builder.take();
    Atomics.add(control, IN_FLIGHT, 1);
    port?.postMessage({ kind: "batch", segment, batch } satisfies OrderedMessage, batchBuffers(batch));
    waitForRoom(control);
  };
  for (const range of job.segments) {
    segment = range.index;
    if (Atomics.load(control, CANCELLED) !== 0) return;
    // Local record numbers start at 1 as if the segment followed the header; the replay thread adds the
    // records of the segments before it.
    const onValues = (values: RowValues): void => {
      if (builder.add(values)) flush();
    };
    const reader = RecordReader.forValues(job.file, onValues, job.map, {
      ...job.rowOptions,
      layout,
      firstRecord: 1,
    });
    try {
      await streamRangeInWorker(job.file, reader, { ...range, newline: job.newline }, (bytes) =>
        post({ kind: "progress", bytes }),
      );
    } catch (error) {
      // The rows before the problem are replayed first: a replay error among them comes first in the file.
      flush();
      post(failure(segment, error));
      return;
    }
    flush();
    post({ kind: "end", segment, records: reader.records - 1 });
  }
}

function failure(segment: number, error: unknown): OrderedMessage {
  if (error instanceof InputError) {
    const openQuote = error instanceof OpenQuoteError;
    return { kind: "failed", segment, openQuote, location: error.location, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "failed", segment, openQuote: false, message };
}

const port = parentPort;
if (port) {
  const post = (message: OrderedMessage): void => port.postMessage(message);
  port.once("message", (job: OrderedJob) => {
    readSegments(job, post).catch((error: unknown) => post(failure(-1, error)));
  });
}
