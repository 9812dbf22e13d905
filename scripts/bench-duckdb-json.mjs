#!/usr/bin/env node
// The yardstick for reading Bedrock invocation logs in `npm run bench`: DuckDB's read_json (format and
// schema auto-detected, gzip by the .gz name) over the same files, summing tokens per model.
//   node scripts/bench-duckdb-json.mjs DIR
import { DuckDBInstance } from "@duckdb/node-api";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: node scripts/bench-duckdb-json.mjs DIR\n");
  process.exit(2);
}
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const glob = `'${`${dir}/**/*.json.gz`.replaceAll("'", "''")}'`;
const reader = await connection.runAndReadAll(`
  SELECT modelId AS model,
         count(*) AS requests,
         sum(input.inputTokenCount + input.cacheReadInputTokenCount + input.cacheWriteInputTokenCount) AS input_tokens,
         sum(output.outputTokenCount) AS output_tokens,
         sum(input.cacheReadInputTokenCount) AS cache_read_tokens,
         sum(input.cacheWriteInputTokenCount) AS cache_write_tokens
  FROM read_json(${glob})
  GROUP BY modelId
  ORDER BY modelId`);
process.stdout.write(`${JSON.stringify(reader.getRowObjectsJson())}\n`);
connection.closeSync();
instance.closeSync();
