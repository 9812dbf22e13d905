// The canonical columns imported logs need (issue 11): service tier, 1-hour cache writes, token basis,
// unknown request counts, context tier, kind, and the header aliases of usage exports; the same row made
// from an ImportedRow (importedRowToValues) and read from CSV; and the columnar batch carrying them.
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { keptColumns, resolveHeader } from "../../src/traffic/columns.js";
import type { ImportedRow } from "../../src/traffic/formats/log-format.js";
import { importedRowToValues } from "../../src/traffic/formats/to-row.js";
import { cellParser } from "../../src/traffic/parse-row.js";
import type { TrafficRow } from "../../src/traffic/row.js";
import { forEachRowView, RowBatchBuilder } from "../../src/traffic/row-batch.js";
import { RowValues } from "../../src/traffic/row-values.js";
import { expectInputError, readCsv, tempFile } from "./helpers.js";

const csv = (...lines: string[]) => tempFile(`${lines.join("\n")}\n`);

describe("canonical columns for imported logs", () => {
  it("reads service tier, 1-hour cache writes, token basis, context tier and kind", async () => {
    const { rows } = await readCsv(
      [
        "model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,cache_write_1h_tokens,requests,token_basis,service_tier,context_tier,kind",
        "gpt-4o,1000,100,200,100,50,,,batch,,chat",
        "claude-sonnet-4-5,5000000000,70000,1000,0,3000,,total,,200k-1M,",
        "text-embedding-3-small,10,0,0,0,0,4,per_request,Priority,0-200k,embeddings",
      ].join("\n"),
    );
    expect(rows[0]).toMatchObject({
      cacheWrite1hTokens: 50,
      requests: 1,
      serviceTier: "batch",
      kind: "chat",
    });
    expect(rows[0]?.tokenBasis).toBeUndefined();
    expect(rows[0]?.contextTier).toBeUndefined();
    // A row of totals may hold more than a request's 1e9 tokens; its empty requests cell is unknown.
    expect(rows[1]).toMatchObject({ inputTokens: 5e9, tokenBasis: "total", contextTier: "long" });
    expect(rows[1]?.requests).toBeNaN();
    expect(rows[1]?.serviceTier).toBeUndefined();
    expect(rows[2]).toMatchObject({
      requests: 4,
      serviceTier: "priority",
      contextTier: "standard",
      kind: "embedding",
    });
  });

  it("takes the usage exports' header names", async () => {
    const { rows } = await readCsv(
      [
        "start_time,end_time,model,input_tokens,output_tokens,input_cached_tokens,num_model_requests,ephemeral_5m_input_tokens,ephemeral_1h_input_tokens,context_window",
        "1748822400,1748908800,gpt-4o,9000,500,1000,3,20,30,0-200k",
      ].join("\n"),
    );
    expect(rows[0]).toMatchObject({
      timestamp: 1748822400_000,
      bucketEnd: 1748908800_000,
      cacheReadTokens: 1000,
      requests: 3,
      cacheWriteTokens: 20,
      cacheWrite1hTokens: 30,
      contextTier: "standard",
    });
    expect(rows[0]?.meta).toEqual({});
  });

  it("names the row and column of a bad service tier, token basis, context tier or kind", async () => {
    const header = "model,input_tokens,output_tokens,service_tier,token_basis,context_tier,kind";
    await expectInputError(
      csv(header, "gpt-4o,1,1,scale,,,"),
      { row: 1, field: "service_tier" },
      /expected standard, batch, flex or priority \(empty = standard\), found "scale"/,
    );
    await expectInputError(
      csv(header, "gpt-4o,1,1,,totals,,"),
      { row: 1, field: "token_basis" },
      /expected per_request or total/,
    );
    await expectInputError(
      csv(header, "gpt-4o,1,1,,,1M,"),
      { row: 1, field: "context_tier" },
      /expected standard or long/,
    );
    await expectInputError(
      csv(header, "gpt-4o,1,1,,,,image"),
      { row: 1, field: "kind" },
      /chat or embedding/,
    );
  });

  it("counts 1-hour cache writes in the input: more cached than input is an error", async () => {
    await expectInputError(
      csv("model,input_tokens,output_tokens,cache_read_tokens,cache_write_1h_tokens", "gpt-4o,100,1,60,41"),
      { row: 1, field: "cache_read_tokens" },
      /cache read \+ cache write tokens \(60 \+ 0 \+ 41 \(1h\)\) to be at most input_tokens \(100\)/,
    );
  });

  it("keeps the per-request limit of 1e9 tokens unless the row holds totals", async () => {
    await expectInputError(
      csv("model,input_tokens,output_tokens", "gpt-4o,5000000000,1"),
      { row: 1, field: "input_tokens" },
      /at most 1000000000 tokens per request/,
    );
  });
});

describe("importedRowToValues", () => {
  const layout = resolveHeader([
    "timestamp",
    "bucket_end",
    "model",
    "input_tokens",
    "output_tokens",
    "cache_read_tokens",
    "cache_write_tokens",
    "cache_write_1h_tokens",
    "requests",
    "token_basis",
    "service_tier",
    "context_tier",
    "kind",
    "status",
  ]);
  if (!("index" in layout)) throw new Error(layout.message);
  const kept = keptColumns(layout, { metaColumns: [] });
  const imported: ImportedRow = {
    timestamp: Date.parse("2025-06-01T00:00:00Z"),
    bucketEnd: Date.parse("2025-06-02T00:00:00Z"),
    model: "claude-sonnet-4-5",
    inputTokens: 10_000,
    outputTokens: 700,
    cacheReadTokens: 2000,
    cacheWriteTokens: 500,
    cacheWrite1hTokens: 300,
    requests: undefined,
    tokenBasis: "total",
    serviceTier: "batch",
    longContext: true,
    kind: "chat",
    status: "error",
    meta: {},
  };

  it("makes the row the CSV reader makes from the same cells", () => {
    const fromImport = new RowValues(kept);
    importedRowToValues(imported, { file: "usage.json", record: 0 }, 1, fromImport);
    const fromCsv = new RowValues(kept);
    cellParser("t.csv", layout, kept)(
      [
        "2025-06-01T00:00:00Z",
        "2025-06-02T00:00:00Z",
        "claude-sonnet-4-5",
        "10000",
        "700",
        "2000",
        "500",
        "300",
        "",
        "total",
        "batch",
        "long",
        "chat",
        "error",
      ],
      1,
      fromCsv,
    );
    expect(fromImport.toTrafficRow()).toEqual(fromCsv.toTrafficRow());
    expect(fromImport.failed).toBe(true);
  });

  it("rejects what the CSV reader rejects, located at the record and field", () => {
    const values = new RowValues(kept);
    const at = { file: "usage.json", record: 3 };
    const attempt = (change: Partial<ImportedRow>) => {
      try {
        importedRowToValues({ ...imported, ...change }, at, 1, values);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const cases: [Partial<ImportedRow>, string, RegExp][] = [
      [{ inputTokens: 1.5 }, "input_tokens", /whole non-negative/],
      [{ outputTokens: -1 }, "output_tokens", /whole non-negative/],
      [{ cacheWrite1hTokens: 8000 }, "cache_read_tokens", /at most input_tokens/],
      [{ requests: 0 }, "requests", /positive whole number/],
      [{ requests: undefined, tokenBasis: "per-request" }, "requests", /request count/],
      [{ inputTokens: 2e9, tokenBasis: "per-request", requests: 1 }, "input_tokens", /per request/],
      [{ bucketEnd: Date.parse("2025-05-31T00:00:00Z") }, "bucket_end", /at or after/],
      [{ model: " " }, "model", /model name/],
    ];
    for (const [change, field, message] of cases) {
      const error = attempt(change);
      expect(error, field).toBeInstanceOf(InputError);
      if (!(error instanceof InputError)) continue;
      expect(error.location).toEqual({ ...at, field });
      expect(error.message).toMatch(message);
    }
  });
});

describe("RowBatchBuilder with the imported-log columns", () => {
  it("carries them through a batch as the single-threaded reader builds them", () => {
    const header = [
      "model",
      "input_tokens",
      "output_tokens",
      "cache_write_1h_tokens",
      "requests",
      "token_basis",
      "service_tier",
      "context_tier",
      "kind",
    ];
    const layout = resolveHeader(header);
    if (!("index" in layout)) throw new Error(layout.message);
    const kept = keptColumns(layout, {});
    const parse = cellParser("t.csv", layout, kept);
    const values = new RowValues(kept);
    const builder = new RowBatchBuilder(8, kept);
    const records = [
      ["a", "10", "1", "0", "", "", "", "", ""],
      ["b", "10", "1", "4", "", "total", "flex", "long", "chat"],
      ["c", "10", "0", "0", "2", "per_request", "priority", "standard", "embedding"],
      ["d", "10", "1", "0", "3", "total", "batch", "", ""],
    ];
    const expected: TrafficRow[] = [];
    for (const [i, cells] of records.entries()) {
      parse(cells, i + 1, values);
      expected.push(values.toTrafficRow());
      builder.add(values);
    }
    const rows: Record<string, unknown>[] = [];
    forEachRowView(builder.take(), 0, (row) => {
      rows.push(Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)));
    });
    // NaN (requests unknown) equals NaN under toEqual.
    expect(rows).toEqual(expected);
    expect(expected[1]?.requests).toBeNaN();
  });
});

describe("readTraffic summary", () => {
  it("counts rows of totals without a request count apart from the requests", async () => {
    const { summary } = await readCsv(
      "model,input_tokens,output_tokens,requests,token_basis\ngpt-4o,10,1,4,total\ngpt-4o,10,1,,total\ngpt-4o,10,1,,\n",
    );
    // Row 1: 4 requests; row 2: unknown; row 3: per request, empty = 1.
    expect(summary).toMatchObject({ rows: 3, requests: 5, unknownRequestRows: 1 });
  });
});
