// OpenTelemetry GenAI spans in OTLP JSON: one `TracesData` per line (the OTLP file exporter) or one
// document. A TracesData holds many spans, so one record yields a row per model-call span; other spans are
// skipped and counted. Current and older `gen_ai.*` attribute names are read.

import type { PricingMode } from "../../cost/price.js";
import { normaliseProvider } from "../../cost/pricing-ids.js";
import type { ImportContext, ImportedRow, LogFormat, RecordLocation } from "./log-format.js";
import {
  arrayAt,
  expected,
  fieldError,
  isObject,
  type JsonObject,
  mappedModel,
  objectAt,
  optionalCount,
  path,
  putMeta,
} from "./record-fields.js";

function detect(record: unknown): boolean {
  if (Array.isArray(record)) return detect(record[0]);
  return isObject(record) && Array.isArray(record.resourceSpans);
}

/** An OTLP attribute list as a map from key to its value object, with each key's JSON path for errors. */
class Attributes {
  private readonly values = new Map<string, unknown>();

  constructor(
    list: unknown,
    private readonly at: RecordLocation,
    private readonly base: string,
  ) {
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) expected(at, path(base, "attributes"), "an array", list);
    list.forEach((entry, i) => {
      // The path is built only for an error: spans carry dozens of attributes.
      if (!isObject(entry)) expected(at, `${path(base, "attributes")}[${i}]`, "an attribute object", entry);
      if (typeof entry.key === "string") this.values.set(entry.key, entry.value);
    });
  }

  field(key: string): string {
    return `${path(this.base, "attributes")}[${key}]`;
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  keys(): IterableIterator<string> {
    return this.values.keys();
  }

  /** `stringValue`, or undefined when absent. */
  string(...keys: string[]): string | undefined {
    for (const key of keys) {
      const value = this.values.get(key);
      if (value === undefined) continue;
      if (!isObject(value) || typeof value.stringValue !== "string")
        expected(this.at, this.field(key), "a stringValue", value);
      if (value.stringValue !== "") return value.stringValue;
    }
    return undefined;
  }

  /** A token count: `intValue` as a number or its decimal text (OTLP JSON writes 64-bit ints as strings). */
  count(...keys: string[]): number | undefined {
    for (const key of keys) {
      const value = this.values.get(key);
      if (value === undefined) continue;
      const field = this.field(key);
      if (!isObject(value)) expected(this.at, field, "an intValue", value);
      const raw = value.intValue ?? (Number.isInteger(value.doubleValue) ? value.doubleValue : undefined);
      if (raw === undefined) expected(this.at, field, "an intValue", value);
      return optionalCount(raw, this.at, field);
    }
    return undefined;
  }
}

/** Operations that are GenAI spans but not a model call (agents, tools, workflows, retrieval). */
const NOT_MODEL_CALLS = new Set([
  "create_agent",
  "invoke_agent",
  "invoke_workflow",
  "execute_tool",
  "retrieval",
]);
/** Operations that are a model call, so a span of one without a model is an error. */
const MODEL_CALLS = new Set(["chat", "text_completion", "generate_content", "embeddings"]);
const NOT_GENAI = "not a GenAI span";
const NOT_A_CALL = "GenAI span that is not a model call (agent, tool, workflow or retrieval)";

/** `gen_ai.provider.name` values (semconv well-known list) as the catalog's providers. */
const PROVIDERS: Readonly<Record<string, string>> = {
  "aws.bedrock": "bedrock",
  "azure.ai.openai": "azure",
  "az.ai.openai": "azure",
};

const TIERS: Readonly<Record<string, PricingMode>> = {
  default: "standard",
  auto: "standard",
  standard: "standard",
  flex: "flex",
  priority: "priority",
};

/** Epoch nanoseconds (a decimal string or a number) as epoch milliseconds. */
function nanos(value: unknown, at: RecordLocation, field: string): bigint {
  if (
    (typeof value === "string" && /^\d+$/.test(value)) ||
    (typeof value === "number" && Number.isSafeInteger(value) && value >= 0)
  ) {
    return BigInt(value);
  }
  return expected(at, field, "unix nanoseconds (a whole number, or its decimal text)", value);
}

/** Token counts, current names first. The conventions say input tokens include cache tokens; an
 * instrumentation that reports more cache tokens than input tokens evidently did not (Anthropic's own
 * `input_tokens` are uncached), so they are added back. */
function usage(attributes: Attributes): {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
} {
  const input = attributes.count("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens") ?? 0;
  const cacheRead =
    attributes.count("gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens") ?? 0;
  const cacheWrite =
    attributes.count(
      "gen_ai.usage.cache_creation.input_tokens",
      "gen_ai.usage.cache_creation_input_tokens",
    ) ?? 0;
  return {
    input: cacheRead + cacheWrite > input ? input + cacheRead + cacheWrite : input,
    output: attributes.count("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens") ?? 0,
    cacheRead,
    cacheWrite,
  };
}

function spanRow(
  span: JsonObject,
  resource: Attributes,
  at: RecordLocation,
  base: string,
  emit: (row: ImportedRow) => void,
  context: ImportContext,
): void {
  const attributes = new Attributes(span.attributes, at, base);
  if (![...attributes.keys()].some((key) => key.startsWith("gen_ai."))) {
    context.skip(NOT_GENAI);
    return;
  }
  const operation = attributes.string("gen_ai.operation.name");
  const model = attributes.string("gen_ai.response.model", "gen_ai.request.model");
  if (operation !== undefined && NOT_MODEL_CALLS.has(operation)) {
    context.skip(NOT_A_CALL);
    return;
  }
  if (model === undefined) {
    if (operation === undefined || !MODEL_CALLS.has(operation)) {
      context.skip(NOT_A_CALL);
      return;
    }
    fieldError(at, attributes.field("gen_ai.request.model"), `expected the model of this ${operation} span`);
  }
  const tokens = usage(attributes);
  const start = nanos(span.startTimeUnixNano, at, path(base, "startTimeUnixNano"));
  const endValue = span.endTimeUnixNano;
  const end = endValue === undefined ? undefined : nanos(endValue, at, path(base, "endTimeUnixNano"));
  if (end !== undefined && end < start)
    fieldError(at, path(base, "endTimeUnixNano"), "expected the span to end at or after its start");
  const status = isObject(span.status) ? span.status.code : undefined;
  const failed = status === 2 || status === "STATUS_CODE_ERROR";

  const providerName = attributes.string("gen_ai.provider.name", "gen_ai.system");
  const tierName = attributes.string(
    "openai.response.service_tier",
    "gen_ai.openai.response.service_tier",
    "openai.request.service_tier",
    "gen_ai.openai.request.service_tier",
  );
  const serviceTier = tierName === undefined ? undefined : TIERS[tierName.toLowerCase()];
  if (tierName !== undefined && serviceTier === undefined) {
    expected(
      at,
      attributes.field("openai.response.service_tier"),
      `one of ${Object.keys(TIERS).join(", ")}`,
      tierName,
    );
  }
  const requestId =
    attributes.string("gen_ai.response.id") ?? (typeof span.spanId === "string" ? span.spanId : undefined);
  const region = resource.string("cloud.region");

  const meta: Record<string, string> = {};
  putMeta(meta, "service_name", resource.string("service.name"));
  putMeta(meta, "operation", operation);
  putMeta(meta, "error_type", attributes.string("error.type"));

  emit({
    timestamp: Number(start / 1_000_000n),
    ...(requestId !== undefined && { requestId }),
    ...(providerName !== undefined && {
      provider: normaliseProvider(PROVIDERS[providerName] ?? providerName),
    }),
    model: mappedModel(model, context),
    ...(region !== undefined && { region }),
    inputTokens: tokens.input,
    outputTokens: tokens.output,
    cacheReadTokens: tokens.cacheRead,
    cacheWriteTokens: tokens.cacheWrite,
    cacheWrite1hTokens: 0,
    requests: 1,
    tokenBasis: "per-request",
    ...(serviceTier !== undefined && { serviceTier }),
    ...(end !== undefined && { latencyMs: Number(end - start) / 1e6 }),
    ...(failed && { status: "error" }),
    ...(operation === "embeddings" && { kind: "embedding" as const }),
    meta,
  });
}

function toRows(
  record: unknown,
  at: RecordLocation,
  emit: (row: ImportedRow) => void,
  context: ImportContext,
): void {
  if (Array.isArray(record)) {
    record.forEach((item, i) => {
      tracesRows(item, at, `[${i}]`, emit, context);
    });
  } else tracesRows(record, at, "", emit, context);
}

function tracesRows(
  traces: unknown,
  at: RecordLocation,
  base: string,
  emit: (row: ImportedRow) => void,
  context: ImportContext,
): void {
  const data = objectAt(traces, at, base || "(record)");
  const resourceSpans = arrayAt(data.resourceSpans, at, path(base, "resourceSpans"));
  resourceSpans.forEach((entry, r) => {
    const resourceBase = `${path(base, "resourceSpans")}[${r}]`;
    const resourceSpan = objectAt(entry, at, resourceBase);
    const resourceObject = isObject(resourceSpan.resource) ? resourceSpan.resource : {};
    const resource = new Attributes(resourceObject.attributes, at, path(resourceBase, "resource"));
    const scopeSpans = resourceSpan.scopeSpans ?? [];
    arrayAt(scopeSpans, at, path(resourceBase, "scopeSpans")).forEach((scopeEntry, s) => {
      const scopeBase = `${path(resourceBase, "scopeSpans")}[${s}]`;
      const scope = objectAt(scopeEntry, at, scopeBase);
      arrayAt(scope.spans ?? [], at, path(scopeBase, "spans")).forEach((span, i) => {
        const spanBase = `${path(scopeBase, "spans")}[${i}]`;
        spanRow(objectAt(span, at, spanBase), resource, at, spanBase, emit, context);
      });
    });
  });
}

export const otelGenaiSpans: LogFormat = {
  name: "otel-genai-spans",
  label: "OpenTelemetry GenAI spans (OTLP JSON)",
  detect,
  toRows,
  limits: [
    {
      field: "cache_write_1h_tokens",
      assumption:
        "OpenTelemetry GenAI spans: gen_ai.usage.cache_creation.input_tokens has no TTL, so every cache write is priced as a 5-minute write",
    },
    {
      field: "input_tokens",
      assumption:
        "OpenTelemetry GenAI spans: gen_ai.usage.input_tokens is read as including cache tokens, as the semantic conventions say; only where an instrumentation reports more cache tokens than input tokens are they added",
    },
  ],
};
