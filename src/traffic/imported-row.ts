// A log format's row (ImportedRow) as the TrafficRow that the profile, the replay and `convert` take, with
// the checks the CSV reader makes on the same fields, located at the record it came from.
import { InputError, type InputLocation } from "../errors.js";
import { nameRecord } from "../own-key.js";
import type { ImportedRow, RecordLocation } from "./formats/log-format.js";
import type { TrafficRow } from "./row.js";
import { StatusClassifier } from "./status.js";

/** Where a record is, as an error location: `file:line`, or the record's index as the field path. */
export function recordLocation(at: RecordLocation, field?: string): InputLocation {
  const path =
    at.record === undefined ? field : `records[${at.record}]${field === undefined ? "" : `.${field}`}`;
  return {
    file: at.file,
    ...(at.line !== undefined && { line: at.line }),
    ...(path !== undefined && { field: path }),
  };
}

export class ImportedRows {
  private readonly statuses = new StatusClassifier();
  /** Rows made so far: a TrafficRow's `row` when the record has no line. */
  private count = 0;

  /** A fresh TrafficRow for `row`; an InputError at `at` when a value breaks the canonical rules. */
  toTrafficRow(row: ImportedRow, at: RecordLocation): TrafficRow {
    this.count++;
    const fail = (field: string, message: string): never => {
      throw new InputError(recordLocation(at, field), message);
    };
    if (row.model.trim() === "") fail("model", "expected a model name, found an empty value");
    const tokens = [
      ["input_tokens", row.inputTokens],
      ["output_tokens", row.outputTokens],
      ["cache_read_tokens", row.cacheReadTokens],
      ["cache_write_tokens", row.cacheWriteTokens],
      ["cache_write_1h_tokens", row.cacheWrite1hTokens],
    ] as const;
    for (const [field, value] of tokens) {
      if (!Number.isSafeInteger(value) || value < 0)
        fail(field, `expected a whole number of tokens, found ${value}`);
    }
    const cached = row.cacheReadTokens + row.cacheWriteTokens + row.cacheWrite1hTokens;
    if (cached > row.inputTokens) {
      fail(
        "cache_read_tokens",
        `expected cache read + cache write tokens (${cached}) to be at most the input tokens (${row.inputTokens}): input tokens include cached tokens`,
      );
    }
    const requests = row.requests ?? 1;
    if (!Number.isSafeInteger(requests) || requests < 1) {
      fail("requests", `expected a positive whole number of requests, found ${requests}`);
    }
    const traffic: TrafficRow = {
      row: at.line ?? (at.record !== undefined ? at.record + 1 : this.count),
      model: row.model,
      inputTokens: row.inputTokens,
      outputTokens: row.outputTokens,
      cacheReadTokens: row.cacheReadTokens,
      cacheWriteTokens: row.cacheWriteTokens,
      requests,
      requiresCompliance: false,
      requiresLatest: false,
      meta: nameRecord<string>(),
    };
    if (row.timestamp !== undefined) traffic.timestamp = row.timestamp;
    if (row.bucketEnd !== undefined) traffic.bucketEnd = row.bucketEnd;
    if (row.requestId !== undefined) traffic.requestId = row.requestId;
    if (row.provider !== undefined) traffic.provider = row.provider;
    if (row.region !== undefined) traffic.region = row.region;
    if (row.useCase !== undefined) traffic.useCase = row.useCase;
    if (row.latencyMs !== undefined) traffic.latencyMs = row.latencyMs;
    if (row.status !== undefined) traffic.status = row.status;
    if (this.statuses.classify(row.status) === "failure") traffic.failed = true;
    for (const [key, value] of Object.entries(row.meta)) traffic.meta[key] = value;
    return traffic;
  }
}
