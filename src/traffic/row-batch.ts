// Validated rows in compact columnar batches, for handing rows from a reader thread to the replay thread:
// numbers in typed arrays (transferred, not copied) and text as small-int codes into one string list per
// batch, because structured clone of row objects costs far more (see docs/performance.md). Pure.

import type { PricingMode } from "../cost/price.js";
import { nameRecord } from "../own-key.js";
import type { KeptColumns } from "./columns.js";
import { INTERN_LIMIT } from "./intern.js";
import type { ContextTier, RequestKind, TextField, TrafficRow } from "./row.js";
import type { RowValues } from "./row-values.js";

/** Numeric columns, in batch order; NaN means "absent" for the optional ones (the first three). */
const TIMESTAMP = 0;
const LATENCY = 1;
const BUDGET = 2;
const INPUT = 3;
const OUTPUT = 4;
const CACHE_READ = 5;
const CACHE_WRITE = 6;
const REQUESTS = 7;
const CACHE_WRITE_1H = 8;
const NUMBER_COLUMNS = 9;
/** Free-text fields other than the request id, which is unique per row and travels as a plain list. */
type SharedText = Exclude<TextField, "requestId">;
const TEXTS: readonly SharedText[] = ["provider", "region", "useCase", "status", "costSensitivity"];
const COMPLIANCE = 1;
const LATEST = 2;
const TOTAL_BASIS = 4;
/** Service tier in flag bits 3-4 and context tier in bits 5-6, as indexes into these lists. */
const TIER_SHIFT = 3;
const CONTEXT_SHIFT = 5;
const TIERS: readonly PricingMode[] = ["standard", "batch", "flex", "priority"];
/** `kind` in bits 7-8: absent, chat, embedding. */
const KIND_SHIFT = 7;
const KINDS: readonly (RequestKind | undefined)[] = [undefined, "chat", "embedding"];
const CONTEXTS: readonly (ContextTier | undefined)[] = [undefined, "standard", "long"];
const ABSENT = -1;
const NO_META: Record<string, string> = Object.freeze(nameRecord<string>());
/** Distinct values of a column looked up by scanning before switching to a Map. */
const SCAN_LIMIT = 16;

export interface RowBatch {
  count: number;
  /** Row numbers as the reader counted them (a worker counts from its range's start). */
  rows: Int32Array;
  /** Column-major: column c of row i at `c * count + i`. */
  numbers: Float64Array;
  flags: Uint16Array;
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

/** Writes rows straight into batch columns until `capacity`, then `take()` hands out the batch and
 * starts a fresh one. Rows come as a reader's reused record: no row object is kept per row. */
export class RowBatchBuilder {
  private count = 0;
  // Sized by allocate(), which the constructor calls.
  private rows = new Int32Array(0);
  private numbers = new Float64Array(0);
  private flags = new Uint16Array(0);
  private texts = new Int32Array(0);
  private strings: string[] = [];
  private requestIds: (string | undefined)[] | undefined;
  private readonly textColumns: number;
  private readonly keepRequestIds: boolean;
  /** One per text column: model, then TEXTS, then the metadata columns. */
  private readonly codes: ColumnCodes[];

  private readonly metaColumns: readonly string[];

  /** `kept`: what the reader keeps of each row, as the RowValues it adds were sized for. */
  constructor(
    private readonly capacity: number,
    kept: KeptColumns,
  ) {
    this.metaColumns = kept.meta.map((column) => column.name);
    this.textColumns = 1 + TEXTS.length + this.metaColumns.length;
    this.keepRequestIds = kept.texts.has("requestId");
    this.codes = Array.from({ length: this.textColumns }, () => new ColumnCodes());
    this.allocate();
  }

  get size(): number {
    return this.count;
  }

  /** Adds a row; true when the batch is full. Column c of row i goes to `c * capacity + i` (the batch
   * is repacked to `c * count + i` if it is handed out before it is full). */
  add(values: RowValues): boolean {
    const i = this.count++;
    const { capacity, numbers, texts, codes, strings } = this;
    this.rows[i] = values.row;
    numbers[TIMESTAMP * capacity + i] = values.timestamp;
    numbers[LATENCY * capacity + i] = values.latencyMs;
    numbers[BUDGET * capacity + i] = values.latencyBudgetMs;
    numbers[INPUT * capacity + i] = values.inputTokens;
    numbers[OUTPUT * capacity + i] = values.outputTokens;
    numbers[CACHE_READ * capacity + i] = values.cacheReadTokens;
    numbers[CACHE_WRITE * capacity + i] = values.cacheWriteTokens;
    numbers[REQUESTS * capacity + i] = values.requests;
    numbers[CACHE_WRITE_1H * capacity + i] = values.cacheWrite1hTokens;
    this.flags[i] =
      (values.requiresCompliance ? COMPLIANCE : 0) |
      (values.requiresLatest ? LATEST : 0) |
      (values.tokenBasis === "total" ? TOTAL_BASIS : 0) |
      (TIERS.indexOf(values.serviceTier) << TIER_SHIFT) |
      (CONTEXTS.indexOf(values.contextTier) << CONTEXT_SHIFT) |
      (KINDS.indexOf(values.kind) << KIND_SHIFT);
    // Written out field by field, as in the cell parser: a loop over keys would make the reads megamorphic.
    const ids = values.textIds;
    texts[i] = codeOf(codes[0], ids[0], values.model, strings);
    texts[capacity + i] = codeOf(codes[1], ids[1], values.provider, strings);
    texts[2 * capacity + i] = codeOf(codes[2], ids[2], values.region, strings);
    texts[3 * capacity + i] = codeOf(codes[3], ids[3], values.useCase, strings);
    texts[4 * capacity + i] = codeOf(codes[4], ids[4], values.status, strings);
    texts[5 * capacity + i] = codeOf(codes[5], ids[5], values.costSensitivity, strings);
    const { meta } = values;
    for (let m = 0; m < meta.length; m++) {
      texts[(1 + TEXTS.length + m) * capacity + i] = codeOf(
        codes[1 + TEXTS.length + m],
        -1,
        meta[m],
        strings,
      );
    }
    this.requestIds?.push(values.requestId);
    return this.count >= capacity;
  }

  take(): RowBatch {
    const { count, capacity } = this;
    const full = count === capacity;
    const batch: RowBatch = {
      count,
      rows: full ? this.rows : this.rows.slice(0, count),
      numbers: full ? this.numbers : repack(this.numbers, new Float64Array(NUMBER_COLUMNS * count), capacity),
      flags: full ? this.flags : this.flags.slice(0, count),
      texts: full ? this.texts : repack(this.texts, new Int32Array(this.textColumns * count), capacity),
      strings: this.strings,
      metaColumns: [...this.metaColumns],
      requestIds: this.requestIds,
    };
    // The arrays are transferred to the replay thread: the next batch needs its own.
    this.allocate();
    return batch;
  }

  private allocate(): void {
    const { capacity } = this;
    this.count = 0;
    this.rows = new Int32Array(capacity);
    this.numbers = new Float64Array(NUMBER_COLUMNS * capacity);
    this.flags = new Uint16Array(capacity);
    this.texts = new Int32Array(this.textColumns * capacity);
    this.strings = [];
    this.requestIds = this.keepRequestIds ? [] : undefined;
    for (const codes of this.codes) codes.reset();
  }
}

/** Copies column-major columns of `stride` values into `to`, whose columns are as long as a batch is. */
function repack<T extends Int32Array | Float64Array>(from: T, to: T, stride: number): T {
  const columns = from.length / stride;
  const count = to.length / columns;
  for (let c = 0; c < columns; c++) to.set(from.subarray(c * stride, c * stride + count), c * count);
  return to;
}

/** The code of `text` in the batch's string list (added on first sight), or -1 when absent; `id` is its
 * interned number (-1 when it has none). */
function codeOf(
  codes: ColumnCodes | undefined,
  id: number | undefined,
  text: string | undefined,
  strings: string[],
): number {
  if (text === undefined || codes === undefined) return ABSENT;
  return id !== undefined && id >= 0 ? codes.codeById(id, text, strings) : codes.code(text, strings);
}

/** A text column's distinct values in the current batch. The few values of most columns (models, regions)
 * are found by a scan with ===, which for the parser's interned strings is a pointer compare, several
 * times cheaper than hashing each cell into a Map; columns with many values (metadata) switch to a Map. */
class ColumnCodes {
  private seen: string[] = [];
  private seenCodes: number[] = [];
  private many: Map<string, number> | undefined;
  /** By interned number: the batch (`stamp`) that last gave the value a code, and that code. */
  private readonly stampById = new Int32Array(INTERN_LIMIT);
  private readonly codeByIdTable = new Int32Array(INTERN_LIMIT);
  private stamp = 1;

  reset(): void {
    this.seen = [];
    this.seenCodes = [];
    this.many = undefined;
    this.stamp++;
  }

  /** The code of an interned value: two array reads instead of comparing strings once more. */
  codeById(id: number, text: string, strings: string[]): number {
    if (this.stampById[id] === this.stamp) return this.codeByIdTable[id] ?? ABSENT;
    const code = strings.length;
    strings.push(text);
    this.stampById[id] = this.stamp;
    this.codeByIdTable[id] = code;
    return code;
  }

  code(text: string, strings: string[]): number {
    const { many, seen } = this;
    if (many === undefined) {
      for (let k = 0; k < seen.length; k++) {
        if (seen[k] === text) return this.seenCodes[k] ?? ABSENT;
      }
    } else {
      const known = many.get(text);
      if (known !== undefined) return known;
    }
    const code = strings.length;
    strings.push(text);
    if (many !== undefined) many.set(text, code);
    else if (seen.length < SCAN_LIMIT) {
      seen.push(text);
      this.seenCodes.push(code);
    } else {
      this.many = new Map(seen.map((value, k) => [value, this.seenCodes[k] ?? ABSENT]));
      this.many.set(text, code);
    }
    return code;
  }
}

/** One reused row object per batch, every field always present (absent ones undefined), so its shape never
 * changes and nothing but metadata records is allocated per row. Valid only during the `onRow` call. */
function emptyView(): TrafficRow {
  return {
    row: 0,
    timestamp: undefined,
    requestId: undefined,
    provider: undefined,
    model: "",
    region: undefined,
    useCase: undefined,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    cacheWrite1hTokens: undefined,
    requests: 1,
    tokenBasis: undefined,
    serviceTier: undefined,
    contextTier: undefined,
    kind: undefined,
    latencyMs: undefined,
    status: undefined,
    requiresCompliance: false,
    latencyBudgetMs: undefined,
    costSensitivity: undefined,
    requiresLatest: false,
    meta: NO_META,
  };
}

/** Calls `onRow` with each row of `batch` in order, its row number plus `rowOffset`, as one row object
 * refilled for each row (it must not keep it): the replay thread's hot loop, where a fresh row per row was
 * a large share of its allocation. Written out field by field, in one function, so every store stays
 * monomorphic. */
export function forEachRowView(batch: RowBatch, rowOffset: number, onRow: (row: TrafficRow) => void): void {
  const { count, numbers, texts, strings, requestIds, metaColumns, flags } = batch;
  const view = emptyView();
  const text = (column: number, i: number): string | undefined => {
    const code = texts[column * count + i] ?? ABSENT;
    return code < 0 ? undefined : strings[code];
  };
  const present = (value: number): number | undefined => (Number.isNaN(value) ? undefined : value);
  for (let i = 0; i < count; i++) {
    const flag = flags[i] ?? 0;
    view.row = (batch.rows[i] ?? 0) + rowOffset;
    view.model = text(0, i) ?? "";
    view.inputTokens = numbers[INPUT * count + i] ?? Number.NaN;
    view.outputTokens = numbers[OUTPUT * count + i] ?? Number.NaN;
    view.cacheReadTokens = numbers[CACHE_READ * count + i] ?? Number.NaN;
    view.cacheWriteTokens = numbers[CACHE_WRITE * count + i] ?? Number.NaN;
    // Defaults read as absent, as RowValues.toTrafficRow leaves them out.
    const cacheWrite1h = numbers[CACHE_WRITE_1H * count + i] ?? Number.NaN;
    view.cacheWrite1hTokens = cacheWrite1h === 0 ? undefined : cacheWrite1h;
    view.requests = numbers[REQUESTS * count + i] ?? Number.NaN;
    view.tokenBasis = (flag & TOTAL_BASIS) !== 0 ? "total" : undefined;
    const tier = (flag >> TIER_SHIFT) & 3;
    view.serviceTier = tier === 0 ? undefined : TIERS[tier];
    view.contextTier = CONTEXTS[(flag >> CONTEXT_SHIFT) & 3];
    view.kind = KINDS[(flag >> KIND_SHIFT) & 3];
    view.requiresCompliance = (flag & COMPLIANCE) !== 0;
    view.requiresLatest = (flag & LATEST) !== 0;
    view.timestamp = present(numbers[TIMESTAMP * count + i] ?? Number.NaN);
    view.latencyMs = present(numbers[LATENCY * count + i] ?? Number.NaN);
    view.latencyBudgetMs = present(numbers[BUDGET * count + i] ?? Number.NaN);
    view.requestId = requestIds?.[i];
    view.provider = text(1, i);
    view.region = text(2, i);
    view.useCase = text(3, i);
    view.status = text(4, i);
    view.costSensitivity = text(5, i);
    if (metaColumns.length > 0) view.meta = metaOf(metaColumns, text, i);
    onRow(view);
  }
}

/** A fresh record per row: --explain lists its entries, so a reused one would need keys deleted. */
function metaOf(
  metaColumns: readonly string[],
  text: (column: number, i: number) => string | undefined,
  i: number,
): Record<string, string> {
  const meta = nameRecord<string>();
  for (let m = 0; m < metaColumns.length; m++) {
    const value = text(1 + TEXTS.length + m, i);
    if (value !== undefined) meta[metaColumns[m] ?? ""] = value;
  }
  return meta;
}
