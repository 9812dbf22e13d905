// Validated rows in compact columnar batches, for handing rows from a reader thread to the replay thread.
// Structured clone of plain row objects costs about 2 s per million rows to deserialize (measured); these
// batches carry numbers in typed arrays (transferred, not copied) and text as small-int codes into one
// string dictionary per batch, about 25 ms per million rows (75 ms with request ids). Pure.
import type { TextField } from "./parse-row.js";
import type { TrafficRow } from "./row.js";

/** Numeric columns, in batch order; NaN means "absent" for the optional ones (the first three). */
const TIMESTAMP = 0;
const LATENCY = 1;
const BUDGET = 2;
const INPUT = 3;
const OUTPUT = 4;
const CACHE_READ = 5;
const CACHE_WRITE = 6;
const REQUESTS = 7;
const NUMBER_COLUMNS = 8;
/** Free-text fields other than the request id, which is unique per row and travels as a plain list. */
type SharedText = Exclude<TextField, "requestId">;
const TEXTS: readonly SharedText[] = ["provider", "region", "useCase", "status", "costSensitivity"];
const COMPLIANCE = 1;
const LATEST = 2;
const ABSENT = -1;
const NO_META: Record<string, string> = Object.freeze({});
/** Distinct values of a column looked up by scanning before switching to a Map. */
const SCAN_LIMIT = 16;

export interface RowBatch {
  count: number;
  /** Row numbers as the reader counted them (a worker counts from its range's start). */
  rows: Int32Array;
  /** Column-major: column c of row i at `c * count + i`. */
  numbers: Float64Array;
  flags: Uint8Array;
  /** Column-major codes into `strings`, -1 = absent: model, then TEXTS, then `metaColumns`. Texts the
   * reader was told to leave out stay -1. */
  texts: Int32Array;
  strings: string[];
  metaColumns: string[];
  /** Per row, or undefined when request ids are not kept. */
  requestIds: (string | undefined)[] | undefined;
}

/** The typed arrays of a batch, to transfer instead of copy. */
export function batchBuffers(batch: RowBatch): ArrayBuffer[] {
  const buffers = [batch.rows.buffer, batch.numbers.buffer, batch.flags.buffer, batch.texts.buffer];
  return buffers.filter((buffer) => buffer instanceof ArrayBuffer);
}

/** Collects rows until `capacity`, then `take()` hands out the batch and starts a fresh one. */
export class RowBatchBuilder {
  private rows: TrafficRow[] = [];
  private readonly textColumns: number;
  private readonly texts: readonly SharedText[];
  private readonly requestIds: boolean;

  /** `texts`: the free-text fields the rows carry (every one when absent). */
  constructor(
    private readonly capacity: number,
    private readonly metaColumns: readonly string[],
    texts: readonly TextField[] | undefined,
  ) {
    this.textColumns = 1 + TEXTS.length + metaColumns.length;
    this.texts = TEXTS.filter((key) => texts?.includes(key) ?? true);
    this.requestIds = texts?.includes("requestId") ?? true;
  }

  get size(): number {
    return this.rows.length;
  }

  /** Adds a row; true when the batch is full. */
  add(row: TrafficRow): boolean {
    this.rows.push(row);
    return this.rows.length >= this.capacity;
  }

  take(): RowBatch {
    const rows = this.rows;
    this.rows = [];
    const count = rows.length;
    const batch: RowBatch = {
      count,
      rows: new Int32Array(count),
      numbers: new Float64Array(NUMBER_COLUMNS * count),
      flags: new Uint8Array(count),
      texts: new Int32Array(this.textColumns * count).fill(ABSENT),
      strings: [],
      metaColumns: [...this.metaColumns],
      requestIds: this.requestIds ? rows.map((row) => row.requestId) : undefined,
    };
    this.encodeNumbers(batch, rows);
    this.encodeTexts(batch, rows);
    return batch;
  }

  private encodeNumbers(batch: RowBatch, rows: readonly TrafficRow[]): void {
    const { count, numbers, flags } = batch;
    for (let i = 0; i < count; i++) {
      const row = rows[i];
      if (row === undefined) continue;
      batch.rows[i] = row.row;
      numbers[TIMESTAMP * count + i] = row.timestamp ?? Number.NaN;
      numbers[LATENCY * count + i] = row.latencyMs ?? Number.NaN;
      numbers[BUDGET * count + i] = row.latencyBudgetMs ?? Number.NaN;
      numbers[INPUT * count + i] = row.inputTokens;
      numbers[OUTPUT * count + i] = row.outputTokens;
      numbers[CACHE_READ * count + i] = row.cacheReadTokens;
      numbers[CACHE_WRITE * count + i] = row.cacheWriteTokens;
      numbers[REQUESTS * count + i] = row.requests;
      flags[i] = (row.requiresCompliance ? COMPLIANCE : 0) | (row.requiresLatest ? LATEST : 0);
    }
  }

  /** Column by column, so the property read in the loop stays monomorphic. A column's few distinct
   * values (models, regions) are found by a scan with ===, several times cheaper than hashing each cell's
   * fresh string into a Map; columns with many values (metadata) switch to the Map. */
  private encodeTexts(batch: RowBatch, rows: readonly TrafficRow[]): void {
    const { count, texts, strings } = batch;
    const encodeColumn = (column: number, read: (row: TrafficRow) => string | undefined): void => {
      const base = column * count;
      const seen: string[] = [];
      const seenCodes: number[] = [];
      let many: Map<string, number> | undefined;
      for (let i = 0; i < count; i++) {
        const row = rows[i];
        const text = row === undefined ? undefined : read(row);
        if (text === undefined) continue;
        let code = -1;
        if (many === undefined) {
          for (let k = 0; k < seen.length; k++) {
            if (seen[k] === text) {
              code = seenCodes[k] ?? -1;
              break;
            }
          }
        } else code = many.get(text) ?? -1;
        if (code < 0) {
          code = strings.length;
          strings.push(text);
          if (many === undefined && seen.length < SCAN_LIMIT) {
            seen.push(text);
            seenCodes.push(code);
          } else {
            many ??= new Map(seen.map((value, k) => [value, seenCodes[k] ?? -1]));
            many.set(text, code);
          }
        }
        texts[base + i] = code;
      }
    };
    encodeColumn(0, (row) => row.model);
    for (const key of this.texts) encodeColumn(1 + TEXTS.indexOf(key), (row) => row[key]);
    this.metaColumns.forEach((name, m) => {
      encodeColumn(1 + TEXTS.length + m, (row) => row.meta[name]);
    });
  }
}

/** Calls `onRow` with each row of `batch` in order, its row number plus `rowOffset`. */
export function forEachRow(batch: RowBatch, rowOffset: number, onRow: (row: TrafficRow) => void): void {
  const { count, numbers, texts, strings, requestIds, metaColumns } = batch;
  const text = (column: number, i: number): string | undefined => {
    const code = texts[column * count + i] ?? ABSENT;
    return code < 0 ? undefined : strings[code];
  };
  const n = (column: number, i: number): number => numbers[column * count + i] ?? Number.NaN;
  for (let i = 0; i < count; i++) {
    const flags = batch.flags[i] ?? 0;
    // The same keys as the row parser builds, so rows look alike to the replay.
    const row: TrafficRow = {
      row: (batch.rows[i] ?? 0) + rowOffset,
      model: text(0, i) ?? "",
      inputTokens: n(INPUT, i),
      outputTokens: n(OUTPUT, i),
      cacheReadTokens: n(CACHE_READ, i),
      cacheWriteTokens: n(CACHE_WRITE, i),
      requests: n(REQUESTS, i),
      requiresCompliance: (flags & COMPLIANCE) !== 0,
      requiresLatest: (flags & LATEST) !== 0,
      meta: metaColumns.length === 0 ? NO_META : {},
    };
    const timestamp = n(TIMESTAMP, i);
    if (!Number.isNaN(timestamp)) row.timestamp = timestamp;
    const latency = n(LATENCY, i);
    if (!Number.isNaN(latency)) row.latencyMs = latency;
    const budget = n(BUDGET, i);
    if (!Number.isNaN(budget)) row.latencyBudgetMs = budget;
    const requestId = requestIds?.[i];
    if (requestId !== undefined) row.requestId = requestId;
    setTexts(row, text, i);
    for (let m = 0; m < metaColumns.length; m++) {
      const value = text(1 + TEXTS.length + m, i);
      if (value !== undefined) row.meta[metaColumns[m] ?? ""] = value;
    }
    onRow(row);
  }
}

/** Written out field by field: a loop over the keys would make every store megamorphic. */
function setTexts(row: TrafficRow, text: (column: number, i: number) => string | undefined, i: number): void {
  const provider = text(1, i);
  if (provider !== undefined) row.provider = provider;
  const region = text(2, i);
  if (region !== undefined) row.region = region;
  const useCase = text(3, i);
  if (useCase !== undefined) row.useCase = useCase;
  const status = text(4, i);
  if (status !== undefined) row.status = status;
  const costSensitivity = text(5, i);
  if (costSensitivity !== undefined) row.costSensitivity = costSensitivity;
}
