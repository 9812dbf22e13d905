// The one worker harness of both parallel read paths (read-worker.ts is the thread's side). Segment i of
// the plan goes to worker i mod W; the results come back to this thread strictly in file order, so the
// caller sees them as a single-threaded read would. Row numbers stay exact (a segment's row + the records of
// the segments before it) and the first problem in file order wins, since a segment's results are handed
// over before the problem that follows them. A segment other than the last that ends inside an open quote
// means the split was wrong: the read resolves undefined and the caller reads the file on one thread.
import { Worker } from "node:worker_threads";
import { InputError } from "../errors.js";
import { type ColumnChoice, columnChoice, resolveHeader } from "./columns.js";
import type { ParallelPlan } from "./parallel-plan.js";
import { summaryOf, type TrafficReadSummary } from "./read.js";
import {
  CANCELLED,
  IN_FLIGHT,
  type SegmentData,
  type SegmentTask,
  type WorkerJob,
  type WorkerMessage,
} from "./read-worker.js";

export interface WorkerReadOptions {
  map: Record<string, string>;
  columns: ColumnChoice;
  task: SegmentTask;
  /** Bytes of the file read so far (the header included) and its size. */
  onProgress?: ((bytesRead: number, totalBytes: number) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/** A split plan and the number of worker threads to read it with. */
export type WorkerPlan = ParallelPlan & { workers: number };

/** The longest the replay of queued batches runs before it lets the event loop (signals, I/O) in. */
const DRAIN_SLICE_MS = 50;

type Outcome = Exclude<WorkerMessage, { kind: "progress" }>;
type Verdict = "next" | "bad-split";

/** Reads `plan` on worker threads, calling `onData` with each segment's results in file order along with the
 * records of the segments before it. Undefined when the file must be read on one thread instead. */
export async function readInWorkers(
  file: string,
  plan: WorkerPlan,
  options: WorkerReadOptions,
  onData: (data: SegmentData, recordsBefore: number) => void,
): Promise<TrafficReadSummary | undefined> {
  const layout = resolveHeader(plan.header, options.map);
  if (!("index" in layout)) return undefined;
  let records = 0;
  let rows = 0;
  let requests = 0;
  const last = plan.ranges.length - 1;
  const complete = await runWorkers(file, plan, options, (message) => {
    if (message.kind === "data") {
      onData(message.data, records);
      return "next";
    }
    if (message.kind === "end") {
      records += message.records;
      rows += message.rows;
      requests += message.requests;
      return "next";
    }
    if (message.openQuote && message.segment >= 0 && message.segment < last) return "bad-split";
    throw workerError(file, message, records);
  });
  if (!complete) return undefined;
  if (rows === 0) {
    throw new InputError({ file, row: 1 }, "has a header but no data rows; expected at least one data row");
  }
  return summaryOf(layout, rows, requests);
}

function workerError(
  file: string,
  message: Extract<WorkerMessage, { kind: "failed" }>,
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
    ? new URL("../../dist/traffic/read-worker.js", here)
    : new URL("./read-worker.js", here);
}

/** Starts the workers and feeds their messages to `handle` in segment order. Resolves true when every
 * segment was handled, false on a bad split; rejects with the first error (the handler's or a worker's). */
function runWorkers(
  file: string,
  plan: WorkerPlan,
  options: WorkerReadOptions,
  handle: (message: Outcome) => Verdict,
): Promise<boolean> {
  const { signal } = options;
  signal?.throwIfAborted();
  const count = plan.workers;
  const totalBytes = plan.ranges.at(-1)?.end ?? 0;
  // A worker exits by itself after its last segment; only an exit before that is a failure.
  const finished = new Set<number>();
  const lastSegment = (w: number): number => w + count * Math.floor((plan.ranges.length - 1 - w) / count);
  const controls = Array.from({ length: count }, () => new SharedArrayBuffer(8));
  const flags = controls.map((buffer) => new Int32Array(buffer));
  const workers = controls.map(() => new Worker(workerEntry()));
  const queues: Outcome[][] = plan.ranges.map(() => []);
  let current = 0;
  // The header, read by the planner, counts as read.
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
    let drainScheduled = false;
    /** Handles what the current segment has queued, moving on to the next segment at its end. After
     * DRAIN_SLICE_MS it yields to the event loop (and so to the signal handlers) and resumes there. */
    const drain = (): void => {
      const started = performance.now();
      for (;;) {
        if (performance.now() - started > DRAIN_SLICE_MS) {
          if (!drainScheduled) {
            drainScheduled = true;
            setImmediate(() => {
              drainScheduled = false;
              if (settled) return;
              try {
                drain();
              } catch (error) {
                finish(error instanceof Error ? error : new Error(String(error)));
              }
            });
          }
          return;
        }
        const message = queues[current]?.shift();
        if (message === undefined) return;
        const verdict = handle(message);
        if (message.kind === "data") {
          // Room for one more post from the worker that made it.
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
    const receive = (w: number, message: WorkerMessage): void => {
      if (settled) return;
      if (message.kind === "failed" || (message.kind === "end" && message.segment === lastSegment(w))) {
        finished.add(w);
      }
      if (message.kind === "progress") {
        bytesRead += message.bytes;
        options.onProgress?.(bytesRead, totalBytes);
        return;
      }
      try {
        if (message.segment < 0) handle(message);
        else queues[message.segment]?.push(message);
        if (!drainScheduled) drain();
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    };
    for (const [w, worker] of workers.entries()) {
      worker.on("message", (message: WorkerMessage) => receive(w, message));
      worker.on("error", (error) => finish(error));
      worker.on("exit", () => {
        if (!finished.has(w)) finish(new Error("a traffic reader worker exited early"));
      });
      const job: WorkerJob = {
        file,
        header: plan.header,
        newline: plan.newline,
        map: options.map,
        columns: columnChoice(options.columns),
        task: options.task,
        segments: plan.ranges.flatMap((range, index) => (index % count === w ? [{ index, ...range }] : [])),
        control: controls[w] ?? new SharedArrayBuffer(8),
      };
      worker.postMessage(job);
    }
  });
}
