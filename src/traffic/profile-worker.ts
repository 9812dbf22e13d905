// Worker thread: profiles one byte range of a traffic CSV (a record boundary to a record boundary) and
// posts back the partial profile, or the first problem with its row counted from the range's start.
import { parentPort } from "node:worker_threads";
import { InputError, type InputLocation } from "../errors.js";
import { resolveHeader } from "./columns.js";
import { TrafficProfileBuilder, type TrafficProfilePart } from "./profile.js";
import { OpenQuoteError, RecordReader } from "./record-reader.js";
import { streamRangeInWorker } from "./record-stream.js";

export interface ProfileJob {
  file: string;
  start: number;
  end: number;
  header: string[];
  newline: "\n" | "\r\n";
  map: Record<string, string>;
  thresholds: number[];
}

export type WorkerMessage =
  | { kind: "progress"; bytes: number }
  | { kind: "done"; records: number; rows: number; requests: number; part: TrafficProfilePart }
  | { kind: "failed"; openQuote: boolean; location?: InputLocation; message: string };

async function profileRange(job: ProfileJob, post: (message: WorkerMessage) => void): Promise<void> {
  const layout = resolveHeader(job.header, job.map);
  if (!("index" in layout)) throw new Error(`header rejected in a worker: ${layout.message}`);
  const builder = new TrafficProfileBuilder({ longContextThresholds: job.thresholds });
  // Local record numbers start at 1 as if the range followed the header; the main thread adds the
  // records of the ranges before it.
  const reader = RecordReader.forValues(job.file, (values) => builder.addValues(values), job.map, {
    layout,
    firstRecord: 1,
    lean: true,
  });
  await streamRangeInWorker(job.file, reader, job, (bytes) => post({ kind: "progress", bytes }));
  const { rows, requests } = reader;
  post({ kind: "done", records: reader.records - 1, rows, requests, part: builder.part() });
}

function failure(error: unknown): WorkerMessage {
  if (error instanceof InputError) {
    return {
      kind: "failed",
      openQuote: error instanceof OpenQuoteError,
      location: error.location,
      message: error.message,
    };
  }
  return {
    kind: "failed",
    openQuote: false,
    message: error instanceof Error ? error.message : String(error),
  };
}

const port = parentPort;
if (port) {
  const post = (message: WorkerMessage): void => port.postMessage(message);
  port.once("message", (job: ProfileJob) => {
    profileRange(job, post).catch((error: unknown) => post(failure(error)));
  });
}
