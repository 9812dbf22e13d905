// LiteLLM spend logs (JSON from /spend/logs, CSV of LiteLLM_SpendLogs) onto per-request rows: tokens from
// metadata.usage_object, cache hits skipped, failures kept, tags and team as meta.
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { litellmSpendLogs as format } from "../../../src/traffic/formats/litellm-spend-logs.js";
import type { ImportedRow } from "../../../src/traffic/formats/log-format.js";
import { runFormat, totals } from "./run-format.js";

const json = "fixtures/logs/litellm-spend/spend-logs.json";
const csv = "fixtures/logs/litellm-spend/LiteLLM_SpendLogs.csv";
const CACHE_HIT = "LiteLLM cache hit (answered from LiteLLM's own cache, no provider call)";

const base = {
  request_id: "r1",
  call_type: "acompletion",
  spend: 0.01,
  startTime: "2026-11-04T09:00:00+00:00",
  model: "gpt-4o",
  prompt_tokens: 10,
  completion_tokens: 5,
};

function rowsOf(record: object): ImportedRow[] {
  const rows: ImportedRow[] = [];
  format.toRows(record, { file: "s.json", record: 4 }, (row) => rows.push(row), {
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

describe("litellm-spend-logs", () => {
  it("detects JSON rows, arrays of them and CSV rows (strings), and nothing else", () => {
    expect(format.detect([base])).toBe(true);
    expect(format.detect({ ...base, spend: "0.01" })).toBe(true);
    expect(format.detect({ data: [base] })).toBe(true);
    expect(format.detect({ request_id: "r", model: "gpt-4o", input_tokens: "1" })).toBe(false); // canonical CSV
  });

  it("reads the JSON fixture: 8 requests, one cache hit skipped, one failure", () => {
    const { rows, skipped } = runFormat(format, [json]);
    expect(skipped).toEqual(new Map([[CACHE_HIT, 1]]));
    // input per row (usage_object: prompt_tokens includes cache reads, not cache writes):
    //   1500 (1000 read) + (300 + 2000 written, 1h) + 4000 (2048 read) + (800 + 400 written)
    //   + 0 (failure) + 5000 (embedding) + (200 + 1800: reads above prompt_tokens, added back)
    //   + 700 (no usage_object: prompt_tokens column) = 16,700
    // output = 200 + 150 + 500 + 100 + 0 + 0 + 100 + 70 = 1,120
    // cache read = 1000 + 2048 + 1800 = 4,848; 5m writes 400; 1h writes 2,000
    expect(totals(rows)).toEqual({
      rows: 8,
      requests: 8,
      input: 16_700,
      output: 1_120,
      cacheRead: 4_848,
      cacheWrite5m: 400,
      cacheWrite1h: 2_000,
    });
    expect(rows.map((row) => row.status)).toEqual([
      "success",
      "success",
      "success",
      "success",
      "failure",
      "success",
      "success",
      "success",
    ]);
    expect(rows.map((row) => row.kind)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      "embedding",
      undefined,
      undefined,
    ]);
    expect(rows[3]).toMatchObject({
      provider: "bedrock",
      model: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
    });
  });

  it("maps the first JSON row field by field", () => {
    expect(runFormat(format, [json]).rows[0]).toEqual({
      timestamp: Date.UTC(2026, 10, 4, 9, 0, 0),
      requestId: "chatcmpl-0001-6f1e2d3c",
      provider: "anthropic",
      model: "claude-sonnet-4-5-20250929",
      inputTokens: 1500,
      outputTokens: 200,
      cacheReadTokens: 1000,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      requests: 1,
      tokenBasis: "per-request",
      latencyMs: 2500,
      status: "success",
      meta: {
        model_group: "claude-sonnet",
        team_id: "team-search",
        end_user: "cust-42",
        user: "default_user_id",
        call_type: "acompletion",
        request_tags: "prod,search",
        key_alias: "search-api-key",
        logged_spend_usd: "0.00495",
      },
    });
  });

  it("reads the CSV export (every cell a string, metadata as JSON text): 4 requests", () => {
    const { rows } = runFormat(format, [csv]);
    // input = 1000 + (2500 + 500 written) + 0 (failure) + 600 = 4,600; output = 100 + 300 + 0 + 60 = 460
    // cache read 2,000 (row 2); 5m writes 500
    expect(totals(rows)).toEqual({
      rows: 4,
      requests: 4,
      input: 4_600,
      output: 460,
      cacheRead: 2_000,
      cacheWrite5m: 500,
      cacheWrite1h: 0,
    });
    // startTime "2026-11-05 14:00:00.250" (no zone: UTC); no request_duration_ms, so endTime - startTime
    expect(rows[0]).toMatchObject({ timestamp: Date.UTC(2026, 10, 5, 14, 0, 0, 250), latencyMs: 1500 });
    expect(rows[0]?.meta.request_tags).toBe("batch-job");
    expect(rows[2]?.status).toBe("failure");
  });

  it("names bad fields", () => {
    expect(errorOf(() => rowsOf({ ...base, metadata: "{oops" })).location).toEqual({
      file: "s.json",
      record: 4,
      field: "metadata",
    });
    expect(
      errorOf(() => rowsOf({ ...base, metadata: { usage_object: { prompt_tokens: "ten" } } })).location.field,
    ).toBe("metadata.usage_object.prompt_tokens");
    expect(errorOf(() => rowsOf({ ...base, model: "" })).message).toBe(
      'expected the model LiteLLM called, found ""',
    );
    expect(errorOf(() => rowsOf({ ...base, request_tags: '{"a":1}' })).location.field).toBe("request_tags");
    expect(errorOf(() => rowsOf({ ...base, startTime: "04/11/2026" })).location.field).toBe("startTime");
  });
});
