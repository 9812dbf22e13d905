// The --decisions file, written while the replay runs: lines are buffered and flushed synchronously in
// 64 KiB chunks (the replay's row callback is synchronous, so memory stays bounded whatever the row count).
// A regular file is written to a temporary file renamed into place at the end, so a failed run never leaves
// half a file behind; a device or FIFO is written directly. A `.gz` name is gzip: each chunk is one gzip
// member, and concatenated members are one valid gzip stream (gunzip, zcat and Node read them whole).
import { chmodSync, closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { InputError } from "../errors.js";
import {
  type DecisionFileFormat,
  decisionFileFormat,
  decisionHeader,
  decisionLine,
} from "../report/route-decisions.js";
import type { RoutingDecision } from "../routing/decision.js";
import { type OutputTarget, temporaryPathFor, writeFailure } from "./output.js";
import { trackTemporary } from "./temporary-files.js";

const FLUSH_AT = 64 * 1024;

export class DecisionsFile {
  private buffer = "";
  private written = false;
  private fd: number | undefined;
  private readonly untrack: () => void;
  private readonly gzip: boolean;
  private readonly format: DecisionFileFormat;

  private constructor(
    private readonly target: OutputTarget,
    private readonly temporary: string | undefined,
  ) {
    this.gzip = /\.gz$/i.test(target.file);
    this.format = decisionFileFormat(target.file.replace(/\.gz$/i, ""));
    try {
      if (temporary !== undefined) rmSync(temporary, { force: true });
      this.fd = openSync(temporary ?? target.path, temporary !== undefined ? "wx" : "w");
    } catch (error) {
      throw writeFailure(target.file, error);
    }
    this.untrack = temporary !== undefined ? trackTemporary(temporary) : () => {};
    this.buffer = decisionHeader(this.format);
  }

  /** `target` comes from prepareOutputs, which checked it against the run's inputs and other outputs. */
  static open(target: OutputTarget): DecisionsFile {
    return new DecisionsFile(target, target.kind === "atomic" ? temporaryPathFor(target.path) : undefined);
  }

  readonly write = (decision: RoutingDecision): void => {
    for (const [field, usd] of [
      ["cost_usd", decision.costUsd],
      ["logged_cost_usd", decision.loggedCostUsd],
    ] as const) {
      // Overflowed money is never written: the run stops, and the temporary file is removed.
      if (usd !== null && !Number.isFinite(usd)) {
        throw new InputError(
          { file: this.target.file, field },
          `cannot be written: money overflows: request ${decision.requestId || "(no id)"} ${field === "cost_usd" ? `would cost ${usd} dollars on ${decision.provider}/${decision.model}` : `has a logged cost of ${usd} dollars`}; check the model prices in the pricing files (too large for double-precision arithmetic)`,
        );
      }
    }
    this.buffer += decisionLine(decision, this.format);
    if (this.buffer.length >= FLUSH_AT) this.flush();
  };

  private flush(): void {
    if (this.fd === undefined || this.buffer === "") return;
    try {
      if (this.gzip) writeSync(this.fd, gzipSync(this.buffer));
      else writeSync(this.fd, this.buffer);
      this.written = true;
    } catch (error) {
      throw writeFailure(this.target.file, error);
    }
    this.buffer = "";
  }

  commit(): void {
    this.flush();
    // An empty gzip file is not gzip: write one empty member.
    if (this.gzip && !this.written && this.fd !== undefined) writeSync(this.fd, gzipSync(""));
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.temporary !== undefined) {
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
