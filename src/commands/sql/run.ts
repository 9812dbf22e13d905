// `llmcost sql`: prints the aggregation SQL for the chosen engine, with the catalog's long-context bands.
import { ExitCode } from "../../errors.js";
import { loadCatalog } from "../../io/pricing-load.js";
import { longContextThresholds } from "../../pipeline/project.js";
import { bedrockInvocationSql } from "../../warehouse/bedrock-sql.js";
import type { SqlOptions } from "./command.js";

export async function runSql(options: SqlOptions): Promise<number> {
  const catalog = await loadCatalog(options.pricing, {});
  const from =
    options.from ?? (options.engine === "duckdb" ? "AWSLogs/**/*.json.gz" : "bedrock_invocation_logs");
  process.stdout.write(
    bedrockInvocationSql({
      engine: options.engine,
      from,
      thresholds: longContextThresholds(catalog),
      metadataKeys: options.requestMetadata,
      ...(options.to !== undefined && { to: options.to }),
    }),
  );
  return ExitCode.ok;
}
