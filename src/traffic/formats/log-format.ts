// The contract between a log or export format (Bedrock invocation logs, OpenAI and Anthropic usage
// reports, LiteLLM spend logs, OpenTelemetry spans) and the traffic readers. A format is pure: it is
// handed parsed records (one JSON-lines record, one record a JSON document holds, or one CSV row as an
// object keyed by header) and maps each onto canonical rows. Finding, decompressing and parsing files,
// detection across formats and the canonical CSV are the readers' job (src/traffic/).
import type { PricingMode } from "../../cost/price.js";

/** Where a record came from, for errors: the file plus the 1-based line (JSON lines, CSV) or the
 * 0-based record index within a JSON document, and the JSON path of the field at fault. */
export interface RecordLocation {
  file: string;
  line?: number;
  record?: number;
}

/** A canonical row as a format produces it. Tokens follow llmcost's convention: `inputTokens` INCLUDES
 * cache reads and all cache writes. With `tokenBasis: "total"` the token fields are totals over
 * `requests` requests (a usage bucket); with "per-request" they are one request's figures. */
export interface ImportedRow {
  /** Epoch milliseconds, UTC. A bucket's start. */
  timestamp?: number;
  /** A bucket's end (epoch ms). */
  bucketEnd?: number;
  requestId?: string;
  provider?: string;
  model: string;
  region?: string;
  useCase?: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  /** 5-minute cache writes. */
  cacheWriteTokens: number;
  /** 1-hour cache writes. */
  cacheWrite1hTokens: number;
  /** Requests this row stands for; undefined when the source has no request count (Anthropic's report). */
  requests: number | undefined;
  tokenBasis: "per-request" | "total";
  serviceTier?: PricingMode;
  /** The source says the prompt was in the model's long-context tier (Anthropic `context_window`). */
  longContext?: boolean;
  latencyMs?: number;
  status?: string;
  /** Model kind where the source says it (OTel `embeddings` operations). */
  kind?: "chat" | "embedding";
  /** Everything else, as `meta.<key>` for routing and grouping. */
  meta: Record<string, string>;
}

/** What the format tells the reader besides rows. */
export interface ImportContext {
  /** A record deliberately not mapped (a non-GenAI span, a large-body object): counted by reason. */
  skip(reason: string): void;
  /** User mapping for ids the format cannot resolve alone, e.g. application-inference-profile ARNs. */
  modelMap: ReadonlyMap<string, string>;
}

export interface LogFormat {
  /** The `--input-format` name, e.g. `bedrock-invocation-logs`. */
  readonly name: string;
  /** A human name for messages, e.g. "Bedrock model invocation logs". */
  readonly label: string;
  /** Whether this parsed record (the first of a file) is one of this format's. */
  detect(record: unknown): boolean;
  /** The records a whole JSON document holds (an OpenAI usage page's buckets, a CloudWatch export's
   * events). Absent: the document is itself one record. */
  records?(document: unknown): Iterable<unknown>;
  /** Maps one record onto canonical rows via `emit`; a bad field throws an InputError located at `at`
   * naming the field and what was expected. */
  toRows(record: unknown, at: RecordLocation, emit: (row: ImportedRow) => void, context: ImportContext): void;
  /** Canonical fields this format never provides, and the sentence the report's assumptions print. */
  readonly limits: readonly { field: string; assumption: string }[];
}
