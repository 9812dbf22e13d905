// OpenAI Usage API, completions (`GET /v1/organization/usage/completions`): saved pages
// `{object: "page", data: [bucket]}`, one per file or one per line, or JSON lines of buckets. Each bucket
// result is one pre-aggregated row: totals over `num_model_requests` requests across the bucket's span.
import type { PricingMode } from "../../cost/price.js";
import type { ImportContext, ImportedRow, LogFormat, RecordLocation } from "./log-format.js";
import {
  count,
  emitMapped,
  expected,
  fieldError,
  isObject,
  type JsonObject,
  optionalCount,
  optionalString,
  path,
  putMeta,
  unixSeconds,
} from "./record-fields.js";
import { type BucketShape, forEachBucketResult, pageBuckets } from "./usage-buckets.js";

const RESULT = "organization.usage.completions.result";
const EMPTY_RESULT = "OpenAI usage result with no requests and no tokens";

function isResult(value: unknown): boolean {
  return isObject(value) && value.object === RESULT;
}

function isBucket(value: unknown): value is JsonObject {
  return isObject(value) && value.object === "bucket" && Array.isArray(value.results);
}

/** A bucket whose results are completions results; an empty bucket is one too (it has no rows). */
function isCompletionsBucket(value: unknown): boolean {
  return isBucket(value) && (value.results as unknown[]).every(isResult);
}

function isPage(value: unknown): value is JsonObject {
  return isObject(value) && value.object === "page" && Array.isArray(value.data);
}

function detect(record: unknown): boolean {
  if (Array.isArray(record)) return record.length > 0 && detect(record[0]);
  if (isPage(record)) {
    const buckets = record.data as unknown[];
    return (
      buckets.every(isCompletionsBucket) &&
      buckets.some((bucket) => isBucket(bucket) && (bucket.results as unknown[]).length > 0)
    );
  }
  return isCompletionsBucket(record) && ((record as JsonObject).results as unknown[]).length > 0;
}

const BUCKETS: BucketShape = { isPage, start: "start_time", end: "end_time", time: unixSeconds };

const TIERS: Readonly<Record<string, PricingMode>> = {
  default: "standard",
  auto: "standard",
  standard: "standard",
  flex: "flex",
  priority: "priority",
  batch: "batch",
};

/** `batch: true` is priced at batch rates; otherwise the result's `service_tier` (default: standard). */
function tierOf(result: JsonObject, at: RecordLocation, base: string): PricingMode {
  const batch = result.batch;
  if (batch !== undefined && batch !== null && typeof batch !== "boolean") {
    expected(at, path(base, "batch"), "true, false or null", batch);
  }
  if (batch === true) return "batch";
  const tier = optionalString(result.service_tier, at, path(base, "service_tier"));
  if (tier === undefined) return "standard";
  const mode = TIERS[tier.toLowerCase()];
  if (!mode) expected(at, path(base, "service_tier"), `one of ${Object.keys(TIERS).join(", ")}`, tier);
  return mode;
}

function resultRow(
  result: JsonObject,
  at: RecordLocation,
  base: string,
  span: { start: number; end: number },
): ImportedRow {
  const modelField = path(base, "model");
  if (result.model === null || result.model === undefined) {
    fieldError(
      at,
      modelField,
      "model is null: the export was not grouped by model, so its tokens cannot be priced; re-export with group_by=model (e.g. ...usage/completions?group_by=model&group_by=batch&bucket_width=1d)",
    );
  }
  const model = optionalString(result.model, at, modelField);
  if (model === undefined) expected(at, modelField, "a model name", result.model);
  const requests = optionalCount(result.num_model_requests, at, path(base, "num_model_requests"));
  if (requests === undefined)
    expected(at, path(base, "num_model_requests"), "a request count", result.num_model_requests);
  const meta: Record<string, string> = {};
  for (const key of ["project_id", "api_key_id", "user_id"])
    putMeta(meta, key, optionalString(result[key], at, path(base, key)));
  // Tokens llmcost does not price at their own rates: kept for inspection (see the format's limits).
  for (const key of ["input_audio_tokens", "output_audio_tokens", "input_cache_write_tokens"]) {
    const tokens = optionalCount(result[key], at, path(base, key));
    if (tokens) meta[key] = String(tokens);
  }
  const inputTokens = count(result.input_tokens, at, path(base, "input_tokens"));
  const cacheReadTokens = count(result.input_cached_tokens, at, path(base, "input_cached_tokens"));
  if (cacheReadTokens > inputTokens) {
    fieldError(
      at,
      path(base, "input_cached_tokens"),
      `cached tokens (${cacheReadTokens}) exceed input_tokens (${inputTokens}), which includes them`,
    );
  }
  return {
    timestamp: span.start,
    bucketEnd: span.end,
    provider: "openai",
    model,
    inputTokens,
    outputTokens: count(result.output_tokens, at, path(base, "output_tokens")),
    cacheReadTokens,
    cacheWriteTokens: 0,
    cacheWrite1hTokens: 0,
    requests,
    tokenBasis: "total",
    serviceTier: tierOf(result, at, base),
    meta,
  };
}

function toRows(
  record: unknown,
  at: RecordLocation,
  rowOut: (row: ImportedRow) => void,
  context: ImportContext,
): void {
  const mapped = emitMapped(rowOut, context);
  // A result of no requests and no tokens says nothing to price; a request count of zero is not a weight.
  const emit = (row: ImportedRow) => {
    if (row.requests === 0 && row.inputTokens === 0 && row.outputTokens === 0) context.skip(EMPTY_RESULT);
    else mapped(row);
  };
  forEachBucketResult(BUCKETS, record, at, (result, field, span) => {
    if (result.object !== RESULT) expected(at, path(field, "object"), `"${RESULT}"`, result.object);
    emit(resultRow(result, at, field, span));
  });
}

export const openaiUsageCompletions: LogFormat = {
  name: "openai-usage-completions",
  label: "OpenAI usage API (completions)",
  detect,
  records: (document) => pageBuckets(BUCKETS, document),
  toRows,
  limits: [
    {
      field: "service_tier",
      assumption:
        "OpenAI usage export: a result whose batch is null (the export was not grouped by batch) is priced at standard rates, as is one without a service_tier",
    },
    {
      field: "timestamp",
      assumption:
        "OpenAI usage export: rows are buckets (totals over num_model_requests requests between start_time and end_time), not single requests; there are no per-request prompt sizes, latencies or request ids",
    },
    {
      field: "audio_tokens",
      assumption:
        "OpenAI usage export: audio tokens (input_audio_tokens, output_audio_tokens) are not priced at audio rates; they are kept as meta.* (depending on the export's schema version input_tokens may count them at the model's text rate)",
    },
  ],
};
