// Runs a log format over a fixture file the way a reader would (gunzip, JSON lines or one JSON document,
// `records()` for a document), collecting its rows and skips. The readers are tested on their own; this
// keeps the format tests about the mapping.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import Papa from "papaparse";
import type { ImportedRow, LogFormat, RecordLocation } from "../../../src/traffic/formats/log-format.js";

export interface FormatRun {
  rows: ImportedRow[];
  skipped: Map<string, number>;
}

function text(file: string): string {
  const bytes = readFileSync(file);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("utf8");
}

/** Parsed records with their locations: a JSON document's records, or one per non-blank line. */
export function recordsOf(format: LogFormat, file: string): { record: unknown; at: RecordLocation }[] {
  const content = text(file);
  if (file.endsWith(".csv")) {
    // One object per row keyed by header, every cell a string, as the CSV reader hands them over.
    const parsed = Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: true });
    return parsed.data.map((record, index) => ({ record, at: { file, line: index + 2 } }));
  }
  const trimmed = content.trim();
  let document: unknown;
  try {
    document = JSON.parse(trimmed);
  } catch {
    document = undefined;
  }
  if (document !== undefined) {
    const items = format.records ? [...format.records(document)] : [document];
    return items.map((record, index) => ({ record, at: { file, record: index } }));
  }
  return content
    .split("\n")
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== "")
    .map(({ line, index }) => ({ record: JSON.parse(line) as unknown, at: { file, line: index + 1 } }));
}

export function runFormat(
  format: LogFormat,
  files: readonly string[],
  modelMap: ReadonlyMap<string, string> = new Map(),
): FormatRun {
  const rows: ImportedRow[] = [];
  const skipped = new Map<string, number>();
  const context = { modelMap, skip: (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1) };
  for (const file of files) {
    for (const { record, at } of recordsOf(format, file))
      format.toRows(record, at, (row) => rows.push(row), context);
  }
  return { rows, skipped };
}

/** Token and request totals over rows (a bucket's tokens are already totals). */
export function totals(rows: readonly ImportedRow[]) {
  const sum = (pick: (row: ImportedRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    rows: rows.length,
    requests: sum((row) => row.requests ?? 0),
    input: sum((row) => row.inputTokens),
    output: sum((row) => row.outputTokens),
    cacheRead: sum((row) => row.cacheReadTokens),
    cacheWrite5m: sum((row) => row.cacheWriteTokens),
    cacheWrite1h: sum((row) => row.cacheWrite1hTokens),
  };
}
