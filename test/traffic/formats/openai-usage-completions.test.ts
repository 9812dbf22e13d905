// OpenAI usage export (completions) onto pre-aggregated rows: one per bucket result, totals over
// num_model_requests, batch and service_tier onto pricing modes, a null model a located error.
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import type { ImportedRow } from "../../../src/traffic/formats/log-format.js";
import { openaiUsageCompletions as format } from "../../../src/traffic/formats/openai-usage-completions.js";
import { runFormat, totals } from "./run-format.js";

const page1 = "fixtures/logs/openai-usage/daily/page-1.json";
const page2 = "fixtures/logs/openai-usage/daily/page-2.json";
const hourly = "fixtures/logs/openai-usage/hourly-buckets.jsonl";
const noModel = "fixtures/logs/openai-usage-no-model/completions.json";

const result = {
  object: "organization.usage.completions.result",
  input_tokens: 1000,
  output_tokens: 500,
  input_cached_tokens: 800,
  num_model_requests: 5,
  model: "gpt-4o",
  batch: null,
};
const bucket = (results: object[]) => ({
  object: "bucket",
  start_time: 1_793_491_200,
  end_time: 1_793_577_600,
  results,
});

function rowsOf(record: object): ImportedRow[] {
  const rows: ImportedRow[] = [];
  format.toRows(record, { file: "u.jsonl", line: 3 }, (row) => rows.push(row), {
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

describe("openai-usage-completions", () => {
  it("detects pages, buckets and arrays of pages of completions results", () => {
    expect(format.detect({ object: "page", data: [bucket([result])] })).toBe(true);
    expect(format.detect(bucket([result]))).toBe(true);
    expect(format.detect([{ object: "page", data: [bucket([]), bucket([result])] }])).toBe(true);
    expect(
      format.detect({
        object: "page",
        data: [bucket([{ ...result, object: "organization.usage.embeddings.result" }])],
      }),
    ).toBe(false);
    expect(format.detect({ schemaType: "ModelInvocationLog" })).toBe(false);
  });

  it("reads the fixture: 10 bucket results standing for 5,720 requests", () => {
    const { rows } = runFormat(format, [page1, page2, hourly]);
    // requests = 600 + 2,000 + 1,000 + 700 + 400 (page 1) + 500 + 300 (page 2; its 11-04 bucket is empty)
    //          + 45 + 120 + 55 (hourly) = 5,720
    // input    = 1.2M + 5M + 0.8M + 1.5M + 2M + 1M + 0.4M + 90k + 60k + 110k = 12,160,000 (includes cached)
    // cached   = 400k + 0 + 200k + 600k + 0 + 500k + 0 + 30k + 0 + 50k = 1,780,000
    // output   = 300k + 1M + 100k + 350k + 500k + 200k + 50k + 20k + 15k + 25k = 2,560,000
    expect(totals(rows)).toEqual({
      rows: 10,
      requests: 5_720,
      input: 12_160_000,
      output: 2_560_000,
      cacheRead: 1_780_000,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
    });
    expect(rows.every((row) => row.tokenBasis === "total" && row.provider === "openai")).toBe(true);
    expect(rows.map((row) => row.serviceTier)).toEqual([
      "standard",
      "batch", // batch: true
      "standard",
      "standard",
      "flex", // service_tier "flex"
      "standard",
      "standard",
      "standard", // batch null (hourly export not grouped by batch): standard, stated in the limits
      "standard",
      "standard",
    ]);
  });

  it("maps a result field by field, with the bucket's span", () => {
    const [row] = runFormat(format, [page1]).rows;
    expect(row).toEqual({
      timestamp: Date.UTC(2026, 10, 1),
      bucketEnd: Date.UTC(2026, 10, 2),
      provider: "openai",
      model: "gpt-4o-2024-08-06",
      inputTokens: 1_200_000,
      outputTokens: 300_000,
      cacheReadTokens: 400_000,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      requests: 600,
      tokenBasis: "total",
      serviceTier: "standard",
      meta: { project_id: "proj_web", api_key_id: "key_web01" },
    });
  });

  it("a null model is an error that says to re-export with group_by=model", () => {
    const error = errorOf(() => runFormat(format, [noModel]));
    expect(error.location).toEqual({ file: noModel, record: 0, field: "results[0].model" });
    expect(error.message).toContain("group_by=model");
    const inPage = errorOf(() =>
      rowsOf({ object: "page", data: [bucket([result, { ...result, model: null }])] }),
    );
    expect(inPage.location).toEqual({ file: "u.jsonl", line: 3, field: "data[0].results[1].model" });
  });

  it("names bad fields", () => {
    expect(errorOf(() => rowsOf(bucket([{ ...result, num_model_requests: -1 }]))).location.field).toBe(
      "results[0].num_model_requests",
    );
    expect(errorOf(() => rowsOf(bucket([{ ...result, service_tier: "scale" }]))).message).toBe(
      'expected one of default, auto, standard, flex, priority, batch, found "scale"',
    );
    expect(errorOf(() => rowsOf(bucket([{ ...result, input_cached_tokens: 2000 }]))).location.field).toBe(
      "results[0].input_cached_tokens",
    );
    expect(errorOf(() => rowsOf({ ...bucket([result]), start_time: "2026-11-01" })).location.field).toBe(
      "start_time",
    );
  });

  it("a result of no requests and no tokens is skipped, counted", () => {
    const skipped: string[] = [];
    const rows: ImportedRow[] = [];
    const empty = {
      ...result,
      input_tokens: 0,
      output_tokens: 0,
      input_cached_tokens: 0,
      num_model_requests: 0,
    };
    format.toRows(bucket([empty, result]), { file: "u.jsonl", line: 1 }, (row) => rows.push(row), {
      modelMap: new Map(),
      skip: (reason) => skipped.push(reason),
    });
    expect(skipped).toEqual(["OpenAI usage result with no requests and no tokens"]);
    expect(rows).toHaveLength(1);
  });

  it("audio tokens are kept as meta, not priced", () => {
    const [row] = rowsOf(bucket([{ ...result, input_audio_tokens: 300, output_audio_tokens: 0 }]));
    expect(row?.meta).toEqual({ input_audio_tokens: "300" });
    expect(row?.inputTokens).toBe(1000);
  });
});
