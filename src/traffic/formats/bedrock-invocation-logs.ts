// Amazon Bedrock model invocation logs: one `ModelInvocationLog` record per request, as JSON lines in the
// S3 objects (`AWSLogs/<account>/BedrockModelInvocationLogs/<region>/YYYY/MM/DD/HH/*.json.gz`) or as
// CloudWatch Logs events (`{"events": [{"message": "<the record as JSON text>"}]}`). See docs/log-formats.md.
import type { ImportContext, ImportedRow, LogFormat, RecordLocation } from "./log-format.js";
import {
  count,
  expected,
  fieldError,
  isObject,
  type JsonObject,
  mappedModel,
  metaKey,
  objectAt,
  optionalCount,
  optionalMilliseconds,
  optionalObject,
  optionalString,
  putMeta,
  requiredString,
  timestamp,
} from "./record-fields.js";

const SCHEMA_TYPE = "ModelInvocationLog";

/** A record, or a CloudWatch event whose `message` holds one (as JSON text or already parsed). */
function isInvocation(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value.schemaType === SCHEMA_TYPE) return true;
  const message = value.message;
  if (typeof message === "string")
    return (
      message.includes(`"schemaType":"${SCHEMA_TYPE}"`) || message.includes(`"schemaType": "${SCHEMA_TYPE}"`)
    );
  return isObject(message) && message.schemaType === SCHEMA_TYPE;
}

function detect(record: unknown): boolean {
  if (Array.isArray(record)) return isInvocation(record[0]);
  if (isObject(record) && Array.isArray(record.events)) return isInvocation(record.events[0]);
  return isInvocation(record);
}

/** A CloudWatch export's events (each unwrapped by toRows, so a bad message is located), or an array's items. */
function* records(document: unknown): Iterable<unknown> {
  if (Array.isArray(document)) yield* document;
  else if (isObject(document) && Array.isArray(document.events)) yield* document.events;
  else yield document;
}

/** The JSON paths of a record's fields, at the top or inside a CloudWatch event's `message`: built once
 * rather than per record (a million records would otherwise build twenty million strings). */
const FIELDS = [
  "schemaType",
  "modelId",
  "input",
  "output",
  "input.inputTokenCount",
  "input.cacheReadInputTokenCount",
  "input.cacheWriteInputTokenCount",
  "output.outputTokenCount",
  "output.outputBodyJson.usage",
  "output.outputBodyJson.metrics.latencyMs",
  "inferenceRegion",
  "operation",
  "accountId",
  "identity",
  "identity.arn",
  "performanceConfig",
  "performanceConfig.latency",
  "status",
  "requestMetadata",
  "errorCode",
  "requestId",
  "region",
  "timestamp",
] as const;
type Paths = Record<(typeof FIELDS)[number], string>;
const pathsUnder = (prefix: string) =>
  Object.fromEntries(FIELDS.map((name) => [name, `${prefix}${name}`])) as Paths;
const TOP = pathsUnder("");
const IN_MESSAGE = pathsUnder("message.");

/** The record a CloudWatch event carries, or the record itself; with the JSON paths of its fields. */
function unwrap(value: unknown, at: RecordLocation): { record: JsonObject; paths: Paths } {
  const object = objectAt(value, at, "(record)");
  if (object.schemaType !== undefined || !("message" in object)) return { record: object, paths: TOP };
  const message = object.message;
  if (isObject(message)) return { record: message, paths: IN_MESSAGE };
  if (typeof message !== "string")
    expected(at, "message", "a model invocation log record as JSON text", message);
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    fieldError(
      at,
      "message",
      "expected a model invocation log record as JSON text, found text that is not JSON",
    );
  }
  return { record: objectAt(parsed, at, "message"), paths: IN_MESSAGE };
}

const ARN = /^arn:aws[a-z-]*:bedrock:([a-z0-9-]*):(\d*):([a-z-]+)\/(.+)$/;

/**
 * The model id to price: a base id or a cross-region profile id as logged (the catalog resolves `us.`,
 * `eu.`, `apac.`, `global.` profiles), the id inside a foundation-model or inference-profile ARN, or the
 * user's mapping for anything else (application inference profiles, provisioned or custom models).
 */
function modelOf(modelId: string, at: RecordLocation, field: string, context: ImportContext): string {
  if (context.modelMap.has(modelId)) return mappedModel(modelId, context);
  if (!modelId.startsWith("arn:")) return modelId;
  const arn = ARN.exec(modelId);
  if (!arn) return modelId;
  const [, , , resource, id] = arn;
  if ((resource === "foundation-model" || resource === "inference-profile") && id) return id;
  return fieldError(
    at,
    field,
    `"${modelId}" is ${resource === "application-inference-profile" ? "an application inference profile" : `a ${resource} ARN`}, which does not say which model it serves; map it with --model-map ${modelId}=<model id> (for example us.anthropic.claude-sonnet-4-5-20250929-v1:0)`,
  );
}

/** 1-hour cache writes, from the logged response body's usage when the body is there: Converse
 * `usage.cacheDetails[{ttl, inputTokens}]`, or Anthropic's `usage.cache_creation.ephemeral_1h_input_tokens`
 * (InvokeModel). Undefined when the body does not say. */
function oneHourWrites(
  output: JsonObject | undefined,
  at: RecordLocation,
  usageField: string,
): number | undefined {
  const body = output && isObject(output.outputBodyJson) ? output.outputBodyJson : undefined;
  const usage = body && isObject(body.usage) ? body.usage : undefined;
  if (!usage) return undefined;
  if (Array.isArray(usage.cacheDetails)) {
    let total = 0;
    usage.cacheDetails.forEach((detail, i) => {
      const field = `${usageField}.cacheDetails[${i}]`;
      const entry = objectAt(detail, at, field);
      if (entry.ttl === "1h") total += count(entry.inputTokens, at, `${field}.inputTokens`);
      else if (entry.ttl !== "5m") expected(at, `${field}.ttl`, '"5m" or "1h"', entry.ttl);
    });
    return total;
  }
  const creation = optionalObject(usage.cache_creation, at, `${usageField}.cache_creation`);
  if (creation)
    return optionalCount(
      creation.ephemeral_1h_input_tokens,
      at,
      `${usageField}.cache_creation.ephemeral_1h_input_tokens`,
    );
  return undefined;
}

function toRows(
  value: unknown,
  at: RecordLocation,
  emit: (row: ImportedRow) => void,
  context: ImportContext,
): void {
  const { record, paths } = unwrap(value, at);
  if (record.schemaType !== SCHEMA_TYPE)
    expected(at, paths.schemaType, `"${SCHEMA_TYPE}"`, record.schemaType);
  const modelId = requiredString(record.modelId, at, paths.modelId, "a model id or ARN");
  const input = optionalObject(record.input, at, paths.input) ?? {};
  const output = optionalObject(record.output, at, paths.output);
  const uncached = count(input.inputTokenCount, at, paths["input.inputTokenCount"]);
  const cacheRead = count(input.cacheReadInputTokenCount, at, paths["input.cacheReadInputTokenCount"]);
  const cacheWrite = count(input.cacheWriteInputTokenCount, at, paths["input.cacheWriteInputTokenCount"]);
  const oneHour = oneHourWrites(output, at, paths["output.outputBodyJson.usage"]) ?? 0;
  if (oneHour > cacheWrite) {
    fieldError(
      at,
      paths["output.outputBodyJson.usage"],
      `1-hour cache writes (${oneHour}) exceed input.cacheWriteInputTokenCount (${cacheWrite})`,
    );
  }
  const body = output && isObject(output.outputBodyJson) ? output.outputBodyJson : undefined;
  const metrics = body && isObject(body.metrics) ? body.metrics : undefined;

  const row: ImportedRow = {
    timestamp: timestamp(record.timestamp, at, paths.timestamp),
    provider: "bedrock",
    model: modelOf(modelId, at, paths.modelId, context),
    inputTokens: uncached + cacheRead + cacheWrite,
    outputTokens: count(output?.outputTokenCount, at, paths["output.outputTokenCount"]),
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite - oneHour,
    cacheWrite1hTokens: oneHour,
    requests: 1,
    tokenBasis: "per-request",
    meta: metaOf(record, at, paths),
  };
  const requestId = optionalString(record.requestId, at, paths.requestId);
  if (requestId !== undefined) row.requestId = requestId;
  const region = optionalString(record.region, at, paths.region);
  if (region !== undefined) row.region = region;
  const latencyMs = optionalMilliseconds(
    metrics?.latencyMs,
    at,
    paths["output.outputBodyJson.metrics.latencyMs"],
  );
  if (latencyMs !== undefined) row.latencyMs = latencyMs;
  const errorCode = optionalString(record.errorCode, at, paths.errorCode);
  if (errorCode !== undefined) row.status = errorCode;
  emit(row);
}

/** What the record says besides tokens: where it ran, who called, and the caller's requestMetadata. */
function metaOf(record: JsonObject, at: RecordLocation, paths: Paths): Record<string, string> {
  const meta: Record<string, string> = {};
  putMeta(meta, "inference_region", optionalString(record.inferenceRegion, at, paths.inferenceRegion));
  putMeta(meta, "operation", optionalString(record.operation, at, paths.operation));
  putMeta(meta, "account_id", optionalString(record.accountId, at, paths.accountId));
  const identity = optionalObject(record.identity, at, paths.identity);
  if (identity) putMeta(meta, "identity_arn", optionalString(identity.arn, at, paths["identity.arn"]));
  const performance = optionalObject(record.performanceConfig, at, paths.performanceConfig);
  if (performance) {
    putMeta(
      meta,
      "performance_latency",
      optionalString(performance.latency, at, paths["performanceConfig.latency"]),
    );
  }
  putMeta(meta, "log_status", optionalString(record.status, at, paths.status));
  const requestMetadata = optionalObject(record.requestMetadata, at, paths.requestMetadata);
  if (requestMetadata) {
    for (const key in requestMetadata) putMeta(meta, metaKey(key, "request"), requestMetadata[key]);
  }
  return meta;
}

export const bedrockInvocationLogs: LogFormat = {
  name: "bedrock-invocation-logs",
  label: "Bedrock model invocation logs",
  detect,
  records,
  toRows,
  limits: [
    {
      field: "cache_write_1h_tokens",
      assumption:
        "Bedrock invocation logs: 1-hour cache writes are read from the logged response body (Converse usage.cacheDetails, Anthropic usage.cache_creation); a record without its body (text logging off, or a body delivered to S3) counts every cache write as a 5-minute write",
    },
    {
      field: "service_tier",
      assumption:
        "Bedrock invocation logs record no service tier (flex, priority) or latency-optimized inference in a documented field: every request is priced at standard on-demand rates (performanceConfig.latency is kept as meta.performance_latency)",
    },
    {
      field: "latency_ms",
      assumption:
        "Bedrock invocation logs: latency comes from the Converse response's metrics.latencyMs; InvokeModel records carry none",
    },
  ],
};
