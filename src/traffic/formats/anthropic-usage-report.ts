// Anthropic Admin API usage report (`GET /v1/organizations/usage_report/messages`): saved reports
// `{data: [bucket], has_more, next_page}`, or JSON lines of buckets. Each bucket result is one row of totals
// over the bucket's span; the report has no request counts, so `requests` is unknown.
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
  optionalObject,
  optionalString,
  path,
  putMeta,
  timestamp,
} from "./record-fields.js";
import { type BucketShape, forEachBucketResult, pageBuckets } from "./usage-buckets.js";

const EMPTY_RESULT = "Anthropic usage result with no tokens";

function isResult(value: unknown): boolean {
  return isObject(value) && "uncached_input_tokens" in value;
}

function isBucket(value: unknown): value is JsonObject {
  return isObject(value) && typeof value.starting_at === "string" && Array.isArray(value.results);
}

function isReport(value: unknown): value is JsonObject {
  return isObject(value) && Array.isArray(value.data) && value.data.every(isBucket);
}

function hasResults(buckets: readonly unknown[]): boolean {
  const all = buckets.flatMap((bucket) => (isBucket(bucket) ? (bucket.results as unknown[]) : []));
  return all.length > 0 && all.every(isResult);
}

function detect(record: unknown): boolean {
  if (Array.isArray(record)) return record.length > 0 && detect(record[0]);
  if (isReport(record)) return hasResults(record.data as unknown[]);
  return isBucket(record) && hasResults([record]);
}

const BUCKETS: BucketShape = { isPage: isReport, start: "starting_at", end: "ending_at", time: timestamp };

/** Report service tiers onto pricing modes; `flex_discount` has no price llmcost knows. */
const TIERS: Readonly<Record<string, PricingMode>> = {
  standard: "standard",
  batch: "batch",
  priority: "priority",
  priority_on_demand: "priority",
  flex: "flex",
};

const LONG_CONTEXT: Readonly<Record<string, boolean>> = { "0-200k": false, "200k-1M": true };

function resultRow(
  result: JsonObject,
  at: RecordLocation,
  base: string,
  span: { start: number; end: number },
): ImportedRow {
  const f = (key: string) => path(base, key);
  if (result.model === null || result.model === undefined) {
    fieldError(
      at,
      f("model"),
      "model is null: the report was not grouped by model, so its tokens cannot be priced; re-export with group_by[]=model",
    );
  }
  const model = optionalString(result.model, at, f("model"));
  if (model === undefined) expected(at, f("model"), "a model name", result.model);
  const uncached = count(result.uncached_input_tokens, at, f("uncached_input_tokens"));
  const cacheRead = count(result.cache_read_input_tokens, at, f("cache_read_input_tokens"));
  // `cache_creation: {ephemeral_5m_input_tokens, ephemeral_1h_input_tokens}`; flat
  // `cache_creation_5m_input_tokens` / `cache_creation_1h_input_tokens` where a client flattened it.
  const creation = optionalObject(result.cache_creation, at, f("cache_creation"));
  const fiveMinutes = creation
    ? count(creation.ephemeral_5m_input_tokens, at, f("cache_creation.ephemeral_5m_input_tokens"))
    : count(result.cache_creation_5m_input_tokens, at, f("cache_creation_5m_input_tokens"));
  const oneHour = creation
    ? count(creation.ephemeral_1h_input_tokens, at, f("cache_creation.ephemeral_1h_input_tokens"))
    : count(result.cache_creation_1h_input_tokens, at, f("cache_creation_1h_input_tokens"));

  const tier = optionalString(result.service_tier, at, f("service_tier"));
  const serviceTier = tier === undefined ? "standard" : TIERS[tier];
  if (!serviceTier) expected(at, f("service_tier"), `one of ${Object.keys(TIERS).join(", ")}`, tier);
  const window = optionalString(result.context_window, at, f("context_window"));
  const longContext = window === undefined ? undefined : LONG_CONTEXT[window];
  if (window !== undefined && longContext === undefined)
    expected(at, f("context_window"), '"0-200k" or "200k-1M"', window);

  const meta: Record<string, string> = {};
  for (const key of [
    "workspace_id",
    "api_key_id",
    "inference_geo",
    "account_id",
    "service_account_id",
    "speed",
  ]) {
    putMeta(meta, key, optionalString(result[key], at, f(key)));
  }
  const tools = optionalObject(result.server_tool_use, at, f("server_tool_use"));
  const searches =
    tools && optionalCount(tools.web_search_requests, at, f("server_tool_use.web_search_requests"));
  if (searches) meta.web_search_requests = String(searches);

  return {
    timestamp: span.start,
    bucketEnd: span.end,
    provider: "anthropic",
    model,
    inputTokens: uncached + cacheRead + fiveMinutes + oneHour,
    outputTokens: count(result.output_tokens, at, f("output_tokens")),
    cacheReadTokens: cacheRead,
    cacheWriteTokens: fiveMinutes,
    cacheWrite1hTokens: oneHour,
    requests: undefined,
    tokenBasis: "total",
    serviceTier,
    ...(longContext !== undefined && { longContext }),
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
  // A result of no tokens says nothing to price (the report has no request counts to weigh it).
  const emit = (row: ImportedRow) => {
    if (row.inputTokens === 0 && row.outputTokens === 0) context.skip(EMPTY_RESULT);
    else mapped(row);
  };
  forEachBucketResult(BUCKETS, record, at, (result, field, span) => emit(resultRow(result, at, field, span)));
}

export const anthropicUsageReport: LogFormat = {
  name: "anthropic-usage-report",
  label: "Anthropic usage report (messages)",
  detect,
  records: (document) => pageBuckets(BUCKETS, document),
  toRows,
  limits: [
    {
      field: "requests",
      assumption:
        "Anthropic usage report: it has no request counts; tokens are scaled by the window as always, and per-request figures (and per-request infrastructure) are unknown unless --monthly-requests sets the request count",
    },
    {
      field: "timestamp",
      assumption:
        "Anthropic usage report: rows are buckets (totals between starting_at and ending_at), not single requests; the long-context tier comes from the report's context_window, not from prompt sizes",
    },
    {
      field: "web_search_requests",
      assumption:
        "Anthropic usage report: server tool use (web_search_requests) is not priced; it is kept as meta.web_search_requests",
    },
  ],
};
