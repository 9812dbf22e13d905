#!/usr/bin/env node
// The yardstick for `npm run bench`: what a data engineer would run instead of llmcost. DuckDB reads the
// traffic CSV and sums the token columns per model. Run as its own process so it is timed like llmcost.
//   node scripts/bench-duckdb.mjs FILE
import { DuckDBInstance } from "@duckdb/node-api";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node scripts/bench-duckdb.mjs FILE\n");
  process.exit(2);
}
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const quoted = `'${file.replaceAll("'", "''")}'`;
const reader = await connection.runAndReadAll(`
  SELECT model,
         count(*) AS rows,
         sum(requests) AS requests,
         sum(input_tokens * requests) AS input_tokens,
         sum(output_tokens * requests) AS output_tokens,
         sum(cache_read_tokens * requests) AS cache_read_tokens,
         sum(cache_write_tokens * requests) AS cache_write_tokens
  FROM read_csv(${quoted}, header = true)
  GROUP BY model
  ORDER BY model`);
process.stdout.write(`${JSON.stringify(reader.getRowObjectsJson())}\n`);
connection.closeSync();
instance.closeSync();
