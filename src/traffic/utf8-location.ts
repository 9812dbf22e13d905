// Where a traffic file stops being UTF-8: the first invalid byte, as the row (records, header = 0, as in
// every other error) and the column (the byte within its line). Found by scanning the file from its start,
// only once decoding has failed, so the answer is the same whichever reader (one thread, workers, project or
// route) met the bad bytes first.
import { closeSync, openSync, readSync } from "node:fs";

export interface InvalidUtf8At {
  /** 0-based offset in the file. */
  byte: number;
  /** The record the byte is in: the header is row 0. */
  row: number;
  /** 1-based byte position within its line. */
  column: number;
}

const CHUNK = 1 << 16;

export function locateInvalidUtf8(file: string): InvalidUtf8At | undefined {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(CHUNK + 4);
    let carried = 0;
    let offset = 0;
    let row = 0;
    let lineStart = 0;
    let quoted = false;
    for (;;) {
      const read = readSync(fd, buffer, carried, CHUNK, offset + carried);
      const length = carried + read;
      const atEnd = read === 0;
      let i = 0;
      while (i < length) {
        const byte = buffer[i] ?? 0;
        if (byte < 0x80) {
          if (byte === 0x22) quoted = !quoted;
          else if (byte === 0x0a) {
            if (!quoted) row++;
            lineStart = offset + i + 1;
          }
          i++;
          continue;
        }
        const size = sequenceLength(buffer, i, length);
        if (size === 0) {
          // Not enough bytes left in this chunk to judge: carry them over, unless the file ended.
          if (!atEnd && length - i < 4) break;
          return { byte: offset + i, row, column: offset + i - lineStart + 1 };
        }
        if (size < 0) return { byte: offset + i, row, column: offset + i - lineStart + 1 };
        i += size;
      }
      if (atEnd) return undefined;
      buffer.copy(buffer, 0, i, length);
      carried = length - i;
      offset += i;
    }
  } finally {
    closeSync(fd);
  }
}

/** The length of the valid UTF-8 sequence at `i`; -1 when invalid, 0 when cut off at `end`. */
function sequenceLength(bytes: Buffer, i: number, end: number): number {
  const lead = bytes[i] ?? 0;
  let size: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) size = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    size = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    size = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return -1;
  for (let k = 1; k < size; k++) {
    if (i + k >= end) return 0;
    const next = bytes[i + k] ?? 0;
    const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
    if (next < min || next > max) return -1;
  }
  return size;
}
