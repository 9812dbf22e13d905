// Reads a traffic file on worker threads but hands the rows over in file order, for consumers that carry
// state from row to row (the route replay). The file is cut into small segments at newlines; the workers
// validate their rows into columnar batches (worker-pool.ts, row-batch.ts) and this thread replays them in
// order. Restart contract: a split inside a quoted field is only found once rows were delivered, so the
// caller is told to forget them (`onRestart`) and the file is read again on one thread.
import { availableParallelism } from "node:os";
import { assertReadableFile } from "../io/files.js";
import { MAX_WORKERS, PARALLEL_MIN_BYTES, planRanges } from "./parallel-plan.js";
import { type ReadTrafficOptions, readTraffic, type TrafficReadSummary } from "./read.js";
import type { TrafficRow } from "./row.js";
import { forEachRowView } from "./row-batch.js";
import { isGzip } from "./sniff.js";
import { readInWorkers, type WorkerPlan } from "./worker-pool.js";

export interface OrderedReadOptions extends ReadTrafficOptions {
  /** Reader threads; 0 reads on this thread. Default (see `defaultReaders`) for uncompressed files of 16
   * MB and more; given explicitly, it applies whatever the file's size. */
  workers?: number;
  /** Called before the single-threaded re-read when rows were already delivered (a split fell inside a
   * quoted field): the consumer must forget them. */
  onRestart: () => void;
}

/** Small segments keep every worker busy: each may run a few segments ahead of the replay, no more. */
const SEGMENT_BYTES = 2 << 20;
const BATCH_ROWS = 4096;

/** Reads `file`, calling `onRow` for each validated row in file order, on worker threads when it pays.
 * The row is valid only during the call: rows from worker batches reuse one object per batch. */
export async function readTrafficInOrder(
  file: string,
  onRow: (row: TrafficRow) => void,
  options: OrderedReadOptions,
): Promise<TrafficReadSummary> {
  const plan = await orderedPlan(file, options);
  if (plan !== undefined) {
    const { map = {}, onProgress, signal } = options;
    const task = { kind: "batches", batchRows: BATCH_ROWS } as const;
    const summary = await readInWorkers(
      file,
      plan,
      { map, columns: options, task, onProgress, signal },
      (data, recordsBefore) => {
        if (data.kind === "batch") forEachRowView(data.batch, recordsBefore, onRow);
      },
    );
    if (summary !== undefined) return summary;
    options.onRestart();
  }
  return readTraffic(file, onRow, options);
}

/** One reader per core but the replay's, at most 4, and two on 2 cores (the replay keeps up with two; see
 * docs/performance.md). One core: no reader thread.
 * @internal the parallel replay test compares reader counts
 */
export function defaultReaders(cores: number): number {
  if (cores < 2) return 0;
  return Math.min(MAX_WORKERS, Math.max(2, cores - 1));
}

async function orderedPlan(file: string, options: OrderedReadOptions): Promise<WorkerPlan | undefined> {
  if (options.gzip ?? (await isGzip(file))) return undefined;
  const totalBytes = await assertReadableFile(file);
  const workers =
    options.workers ?? (totalBytes >= PARALLEL_MIN_BYTES ? defaultReaders(availableParallelism()) : 0);
  if (workers < 1) return undefined;
  const segments = Math.max(workers, Math.ceil(totalBytes / SEGMENT_BYTES));
  const plan = await planRanges(file, totalBytes, segments);
  return plan && { ...plan, workers: Math.min(workers, plan.ranges.length) };
}
