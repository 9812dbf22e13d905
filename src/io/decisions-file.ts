// The --decisions file, written while the replay runs: lines are buffered and flushed synchronously in
// 64 KiB chunks (the replay's row callback is synchronous, so memory stays bounded whatever the row count),
// into a temporary file renamed into place at the end, so a failed run never leaves half a file behind.
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import {
  type DecisionFileFormat,
  decisionFileFormat,
  decisionHeader,
  decisionLine,
} from "../report/route-decisions.js";
import type { RoutingDecision } from "../routing/decision.js";
import { assertWritablePath, temporaryPathFor, writeFailure } from "./output.js";
import { trackTemporary } from "./temporary-files.js";

const FLUSH_AT = 64 * 1024;

export class DecisionsFile {
  private buffer = "";
  private fd: number | undefined;
  private readonly untrack: () => void;

  private constructor(
    private readonly file: string,
    private readonly temporary: string,
    private readonly format: DecisionFileFormat,
  ) {
    try {
      this.fd = openSync(temporary, "w");
    } catch (error) {
      throw writeFailure(file, error);
    }
    this.untrack = trackTemporary(temporary);
    this.buffer = decisionHeader(format);
  }

  static open(file: string): DecisionsFile {
    assertWritablePath(file, "--decisions");
    return new DecisionsFile(file, temporaryPathFor(file), decisionFileFormat(file));
  }

  readonly write = (decision: RoutingDecision): void => {
    this.buffer += decisionLine(decision, this.format);
    if (this.buffer.length >= FLUSH_AT) this.flush();
  };

  private flush(): void {
    if (this.fd === undefined || this.buffer === "") return;
    writeSync(this.fd, this.buffer);
    this.buffer = "";
  }

  commit(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.temporary, this.file);
    this.untrack();
  }

  /** After commit this does nothing; after a failure it removes the temporary file. */
  discard(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.temporary, { force: true });
    this.untrack();
  }
}
