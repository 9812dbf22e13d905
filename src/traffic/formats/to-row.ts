// An imported row (what a log format emits) into the reader's reused RowValues, with the same checks the
// canonical CSV path makes (src/traffic/parse-row.ts): whole non-negative token counts within the same
// limits, cache reads and writes part of the input, a positive whole request count (or none, for totals
// only), a bucket end not before its start. So a row read from a log and the same row read back from
// `llmcost convert`'s CSV are one and the same. Pure.
import { InputError } from "../../errors.js";
import { MAX_TOKENS_PER_REQUEST, MAX_TOKENS_PER_ROW_TOTAL } from "../fields.js";
import { cacheExcess } from "../parse-row.js";
import type { TrafficColumn } from "../row.js";
import type { RowValues } from "../row-values.js";
import { StatusClassifier } from "../status.js";
import type { ImportedRow, RecordLocation } from "./log-format.js";

const MAX_REQUESTS_PER_ROW = 1_000_000_000;
const statuses = new StatusClassifier();

/** Sets every field of `values` from `row` (metadata aside: the reader owns the kept columns), or throws
 * an InputError at `at` naming the canonical field and what was expected. `row` is `values.row`'s number. */
export function importedRowToValues(
  imported: ImportedRow,
  at: RecordLocation,
  row: number,
  values: RowValues,
): void {
  const fail = (field: TrafficColumn, message: string): never => {
    throw new InputError({ ...at, field }, message);
  };
  const total = imported.tokenBasis === "total";
  const max = total ? MAX_TOKENS_PER_ROW_TOTAL : MAX_TOKENS_PER_REQUEST;
  const tokens = (field: TrafficColumn, value: number): number => {
    if (!Number.isInteger(value) || value < 0) {
      fail(field, `expected a whole non-negative number of tokens, found ${value}`);
    }
    if (value > max) {
      fail(
        field,
        `expected at most ${max} tokens ${total ? "in a row of totals" : "per request"}, found ${value} (is the unit or the field right?)`,
      );
    }
    return value;
  };
  const model = imported.model.trim();
  if (model === "") fail("model", "expected a model name, found an empty one");
  const input = tokens("input_tokens", imported.inputTokens);
  const cacheRead = tokens("cache_read_tokens", imported.cacheReadTokens);
  const cacheWrite = tokens("cache_write_tokens", imported.cacheWriteTokens);
  const cacheWrite1h = tokens("cache_write_1h_tokens", imported.cacheWrite1hTokens);
  const excess = cacheExcess(input, cacheRead, cacheWrite, cacheWrite1h);
  if (excess !== undefined) fail("cache_read_tokens", excess);
  const { requests } = imported;
  if (requests === undefined) {
    if (!total) fail("requests", "expected a request count for a row of per-request figures, found none");
  } else if (!Number.isInteger(requests) || requests < 1 || requests > MAX_REQUESTS_PER_ROW) {
    fail("requests", `expected a positive whole number of requests (at most 1e9), found ${requests}`);
  }
  const start = imported.timestamp ?? Number.NaN;
  const end = imported.bucketEnd ?? Number.NaN;
  if (!Number.isNaN(start) && !Number.isFinite(start)) fail("timestamp", `expected a time, found ${start}`);
  if (!Number.isNaN(end) && !Number.isFinite(end)) fail("bucket_end", `expected a time, found ${end}`);
  if (end < start) {
    fail(
      "bucket_end",
      `expected bucket_end at or after the row's timestamp, found ${new Date(end).toISOString()} before ${new Date(start).toISOString()}`,
    );
  }
  const latency = imported.latencyMs ?? Number.NaN;
  if (latency < 0 || latency === Number.POSITIVE_INFINITY) {
    fail("latency_ms", `expected a non-negative number of milliseconds, found ${latency}`);
  }
  const statusClass = statuses.classify(imported.status);
  values.row = row;
  values.model = model;
  values.inputTokens = input;
  values.outputTokens = tokens("output_tokens", imported.outputTokens);
  values.cacheReadTokens = cacheRead;
  values.cacheWriteTokens = cacheWrite;
  values.cacheWrite1hTokens = cacheWrite1h;
  values.requests = requests ?? Number.NaN;
  values.tokenBasis = imported.tokenBasis;
  values.serviceTier = imported.serviceTier ?? "standard";
  values.contextTier =
    imported.longContext === undefined ? undefined : imported.longContext ? "long" : "standard";
  values.kind = imported.kind;
  values.requiresCompliance = false;
  values.requiresLatest = false;
  values.failed = statusClass === "failure";
  values.unknownStatus = statusClass === "unknown";
  values.timestamp = start;
  values.bucketEnd = end;
  values.latencyMs = latency;
  values.latencyBudgetMs = Number.NaN;
  values.requestId = imported.requestId;
  values.provider = imported.provider;
  values.region = imported.region;
  values.useCase = imported.useCase;
  values.status = imported.status;
  values.costSensitivity = undefined;
  values.textIds.fill(-1);
}
