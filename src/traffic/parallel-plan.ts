// Splits an uncompressed traffic CSV into byte ranges for the worker threads. The header is read once
// here; each range starts right after a newline byte. Whether a split fell inside a quoted field is only
// known once the worker before it ends (papaparse reports the open quote), so worker-pool.ts checks that.
// Anything unusual (quotes or invalid UTF-8 in the header, CR-only line ends, too little data) returns
// undefined and the single-threaded reader handles the file, with its exact error messages.
import { type FileHandle, open } from "node:fs/promises";
import { TextDecoder } from "node:util";
import Papa from "papaparse";

interface ByteRange {
  start: number;
  /** Exclusive. */
  end: number;
}

export interface ParallelPlan {
  header: string[];
  newline: "\n" | "\r\n";
  ranges: ByteRange[];
}

/** Below this a file is read faster than worker threads start. */
export const PARALLEL_MIN_BYTES = 16 << 20;
/** Worker threads for one read, at most. */
export const MAX_WORKERS = 4;

const PROBE_BYTES = 1 << 16;
const NEWLINE = 0x0a;
const QUOTE = 0x22;

export async function planRanges(
  file: string,
  totalBytes: number,
  count: number,
): Promise<ParallelPlan | undefined> {
  const handle = await open(file, "r");
  try {
    const head = await readAt(handle, 0, PROBE_BYTES);
    const headerEnd = head.indexOf(NEWLINE);
    if (headerEnd < 0 || head.subarray(0, headerEnd).includes(QUOTE)) return undefined;
    const text = decode(head);
    if (text === undefined) return undefined;
    // Same tokenizer as the reader, on the file's first 64 KB: the header cells and the line break.
    const parsed = Papa.parse<string[]>(text, { delimiter: ",", preview: 1 });
    const header = parsed.data[0];
    const newline = parsed.meta.linebreak;
    if (header === undefined || (newline !== "\n" && newline !== "\r\n")) return undefined;
    const dataStart = headerEnd + 1;
    const ranges = await splitAtNewlines(handle, dataStart, totalBytes, count);
    return ranges.length > 1 ? { header, newline, ranges } : undefined;
  } finally {
    await handle.close();
  }
}

async function splitAtNewlines(
  handle: FileHandle,
  dataStart: number,
  totalBytes: number,
  count: number,
): Promise<ByteRange[]> {
  const ranges: ByteRange[] = [];
  let start = dataStart;
  for (let k = 1; k < count; k++) {
    const nominal = dataStart + Math.floor(((totalBytes - dataStart) * k) / count);
    if (nominal <= start) continue;
    const boundary = await nextLineStart(handle, nominal, totalBytes);
    if (boundary >= totalBytes) break;
    ranges.push({ start, end: boundary });
    start = boundary;
  }
  if (start < totalBytes) ranges.push({ start, end: totalBytes });
  return ranges;
}

/** The offset just after the first newline at or after `from`, or `totalBytes` when there is none. */
async function nextLineStart(handle: FileHandle, from: number, totalBytes: number): Promise<number> {
  for (let at = from; at < totalBytes; at += PROBE_BYTES) {
    const window = await readAt(handle, at, PROBE_BYTES);
    const found = window.indexOf(NEWLINE);
    if (found >= 0) return at + found + 1;
  }
  return totalBytes;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function decode(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
}
