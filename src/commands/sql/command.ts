// Declares `llmcost sql`: its flags and their options type. The runner (run.ts) is passed in by src/cli.ts.
import { type Command, Option } from "commander";
import { SQL_ENGINES, SQL_SOURCES, type SqlEngine } from "../../warehouse/bedrock-sql.js";
import { pricingOption } from "../options.js";
import type { Run } from "../run-type.js";

export interface SqlOptions {
  source: (typeof SQL_SOURCES)[number];
  engine: SqlEngine;
  from?: string;
  to?: string;
  requestMetadata: string[];
  pricing: string[];
  verbose?: boolean;
}

export function registerSql(program: Command, run: Run<[SqlOptions]>): void {
  program
    .command("sql")
    .description(
      "print warehouse SQL (DuckDB, Athena) that aggregates logs into llmcost's pre-aggregated canonical CSV",
    )
    .addOption(new Option("--source <name>", "the logs").choices(SQL_SOURCES).makeOptionMandatory())
    .addOption(new Option("--engine <name>", "the SQL dialect").choices(SQL_ENGINES).makeOptionMandatory())
    .option(
      "--from <what>",
      "duckdb: the log files, a glob (local or s3://; default AWSLogs/**/*.json.gz); athena: the Glue table (default bedrock_invocation_logs)",
    )
    .option("--to <file>", "duckdb: the CSV that COPY writes (default bedrock-traffic.csv)")
    .addOption(
      new Option(
        "--request-metadata <key>",
        "keep this requestMetadata key as a metadata column (for project --group-by meta.<key>; repeatable)",
      )
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([], "none"),
    )
    .addOption(pricingOption())
    .option("--verbose", "stack traces for internal errors")
    .addHelpText(
      "after",
      `
Rows are per hour, model, region, error code, caller (identity ARN), requested metadata key and long-context
band (the catalog's thresholds, from --pricing too), with token totals and request counts; each row's
timestamp and bucket_end are its first and last request's, so \`project\` on the CSV gives the costs of the raw
logs. Per-minute peaks are lost (reported unknown). See docs/warehouse.md.

Examples:
  $ llmcost sql --source bedrock-invocation-logs --engine duckdb --from 's3://my-bucket/AWSLogs/**/*.json.gz' > bedrock.sql
  $ duckdb -c ".read bedrock.sql" && llmcost project -t bedrock-traffic.csv --group-by meta.team
  $ llmcost sql --source bedrock-invocation-logs --engine athena --request-metadata team`,
    )
    .action(run);
}
