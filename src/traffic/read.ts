// Streams a traffic CSV (gzip or not, told by its first bytes) row by row on this thread: papaparse tokenizes, parse-row validates.
// Memory stays flat whatever the file size; every problem is an InputError naming the file, the row and
// the column. Row numbers are record numbers: the header is row 0, the first data row is row 1, and a
// quoted field that spans lines does not advance the count. The three read paths (this one, the parallel
// profile and route's ordered read) and the row shapes are mapped in docs/traffic.md, "Code map".
import { InputError } from "../errors.js";
import { assertReadableFile } from "../io/files.js";
import { type ColumnChoice, type ColumnLayout, columnChoice } from "./columns.js";
import { RecordReader } from "./record-reader.js";
import { streamRecords } from "./record-stream.js";
import type { TrafficRow } from "./row.js";
import type { RowValues } from "./row-values.js";
import { isGzip } from "./sniff.js";

export interface ReadTrafficOptions extends ColumnChoice {
  /** CSV column (exact header name) -> canonical field, from `--map col=field`. */
  map?: Record<string, string>;
  /** Whether the file is gzip-compressed; found from its first bytes when not given. */
  gzip?: boolean;
  /** Bytes of the file read so far (compressed bytes for gzip) and its size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  signal?: AbortSignal;
}

export interface TrafficReadSummary {
  /** Data rows read. */
  rows: number;
  /** Requests: the sum of the `requests` weights (rows without a count add none). */
  requests: number;
  /** Rows of totals without a request count (read on one thread; parallel reads leave it 0). */
  unknownRequestRows: number;
  /** Header names as found (trimmed). */
  columns: string[];
  /** Columns kept as `row.meta`. */
  metaColumns: string[];
}

/** Reads `file`, calling `onRow` with a fresh TrafficRow for each validated data row in file order. */
export function readTraffic(
  file: string,
  onRow: (row: TrafficRow) => void,
  options: ReadTrafficOptions = {},
): Promise<TrafficReadSummary> {
  return readTrafficValues(file, (values) => onRow(values.toTrafficRow()), options);
}

/** Like readTraffic, but `onValues` gets one reused record, overwritten row after row (see RowValues):
 * for consumers that fold each row in at once, such as the profile. */
export async function readTrafficValues(
  file: string,
  onValues: (values: RowValues) => void,
  options: ReadTrafficOptions = {},
): Promise<TrafficReadSummary> {
  const reader = new RecordReader(file, onValues, { map: options.map ?? {}, columns: columnChoice(options) });
  const totalBytes = await assertReadableFile(file);
  options.signal?.throwIfAborted();
  const { onProgress, signal } = options;
  await streamRecords(file, reader, {
    gzip: options.gzip ?? (await isGzip(file)),
    ...(onProgress && { onBytes: (bytesRead: number) => onProgress(bytesRead, totalBytes) }),
    ...(signal && { signal }),
  });
  return finishRead(file, reader);
}

/** The summary once the input is exhausted, or the error for an input without data. */
function finishRead(file: string, reader: RecordReader): TrafficReadSummary {
  const { layout } = reader;
  if (layout === undefined) {
    throw new InputError({ file }, "is empty; expected a header row and at least one data row");
  }
  if (reader.rows === 0) {
    throw new InputError({ file, row: 1 }, "has a header but no data rows; expected at least one data row");
  }
  return summaryOf(layout, reader.rows, reader.requests, reader.unknownRequestRows);
}

export function summaryOf(
  layout: ColumnLayout,
  rows: number,
  requests: number,
  unknownRequestRows = 0,
): TrafficReadSummary {
  return {
    rows,
    requests,
    unknownRequestRows,
    columns: layout.columns,
    metaColumns: layout.meta.map((column) => column.name),
  };
}
