// Header resolution: which CSV column feeds which canonical field (aliases and `--map`), which columns
// are metadata, and which optional parts of a row a reader keeps. Pure; the reader turns a header row
// into a ColumnLayout once.
import { didYouMean } from "../closest-name.js";
import { UsageError } from "../errors.js";
import { nameRecord, ownValue } from "../own-key.js";
import { oneLine } from "../printable.js";
import { TEXT_FIELDS, type TextField, TRAFFIC_COLUMNS, type TrafficColumn } from "./row.js";

/** Columns without which a row cannot be costed. */
const REQUIRED_COLUMNS = [
  "model",
  "input_tokens",
  "output_tokens",
] as const satisfies readonly TrafficColumn[];

/** Header names other exports use for canonical columns (compared trimmed and lower-cased). */
const COLUMN_ALIASES: Readonly<Record<string, TrafficColumn>> = {
  time: "timestamp",
  ts: "timestamp",
  created_at: "timestamp",
  created: "timestamp",
  start_time: "timestamp",
  end_time: "bucket_end",
  period_end: "bucket_end",
  id: "request_id",
  requestid: "request_id",
  response_id: "request_id",
  model_id: "model",
  model_name: "model",
  aws_region: "region",
  usecase: "use_case",
  feature: "use_case",
  prompt_tokens: "input_tokens",
  tokens_in: "input_tokens",
  completion_tokens: "output_tokens",
  tokens_out: "output_tokens",
  cached_tokens: "cache_read_tokens",
  cache_read_input_tokens: "cache_read_tokens",
  cached_input_tokens: "cache_read_tokens",
  input_cached_tokens: "cache_read_tokens",
  prompt_cache_read_tokens: "cache_read_tokens",
  cache_creation_input_tokens: "cache_write_tokens",
  cache_creation_tokens: "cache_write_tokens",
  input_cache_write_tokens: "cache_write_tokens",
  prompt_cache_write_tokens: "cache_write_tokens",
  ephemeral_5m_input_tokens: "cache_write_tokens",
  cache_write_5m_tokens: "cache_write_tokens",
  cache_creation_5m_input_tokens: "cache_write_tokens",
  ephemeral_1h_input_tokens: "cache_write_1h_tokens",
  cache_creation_1h_input_tokens: "cache_write_1h_tokens",
  count: "requests",
  request_count: "requests",
  num_requests: "requests",
  num_model_requests: "requests",
  context_window: "context_tier",
  latency: "latency_ms",
  duration_ms: "latency_ms",
};

const CANONICAL = new Set<string>(TRAFFIC_COLUMNS);

function isTrafficColumn(name: string): name is TrafficColumn {
  return CANONICAL.has(name);
}

/**
 * Parses `--map col=field` strings into a column map. The field must be a canonical column; the
 * column is a header name as it appears in the file.
 */
export function parseColumnMap(entries: readonly string[]): Record<string, TrafficColumn> {
  const map = nameRecord<TrafficColumn>();
  for (const entry of entries) {
    const at = entry.indexOf("=");
    const column = at < 0 ? "" : entry.slice(0, at).trim();
    const field =
      at < 0
        ? ""
        : entry
            .slice(at + 1)
            .trim()
            .toLowerCase();
    if (column === "" || field === "") {
      throw new UsageError(`--map expects col=field, found "${entry}"`);
    }
    if (!isTrafficColumn(field)) {
      throw new UsageError(
        `--map ${entry}: unknown field "${field}"; expected one of ${TRAFFIC_COLUMNS.join(", ")}`,
      );
    }
    const earlier = ownValue(map, column);
    if (earlier !== undefined) {
      throw new UsageError(
        `--map ${column}=... is given twice (as ${earlier} and as ${field}); map each column once`,
      );
    }
    map[column] = field;
  }
  return map;
}

/** Where each canonical field sits in a row (-1 when absent) and which columns are metadata. */
export interface ColumnLayout {
  index: Record<TrafficColumn, number>;
  /** Canonical field of each column, or undefined for metadata columns. */
  fieldOf: (TrafficColumn | undefined)[];
  meta: { name: string; index: number }[];
  columns: string[];
}

/** The problem with a header, for the reader to report with the file name. */
export interface HeaderProblem {
  field?: string;
  message: string;
}

/** Resolves a header row: `map` first (exact header name), then canonical names, then aliases. */
export function resolveHeader(
  header: readonly string[],
  map: Readonly<Record<string, string>> = {},
): ColumnLayout | HeaderProblem {
  const columns = header.map((name) => name.trim());
  const index = emptyIndex();
  const fieldOf: (TrafficColumn | undefined)[] = [];
  const meta: { name: string; index: number }[] = [];
  const seen = new Map<string, number>();
  for (const [i, name] of columns.entries()) {
    if (name === "") return { message: `column ${i + 1} of the header is empty; expected a column name` };
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      return {
        field: name,
        message: `duplicate column "${oneLine(name)}" (columns ${earlier + 1} and ${i + 1}); expected unique names`,
      };
    }
    seen.set(name, i);
    const field = fieldFor(name, map);
    fieldOf.push(field);
    if (field === undefined) {
      // `meta.<key>` is metadata `<key>`: how `convert` writes a key that is also a column's name or alias.
      meta.push({ name: name.startsWith(META_PREFIX) ? name.slice(META_PREFIX.length) : name, index: i });
      continue;
    }
    const other = index[field];
    if (other !== -1) {
      return {
        field,
        message: oneLine(
          `columns "${columns[other]}" and "${name}" both map to ${field}; expected one column per field`,
        ),
      };
    }
    index[field] = i;
  }
  const unmatched = Object.keys(map).find((name) => !seen.has(name));
  if (unmatched !== undefined) {
    return {
      message: oneLine(
        `--map ${unmatched}=${map[unmatched]}: the header has no column "${unmatched}"${didYouMean(unmatched, columns)}; found ${columns.join(", ")}`,
      ),
    };
  }
  const missing = REQUIRED_COLUMNS.filter((column) => index[column] === -1);
  const firstMissing = missing[0];
  if (firstMissing !== undefined) {
    return {
      field: firstMissing,
      message: `missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}; found ${oneLine(columns.join(", "))}`,
    };
  }
  return { index, fieldOf, meta, columns };
}

function emptyIndex(): Record<TrafficColumn, number> {
  return {
    timestamp: -1,
    bucket_end: -1,
    request_id: -1,
    provider: -1,
    model: -1,
    region: -1,
    use_case: -1,
    input_tokens: -1,
    output_tokens: -1,
    cache_read_tokens: -1,
    cache_write_tokens: -1,
    cache_write_1h_tokens: -1,
    requests: -1,
    token_basis: -1,
    service_tier: -1,
    context_tier: -1,
    kind: -1,
    latency_ms: -1,
    status: -1,
    requires_compliance: -1,
    latency_budget_ms: -1,
    cost_sensitivity: -1,
    requires_latest: -1,
  };
}

const META_PREFIX = "meta.";

/** The canonical column a header name reads as (its name or an alias), undefined for metadata. */
export function canonicalColumnOf(name: string): TrafficColumn | undefined {
  return name.startsWith(META_PREFIX) ? undefined : fieldFor(name.trim(), {});
}

function fieldFor(name: string, map: Readonly<Record<string, string>>): TrafficColumn | undefined {
  const mapped = ownValue(map, name);
  if (mapped !== undefined) {
    if (isTrafficColumn(mapped)) return mapped;
    throw new UsageError(
      `--map ${name}=${mapped}: unknown field; expected one of ${TRAFFIC_COLUMNS.join(", ")}`,
    );
  }
  const key = name.toLowerCase();
  if (isTrafficColumn(key)) return key;
  return ownValue(COLUMN_ALIASES, key);
}

/** The one way to say which optional parts of each row a reader keeps. Every cell is validated all the
 * same; what nobody reads is just not copied out of the cell (free text needs no validation at all). */
export interface ColumnChoice {
  /** Metadata columns to keep in `row.meta`, by header name (every one when absent). */
  metaColumns?: readonly string[];
  /** Free-text fields to keep (every one when absent). */
  texts?: readonly TextField[];
}

/** What the profile reads: provider, region, use case and status (to name unknown statuses), no metadata. */
export const PROFILE_COLUMNS: ColumnChoice = {
  metaColumns: [],
  texts: ["provider", "region", "useCase", "status"],
};

/** A ColumnChoice applied to one file's header. */
export interface KeptColumns {
  /** Kept metadata columns, in file order. */
  meta: { name: string; index: number }[];
  texts: ReadonlySet<TextField>;
}

const ALL_TEXTS: ReadonlySet<TextField> = new Set(TEXT_FIELDS);

export function keptColumns(layout: ColumnLayout, choice: ColumnChoice): KeptColumns {
  const keep = choice.metaColumns && new Set(choice.metaColumns);
  return {
    meta: layout.meta.filter((column) => keep?.has(column.name) ?? true),
    texts: choice.texts ? new Set(choice.texts) : ALL_TEXTS,
  };
}

/** Only the choice, out of options that carry more (to send to a worker thread). */
export function columnChoice(options: ColumnChoice): ColumnChoice {
  return {
    ...(options.metaColumns && { metaColumns: options.metaColumns }),
    ...(options.texts && { texts: options.texts }),
  };
}
