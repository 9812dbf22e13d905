// Anthropic usage report onto total rows: canonical input = uncached + cache read + 5m + 1h writes, no
// request counts, batch and long-context from the report's own fields, a null model a located error.
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { anthropicUsageReport as format } from "../../../src/traffic/formats/anthropic-usage-report.js";
import type { ImportedRow } from "../../../src/traffic/formats/log-format.js";
import { runFormat, totals } from "./run-format.js";

const page1 = "fixtures/logs/anthropic-usage/page-1.json";
const page2 = "fixtures/logs/anthropic-usage/page-2.json";
const noModel = "fixtures/logs/anthropic-usage-no-model/report.json";

const result = {
  uncached_input_tokens: 100,
  cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 0 },
  cache_read_input_tokens: 0,
  output_tokens: 10,
  model: "claude-sonnet-4-5-20250929",
  service_tier: "standard",
  context_window: "0-200k",
};
const bucket = (results: object[]) => ({
  starting_at: "2026-11-01T00:00:00Z",
  ending_at: "2026-11-02T00:00:00Z",
  results,
});

function rowsOf(record: object): ImportedRow[] {
  const rows: ImportedRow[] = [];
  format.toRows(record, { file: "r.json", record: 2 }, (row) => rows.push(row), {
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

describe("anthropic-usage-report", () => {
  it("detects reports and buckets of message usage results", () => {
    expect(format.detect({ data: [bucket([result])], has_more: false })).toBe(true);
    expect(format.detect(bucket([result]))).toBe(true);
    expect(format.detect({ data: [bucket([{ amount: "12.5", currency: "USD" }])] })).toBe(false); // cost report
    expect(format.detect({ object: "page", data: [] })).toBe(false);
  });

  it("reads the fixture: 6 rows, no request counts", () => {
    const { rows } = runFormat(format, [page1, page2]);
    // input = uncached + cache read + 5m + 1h per result:
    //   (2M + 6M + 0.5M) + (3M + 1M + 0.2M) + 10M          11-01: 8.5M + 4.2M + 10M
    //   + (0.5M + 2M + 0.1M + 0.3M) + 1M                     11-02: 2.9M + 1M
    //   + (1.5M + 4M + 0.25M + 0.05M)                        11-03: 5.8M
    //   = 32,400,000
    // cache read = 6M + 1M + 2M + 4M = 13,000,000; 5m = 0.5M + 0.1M + 0.25M = 850,000;
    // 1h = 0.2M + 0.3M + 0.05M = 550,000; output = 0.4M + 0.1M + 2M + 0.15M + 0.3M + 0.35M = 3,300,000
    expect(totals(rows)).toEqual({
      rows: 6,
      requests: 0,
      input: 32_400_000,
      output: 3_300_000,
      cacheRead: 13_000_000,
      cacheWrite5m: 850_000,
      cacheWrite1h: 550_000,
    });
    expect(rows.every((row) => row.requests === undefined && row.tokenBasis === "total")).toBe(true);
    expect(rows.map((row) => row.serviceTier)).toEqual([
      "standard",
      "standard",
      "batch",
      "standard",
      "standard",
      "standard",
    ]);
    expect(rows.map((row) => row.longContext)).toEqual([false, true, false, false, false, false]);
  });

  it("maps a result field by field", () => {
    const row = runFormat(format, [page1]).rows[3];
    expect(row).toEqual({
      timestamp: Date.UTC(2026, 10, 2),
      bucketEnd: Date.UTC(2026, 10, 3),
      provider: "anthropic",
      model: "claude-opus-4-5-20251101",
      inputTokens: 2_900_000,
      outputTokens: 150_000,
      cacheReadTokens: 2_000_000,
      cacheWriteTokens: 100_000,
      cacheWrite1hTokens: 300_000,
      requests: undefined,
      tokenBasis: "total",
      serviceTier: "standard",
      longContext: false,
      meta: {
        workspace_id: "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ",
        api_key_id: "apikey_01Rj2N8SVvo6BePZj99NhmiT",
        inference_geo: "global",
        web_search_requests: "40",
      },
    });
  });

  it("a null model is an error at the result that says to group by model", () => {
    const error = errorOf(() => runFormat(format, [noModel]));
    expect(error.location).toEqual({ file: noModel, record: 0, field: "results[0].model" });
    expect(error.message).toContain("group_by[]=model");
  });

  it("a result of no tokens is skipped, counted", () => {
    const skipped: string[] = [];
    const rows: ImportedRow[] = [];
    const empty = { ...result, uncached_input_tokens: 0, output_tokens: 0 };
    format.toRows(bucket([empty, result]), { file: "r.json", record: 0 }, (row) => rows.push(row), {
      modelMap: new Map(),
      skip: (reason) => skipped.push(reason),
    });
    expect(skipped).toEqual(["Anthropic usage result with no tokens"]);
    expect(rows).toHaveLength(1);
  });

  it("names bad fields; accepts the flat cache_creation_5m/1h fields", () => {
    expect(errorOf(() => rowsOf(bucket([{ ...result, context_window: "1M+" }]))).location).toEqual({
      file: "r.json",
      record: 2,
      field: "results[0].context_window",
    });
    expect(errorOf(() => rowsOf(bucket([{ ...result, service_tier: "flex_discount" }]))).message).toContain(
      "expected one of standard, batch, priority, priority_on_demand, flex",
    );
    expect(
      errorOf(() => rowsOf({ data: [bucket([{ ...result, output_tokens: 1.5 }])] })).location.field,
    ).toBe("data[0].results[0].output_tokens");
    const flat = {
      ...result,
      cache_creation: undefined,
      cache_creation_5m_input_tokens: 7,
      cache_creation_1h_input_tokens: 3,
    };
    expect(rowsOf(bucket([flat]))[0]).toMatchObject({
      inputTokens: 110,
      cacheWriteTokens: 7,
      cacheWrite1hTokens: 3,
    });
  });
});
