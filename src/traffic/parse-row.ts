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
import { Interner } from "./intern.js";
import type { TrafficColumn, TrafficRow } from "./row.js";

export type RowParser = (cells: readonly string[], row: number) => TrafficRow;

export interface RowParserOptions {
  /** Rows for the profile only (see PROFILE_TEXTS); wins over the two options below. */
  lean?: boolean;
  /** Metadata columns to keep in `row.meta` (every one when absent); the others are still counted as
   * cells but never copied into a per-row object that nothing reads. */
  metaColumns?: readonly string[];
  /** Free-text fields to keep (every one when absent): text is not validated, so what nobody reads can
   * be left in the cell. */
  texts?: readonly TextField[];
}

/** Rows for the profile leave out what it never reads (free-text columns but provider, region and use
 * case, and metadata) to spare an object and a few strings per row; every cell is still validated. */
const PROFILE_TEXTS: ReadonlySet<TextField> = new Set(["provider", "region", "useCase"]);
const NO_META: Record<string, string> = Object.freeze({});

/** Builds the parser for one file's layout; `file` is only used in error locations. */
export function rowParser(file: string, layout: ColumnLayout, options: RowParserOptions = {}): RowParser {
  const { index, columns } = layout;
  const lean = options.lean === true;
  const keepMeta = options.metaColumns && new Set(options.metaColumns);
  const meta = lean ? [] : layout.meta.filter((column) => keepMeta?.has(column.name) ?? true);
  const keepTexts: ReadonlySet<TextField> | undefined = lean
    ? PROFILE_TEXTS
    : options.texts && new Set(options.texts);
  const width = columns.length;

  const fail = (row: number, column: TrafficColumn, message: string): never => {
    throw new InputError({ file, row, field: columns[index[column]] ?? column }, message);
  };
  // Column positions resolved once per file; -1 reads as an empty cell.
  const at = (column: TrafficColumn): number => index[column];
  const cell = (cells: readonly string[], position: number): string =>
    position < 0 ? "" : (cells[position] ?? "");
  const iModel = at("model");
  const iInput = at("input_tokens");
  const iOutput = at("output_tokens");
  const iCacheRead = at("cache_read_tokens");
  const iCacheWrite = at("cache_write_tokens");
  const iRequests = at("requests");
  const iCompliance = at("requires_compliance");
  const iLatest = at("requires_latest");
  const iTimestamp = at("timestamp");
  const iLatency = at("latency_ms");
  const iBudget = at("latency_budget_ms");
  const texts: [TextField, number][] = (
    [
      ["requestId", at("request_id")],
      ["provider", at("provider")],
      ["region", at("region")],
      ["useCase", at("use_case")],
      ["status", at("status")],
      ["costSensitivity", at("cost_sensitivity")],
    ] satisfies [TextField, number][]
  ).filter(([key, position]) => position >= 0 && (keepTexts?.has(key) ?? true));
  // Request ids are unique per row; every other text column has few distinct values.
  const interners = texts.map(([key]) => (key === "requestId" ? undefined : new Interner()));
  const models = new Interner();
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
    const model = parseText(cell(cells, iModel));
    if (model === undefined) fail(row, "model", "expected a model name, found an empty cell");
    const inputTokens = check(parseTokens(cell(cells, iInput)), row, "input_tokens");
    const cacheReadTokens = check(parseTokens(cell(cells, iCacheRead), 0), row, "cache_read_tokens");
    const cacheWriteTokens = check(parseTokens(cell(cells, iCacheWrite), 0), row, "cache_write_tokens");
    if (cacheReadTokens + cacheWriteTokens > inputTokens) {
      fail(
        row,
        index.cache_read_tokens >= 0 ? "cache_read_tokens" : "cache_write_tokens",
        `expected cache read + cache write tokens (${cacheReadTokens} + ${cacheWriteTokens}) to be at most input_tokens (${inputTokens}): input tokens include cached tokens`,
      );
    }
    const traffic: TrafficRow = {
      row,
      model: model === undefined ? "" : models.intern(model),
      inputTokens,
      outputTokens: check(parseTokens(cell(cells, iOutput)), row, "output_tokens"),
      cacheReadTokens,
      cacheWriteTokens,
      requests: check(parseWeight(cell(cells, iRequests)), row, "requests"),
      requiresCompliance: check(parseBoolean(cell(cells, iCompliance)), row, "requires_compliance"),
      requiresLatest: check(parseBoolean(cell(cells, iLatest)), row, "requires_latest"),
      meta: meta.length === 0 ? NO_META : {},
    };
    const timestamp = check(parseTimestamp(cell(cells, iTimestamp)), row, "timestamp");
    if (timestamp !== undefined) traffic.timestamp = timestamp;
    const latencyMs = check(parseMeasure(cell(cells, iLatency)), row, "latency_ms");
    if (latencyMs !== undefined) traffic.latencyMs = latencyMs;
    const latencyBudgetMs = check(parseMeasure(cell(cells, iBudget)), row, "latency_budget_ms");
    if (latencyBudgetMs !== undefined) traffic.latencyBudgetMs = latencyBudgetMs;
    for (let t = 0; t < texts.length; t++) {
      const [key, position] = texts[t] ?? ["requestId", -1];
      setText(traffic, key, cells[position] ?? "", interners[t]);
    }
    for (const column of meta) traffic.meta[column.name] = cells[column.index] ?? "";
    return traffic;
  };
}

export type TextField = "requestId" | "provider" | "region" | "useCase" | "status" | "costSensitivity";

function setText(traffic: TrafficRow, key: TextField, text: string, interner: Interner | undefined): void {
  const value = parseText(text);
  if (value !== undefined) traffic[key] = interner === undefined ? value : interner.intern(value);
}
