// OpenTelemetry GenAI spans (OTLP JSON) onto per-request rows: current and older attribute names,
// intValue as text or number, non-GenAI and non-model-call spans skipped and counted, errors kept.
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import type { ImportedRow } from "../../../src/traffic/formats/log-format.js";
import { otelGenaiSpans as format } from "../../../src/traffic/formats/otel-genai-spans.js";
import { runFormat, totals } from "./run-format.js";

const lines = "fixtures/logs/otel-genai/traces.jsonl";
const legacy = "fixtures/logs/otel-genai/legacy-attributes.json";

const attr = (key: string, value: object) => ({ key, value });
const traces = (attributes: object[]) => ({
  resourceSpans: [
    {
      resource: { attributes: [attr("service.name", { stringValue: "svc" })] },
      scopeSpans: [
        {
          spans: [
            {
              spanId: "abc",
              name: "chat",
              startTimeUnixNano: "1793952000000000000",
              endTimeUnixNano: "1793952001500000000",
              attributes,
            },
          ],
        },
      ],
    },
  ],
});
const chat = [
  attr("gen_ai.operation.name", { stringValue: "chat" }),
  attr("gen_ai.request.model", { stringValue: "gpt-4o" }),
];

function rowsOf(record: object): ImportedRow[] {
  const rows: ImportedRow[] = [];
  format.toRows(record, { file: "t.jsonl", line: 2 }, (row) => rows.push(row), {
    modelMap: new Map(),
    skip: () => {},
  });
  return rows;
}

function errorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("otel-genai-spans", () => {
  it("detects OTLP TracesData", () => {
    expect(format.detect(traces(chat))).toBe(true);
    expect(format.detect({ resourceLogs: [] })).toBe(false);
    expect(format.detect({ events: [] })).toBe(false);
  });

  it("reads the fixture: 8 model calls, 2 non-GenAI spans and 2 agent/tool spans skipped", () => {
    const { rows, skipped } = runFormat(format, [lines, legacy]);
    expect(skipped).toEqual(
      new Map([
        ["not a GenAI span", 2], // the HTTP POST span and the SQL span
        ["GenAI span that is not a model call (agent, tool, workflow or retrieval)", 2], // invoke_agent, execute_tool
      ]),
    );
    // input: 1200 + 5000 (includes 3000 read + 1000 written) + 800 (embeddings) + 0 (rate-limited)
    //      + 900 + 2000 + 1500 (gen_ai.usage.prompt_tokens) + (300 + 2000: cache above input, added) = 13,700
    // output: 300 + 400 + 0 + 0 + 90 + 800 + 150 + 50 = 1,790
    // cache read: 400 + 3000 + 2000 = 5,400; cache write (no TTL: 5m) 1,000
    expect(totals(rows)).toEqual({
      rows: 8,
      requests: 8,
      input: 13_700,
      output: 1_790,
      cacheRead: 5_400,
      cacheWrite5m: 1_000,
      cacheWrite1h: 0,
    });
    expect(rows.map((row) => row.model)).toEqual([
      "gpt-4o-2024-08-06", // gen_ai.response.model before gen_ai.request.model
      "claude-sonnet-4-5-20250929",
      "text-embedding-3-small",
      "gpt-4o",
      "us.anthropic.claude-haiku-4-5-20251001-v1:0",
      "o4-mini",
      "gpt-4o-mini",
      "claude-haiku-4-5-20251001",
    ]);
    expect(rows.map((row) => row.provider)).toEqual([
      "openai",
      "anthropic",
      "openai",
      "openai",
      "bedrock", // gen_ai.provider.name aws.bedrock
      "openai",
      "openai", // gen_ai.system (older name)
      "anthropic",
    ]);
    expect(rows.filter((row) => row.status === "error")).toHaveLength(1);
    expect(rows[2]?.kind).toBe("embedding");
    expect(rows[5]?.serviceTier).toBe("flex");
  });

  it("maps the first span field by field", () => {
    expect(runFormat(format, [lines]).rows[0]).toEqual({
      timestamp: Date.UTC(2026, 10, 6, 8, 0, 0),
      requestId: "chatcmpl-CX1a2b3c",
      provider: "openai",
      model: "gpt-4o-2024-08-06",
      region: "us-east-1",
      inputTokens: 1200,
      outputTokens: 300,
      cacheReadTokens: 400,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      requests: 1,
      tokenBasis: "per-request",
      serviceTier: "standard",
      latencyMs: 1800,
      meta: { service_name: "search-api", operation: "chat" },
    });
  });

  it("a failed span keeps its status; intValue may be a number or its text", () => {
    const [row] = rowsOf({
      ...traces([
        ...chat,
        attr("gen_ai.usage.input_tokens", { intValue: 12 }),
        attr("gen_ai.usage.output_tokens", { intValue: "3" }),
      ]),
    });
    expect(row).toMatchObject({ inputTokens: 12, outputTokens: 3, latencyMs: 1500, requestId: "abc" });
  });

  it("names bad attributes by span path and key", () => {
    const bad = errorOf(() =>
      rowsOf(traces([...chat, attr("gen_ai.usage.input_tokens", { intValue: "lots" })])),
    );
    expect(bad.location).toEqual({
      file: "t.jsonl",
      line: 2,
      field: "resourceSpans[0].scopeSpans[0].spans[0].attributes[gen_ai.usage.input_tokens]",
    });
    const noModel = errorOf(() => rowsOf(traces([attr("gen_ai.operation.name", { stringValue: "chat" })])));
    expect(noModel.location.field).toBe(
      "resourceSpans[0].scopeSpans[0].spans[0].attributes[gen_ai.request.model]",
    );
  });
});
