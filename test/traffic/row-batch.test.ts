// Rows written straight from the parser's reused record into batch columns must come out of the batch as
// the same rows the single-threaded reader hands out (RowValues.toTrafficRow): full and partial (repacked)
// batches, absent numbers and texts, texts left out, metadata cells (empty ones included).
import { describe, expect, it } from "vitest";
import { type ColumnChoice, keptColumns, resolveHeader } from "../../src/traffic/columns.js";
import { cellParser } from "../../src/traffic/parse-row.js";
import type { TrafficRow } from "../../src/traffic/row.js";
import { forEachRowView, type RowBatch, RowBatchBuilder } from "../../src/traffic/row-batch.js";
import { RowValues } from "../../src/traffic/row-values.js";

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

/** The rows as the single-threaded reader builds them, the batches, and the rows read back from the
 * batches (only the fields a built row has: absent ones are undefined on the reused view). */
function roundTrip(choice: ColumnChoice, capacity: number, rowsIn: string[][] = records) {
  const layout = resolveHeader(header);
  if (!("index" in layout)) throw new Error(layout.message);
  const kept = keptColumns(layout, choice);
  const parse = cellParser("t.csv", layout, kept);
  const values = new RowValues(kept);
  const builder = new RowBatchBuilder(capacity, kept);
  const expected: TrafficRow[] = [];
  const batches: RowBatch[] = [];
  for (const [i, cells] of rowsIn.entries()) {
    parse(cells, i + 1, values);
    expected.push(values.toTrafficRow());
    if (builder.add(values)) batches.push(builder.take());
  }
  if (builder.size > 0) batches.push(builder.take());
  const views = new Set<object>();
  const rows: Record<string, unknown>[] = [];
  for (const batch of batches) {
    forEachRowView(batch, 0, (row) => {
      views.add(row);
      rows.push(Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)));
    });
  }
  return { expected, rows, batches, views };
}

describe("RowBatchBuilder", () => {
  it("carries every field, in full and partial batches", () => {
    const { expected, rows, batches } = roundTrip({}, 4);
    expect(batches.map((b) => b.count)).toEqual([4, 4, 3]);
    expect(rows).toEqual(expected);
  });

  it("leaves out the texts and metadata the reader was not asked for", () => {
    const choice: ColumnChoice = { texts: ["provider", "region"], metaColumns: ["tenant"] };
    const { expected, rows } = roundTrip(choice, 3);
    expect(rows).toEqual(expected);
    expect(rows[1]).not.toHaveProperty("requestId");
    expect(rows[1]).not.toHaveProperty("status");
    expect(rows[1]?.meta).toEqual({ tenant: "t1" });
  });
});

describe("forEachRowView", () => {
  it("refills one row object per batch", () => {
    const { batches, views } = roundTrip({}, 4);
    expect(views.size).toBe(batches.length);
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
    const { expected, rows } = roundTrip({}, 1000, many);
    expect(rows).toEqual(expected);
  });
});
