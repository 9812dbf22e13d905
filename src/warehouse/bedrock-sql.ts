// `llmcost sql`: the SQL that turns Bedrock model invocation logs into llmcost's pre-aggregated canonical
// CSV inside a warehouse (DuckDB over local files or S3, Athena over a Glue table), for logs too big to
// stream through llmcost. One row per hour, model, region, error code, caller (identity ARN), requested
// metadata keys and long-context prompt band; token columns are totals (`token_basis` total) beside the
// request count. Each row's `timestamp` and `bucket_end` are its first and last request's times, so the
// observed window, and every cost, is the raw logs' own. Pure: text in, text out.

export const SQL_ENGINES = ["duckdb", "athena"] as const;
export type SqlEngine = (typeof SQL_ENGINES)[number];
export const SQL_SOURCES = ["bedrock-invocation-logs"] as const;

export interface BedrockSqlOptions {
  engine: SqlEngine;
  /** DuckDB: the files to read (a glob, local or s3://); Athena: the Glue table. */
  from: string;
  /** Long-context thresholds of the catalog (input tokens): rows never mix prompts of different bands. */
  thresholds: readonly number[];
  /** `requestMetadata` keys kept as metadata columns (showback: `--group-by meta.<key>`). */
  metadataKeys: readonly string[];
  /** DuckDB: the CSV file COPY writes. */
  to?: string;
}

const ARN_PATTERN = "^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:[0-9]*:(foundation-model|inference-profile)/";

function quoteText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Band of a request's whole prompt: the largest threshold it exceeds, 0 when none. */
function bandExpression(thresholds: readonly number[], prompt: string): string {
  const descending = [...new Set(thresholds)].filter((t) => t > 0).sort((a, b) => b - a);
  if (descending.length === 0) return "0";
  return `CASE ${descending.map((t) => `WHEN ${prompt} > ${t} THEN ${t}`).join(" ")} ELSE 0 END`;
}

export function bedrockInvocationSql(options: BedrockSqlOptions): string {
  return options.engine === "duckdb" ? duckdbSql(options) : athenaSql(options);
}

const HEADER = (engine: string) => `-- llmcost sql --source bedrock-invocation-logs --engine ${engine}
-- Bedrock model invocation logs -> llmcost's canonical CSV, pre-aggregated (docs/warehouse.md).
-- Canonical input_tokens include cache reads and writes (Bedrock's inputTokenCount does not).
-- Lost in the aggregate: per-request prompt sizes within a band, request ids, latencies, and the
-- per-minute peaks: llmcost reports the traffic's peak requests and tokens per minute as unknown.`;

function duckdbSql({
  from,
  thresholds,
  metadataKeys,
  to = "bedrock-traffic.csv",
}: BedrockSqlOptions): string {
  const meta = metadataKeys.map(
    (key) =>
      `    json_extract_string(requestMetadata, ${quoteText(`$.${JSON.stringify(key)}`)}) AS ${quoteName(key)},`,
  );
  return `${HEADER("duckdb")}
-- Run: duckdb -c ".read bedrock.sql" (COPY ... TO writes the CSV), or paste the SELECT.
COPY (
WITH records AS (
  SELECT
    CAST(rtrim("timestamp", 'Z') AS TIMESTAMP) AS ts,
    CASE WHEN regexp_matches(modelId, ${quoteText(ARN_PATTERN)})
      THEN regexp_extract(modelId, '/(.+)$', 1) ELSE modelId END AS model,
    region,
    errorCode AS status,
    identity.arn AS identity_arn,
${meta.join("\n")}${meta.length ? "\n" : ""}    COALESCE(input.inputTokenCount, 0) AS uncached,
    COALESCE(input.cacheReadInputTokenCount, 0) AS cache_read,
    COALESCE(input.cacheWriteInputTokenCount, 0) AS cache_write,
    COALESCE(output.outputTokenCount, 0) AS output_tokens,
    COALESCE(
      list_sum(list_transform(
        list_filter(CAST(json_extract(output.outputBodyJson, '$.usage.cacheDetails') AS JSON[]),
          d -> json_extract_string(d, '$.ttl') = '1h'),
        d -> CAST(json_extract(d, '$.inputTokens') AS BIGINT))),
      CAST(json_extract(output.outputBodyJson, '$.usage.cache_creation.ephemeral_1h_input_tokens') AS BIGINT),
      0) AS cache_write_1h
  FROM read_json(${quoteText(from)},
    format = 'newline_delimited', filename = true,
    columns = {
      schemaType: 'VARCHAR', "timestamp": 'VARCHAR', modelId: 'VARCHAR', region: 'VARCHAR',
      errorCode: 'VARCHAR', identity: 'STRUCT(arn VARCHAR)', requestMetadata: 'JSON',
      input: 'STRUCT(inputTokenCount BIGINT, cacheReadInputTokenCount BIGINT, cacheWriteInputTokenCount BIGINT)',
      output: 'STRUCT(outputTokenCount BIGINT, outputBodyJson JSON)'
    })
  -- Large bodies delivered under data/ are not invocation records.
  WHERE schemaType = 'ModelInvocationLog' AND filename NOT LIKE '%/data/%'
)
SELECT
  strftime(min(ts), '%Y-%m-%dT%H:%M:%S.%gZ') AS "timestamp",
  strftime(max(ts), '%Y-%m-%dT%H:%M:%S.%gZ') AS bucket_end,
${aggregate(metadataKeys, thresholds)}
) TO ${quoteText(to)} (HEADER, DELIMITER ',');
`;
}

function athenaSql({ from, thresholds, metadataKeys }: BedrockSqlOptions): string {
  const meta = metadataKeys.map((key) => `    requestmetadata[${quoteText(key)}] AS ${quoteName(key)},`);
  return `${HEADER("athena")}
-- Run in Athena over the Glue table of docs/warehouse.md; download the result CSV.
WITH records AS (
  SELECT
    from_iso8601_timestamp("timestamp") AS ts,
    CASE WHEN regexp_like(modelid, ${quoteText(ARN_PATTERN)})
      THEN regexp_extract(modelid, '/(.+)$', 1) ELSE modelid END AS model,
    region,
    errorcode AS status,
    identity.arn AS identity_arn,
${meta.join("\n")}${meta.length ? "\n" : ""}    COALESCE(input.inputtokencount, 0) AS uncached,
    COALESCE(input.cachereadinputtokencount, 0) AS cache_read,
    COALESCE(input.cachewriteinputtokencount, 0) AS cache_write,
    COALESCE(output.outputtokencount, 0) AS output_tokens,
    COALESCE(
      reduce(filter(output.outputbodyjson.usage.cachedetails, d -> d.ttl = '1h'), BIGINT '0',
        (s, d) -> s + d.inputtokens, s -> s),
      output.outputbodyjson.usage.cache_creation.ephemeral_1h_input_tokens,
      0) AS cache_write_1h
  FROM ${from}
  WHERE schematype = 'ModelInvocationLog' AND "$path" NOT LIKE '%/data/%'
)
SELECT
  to_iso8601(min(ts) AT TIME ZONE 'UTC') AS "timestamp",
  to_iso8601(max(ts) AT TIME ZONE 'UTC') AS bucket_end,
${aggregate(metadataKeys, thresholds)};
`;
}

/** The grouping both engines share, from the provider column to the ORDER BY (the timestamps before it and
 * the statement's end are each engine's). */
function aggregate(metadataKeys: readonly string[], thresholds: readonly number[]): string {
  const metaOut = metadataKeys.map((key) => `  ${quoteName(key)},`);
  const metaGroup = metadataKeys.map((key) => `, ${quoteName(key)}`).join("");
  return `  'bedrock' AS provider,
  model,
  region,
  sum(uncached + cache_read + cache_write) AS input_tokens,
  sum(output_tokens) AS output_tokens,
  sum(cache_read) AS cache_read_tokens,
  sum(cache_write - cache_write_1h) AS cache_write_tokens,
  sum(cache_write_1h) AS cache_write_1h_tokens,
  count(*) AS requests,
  'total' AS token_basis,
  status,
  identity_arn,
${metaOut.join("\n")}${metaOut.length ? "\n" : ""}FROM records
GROUP BY date_trunc('hour', ts), model, region, status, identity_arn${metaGroup},
  ${bandExpression(thresholds, "(uncached + cache_read + cache_write)")}
ORDER BY 1, model, region, status, identity_arn${metaGroup}`;
}
