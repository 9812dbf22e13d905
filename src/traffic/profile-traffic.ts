// The I/O edge of the profile: read a traffic file straight into a TrafficProfile. Big uncompressed files
// are split across worker threads, one byte range each (worker-pool.ts), and the partial profiles merged in
// file order; everything else, and any file whose split is in doubt, goes through the single-threaded
// reader, which gives the same profile and the same errors.
import { availableParallelism } from "node:os";
import { InputError } from "../errors.js";
import { assertReadableFile } from "../io/files.js";
import { type ColumnChoice, PROFILE_COLUMNS } from "./columns.js";
import { MAX_WORKERS, PARALLEL_MIN_BYTES, planRanges } from "./parallel-plan.js";
import { type ProfileOptions, type TrafficProfile, TrafficProfileBuilder } from "./profile.js";
import { type ReadTrafficOptions, readTrafficValues, type TrafficReadSummary } from "./read.js";
import {
  canonicalRead,
  type FileRead,
  readLogValues,
  singleCanonical,
  type TrafficInputs,
} from "./read-sources.js";
import type { SniffedFile } from "./sniff.js";
import { isGzip } from "./sniff.js";
import { readInWorkers, type WorkerPlan } from "./worker-pool.js";

export interface ProfileTrafficOptions extends ReadTrafficOptions {
  longContextThresholds: number[];
  /** See ProfileOptions: models to keep one by one past `maxModels`. */
  keepModel?: ProfileOptions["keepModel"];
  maxModels?: number;
  /** See ProfileOptions: buckets past which region and use case are counted together. */
  maxBuckets?: number;
  keepUseCase?: ProfileOptions["keepUseCase"];
  /** See ProfileOptions: metadata keys that keep buckets apart (`--group-by meta.<key>`); read on one thread. */
  groupMeta?: readonly string[];
  /** Worker threads; 1 reads on the main thread. Default: one per core (at most 4) for files of 16 MB
   * and more that are not gzip-compressed. Given explicitly, it applies whatever the file's size. */
  workers?: number;
}

/** The profile of every file of a run: one file of llmcost's CSV takes profileTraffic's fast paths; other
 * inputs are read one file after another into one builder (rows of every format alike). */
export async function profileSources(
  inputs: TrafficInputs,
  options: ProfileTrafficOptions & { modelMap: ReadonlyMap<string, string> },
): Promise<{ profile: TrafficProfile; reads: FileRead[] }> {
  const only = singleCanonical(inputs);
  if (only !== undefined) {
    const { profile, summary } = await profileTraffic(only.file, {
      ...options,
      gzip: only.gzip,
      // Worker threads build parts without metadata: grouping by it reads on this thread.
      ...(options.groupMeta?.length && { workers: 1 }),
    });
    return {
      profile,
      reads: [canonicalRead(only.file, summary)],
    };
  }
  const builder = new TrafficProfileBuilder(profileOptions(options));
  const reads: FileRead[] = [];
  const totalBytes = await totalSize(inputs.files);
  let before = 0;
  for (const sniffed of inputs.files) {
    const bytes = await assertReadableFile(sniffed.file);
    const onProgress = (done: number) => options.onProgress?.(before + done, totalBytes);
    if (sniffed.format === "canonical") {
      const summary = await readTrafficValues(sniffed.file, (values) => builder.addValues(values), {
        ...options,
        ...profileColumns(options),
        gzip: sniffed.gzip,
        onProgress,
      });
      reads.push(canonicalRead(sniffed.file, summary));
    } else {
      reads.push(
        await readLogValues(sniffed, (values) => builder.addValues(values), options, options.groupMeta),
      );
    }
    before += bytes;
    options.onProgress?.(before, totalBytes);
  }
  return { profile: exactTotals(inputs.values.join(", "), builder.finish()), reads };
}

async function totalSize(files: readonly SniffedFile[]): Promise<number> {
  let total = 0;
  for (const { file } of files) total += await assertReadableFile(file);
  return total;
}

function profileOptions(options: ProfileTrafficOptions): ProfileOptions {
  return {
    longContextThresholds: options.longContextThresholds,
    ...(options.keepModel && { keepModel: options.keepModel }),
    ...(options.maxModels !== undefined && { maxModels: options.maxModels }),
    ...(options.maxBuckets !== undefined && { maxBuckets: options.maxBuckets }),
    ...(options.keepUseCase && { keepUseCase: options.keepUseCase }),
    ...(options.groupMeta?.length && { groupMeta: options.groupMeta }),
  };
}

/** The profile's columns, and the metadata columns it groups by. */
function profileColumns(options: ProfileTrafficOptions): ColumnChoice {
  return options.groupMeta?.length ? { ...PROFILE_COLUMNS, metaColumns: options.groupMeta } : PROFILE_COLUMNS;
}

/** One file of llmcost's CSV, on worker threads when it is big and not gzip (profileSources's fast path).
 * @internal the parallel-profile tests compare worker counts on one file
 */
export async function profileTraffic(
  file: string,
  options: ProfileTrafficOptions,
): Promise<{ profile: TrafficProfile; summary: TrafficReadSummary }> {
  const builder = new TrafficProfileBuilder(profileOptions(options));
  const plan = await profilePlan(file, options);
  if (plan !== undefined) {
    const { map = {}, onProgress, signal } = options;
    const task = { kind: "profile", thresholds: options.longContextThresholds } as const;
    const summary = await readInWorkers(
      file,
      plan,
      { map, columns: PROFILE_COLUMNS, task, onProgress, signal },
      (data, recordsBefore) => {
        if (data.kind === "profile") builder.mergePart(data.part, recordsBefore);
      },
    );
    if (summary !== undefined) return { profile: exactTotals(file, builder.finish()), summary };
  }
  const single = new TrafficProfileBuilder(profileOptions(options));
  const summary = await readTrafficValues(file, (values) => single.addValues(values), {
    ...options,
    ...profileColumns(options),
  });
  return { profile: exactTotals(file, single.finish()), summary };
}

/**
 * Counts are summed as doubles, exact while every sum stays at or below 2^53 - 1: all counts are whole and
 * non-negative, so when the totals are in range every partial sum was too, and the order of addition (one
 * thread or several) cannot change a result. Beyond that range sums would round differently on 1 and 2
 * cores, so such a file is refused.
 */
function exactTotals(file: string, profile: TrafficProfile): TrafficProfile {
  const totals: [string, number][] = [
    ["requests", profile.requests],
    ["input_tokens", profile.tokens.input],
    ["output_tokens", profile.tokens.output],
    ["cache_read_tokens", profile.tokens.cacheRead],
    ["cache_write_tokens", profile.tokens.cacheWrite],
    ["cache_write_1h_tokens", profile.tokens.cacheWrite1h ?? 0],
  ];
  for (const [field, total] of totals) {
    if (total > Number.MAX_SAFE_INTEGER) {
      throw new InputError(
        { file, field },
        `the ${field.replaceAll("_", " ")} add up to more than 9,007,199,254,740,991 (2^53 - 1), past what llmcost counts exactly; split the file or use smaller \`requests\` weights`,
      );
    }
  }
  return profile;
}

/** One byte range per worker. */
async function profilePlan(file: string, options: ProfileTrafficOptions): Promise<WorkerPlan | undefined> {
  if (options.gzip ?? (await isGzip(file))) return undefined;
  const totalBytes = await assertReadableFile(file);
  const workers =
    options.workers ?? (totalBytes >= PARALLEL_MIN_BYTES ? Math.min(MAX_WORKERS, availableParallelism()) : 1);
  if (workers < 2) return undefined;
  const plan = await planRanges(file, totalBytes, workers);
  return plan && { ...plan, workers: plan.ranges.length };
}
