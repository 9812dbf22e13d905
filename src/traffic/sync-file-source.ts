// A byte range of a file as a Readable that reads with readSync, for worker threads. A worker has its own
// thread, so blocking it on a read of the page cache costs nothing, while an fs stream's round trips to
// the libuv thread pool left readers idle on busy cores (docs/performance.md, "Parallel profile"). Not for
// the main thread: it never yields to the event loop between reads of the same tick.
import { closeSync, openSync, readSync } from "node:fs";
import { Readable } from "node:stream";

const CHUNK_BYTES = 1 << 16;

export class SyncFileSource extends Readable {
  private fd: number | undefined;
  private position: number;

  /** `end` exclusive; to the end of the file when undefined. */
  constructor(
    private readonly file: string,
    start: number,
    private readonly end: number | undefined,
  ) {
    super({ highWaterMark: CHUNK_BYTES });
    this.position = start;
  }

  override _read(): void {
    try {
      this.fd ??= openSync(this.file, "r");
      const left = this.end === undefined ? CHUNK_BYTES : Math.min(CHUNK_BYTES, this.end - this.position);
      const chunk = Buffer.allocUnsafe(Math.max(0, left));
      const bytes = left > 0 ? readSync(this.fd, chunk, 0, left, this.position) : 0;
      this.position += bytes;
      this.push(bytes === 0 ? null : chunk.subarray(0, bytes));
    } catch (error) {
      this.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    done(error);
  }
}
