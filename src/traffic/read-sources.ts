// Every traffic file of a run, read one after another in the order of `--traffic` (sources.ts): each file's
// format is found from its content (sniff.ts), llmcost's CSV goes through the CSV reader, a log or export
// through its LogFormat (log-read.ts) and the canonical checks (imported-row.ts). What each file was, its
// rows and what was skipped are summed up for the report's "sources" line and for `convert`.
import { LOG_FORMATS } from "./formats/index.js";
import type { ImportedRow, LogFormat, RecordLocation } from "./formats/log-format.js";
import { ImportedRows } from "./imported-row.js";
import { readLogFile } from "./log-read.js";
import { type ReadTrafficOptions, readTraffic, type TrafficReadSummary } from "./read.js";
import { type OrderedReadOptions, readTrafficInOrder } from "./read-in-order.js";
import type { TrafficRow } from "./row.js";
import type { RowValues } from "./row-values.js";
import { CANONICAL_FORMAT, formatNamed, type SniffedFile, type SniffedLog, sniffFile } from "./sniff.js";
import { resolveTrafficSources } from "./sources.js";

/** The files of a run, each with its format. */
export interface TrafficInputs {
  /** The `--traffic` values as given. */
  values: readonly string[];
  files: SniffedFile[];
  /** Bedrock large-body objects under data/, not read. */
  skippedBodies: number;
}

/** Resolves `--traffic` values and finds each file's format (`inputFormat`: `--input-format`). */
export async function openTrafficInputs(
  values: readonly string[],
  inputFormat?: string,
  formats: readonly LogFormat[] = LOG_FORMATS,
): Promise<TrafficInputs> {
  if (inputFormat !== undefined && inputFormat !== CANONICAL_FORMAT) formatNamed(formats, inputFormat);
  const sources = await resolveTrafficSources(values);
  const files: SniffedFile[] = [];
  for (const file of sources.files) files.push(await sniffFile(file, formats, inputFormat));
  return { values, files, skippedBodies: sources.skippedBodies };
}

/** Whether the run is one file of llmcost's CSV: the readers' parallel fast paths apply. */
export function singleCanonical(inputs: TrafficInputs): SniffedFile | undefined {
  const [only, ...rest] = inputs.files;
  return only !== undefined && rest.length === 0 && only.format === "canonical" ? only : undefined;
}

/** What one file gave. */
export interface FileRead {
  file: string;
  format: string;
  rows: number;
  /** The requests of the rows that say how many (see unknownRequestRows). */
  requests: number;
  /** Rows of token totals without a request count (Anthropic's usage report). */
  unknownRequestRows: number;
  /** Records the format skipped on purpose (non-GenAI spans...), by reason. */
  skipped: Map<string, number>;
}

export interface SourceReadOptions extends ReadTrafficOptions {
  /** `--model-map ID=model`: ids a format cannot resolve alone (application-inference-profile ARNs). */
  modelMap: ReadonlyMap<string, string>;
}

/** A file of llmcost's CSV, from its reader's summary. */
export function canonicalRead(file: string, summary: TrafficReadSummary): FileRead {
  return {
    file,
    format: CANONICAL_FORMAT,
    rows: summary.rows,
    requests: summary.requests,
    unknownRequestRows: summary.unknownRequestRows,
    skipped: new Map(),
  };
}

/** Reads one file, calling `onRow` with a fresh TrafficRow per row in file order. */
async function readFileRows(
  sniffed: SniffedFile,
  onRow: (row: TrafficRow) => void,
  options: SourceReadOptions,
): Promise<FileRead> {
  const { file } = sniffed;
  if (sniffed.format === "canonical") {
    const summary = await readTraffic(file, onRow, { ...options, gzip: sniffed.gzip });
    return canonicalRead(file, summary);
  }
  const rows = new ImportedRows();
  return readLog(sniffed, (imported, at) => onRow(rows.toTrafficRow(imported, at)), options);
}

/** Reads one log file, calling `onValues` with one reused record per row (see RowValues) that keeps the
 * metadata keys `metaKeys`. */
export function readLogValues(
  sniffed: SniffedLog,
  onValues: (values: RowValues) => void,
  options: SourceReadOptions,
  metaKeys: readonly string[] = [],
): Promise<FileRead> {
  const rows = new ImportedRows(metaKeys);
  return readLog(sniffed, (imported, at) => onValues(rows.take(imported, at)), options);
}

async function readLog(
  sniffed: SniffedLog,
  onImported: (row: ImportedRow, at: RecordLocation) => void,
  options: SourceReadOptions,
): Promise<FileRead> {
  let count = 0;
  let requests = 0;
  let unknownRequestRows = 0;
  const { skipped } = await readLogFile(
    sniffed,
    (imported, at) => {
      onImported(imported, at);
      count++;
      // A source without request counts (Anthropic's report) adds none.
      requests += imported.requests ?? 0;
      if (imported.requests === undefined) unknownRequestRows++;
    },
    {
      modelMap: options.modelMap,
      ...(options.signal && { signal: options.signal }),
    },
  );
  return {
    file: sniffed.file,
    format: sniffed.format.name,
    rows: count,
    requests,
    unknownRequestRows,
    skipped,
  };
}

/** Reads every file in order. `onRow` gets fresh rows; `onFile` each file's summary as it ends. */
export async function forEachTrafficRow(
  inputs: TrafficInputs,
  onRow: (row: TrafficRow, file: SniffedFile) => void,
  options: SourceReadOptions,
): Promise<FileRead[]> {
  const reads: FileRead[] = [];
  for (const sniffed of inputs.files) {
    reads.push(await readFileRows(sniffed, (row) => onRow(row, sniffed), options));
  }
  return reads;
}

/** The report's "sources" line and the assumptions of the formats read. */
export interface SourcesSummary {
  files: number;
  formats: { format: string; files: number; rows: number }[];
  skipped: { reason: string; count: number }[];
}

export function summarizeSources(inputs: TrafficInputs, reads: readonly FileRead[]): SourcesSummary {
  const formats = new Map<string, { files: number; rows: number }>();
  const skipped = new Map<string, number>();
  if (inputs.skippedBodies > 0) skipped.set("large-body objects under data/", inputs.skippedBodies);
  for (const read of reads) {
    const entry = formats.get(read.format) ?? { files: 0, rows: 0 };
    entry.files++;
    entry.rows += read.rows;
    formats.set(read.format, entry);
    for (const [reason, count] of read.skipped) skipped.set(reason, (skipped.get(reason) ?? 0) + count);
  }
  return {
    files: reads.length,
    formats: [...formats].map(([format, entry]) => ({ format, ...entry })),
    skipped: [...skipped].map(([reason, count]) => ({ reason, count })),
  };
}

/** One sentence: "Read 3 files: 2 bedrock-invocation-logs (1,200 rows), 1 llmcost-csv (40 rows); skipped ...". */
export function describeSources(summary: SourcesSummary): string {
  const files = summary.files === 1 ? "1 file" : `${summary.files} files`;
  const formats = summary.formats
    .map((f) => `${f.files} ${f.format} (${f.rows.toLocaleString("en-US")} rows)`)
    .join(", ");
  const skipped =
    summary.skipped.length === 0
      ? ""
      : `; skipped ${summary.skipped.map((s) => `${s.count.toLocaleString("en-US")} ${s.reason}`).join(", ")}`;
  return `Read ${files}: ${formats}${skipped}.`;
}

/** What the formats read could not provide, one assumption each (LogFormat.limits). */
export function formatAssumptions(inputs: TrafficInputs): string[] {
  const seen = new Set<LogFormat>();
  const lines: string[] = [];
  for (const sniffed of inputs.files) {
    if (sniffed.format === "canonical" || seen.has(sniffed.format)) continue;
    seen.add(sniffed.format);
    for (const limit of sniffed.format.limits) lines.push(limit.assumption);
  }
  return lines;
}

/**
 * Every row of every file, in timestamp order, for the replay. One file of llmcost's CSV streams as it is
 * (it must be in timestamp order already, as before). Otherwise the rows of all files are held and sorted by
 * timestamp, stably: ties keep the order of `--traffic` and of the paths within a folder or glob, then the
 * order within the file. A row without a timestamp takes the one before it in its file (the start of the
 * file when none). A usage bucket (a row with `requests` above 1 and a `bucket_end`) is replayed as one
 * weighted row at its start: bucketed sources give no time of each request.
 */
export async function forEachRowInOrder(
  inputs: TrafficInputs,
  onRow: (row: TrafficRow, file: string) => void,
  options: SourceReadOptions & Omit<OrderedReadOptions, keyof ReadTrafficOptions>,
): Promise<FileRead[]> {
  const only = singleCanonical(inputs);
  if (only !== undefined) {
    const summary = await readTrafficInOrder(only.file, (row) => onRow(row, only.file), {
      ...options,
      gzip: only.gzip,
    });
    return [canonicalRead(only.file, summary)];
  }
  const held: { row: TrafficRow; at: number; file: string }[] = [];
  let file: SniffedFile | undefined;
  let lastAt = Number.NEGATIVE_INFINITY;
  const reads = await forEachTrafficRow(
    inputs,
    (row, from) => {
      if (from !== file) lastAt = Number.NEGATIVE_INFINITY;
      file = from;
      lastAt = row.timestamp ?? lastAt;
      held.push({ row, at: lastAt, file: from.file });
    },
    options,
  );
  // Array.prototype.sort is stable: equal timestamps keep reading order.
  held.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const { row, file: from } of held) onRow(row, from);
  return reads;
}
