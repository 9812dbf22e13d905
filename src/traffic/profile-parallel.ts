// The profile on worker threads: one byte range per worker, partial profiles merged in file order.
// Row numbers stay exact (a worker's row + the records of the ranges before it) and the first problem in
// file order is the one reported. When a split fell inside a quoted field (the worker before it ends in
// an open quote) the result is undefined and the caller reads the file single-threaded.
import { Worker } from "node:worker_threads";
import { InputError } from "../errors.js";
import { resolveHeader } from "./columns.js";
import type { ParallelPlan } from "./parallel-plan.js";
import { TrafficProfileBuilder } from "./profile.js";
import type { ProfileJob, WorkerMessage } from "./profile-worker.js";
import { summaryOf, type TrafficReadSummary } from "./read.js";

type Outcome = Exclude<WorkerMessage, { kind: "progress" }> | { kind: "cancelled" };

export interface ParallelProfileOptions {
  map: Record<string, string>;
  thresholds: number[];
  onBytes?: (bytesRead: number) => void;
  signal?: AbortSignal;
}

/** Tests run the TypeScript sources, but a worker thread loads plain JavaScript: use the build then. */
function workerEntry(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts")
    ? new URL("../../dist/traffic/profile-worker.js", here)
    : new URL("./profile-worker.js", here);
}

export async function profileInParallel(
  file: string,
  plan: ParallelPlan,
  options: ParallelProfileOptions,
): Promise<{ builder: TrafficProfileBuilder; summary: TrafficReadSummary } | undefined> {
  const layout = resolveHeader(plan.header, options.map);
  if (!("index" in layout)) return undefined;
  const outcomes = await runWorkers(file, plan, options);
  const builder = new TrafficProfileBuilder({ longContextThresholds: options.thresholds });
  let recordsBefore = 0;
  let rows = 0;
  let requests = 0;
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.kind === "cancelled")
      throw new Error("a profile worker was stopped before an earlier one failed");
    if (outcome.kind === "failed") {
      if (outcome.openQuote && i < outcomes.length - 1) return undefined;
      throw workerError(file, outcome, recordsBefore);
    }
    builder.mergePart(outcome.part);
    recordsBefore += outcome.records;
    rows += outcome.rows;
    requests += outcome.requests;
  }
  if (rows === 0) {
    throw new InputError({ file, row: 1 }, "has a header but no data rows; expected at least one data row");
  }
  return { builder, summary: summaryOf(layout, rows, requests) };
}

function workerError(
  file: string,
  outcome: Extract<Outcome, { kind: "failed" }>,
  recordsBefore: number,
): Error {
  if (outcome.location === undefined) return new Error(outcome.message);
  const { row } = outcome.location;
  return new InputError(
    { ...outcome.location, file, ...(row !== undefined && { row: row + recordsBefore }) },
    outcome.message,
  );
}

/** Starts one worker per range; once a range fails, the ranges after it cannot matter and are stopped. */
function runWorkers(file: string, plan: ParallelPlan, options: ParallelProfileOptions): Promise<Outcome[]> {
  const { signal } = options;
  signal?.throwIfAborted();
  const outcomes: (Outcome | undefined)[] = plan.ranges.map(() => undefined);
  const workers = plan.ranges.map(() => new Worker(workerEntry()));
  // The header, read by the planner, counts as read.
  let bytesRead = plan.ranges[0]?.start ?? 0;
  return new Promise((resolve, reject) => {
    const stopAfter = (index: number): void => {
      for (let j = index + 1; j < workers.length; j++) {
        if (outcomes[j] === undefined) outcomes[j] = { kind: "cancelled" };
        void workers[j]?.terminate();
      }
    };
    const settle = (index: number, outcome: Outcome): void => {
      if (outcomes[index] !== undefined) return;
      outcomes[index] = outcome;
      if (outcome.kind === "failed") stopAfter(index);
      void workers[index]?.terminate();
      if (outcomes.every((o) => o !== undefined)) {
        signal?.removeEventListener("abort", onAbort);
        resolve(outcomes.map((o) => o ?? { kind: "cancelled" }));
      }
    };
    const onAbort = (): void => {
      stopAfter(-1);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    for (const [index, worker] of workers.entries()) {
      const range = plan.ranges[index] ?? { start: 0, end: 0 };
      worker.on("message", (message: WorkerMessage) => {
        if (message.kind !== "progress") return settle(index, message);
        bytesRead += message.bytes;
        options.onBytes?.(bytesRead);
      });
      worker.on("error", (error) =>
        settle(index, { kind: "failed", openQuote: false, message: error.message }),
      );
      worker.on("exit", () =>
        settle(index, { kind: "failed", openQuote: false, message: "a profile worker exited early" }),
      );
      const job: ProfileJob = {
        file,
        ...range,
        header: plan.header,
        newline: plan.newline,
        map: options.map,
        thresholds: options.thresholds,
      };
      worker.postMessage(job);
    }
  });
}
