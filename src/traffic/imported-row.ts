// A log format's rows (ImportedRow) as the reader's values: the canonical checks are importedRowToValues's
// (formats/to-row.ts, the same as the CSV path's), written into one reused RowValues per file, which the
// profile folds in at once; the replay and `convert` take a fresh TrafficRow with the row's metadata.

import type { ImportedRow, RecordLocation } from "./formats/log-format.js";
import { importedRowToValues } from "./formats/to-row.js";
import { TEXT_FIELDS, type TrafficRow } from "./row.js";
import { RowValues } from "./row-values.js";

export class ImportedRows {
  /** Every text kept, no metadata column: an imported row carries its own metadata keys. */
  readonly values = new RowValues({ meta: [], texts: new Set(TEXT_FIELDS) });
  /** Rows so far: the row number when the record has no line (a document's records). */
  private count = 0;

  /** Validates `row` into `values` (valid until the next call); an InputError at `at` when a value breaks
   * the canonical rules. */
  take(row: ImportedRow, at: RecordLocation): RowValues {
    this.count++;
    importedRowToValues(row, at, at.line ?? this.count, this.values);
    return this.values;
  }

  /** The same as a fresh TrafficRow, with the row's metadata. */
  toTrafficRow(row: ImportedRow, at: RecordLocation): TrafficRow {
    const traffic = this.take(row, at).toTrafficRow();
    const meta = Object.entries(row.meta);
    if (meta.length > 0) {
      traffic.meta = Object.create(null) as Record<string, string>;
      for (const [key, value] of meta) traffic.meta[key] = value;
    }
    return traffic;
  }
}
