// Rows written straight from the parser's reused record into batch columns must come out of the batch as
// the same TrafficRows the row parser builds: full and partial (repacked) batches, absent numbers and
// texts, texts left out, metadata cells (empty ones included).
import { describe, expect, it } from "vitest";
import { resolveHeader } from "../../src/traffic/columns.js";
import { cellParser, newValues, type RowParserOptions, rowParser } from "../../src/traffic/parse-row.js";
import type { TrafficRow } from "../../src/traffic/row.js";
import { forEachRow, forEachRowView, type RowBatch, RowBatchBuilder } from "../../src/traffic/row-batch.js";

const header = [
  "timestamp",
  "request_id",
  "provider",
  "model",
  "region",
  "input_tokens",
  "output_tokens",
  "latency_ms",
  "status",
  "requires_compliance",
  "tenant",
  "team",
];
const records = Array.from({ length: 11 }, (_, i) => [
  i % 3 === 0 ? "" : `2025-06-02T00:00:0${i % 10}.000Z`,
  `req-${i}`,
  i % 2 === 0 ? "openai" : "",
  i % 4 === 0 ? "gpt-4o" : "claude-sonnet-4-5",
  i % 5 === 0 ? " eu-west-1 " : "us-east-1",
  String(1000 + i),
  String(i),
  i % 2 === 0 ? "" : `${i}.5`,
  "ok",
  i % 3 === 0 ? "yes" : "",
  i % 2 === 0 ? "" : `t${i % 3}`,
  `team-${i}`,
]);

function roundTrip(
  options: RowParserOptions,
  metaColumns: string[],
  capacity: number,
  rowsIn: string[][] = records,
) {
  const layout = resolveHeader(header);
  if (!("index" in layout)) throw new Error(layout.message);
  const expected = rowsIn.map((cells, i) => rowParser("t.csv", layout, options)(cells, i + 1));
  const parse = cellParser("t.csv", layout, options);
  const values = newValues(layout, options);
  const builder = new RowBatchBuilder(capacity, metaColumns, options.texts);
  const batches: RowBatch[] = [];
  for (const [i, cells] of rowsIn.entries()) {
    parse(cells, i + 1, values);
    if (builder.add(values)) batches.push(builder.take());
  }
  if (builder.size > 0) batches.push(builder.take());
  const rows: TrafficRow[] = [];
  for (const batch of batches) forEachRow(batch, 0, (row) => rows.push(row));
  return { expected, rows, batches };
}

describe("RowBatchBuilder", () => {
  it("carries every field, in full and partial batches", () => {
    const { expected, rows, batches } = roundTrip({}, ["tenant", "team"], 4);
    expect(batches.map((b) => b.count)).toEqual([4, 4, 3]);
    expect(rows).toEqual(expected);
  });

  it("leaves out the texts and metadata the reader was not asked for", () => {
    const options: RowParserOptions = { texts: ["provider", "region"], metaColumns: ["tenant"] };
    const { expected, rows } = roundTrip(options, ["tenant"], 3);
    expect(rows).toEqual(expected);
    expect(rows[1]).not.toHaveProperty("requestId");
    expect(rows[1]).not.toHaveProperty("status");
    expect(rows[1]?.meta).toEqual({ tenant: "t1" });
  });
});

describe("forEachRowView", () => {
  it("refills one row object with the values forEachRow gives, absent fields read as undefined", () => {
    for (const [options, meta] of [
      [{}, ["tenant", "team"]],
      [{ texts: ["provider", "region"], metaColumns: ["tenant"] }, ["tenant"]],
    ] satisfies [RowParserOptions, string[]][]) {
      const { expected, batches } = roundTrip(options, meta, 4);
      const seen = new Set<object>();
      const views: Record<string, unknown>[] = [];
      for (const batch of batches) {
        forEachRowView(batch, 0, (row) => {
          seen.add(row);
          // Only the fields a TrafficRow has: absent ones are undefined on the view.
          views.push(Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)));
        });
      }
      expect(views).toEqual(expected);
      expect(seen.size).toBe(batches.length);
    }
  });
});

describe("RowBatchBuilder with many distinct values", () => {
  it("codes interned values by number and values past the intern limit by text", () => {
    // 5,000 models (past the interner's 4,096), each seen twice, across batches of 1,000.
    const many = Array.from({ length: 10_000 }, (_, i) => {
      const cells = [...(records[i % records.length] ?? [])];
      cells[3] = `model-${i % 5000}`;
      return cells;
    });
    const { expected, rows } = roundTrip({}, ["tenant", "team"], 1000, many);
    expect(rows).toEqual(expected);
  });
});
