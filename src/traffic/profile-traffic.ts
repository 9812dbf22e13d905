// The I/O edge of the profile: read a traffic file straight into a TrafficProfile. Big uncompressed files
// are split across worker threads (profile-parallel.ts); everything else, and any file whose split is in
// doubt, goes through the single-threaded reader, which gives the same profile and the same errors.
import { availableParallelism } from "node:os";
import { assertReadableFile } from "../io/files.js";
import { planRanges } from "./parallel-plan.js";
import { type TrafficProfile, TrafficProfileBuilder } from "./profile.js";
import { profileInParallel } from "./profile-parallel.js";
import { type ReadTrafficOptions, readTrafficValues, type TrafficReadSummary } from "./read.js";

export interface ProfileTrafficOptions extends ReadTrafficOptions {
  longContextThresholds: number[];
  /** Worker threads; 1 reads on the main thread. Default: one per core (at most 4) for files of 16 MB
   * and more that are not gzip-compressed. Given explicitly, it applies whatever the file's size. */
  workers?: number;
}

/** Below this a file is read faster than worker threads start. */
const PARALLEL_MIN_BYTES = 16 << 20;
const MAX_WORKERS = 4;

export async function profileTraffic(
  file: string,
  options: ProfileTrafficOptions,
): Promise<{ profile: TrafficProfile; summary: TrafficReadSummary }> {
  const thresholds = options.longContextThresholds;
  const parallel = await parallelProfile(file, options);
  if (parallel) return { profile: parallel.builder.finish(), summary: parallel.summary };
  const builder = new TrafficProfileBuilder({ longContextThresholds: thresholds });
  const summary = await readTrafficValues(file, (values) => builder.addValues(values), {
    ...options,
    lean: true,
  });
  return { profile: builder.finish(), summary };
}

async function parallelProfile(file: string, options: ProfileTrafficOptions) {
  if (file.toLowerCase().endsWith(".gz")) return undefined;
  const totalBytes = await assertReadableFile(file);
  const workers = options.workers ?? (totalBytes >= PARALLEL_MIN_BYTES ? defaultWorkers() : 1);
  if (workers < 2) return undefined;
  const plan = await planRanges(file, totalBytes, workers);
  if (plan === undefined) return undefined;
  const { onProgress, signal } = options;
  return profileInParallel(file, plan, {
    map: options.map ?? {},
    thresholds: options.longContextThresholds,
    ...(onProgress && { onBytes: (bytes: number) => onProgress(bytes, totalBytes) }),
    ...(signal && { signal }),
  });
}

function defaultWorkers(): number {
  return Math.min(MAX_WORKERS, availableParallelism());
}
