// LiteLLM proxy spend logs, one row per request: `/spend/logs?summarize=false` saved as JSON (an array of
// rows), or a CSV export of the `LiteLLM_SpendLogs` table (the reader hands each CSV row over as an object
// keyed by header, every cell a string; `metadata` and `request_tags` are then JSON text).
import { normaliseProvider } from "../../cost/pricing-ids.js";
import type { ImportContext, ImportedRow, LogFormat, RecordLocation } from "./log-format.js";
import {
  count,
  expected,
  fieldError,
  isObject,
  type JsonObject,
  mappedModel,
  objectAt,
  optionalCount,
  optionalMilliseconds,
  optionalObject,
  optionalString,
  putMeta,
  requiredString,
  timestamp,
} from "./record-fields.js";

/** Columns of `LiteLLM_SpendLogs` (schema.prisma) that together say "a spend log row". */
function isSpendLog(value: unknown): boolean {
  return (
    isObject(value) &&
    "request_id" in value &&
    "call_type" in value &&
    "startTime" in value &&
    "spend" in value
  );
}

function detect(record: unknown): boolean {
  if (Array.isArray(record)) return isSpendLog(record[0]);
  if (isObject(record) && Array.isArray(record.data)) return isSpendLog(record.data[0]);
  return isSpendLog(record);
}

function* records(document: unknown): Iterable<unknown> {
  if (Array.isArray(document)) yield* document;
  else if (isObject(document) && Array.isArray(document.data)) yield* document.data;
  else yield document;
}

/** A JSON column: an object or array as the JSON API gives it, or its text as a CSV cell holds it. */
function jsonColumn(value: unknown, at: RecordLocation, field: string): unknown {
  if (typeof value !== "string") return value;
  if (value.trim() === "") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return fieldError(at, field, `expected JSON text, found ${JSON.stringify(value.slice(0, 40))}`);
  }
}

/** `request_tags`: a JSON list of strings, joined by commas for `meta.request_tags`. */
function tagsOf(value: unknown, at: RecordLocation): string | undefined {
  const tags = jsonColumn(value, at, "request_tags");
  if (tags === undefined || tags === null) return undefined;
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === "string")) {
    expected(at, "request_tags", "a JSON list of tags", tags);
  }
  return tags.length > 0 ? tags.join(",") : undefined;
}

interface Tokens {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
}

/**
 * Tokens from `metadata.usage_object` (LiteLLM's OpenAI-shaped Usage): `prompt_tokens` counts cache reads
 * (`prompt_tokens_details.cached_tokens`) but not cache writes, which LiteLLM reports beside it as
 * `cache_creation_input_tokens` (its cost calculator bills `prompt_tokens - cached_tokens` as uncached input
 * and the writes on top). Versions whose `prompt_tokens` left cache reads out are recognised by cache reads
 * above `prompt_tokens`: those reads are added back.
 */
function usageTokens(usage: JsonObject, at: RecordLocation): Tokens {
  const f = (name: string) => `metadata.usage_object.${name}`;
  const prompt = count(usage.prompt_tokens, at, f("prompt_tokens"));
  const details = optionalObject(usage.prompt_tokens_details, at, f("prompt_tokens_details"));
  const cacheRead =
    optionalCount(usage.cache_read_input_tokens, at, f("cache_read_input_tokens")) ??
    count(details?.cached_tokens, at, f("prompt_tokens_details.cached_tokens"));
  const cacheWrite =
    optionalCount(usage.cache_creation_input_tokens, at, f("cache_creation_input_tokens")) ??
    count(details?.cache_creation_tokens, at, f("prompt_tokens_details.cache_creation_tokens"));
  const ttl = optionalObject(
    details?.cache_creation_token_details,
    at,
    f("prompt_tokens_details.cache_creation_token_details"),
  );
  const oneHour = count(
    ttl?.ephemeral_1h_input_tokens,
    at,
    f("prompt_tokens_details.cache_creation_token_details.ephemeral_1h_input_tokens"),
  );
  if (oneHour > cacheWrite) {
    fieldError(
      at,
      f("prompt_tokens_details.cache_creation_token_details"),
      `1-hour cache writes (${oneHour}) exceed the cache writes (${cacheWrite})`,
    );
  }
  return {
    input: (cacheRead > prompt ? prompt + cacheRead : prompt) + cacheWrite,
    output: count(usage.completion_tokens, at, f("completion_tokens")),
    cacheRead,
    cacheWrite5m: cacheWrite - oneHour,
    cacheWrite1h: oneHour,
  };
}

const EMBEDDING_CALLS = new Set(["embedding", "aembedding"]);

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === "string" && value.trim().toLowerCase() === "true");
}

function toRows(
  value: unknown,
  at: RecordLocation,
  emit: (row: ImportedRow) => void,
  context: ImportContext,
): void {
  const record = objectAt(value, at, "(record)");
  if (isTrue(record.cache_hit)) {
    context.skip("LiteLLM cache hit (answered from LiteLLM's own cache, no provider call)");
    return;
  }
  const metadataValue = jsonColumn(record.metadata, at, "metadata");
  const metadata = optionalObject(metadataValue, at, "metadata") ?? {};
  const usage = optionalObject(metadata.usage_object, at, "metadata.usage_object");
  const tokens: Tokens = usage
    ? usageTokens(usage, at)
    : {
        input: count(record.prompt_tokens, at, "prompt_tokens"),
        output: count(record.completion_tokens, at, "completion_tokens"),
        cacheRead: 0,
        cacheWrite5m: 0,
        cacheWrite1h: 0,
      };
  const start = timestamp(record.startTime, at, "startTime");
  let latencyMs = optionalMilliseconds(record.request_duration_ms, at, "request_duration_ms");
  const end = optionalString(record.endTime, at, "endTime");
  if (latencyMs === undefined && end !== undefined) {
    const ms = timestamp(end, at, "endTime") - start;
    if (ms < 0) fieldError(at, "endTime", "expected an endTime at or after startTime");
    latencyMs = ms;
  }
  const callType = optionalString(record.call_type, at, "call_type");
  const provider = optionalString(record.custom_llm_provider, at, "custom_llm_provider");
  const status = optionalString(record.status, at, "status");
  const requestId = optionalString(record.request_id, at, "request_id");

  const meta: Record<string, string> = {};
  for (const key of ["model_group", "team_id", "end_user", "user", "organization_id"]) {
    putMeta(meta, key, optionalString(record[key], at, key));
  }
  putMeta(meta, "call_type", callType);
  putMeta(meta, "request_tags", tagsOf(record.request_tags, at));
  putMeta(meta, "key_alias", optionalString(metadata.user_api_key_alias, at, "metadata.user_api_key_alias"));
  const spend = record.spend;
  if (spend !== undefined && spend !== null && spend !== "") {
    const usd = typeof spend === "string" ? Number(spend) : spend;
    if (typeof usd !== "number" || !Number.isFinite(usd))
      expected(at, "spend", "a number of US dollars", spend);
    meta.logged_spend_usd = String(usd);
  }

  emit({
    timestamp: start,
    ...(requestId !== undefined && { requestId }),
    ...(provider !== undefined && { provider: normaliseProvider(provider) }),
    model: mappedModel(requiredString(record.model, at, "model", "the model LiteLLM called"), context),
    inputTokens: tokens.input,
    outputTokens: tokens.output,
    cacheReadTokens: tokens.cacheRead,
    cacheWriteTokens: tokens.cacheWrite5m,
    cacheWrite1hTokens: tokens.cacheWrite1h,
    requests: 1,
    tokenBasis: "per-request",
    ...(latencyMs !== undefined && { latencyMs }),
    ...(status !== undefined && { status }),
    ...(callType !== undefined && EMBEDDING_CALLS.has(callType) && { kind: "embedding" as const }),
    meta,
  });
}

export const litellmSpendLogs: LogFormat = {
  name: "litellm-spend-logs",
  label: "LiteLLM spend logs",
  detect,
  records,
  toRows,
  limits: [
    {
      field: "cache_read_tokens",
      assumption:
        "LiteLLM spend logs: tokens come from metadata.usage_object; a row without it (older LiteLLM) has no cache split, so its prompt_tokens are priced as uncached input",
    },
    {
      field: "requests",
      assumption:
        "LiteLLM spend logs: rows answered from LiteLLM's own cache (cache_hit True) made no provider call and are skipped, counted",
    },
  ],
};
