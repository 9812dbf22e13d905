// Turns one CSV record (an array of cells) into validated values, or throws an InputError that names the
// file, the row and the column. `cellParser` writes into a reused RowValues (the readers' hot path: no
// object per row); `rowParser` builds a TrafficRow from it for consumers that keep rows.
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
import { RowValues } from "./row-values.js";

export type RowParser = (cells: readonly string[], row: number) => TrafficRow;
/** Validates `cells` into `into` (a RowValues made by `newValues`), overwriting every field. */
export type CellParser = (cells: readonly string[], row: number, into: RowValues) => void;

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

export type TextField = "requestId" | "provider" | "region" | "useCase" | "status" | "costSensitivity";

/** Rows for the profile leave out what it never reads (free-text columns but provider, region and use
 * case, and metadata) to spare a few strings per row; every cell is still validated. */
const PROFILE_TEXTS: ReadonlySet<TextField> = new Set(["provider", "region", "useCase"]);

/** Builds the parser for one file's layout; `file` is only used in error locations. */
export function rowParser(file: string, layout: ColumnLayout, options: RowParserOptions = {}): RowParser {
  const parse = cellParser(file, layout, options);
  const values = newValues(layout, options);
  return (cells, row) => {
    parse(cells, row, values);
    return values.toTrafficRow();
  };
}

/** The metadata columns a parser built with `options` keeps, in file order. */
export function keptMeta(layout: ColumnLayout, options: RowParserOptions): { name: string; index: number }[] {
  if (options.lean === true) return [];
  const keep = options.metaColumns && new Set(options.metaColumns);
  return layout.meta.filter((column) => keep?.has(column.name) ?? true);
}

/** A record for `cellParser` to fill, sized for the metadata columns it keeps. */
export function newValues(layout: ColumnLayout, options: RowParserOptions = {}): RowValues {
  return new RowValues(keptMeta(layout, options).map((column) => column.name));
}

/** Builds the in-place parser for one file's layout; `file` is only used in error locations. */
export function cellParser(file: string, layout: ColumnLayout, options: RowParserOptions = {}): CellParser {
  const { index, columns } = layout;
  const meta = keptMeta(layout, options).map((column) => column.index);
  const keepTexts: ReadonlySet<TextField> | undefined =
    options.lean === true ? PROFILE_TEXTS : options.texts && new Set(options.texts);
  const width = columns.length;
  const fail = (row: number, column: TrafficColumn, message: string): never => {
    throw new InputError({ file, row, field: columns[index[column]] ?? column }, message);
  };
  function check<T>(value: T | FieldProblem, row: number, column: TrafficColumn): T {
    if (value instanceof FieldProblem) return fail(row, column, value.message);
    return value;
  }
  // Column positions resolved once per file; -1 reads as an empty cell (or, for texts, as not kept).
  const at = (column: TrafficColumn): number => index[column];
  const text = (column: TrafficColumn, key: TextField): number =>
    (keepTexts?.has(key) ?? true) ? index[column] : -1;
  const cell = (cells: readonly string[], position: number): string =>
    position < 0 ? "" : (cells[position] ?? "");
  const [iModel, iInput, iOutput, iCacheRead, iCacheWrite, iRequests] = [
    at("model"),
    at("input_tokens"),
    at("output_tokens"),
    at("cache_read_tokens"),
    at("cache_write_tokens"),
    at("requests"),
  ];
  const [iCompliance, iLatest, iTimestamp, iLatency, iBudget] = [
    at("requires_compliance"),
    at("requires_latest"),
    at("timestamp"),
    at("latency_ms"),
    at("latency_budget_ms"),
  ];
  const [iRequestId, iProvider, iRegion, iUseCase, iStatus, iCost] = [
    text("request_id", "requestId"),
    text("provider", "provider"),
    text("region", "region"),
    text("use_case", "useCase"),
    text("status", "status"),
    text("cost_sensitivity", "costSensitivity"),
  ];
  // Request ids are unique per row; every other text column has few distinct values.
  const models = new Interner();
  const providers = new Interner();
  const regions = new Interner();
  const useCases = new Interner();
  const statuses = new Interner();
  const costs = new Interner();
  const textOf = (
    cells: readonly string[],
    position: number,
    interner: Interner,
    ids: Int32Array,
    slot: number,
  ): string | undefined => {
    const value = position < 0 ? undefined : parseText(cells[position] ?? "");
    if (value === undefined) {
      ids[slot] = -1;
      return undefined;
    }
    const interned = interner.intern(value);
    ids[slot] = interner.id;
    return interned;
  };

  // One function for the whole row, fields written out one by one: this runs for every row of the file,
  // and a loop over field names would make each store to `into` megamorphic. Checks run in column
  // order of the original parser so the first problem reported stays the same.
  return (cells, row, into) => {
    if (cells.length !== width) {
      throw new InputError(
        { file, row },
        `expected ${width} fields (as in the header), found ${cells.length}${cells.length < width ? " (a truncated row?)" : ""}`,
      );
    }
    const model = parseText(cell(cells, iModel));
    if (model === undefined) return fail(row, "model", "expected a model name, found an empty cell");
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
    into.row = row;
    into.model = models.intern(model);
    const ids = into.textIds;
    ids[0] = models.id;
    into.inputTokens = inputTokens;
    into.outputTokens = check(parseTokens(cell(cells, iOutput)), row, "output_tokens");
    into.cacheReadTokens = cacheReadTokens;
    into.cacheWriteTokens = cacheWriteTokens;
    into.requests = check(parseWeight(cell(cells, iRequests)), row, "requests");
    into.requiresCompliance = check(parseBoolean(cell(cells, iCompliance)), row, "requires_compliance");
    into.requiresLatest = check(parseBoolean(cell(cells, iLatest)), row, "requires_latest");
    into.timestamp = check(parseTimestamp(cell(cells, iTimestamp)), row, "timestamp") ?? Number.NaN;
    into.latencyMs = check(parseMeasure(cell(cells, iLatency)), row, "latency_ms") ?? Number.NaN;
    into.latencyBudgetMs = check(parseMeasure(cell(cells, iBudget)), row, "latency_budget_ms") ?? Number.NaN;
    into.requestId = iRequestId < 0 ? undefined : parseText(cells[iRequestId] ?? "");
    into.provider = textOf(cells, iProvider, providers, ids, 1);
    into.region = textOf(cells, iRegion, regions, ids, 2);
    into.useCase = textOf(cells, iUseCase, useCases, ids, 3);
    into.status = textOf(cells, iStatus, statuses, ids, 4);
    into.costSensitivity = textOf(cells, iCost, costs, ids, 5);
    for (let m = 0; m < meta.length; m++) into.meta[m] = cells[meta[m] ?? -1] ?? "";
  };
}
