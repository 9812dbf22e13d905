// Turns one CSV record (an array of cells) into a validated TrafficRow, or throws an InputError that
// names the file, the row and the column.
import { InputError } from "../errors.js";
import type { ColumnLayout } from "./columns.js";
import {
  FieldProblem,
  parseBoolean,
  parseMeasure,
  parseText,
  parseTimestamp,
  parseTokens,
  parseWeight,
} from "./fields.js";
import type { TrafficColumn, TrafficRow } from "./row.js";

export type RowParser = (cells: readonly string[], row: number) => TrafficRow;

/** Builds the parser for one file's layout; `file` is only used in error locations. */
export function rowParser(file: string, layout: ColumnLayout): RowParser {
  const { index, meta, columns } = layout;
  const width = columns.length;

  const fail = (row: number, column: TrafficColumn, message: string): never => {
    throw new InputError({ file, row, field: columns[index[column]] ?? column }, message);
  };
  const cell = (cells: readonly string[], column: TrafficColumn): string => {
    const at = index[column];
    return at < 0 ? "" : (cells[at] ?? "");
  };
  function check<T>(value: T | FieldProblem, row: number, column: TrafficColumn): T {
    if (value instanceof FieldProblem) return fail(row, column, value.message);
    return value;
  }

  return (cells, row) => {
    if (cells.length !== width) {
      throw new InputError(
        { file, row },
        `expected ${width} fields (as in the header), found ${cells.length}${cells.length < width ? " (a truncated row?)" : ""}`,
      );
    }
    const model = parseText(cell(cells, "model"));
    if (model === undefined) fail(row, "model", "expected a model name, found an empty cell");
    const inputTokens = check(parseTokens(cell(cells, "input_tokens")), row, "input_tokens");
    const cacheReadTokens = check(parseTokens(cell(cells, "cache_read_tokens"), 0), row, "cache_read_tokens");
    const cacheWriteTokens = check(
      parseTokens(cell(cells, "cache_write_tokens"), 0),
      row,
      "cache_write_tokens",
    );
    if (cacheReadTokens + cacheWriteTokens > inputTokens) {
      fail(
        row,
        index.cache_read_tokens >= 0 ? "cache_read_tokens" : "cache_write_tokens",
        `expected cache read + cache write tokens (${cacheReadTokens} + ${cacheWriteTokens}) to be at most input_tokens (${inputTokens}): input tokens include cached tokens`,
      );
    }
    const traffic: TrafficRow = {
      row,
      model: model ?? "",
      inputTokens,
      outputTokens: check(parseTokens(cell(cells, "output_tokens")), row, "output_tokens"),
      cacheReadTokens,
      cacheWriteTokens,
      requests: check(parseWeight(cell(cells, "requests")), row, "requests"),
      requiresCompliance: check(parseBoolean(cell(cells, "requires_compliance")), row, "requires_compliance"),
      requiresLatest: check(parseBoolean(cell(cells, "requires_latest")), row, "requires_latest"),
      meta: {},
    };
    const timestamp = check(parseTimestamp(cell(cells, "timestamp")), row, "timestamp");
    if (timestamp !== undefined) traffic.timestamp = timestamp;
    const latencyMs = check(parseMeasure(cell(cells, "latency_ms")), row, "latency_ms");
    if (latencyMs !== undefined) traffic.latencyMs = latencyMs;
    const latencyBudgetMs = check(parseMeasure(cell(cells, "latency_budget_ms")), row, "latency_budget_ms");
    if (latencyBudgetMs !== undefined) traffic.latencyBudgetMs = latencyBudgetMs;
    setText(traffic, "requestId", cell(cells, "request_id"));
    setText(traffic, "provider", cell(cells, "provider"));
    setText(traffic, "region", cell(cells, "region"));
    setText(traffic, "useCase", cell(cells, "use_case"));
    setText(traffic, "status", cell(cells, "status"));
    setText(traffic, "costSensitivity", cell(cells, "cost_sensitivity"));
    for (const column of meta) traffic.meta[column.name] = cells[column.index] ?? "";
    return traffic;
  };
}

type TextField = "requestId" | "provider" | "region" | "useCase" | "status" | "costSensitivity";

function setText(traffic: TrafficRow, key: TextField, text: string): void {
  const value = parseText(text);
  if (value !== undefined) traffic[key] = value;
}
