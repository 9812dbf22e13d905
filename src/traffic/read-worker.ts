// Worker thread for both parallel read paths (see worker-pool.ts, the other side): reads its byte segments
// of a traffic CSV (each from a record boundary), validates every row like the single-threaded reader and
// posts what its task makes of them, segment by segment: a partial profile (`project`) or columnar batches
// (`route`). It never runs more than MAX_AHEAD posts ahead of the main thread: after each post it blocks
// until the main thread has taken enough, so memory stays bounded whatever the file size.
import { parentPort } from "node:worker_threads";
import { InputError, type InputLocation } from "../errors.js";
import { type ColumnChoice, type KeptColumns, keptColumns, resolveHeader } from "./columns.js";
import { TrafficProfileBuilder, type TrafficProfilePart } from "./profile.js";
import { OpenQuoteError, RecordReader } from "./record-reader.js";
import { streamRangeInWorker } from "./record-stream.js";
import { batchBuffers, type RowBatch, RowBatchBuilder } from "./row-batch.js";
import type { RowValues } from "./row-values.js";

/** What a worker makes of its rows. */
export type SegmentTask = { kind: "profile"; thresholds: number[] } | { kind: "batches"; batchRows: number };

export interface WorkerJob {
  file: string;
  header: string[];
  newline: "\n" | "\r\n";
  map: Record<string, string>;
  columns: ColumnChoice;
  task: SegmentTask;
  segments: { index: number; start: number; end: number }[];
  /** Int32 slots: [posts not yet taken by the main thread, cancelled]. */
  control: SharedArrayBuffer;
}

export type SegmentData = { kind: "profile"; part: TrafficProfilePart } | { kind: "batch"; batch: RowBatch };

export type WorkerMessage =
  | { kind: "progress"; bytes: number }
  | { kind: "data"; segment: number; data: SegmentData }
  | { kind: "end"; segment: number; records: number; rows: number; requests: number }
  | { kind: "failed"; segment: number; openQuote: boolean; location?: InputLocation; message: string };

/** Posts a worker may have made that the main thread has not taken yet. */
const MAX_AHEAD = 4;
export const IN_FLIGHT = 0;
export const CANCELLED = 1;

/** Takes a segment's rows; `add` says when its output should be posted before the segment ends. */
interface Sink {
  add(values: RowValues): boolean;
  /** Posts what was made so far (at the end of a segment, or before its problem is reported). */
  flush(segment: number): void;
}

type PostData = (segment: number, data: SegmentData, transfer: ArrayBuffer[]) => void;

/** Buckets a worker's partial profile holds before it is posted to the main thread. */
const PART_BUCKETS = 1024;

function profileSink(thresholds: number[], post: PostData): Sink {
  const newBuilder = (): TrafficProfileBuilder =>
    new TrafficProfileBuilder({ longContextThresholds: thresholds });
  let builder = newBuilder();
  return {
    add(values) {
      builder.addValues(values);
      // Many distinct models: post what there is, so a worker holds a bounded number of buckets.
      return builder.bucketCount >= PART_BUCKETS;
    },
    flush(segment) {
      post(segment, { kind: "profile", part: builder.part() }, []);
      builder = newBuilder();
    },
  };
}

function batchSink(batchRows: number, kept: KeptColumns, post: PostData): Sink {
  const builder = new RowBatchBuilder(batchRows, kept);
  return {
    add: (values) => builder.add(values),
    flush(segment) {
      if (builder.size === 0) return;
      const batch = builder.take();
      post(segment, { kind: "batch", batch }, batchBuffers(batch));
    },
  };
}

/** Blocks this worker (not the main thread) until the main thread has room for another post, or the read
 * stops. */
function waitForRoom(control: Int32Array): void {
  for (;;) {
    const inFlight = Atomics.load(control, IN_FLIGHT);
    if (inFlight < MAX_AHEAD || Atomics.load(control, CANCELLED) !== 0) return;
    Atomics.wait(control, IN_FLIGHT, inFlight, 100);
  }
}

async function readSegments(
  job: WorkerJob,
  send: (message: WorkerMessage, transfer?: ArrayBuffer[]) => void,
): Promise<void> {
  const layout = resolveHeader(job.header, job.map);
  if (!("index" in layout)) throw new Error(`header rejected in a worker: ${layout.message}`);
  const control = new Int32Array(job.control);
  const post: PostData = (segment, data, transfer) => {
    Atomics.add(control, IN_FLIGHT, 1);
    send({ kind: "data", segment, data }, transfer);
    waitForRoom(control);
  };
  const { task } = job;
  const sink =
    task.kind === "profile"
      ? profileSink(task.thresholds, post)
      : batchSink(task.batchRows, keptColumns(layout, job.columns), post);
  for (const range of job.segments) {
    const segment = range.index;
    if (Atomics.load(control, CANCELLED) !== 0) return;
    // Local record numbers start at 1 as if the segment followed the header; the main thread adds the
    // records of the segments before it.
    const reader = new RecordReader(
      job.file,
      (values) => {
        if (sink.add(values)) sink.flush(segment);
      },
      { map: job.map, columns: job.columns, layout, firstRecord: 1 },
    );
    try {
      await streamRangeInWorker(job.file, reader, { ...range, newline: job.newline }, (bytes) =>
        send({ kind: "progress", bytes }),
      );
    } catch (error) {
      // The rows before the problem are handled first: a replay error among them comes first in the file.
      sink.flush(segment);
      send(failure(segment, error));
      return;
    }
    sink.flush(segment);
    const { rows, requests } = reader;
    send({ kind: "end", segment, records: reader.records - 1, rows, requests });
  }
}

function failure(segment: number, error: unknown): WorkerMessage {
  if (error instanceof InputError) {
    const openQuote = error instanceof OpenQuoteError;
    return { kind: "failed", segment, openQuote, location: error.location, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "failed", segment, openQuote: false, message };
}

const port = parentPort;
if (port) {
  const send = (message: WorkerMessage, transfer?: ArrayBuffer[]): void =>
    port.postMessage(message, transfer);
  port.once("message", (job: WorkerJob) => {
    readSegments(job, send).catch((error: unknown) => send(failure(-1, error)));
  });
}
