// Turns one CSV record (an array of cells) into validated values, written into a reused RowValues (the
// readers' hot path: no object per row), or throws an InputError that names the file, the row and the
// column.
import { InputError } from "../errors.js";
import type { ColumnLayout, KeptColumns } from "./columns.js";
import {
  FieldProblem,
  MAX_TOKENS_PER_REQUEST,
  MAX_TOKENS_PER_ROW_TOTAL,
  parseBoolean,
  parseContextTier,
  parseKind,
  parseMeasure,
  parseServiceTier,
  parseText,
  parseTimestamp,
  parseTokenBasis,
  parseTokens,
  parseWeight,
} from "./fields.js";
import { Interner } from "./intern.js";
import type { TextField, TrafficColumn } from "./row.js";
import type { RowValues } from "./row-values.js";
import { StatusClassifier } from "./status.js";

/** Validates `cells` into `into` (a RowValues sized for the same KeptColumns), overwriting every field. */
export type CellParser = (cells: readonly string[], row: number, into: RowValues) => void;

/** Builds the parser for one file's layout; `file` is only used in error locations. */
export function cellParser(file: string, layout: ColumnLayout, kept: KeptColumns): CellParser {
  const { index, columns } = layout;
  const meta = kept.meta.map((column) => column.index);
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
  const text = (column: TrafficColumn, key: TextField): number => (kept.texts.has(key) ? index[column] : -1);
  const cell = (cells: readonly string[], position: number): string =>
    position < 0 ? "" : (cells[position] ?? "");
  const [iModel, iInput, iOutput, iCacheRead, iCacheWrite, iCacheWrite1h, iRequests] = [
    at("model"),
    at("input_tokens"),
    at("output_tokens"),
    at("cache_read_tokens"),
    at("cache_write_tokens"),
    at("cache_write_1h_tokens"),
    at("requests"),
  ];
  const [iBasis, iTier, iContext, iKind] = [
    at("token_basis"),
    at("service_tier"),
    at("context_tier"),
    at("kind"),
  ];
  const [iCompliance, iLatest, iTimestamp, iBucketEnd, iLatency, iBudget] = [
    at("requires_compliance"),
    at("requires_latest"),
    at("timestamp"),
    at("bucket_end"),
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
  // The status is read for its meaning (failed or not) even when its text is not kept.
  const iStatusAny = at("status");
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

  /** A pre-aggregated row's end: a timestamp not before the row's own. */
  const bucketEnd = (cells: readonly string[], row: number, start: number): number => {
    const end = check(parseTimestamp(cell(cells, iBucketEnd)), row, "bucket_end") ?? Number.NaN;
    if (end < start) {
      fail(
        row,
        "bucket_end",
        `expected bucket_end at or after the row's timestamp, found ${new Date(end).toISOString()} before ${new Date(start).toISOString()}`,
      );
    }
    return end;
  };

  /** The first cache column the file has, to name in a cache-above-input error. */
  const firstCacheColumn = (): TrafficColumn =>
    iCacheRead >= 0 ? "cache_read_tokens" : iCacheWrite >= 0 ? "cache_write_tokens" : "cache_write_1h_tokens";

  // One function for the whole row, fields written out one by one: this runs for every row of the file,
  // and a loop over field names would make each store to `into` megamorphic. Checks run in column
  // order of the original parser so the first problem reported stays the same.
  const statusClasses = new StatusClassifier();
  return (cells, row, into) => {
    if (cells.length !== width) {
      throw new InputError(
        { file, row },
        `expected ${width} fields (as in the header), found ${cells.length}${cells.length < width ? " (a truncated row?)" : ""}`,
      );
    }
    const model = parseText(cell(cells, iModel));
    if (model === undefined) return fail(row, "model", "expected a model name, found an empty cell");
    // A failed request is billed by the tokens its row says were consumed: empty token cells count as 0.
    const statusClass = iStatusAny < 0 ? "success" : statusClasses.classify(cells[iStatusAny]);
    const failed = statusClass === "failure";
    const whenEmpty = failed ? 0 : undefined;
    const tokenBasis =
      iBasis < 0 ? "per-request" : check(parseTokenBasis(cells[iBasis] ?? ""), row, "token_basis");
    const max = tokenBasis === "total" ? MAX_TOKENS_PER_ROW_TOTAL : MAX_TOKENS_PER_REQUEST;
    const inputTokens = check(parseTokens(cell(cells, iInput), whenEmpty, max), row, "input_tokens");
    const cacheReadTokens = check(parseTokens(cell(cells, iCacheRead), 0, max), row, "cache_read_tokens");
    const cacheWriteTokens = check(parseTokens(cell(cells, iCacheWrite), 0, max), row, "cache_write_tokens");
    const cacheWrite1hTokens =
      iCacheWrite1h < 0
        ? 0
        : check(parseTokens(cells[iCacheWrite1h] ?? "", 0, max), row, "cache_write_1h_tokens");
    const cached = cacheExcess(inputTokens, cacheReadTokens, cacheWriteTokens, cacheWrite1hTokens);
    if (cached !== undefined) fail(row, firstCacheColumn(), cached);
    into.row = row;
    into.model = models.intern(model);
    const ids = into.textIds;
    ids[0] = models.id;
    into.inputTokens = inputTokens;
    into.outputTokens = check(parseTokens(cell(cells, iOutput), whenEmpty, max), row, "output_tokens");
    into.failed = failed;
    into.unknownStatus = statusClass === "unknown";
    into.cacheReadTokens = cacheReadTokens;
    into.cacheWriteTokens = cacheWriteTokens;
    into.cacheWrite1hTokens = cacheWrite1hTokens;
    into.tokenBasis = tokenBasis;
    // A row of totals with no request count (Anthropic's usage report): unknown, never 1.
    into.requests = check(
      parseWeight(cell(cells, iRequests), tokenBasis === "total" ? Number.NaN : 1),
      row,
      "requests",
    );
    into.serviceTier =
      iTier < 0 ? "standard" : check(parseServiceTier(cells[iTier] ?? ""), row, "service_tier");
    into.contextTier =
      iContext < 0 ? undefined : check(parseContextTier(cells[iContext] ?? ""), row, "context_tier");
    into.kind = iKind < 0 ? undefined : check(parseKind(cells[iKind] ?? ""), row, "kind");
    into.requiresCompliance = check(parseBoolean(cell(cells, iCompliance)), row, "requires_compliance");
    into.requiresLatest = check(parseBoolean(cell(cells, iLatest)), row, "requires_latest");
    into.timestamp = check(parseTimestamp(cell(cells, iTimestamp)), row, "timestamp") ?? Number.NaN;
    into.bucketEnd = iBucketEnd < 0 ? Number.NaN : bucketEnd(cells, row, into.timestamp);
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

/** Why a row's cached tokens cannot be part of its input tokens, or undefined when they can. Shared by
 * every path that makes rows (the CSV reader and importedRowToValues). */
export function cacheExcess(
  input: number,
  cacheRead: number,
  cacheWrite: number,
  cacheWrite1h: number,
): string | undefined {
  if (cacheRead + cacheWrite + cacheWrite1h <= input) return undefined;
  const writes = cacheWrite1h === 0 ? `${cacheWrite}` : `${cacheWrite} + ${cacheWrite1h} (1h)`;
  return `expected cache read + cache write tokens (${cacheRead} + ${writes}) to be at most input_tokens (${input}): input tokens include cached tokens`;
}
