// The I/O edge of the profile: read a traffic file straight into a TrafficProfile. Big uncompressed files
// are split across worker threads, one byte range each (worker-pool.ts), and the partial profiles merged in
// file order; everything else, and any file whose split is in doubt, goes through the single-threaded
// reader, which gives the same profile and the same errors.
import { availableParallelism } from "node:os";
import { assertReadableFile } from "../io/files.js";
import { PROFILE_COLUMNS } from "./columns.js";
import { MAX_WORKERS, PARALLEL_MIN_BYTES, planRanges } from "./parallel-plan.js";
import { type TrafficProfile, TrafficProfileBuilder } from "./profile.js";
import { type ReadTrafficOptions, readTrafficValues, type TrafficReadSummary } from "./read.js";
import { readInWorkers, type WorkerPlan } from "./worker-pool.js";

export interface ProfileTrafficOptions extends ReadTrafficOptions {
  longContextThresholds: number[];
  /** Worker threads; 1 reads on the main thread. Default: one per core (at most 4) for files of 16 MB
   * and more that are not gzip-compressed. Given explicitly, it applies whatever the file's size. */
  workers?: number;
}

export async function profileTraffic(
  file: string,
  options: ProfileTrafficOptions,
): Promise<{ profile: TrafficProfile; summary: TrafficReadSummary }> {
  const builder = new TrafficProfileBuilder({ longContextThresholds: options.longContextThresholds });
  const plan = await profilePlan(file, options);
  if (plan !== undefined) {
    const { map = {}, onProgress, signal } = options;
    const task = { kind: "profile", thresholds: options.longContextThresholds } as const;
    const summary = await readInWorkers(
      file,
      plan,
      { map, columns: PROFILE_COLUMNS, task, onProgress, signal },
      (data) => {
        if (data.kind === "profile") builder.mergePart(data.part);
      },
    );
    if (summary !== undefined) return { profile: builder.finish(), summary };
  }
  const single = new TrafficProfileBuilder({ longContextThresholds: options.longContextThresholds });
  const summary = await readTrafficValues(file, (values) => single.addValues(values), {
    ...options,
    ...PROFILE_COLUMNS,
  });
  return { profile: single.finish(), summary };
}

/** One byte range per worker. */
async function profilePlan(file: string, options: ProfileTrafficOptions): Promise<WorkerPlan | undefined> {
  if (file.toLowerCase().endsWith(".gz")) return undefined;
  const totalBytes = await assertReadableFile(file);
  const workers =
    options.workers ?? (totalBytes >= PARALLEL_MIN_BYTES ? Math.min(MAX_WORKERS, availableParallelism()) : 1);
  if (workers < 2) return undefined;
  const plan = await planRanges(file, totalBytes, workers);
  return plan && { ...plan, workers: plan.ranges.length };
}
