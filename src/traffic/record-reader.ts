// Turns papaparse's chunks of records into validated rows, counting records across chunks so errors name
// the exact row. Used by the single-threaded reader (which meets the header first) and by the worker
// threads (which start after the header, at a record boundary, with the layout already resolved).
import type Papa from "papaparse";
import { InputError } from "../errors.js";
import { type ColumnChoice, type ColumnLayout, keptColumns, resolveHeader } from "./columns.js";
import { type CellParser, cellParser } from "./parse-row.js";
import { RowValues } from "./row-values.js";

/** Papaparse only finds an unclosed quote at the end of the input and re-parses the growing record on
 * every chunk; past this many characters without a complete record we stop and report it. */
const MAX_RECORD_CHARS = 8 << 20;

/** A quoted field still open where the input ends (or an over-long record, which is what that looks like
 * in a big file). In a worker's byte range that is not the file's last, it means the split point fell
 * inside a quoted field, so the file is read again by the single-threaded reader. */
export class OpenQuoteError extends InputError {}

export interface RecordReaderOptions {
  map: Readonly<Record<string, string>>;
  columns: ColumnChoice;
  /** A layout resolved elsewhere: the input then starts after the header, at record `firstRecord`. */
  layout?: ColumnLayout;
  firstRecord?: number;
}

export class RecordReader {
  /** Records seen, blank lines included; the next record's number. */
  records: number;
  layout: ColumnLayout | undefined;
  rows = 0;
  requests = 0;
  /** Rows without a request count (token_basis total, requests empty). */
  unknownRequestRows = 0;
  private parseCells: CellParser | undefined;
  private values: RowValues | undefined;
  private readonly map: Readonly<Record<string, string>>;
  private readonly columns: ColumnChoice;

  /** Calls `onValues` with one reused record, overwritten row after row (see RowValues): consumers fold
   * each row in at once or copy what they keep. */
  constructor(
    private readonly file: string,
    private readonly onValues: (values: RowValues) => void,
    options: RecordReaderOptions,
  ) {
    this.records = options.firstRecord ?? 0;
    this.map = options.map;
    this.columns = options.columns;
    if (options.layout) this.useLayout(options.layout);
  }

  /** `lastPiece`: the text fed last, which lies inside a record that never ends. */
  take(results: Papa.ParseResult<string[]>, charsFed: number, lastPiece = ""): void {
    const { data } = results;
    // Errors about a record at or past data.length belong to a partial record that is parsed again later.
    const problem = results.errors.find((error) => error.row !== undefined && error.row < data.length);
    const stopAt = problem?.row ?? data.length;
    for (let i = 0; i < stopAt; i++) {
      const cells = data[i];
      if (cells !== undefined) this.record(cells);
    }
    if (problem) throw this.quoteError(problem.code, this.records);
    if (charsFed - results.meta.cursor > MAX_RECORD_CHARS) {
      // A line break inside the unfinished record means it is in a quoted field; none, that one line is
      // over the limit: a huge cell (or a file that is not line-based at all).
      const mib = MAX_RECORD_CHARS / (1 << 20);
      throw new OpenQuoteError(
        { file: this.file, row: this.records },
        lastPiece.includes("\n")
          ? `a record is longer than ${mib} MiB; expected a closing quote (is a quoted field never closed?)`
          : `a line is longer than ${mib} MiB (a cell over ${mib} MiB?); expected records under ${mib} MiB`,
      );
    }
  }

  private record(cells: string[]): void {
    const row = this.records++;
    const { parseCells, values } = this;
    if (parseCells === undefined || values === undefined) {
      this.header(cells);
      return;
    }
    // A blank line is not a row; it still counts so later row numbers match the file's records.
    if (cells.length === 1 && cells[0] === "") return;
    parseCells(cells, row, values);
    this.rows++;
    // Rows of totals without a request count add none (they are counted in `unknownRequestRows`).
    const requests = values.requests;
    if (Number.isNaN(requests)) this.unknownRequestRows++;
    else this.requests += requests;
    this.onValues(values);
  }

  private useLayout(layout: ColumnLayout): void {
    this.layout = layout;
    const kept = keptColumns(layout, this.columns);
    this.parseCells = cellParser(this.file, layout, kept);
    this.values = new RowValues(kept);
  }

  private header(cells: string[]): void {
    const layout = resolveHeader(cells, this.map);
    if (!("index" in layout)) {
      const location =
        layout.field === undefined
          ? { file: this.file, row: 0 }
          : { file: this.file, row: 0, field: layout.field };
      throw new InputError(location, layout.message);
    }
    this.useLayout(layout);
  }

  private quoteError(code: string, row: number): InputError {
    const location = { file: this.file, row };
    if (code === "MissingQuotes") {
      return new OpenQuoteError(
        location,
        "a quoted field is never closed; expected a closing quote before the end of the file (a truncated file?)",
      );
    }
    const message =
      code === "InvalidQuotes"
        ? 'a quoted field has text after its closing quote; expected a comma or a line end (write a quote inside a quoted field as "")'
        : `malformed CSV (${code})`;
    return new InputError(location, message);
  }
}
