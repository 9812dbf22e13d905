// An output written while a run goes, in 64 KiB chunks: a regular file through a temporary file renamed into
// place at the end (a failed or interrupted run leaves nothing behind: the temporary file is tracked, so the
// signal handlers remove it), a device or FIFO directly, standard output through process.stdout. A `.gz`
// name is gzip: each chunk one gzip member (concatenated members are one valid gzip stream).
import { chmodSync, closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { type OutputTarget, temporaryPathFor, writeFailure } from "./output.js";
import { trackTemporary } from "./temporary-files.js";

const FLUSH_AT = 64 * 1024;

export class StreamedOutput {
  private buffer = "";
  private written = false;
  private fd: number | undefined;
  private readonly untrack: () => void;
  private readonly gzip: boolean;
  private readonly temporary: string | undefined;

  /** `target` comes from prepareOutputs, which checked it against the run's inputs and other outputs. */
  constructor(private readonly target: OutputTarget) {
    this.gzip = /\.gz$/i.test(target.file);
    this.temporary = target.kind === "atomic" ? temporaryPathFor(target.path) : undefined;
    const { temporary } = this;
    if (target.kind === "atomic" || target.kind === "direct") {
      try {
        if (temporary !== undefined) rmSync(temporary, { force: true });
        this.fd = openSync(temporary ?? target.path, temporary !== undefined ? "wx" : "w");
      } catch (error) {
        throw writeFailure(target.file, error);
      }
    }
    this.untrack = temporary !== undefined ? trackTemporary(temporary) : () => {};
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.buffer === "") return;
    const bytes = this.gzip ? gzipSync(this.buffer) : Buffer.from(this.buffer);
    this.buffer = "";
    this.written = true;
    const { kind } = this.target;
    if (kind === "stdout" || kind === "stderr") {
      process[kind].write(bytes);
      return;
    }
    if (this.fd === undefined) return;
    try {
      writeSync(this.fd, bytes);
    } catch (error) {
      throw writeFailure(this.target.file, error);
    }
  }

  /** Writes what is left and puts the file in place. */
  commit(): void {
    this.flush();
    // An empty gzip file is not gzip: write one empty member.
    if (this.gzip && !this.written) this.writeEmptyMember();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.temporary === undefined) return;
    try {
      if (this.target.mode !== undefined) chmodSync(this.temporary, this.target.mode);
      renameSync(this.temporary, this.target.path);
    } catch (error) {
      rmSync(this.temporary, { force: true });
      throw writeFailure(this.target.file, error);
    } finally {
      this.untrack();
    }
  }

  private writeEmptyMember(): void {
    const member = gzipSync("");
    if (this.fd !== undefined) writeSync(this.fd, member);
    else if (this.target.kind === "stdout" || this.target.kind === "stderr")
      process[this.target.kind].write(member);
  }

  /** After commit this does nothing; after a failure it removes the temporary file. */
  discard(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    if (this.temporary !== undefined) rmSync(this.temporary, { force: true });
    this.untrack();
  }
}
