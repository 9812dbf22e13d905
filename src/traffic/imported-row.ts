// A log format's rows (ImportedRow) as the reader's values: the canonical checks are importedRowToValues's
// (formats/to-row.ts, the same as the CSV path's), written into one reused RowValues per file, which the
// profile folds in at once; the replay and `convert` take a fresh TrafficRow with the row's metadata.

import type { ImportedRow, RecordLocation } from "./formats/log-format.js";
import { importedRowToValues } from "./formats/to-row.js";
import { TEXT_FIELDS, type TrafficRow } from "./row.js";
import { RowValues } from "./row-values.js";

export class ImportedRows {
  /** Every text kept; of an imported row's own metadata keys, only `metaKeys` (the profile's groups). */
  readonly values: RowValues;
  constructor(private readonly metaKeys: readonly string[] = []) {
    this.values = new RowValues({
      meta: metaKeys.map((name, index) => ({ name, index })),
      texts: new Set(TEXT_FIELDS),
    });
  }
  /** Rows so far: the row number when the record has no line (a document's records). */
  private count = 0;

  /** Validates `row` into `values` (valid until the next call); an InputError at `at` when a value breaks
   * the canonical rules. */
  take(row: ImportedRow, at: RecordLocation): RowValues {
    this.count++;
    importedRowToValues(row, at, at.line ?? this.count, this.values);
    const { metaKeys, values } = this;
    for (let m = 0; m < metaKeys.length; m++) values.meta[m] = row.meta[metaKeys[m] ?? ""] ?? "";
    return values;
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
