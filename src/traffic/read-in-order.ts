// Reads a traffic file on worker threads but hands the rows over in file order, for consumers that carry
// state from row to row (the route replay). The file is cut into small segments at newlines (the split plan
// of the parallel profile); segment i goes to worker i mod W, which validates its rows and posts them as
// columnar batches; this thread takes the segments strictly in order. A worker runs at most MAX_AHEAD
// batches ahead, so memory stays bounded. Row numbers stay exact (a segment's row + the records of the
// segments before it) and the first problem in file order wins, replay errors included, since rows are
// delivered before the problem that follows them. When a segment other than the last ends inside an open
// quote the split was wrong: the caller resets (`onRestart`) and the file is read again on one thread.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { InputError } from "../errors.js";
import { assertReadableFile } from "../io/files.js";
import { resolveHeader } from "./columns.js";
import { CANCELLED, IN_FLIGHT, type OrderedJob, type OrderedMessage } from "./ordered-worker.js";
import { type ParallelPlan, planRanges } from "./parallel-plan.js";
import {
  type ReadTrafficOptions,
  readTraffic,
  rowOptions,
  summaryOf,
  type TrafficReadSummary,
} from "./read.js";
import type { TrafficRowView } from "./row.js";
import { forEachRowView } from "./row-batch.js";

export interface OrderedReadOptions extends ReadTrafficOptions {
  /** Reader threads; 0 reads on this thread. Default (see `defaultReaders`) for uncompressed files of 16
   * MB and more; given explicitly, it applies whatever the file's size. */
  workers?: number;
  /** Called before the single-threaded re-read when rows were already delivered (a split fell inside a
   * quoted field): the consumer must forget them. */
  onRestart: () => void;
}

const PARALLEL_MIN_BYTES = 16 << 20;
const MAX_WORKERS = 4;
/** Small segments keep every worker busy: each may run a few segments ahead of the replay, no more. */
const SEGMENT_BYTES = 2 << 20;
const BATCH_ROWS = 4096;

/** Reads `file`, calling `onRow` for each validated row in file order, on worker threads when it pays.
 * The row is valid only during the call: rows from worker batches reuse one object per batch. */
export async function readTrafficInOrder(
  file: string,
  onRow: (row: TrafficRowView) => void,
  options: OrderedReadOptions,
): Promise<TrafficReadSummary> {
  const plan = await parallelPlan(file, options);
  if (plan !== undefined) {
    const parallel = await readInParallel(file, plan, onRow, options);
    if (parallel !== undefined) return parallel;
    options.onRestart();
  }
  return readTraffic(file, onRow, options);
}

/** One reader per core but the replay's, at most 4, and two on 2 cores: since the replay thread stopped
 * allocating a row and a decision per row, it keeps up with two readers, and on 2 cores (1M rows) two
 * readers measured 1.61-1.71 s against 1.85-2.10 s for one, for about 195 MB peak RSS instead of 145 MB.
 * One core: no reader thread. */
export function defaultReaders(cores: number): number {
  if (cores < 2) return 0;
  return Math.min(MAX_WORKERS, Math.max(2, cores - 1));
}

type OrderedPlan = ParallelPlan & { workers: number };

async function parallelPlan(file: string, options: OrderedReadOptions): Promise<OrderedPlan | undefined> {
  if (file.toLowerCase().endsWith(".gz")) return undefined;
  const totalBytes = await assertReadableFile(file);
  const workers =
    options.workers ?? (totalBytes >= PARALLEL_MIN_BYTES ? defaultReaders(availableParallelism()) : 0);
  if (workers < 1) return undefined;
  const segments = Math.max(workers, Math.ceil(totalBytes / SEGMENT_BYTES));
  const plan = await planRanges(file, totalBytes, segments);
  return plan && { ...plan, workers: Math.min(workers, plan.ranges.length) };
}

interface Progress {
  records: number;
  rows: number;
  requests: number;
}

async function readInParallel(
  file: string,
  plan: OrderedPlan,
  onRow: (row: TrafficRowView) => void,
  options: OrderedReadOptions,
): Promise<TrafficReadSummary | undefined> {
  const layout = resolveHeader(plan.header, options.map ?? {});
  if (!("index" in layout)) return undefined;
  const done: Progress = { records: 0, rows: 0, requests: 0 };
  const deliver = (row: TrafficRowView): void => {
    done.rows++;
    done.requests += row.requests;
    onRow(row);
  };
  const complete = await runWorkers(file, plan, options, (message) => {
    if (message.kind === "batch") {
      forEachRowView(message.batch, done.records, deliver);
      return "next";
    }
    if (message.kind === "end") {
      done.records += message.records;
      return "next";
    }
    if (message.kind !== "failed") return "next";
    const last = message.segment === plan.ranges.length - 1;
    if (message.openQuote && !last && message.segment >= 0) return "bad-split";
    throw workerError(file, message, done.records);
  });
  if (!complete) return undefined;
  if (done.rows === 0) {
    throw new InputError({ file, row: 1 }, "has a header but no data rows; expected at least one data row");
  }
  return summaryOf(layout, done.rows, done.requests);
}

function workerError(
  file: string,
  message: Extract<OrderedMessage, { kind: "failed" }>,
  recordsBefore: number,
): Error {
  if (message.location === undefined) return new Error(message.message);
  const { row } = message.location;
  return new InputError(
    { ...message.location, file, ...(row !== undefined && { row: row + recordsBefore }) },
    message.message,
  );
}

/** Tests run the TypeScript sources, but a worker thread loads plain JavaScript: use the build then. */
function workerEntry(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts")
    ? new URL("../../dist/traffic/ordered-worker.js", here)
    : new URL("./ordered-worker.js", here);
}

type Verdict = "next" | "bad-split";
type Handler = (message: Exclude<OrderedMessage, { kind: "progress" }>) => Verdict;

/** Starts the workers and feeds their messages to `handle` in segment order. Resolves true when every
 * segment was handled, false on a bad split; rejects with the first error (the handler's or a worker's). */
function runWorkers(
  file: string,
  plan: OrderedPlan,
  options: OrderedReadOptions,
  handle: Handler,
): Promise<boolean> {
  const { signal } = options;
  signal?.throwIfAborted();
  const count = plan.workers;
  // A worker exits by itself after its last segment; only an exit before that is a failure.
  const finished = new Set<number>();
  const lastSegment = (w: number): number => w + count * Math.floor((plan.ranges.length - 1 - w) / count);
  const controls = Array.from({ length: count }, () => new SharedArrayBuffer(8));
  const flags = controls.map((buffer) => new Int32Array(buffer));
  const workers = controls.map(() => new Worker(workerEntry()));
  const queues: Exclude<OrderedMessage, { kind: "progress" }>[][] = plan.ranges.map(() => []);
  let current = 0;
  let bytesRead = plan.ranges[0]?.start ?? 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    const stop = (): void => {
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      for (const [w, flag] of flags.entries()) {
        Atomics.store(flag, CANCELLED, 1);
        Atomics.notify(flag, IN_FLIGHT);
        void workers[w]?.terminate();
      }
    };
    const finish = (outcome: boolean | Error): void => {
      if (settled) return;
      stop();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onAbort = (): void => finish(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    /** Handles what the current segment has queued, moving on to the next segment at its end. */
    const drain = (): void => {
      for (;;) {
        const message = queues[current]?.shift();
        if (message === undefined) return;
        const verdict = handle(message);
        if (message.kind === "batch") {
          const flag = flags[current % count];
          if (flag) {
            Atomics.sub(flag, IN_FLIGHT, 1);
            Atomics.notify(flag, IN_FLIGHT);
          }
        }
        if (verdict === "bad-split") {
          finish(false);
          return;
        }
        if (message.kind === "end" && ++current === plan.ranges.length) {
          finish(true);
          return;
        }
      }
    };
    const receive = (w: number, message: OrderedMessage): void => {
      if (settled) return;
      if (message.kind === "failed" || (message.kind === "end" && message.segment === lastSegment(w))) {
        finished.add(w);
      }
      if (message.kind === "progress") {
        bytesRead += message.bytes;
        options.onProgress?.(bytesRead, plan.ranges.at(-1)?.end ?? bytesRead);
        return;
      }
      try {
        if (message.segment < 0) handle(message);
        else queues[message.segment]?.push(message);
        drain();
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    };
    for (const [w, worker] of workers.entries()) {
      worker.on("message", (message: OrderedMessage) => receive(w, message));
      worker.on("error", (error) => finish(error));
      worker.on("exit", () => {
        if (!finished.has(w)) finish(new Error("a traffic reader worker exited early"));
      });
      const job: OrderedJob = {
        file,
        header: plan.header,
        newline: plan.newline,
        map: options.map ?? {},
        rowOptions: rowOptions(options),
        segments: plan.ranges.flatMap((range, index) => (index % count === w ? [{ index, ...range }] : [])),
        batchRows: BATCH_ROWS,
        control: controls[w] ?? new SharedArrayBuffer(8),
      };
      worker.postMessage(job);
    }
  });
}
