// Issue 12, the warehouse path: `llmcost sql --engine duckdb` run by DuckDB on the Bedrock fixture logs gives
// a canonical CSV on which `project` prints the raw logs' costs to the cent (here, to the micro-dollar).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { runCli, tempFiles } from "../cli.js";

const LOGS = "fixtures/logs/bedrock/AWSLogs";

async function runDuckDb(sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function projectJson(traffic: string, extra: string[] = []) {
  const result = runCli(["project", "-t", traffic, "-f", "json", "-q", ...extra]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("llmcost sql --source bedrock-invocation-logs --engine duckdb", () => {
  it("DuckDB's aggregate of the fixture logs projects to the raw logs' costs, tokens and showback", async () => {
    const dir = tempFiles({});
    const csv = join(dir, "bedrock-traffic.csv");
    const sql = runCli([
      "sql",
      "--source",
      "bedrock-invocation-logs",
      "--engine",
      "duckdb",
      "--from",
      `${LOGS}/**/*.json.gz`,
      "--to",
      csv,
      "--request-metadata",
      "team",
    ]);
    expect(sql.code).toBe(0);
    await runDuckDb(sql.stdout);
    const text = readFileSync(csv, "utf8");
    expect(text.split("\n")[0]).toBe(
      "timestamp,bucket_end,provider,model,region,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,cache_write_1h_tokens,requests,token_basis,status,identity_arn,team",
    );
    // The 10:00 hour's four Sonnet 4.5 requests of the search team (one under its inference-profile ARN) are
    // one row: inputTokenCount excludes cache tokens, input_tokens includes them; the 4,000 1-hour writes come
    // from the Converse body's cacheDetails.
    expect(text).toContain(
      "2026-11-02T10:00:05.000Z,2026-11-02T10:41:07.000Z,bedrock,us.anthropic.claude-sonnet-4-5-20250929-v1:0,us-east-1,9050,1050,3000,0,4000,4,total,,arn:aws:sts::123456789012:assumed-role/search-api/lambda,search",
    );

    const raw = projectJson(LOGS, ["--group-by", "meta.team"]);
    const aggregate = projectJson(csv, ["--group-by", "meta.team"]);
    const costs = (report: { options: { id: string; monthly_cost_usd: number }[] }) =>
      report.options.map((o) => [o.id, o.monthly_cost_usd]);
    expect(costs(aggregate)).toEqual(costs(raw));
    expect(aggregate.window).toEqual(raw.window);
    const { peak_requests_per_minute: _r, peak_tokens_per_minute: _t, ...rawTraffic } = raw.traffic;
    const {
      peak_requests_per_minute: peakRequests,
      peak_tokens_per_minute: peakTokens,
      ...aggTraffic
    } = aggregate.traffic;
    expect(aggTraffic).toEqual(rawTraffic);
    expect(aggregate.showback).toEqual(raw.showback);
    // What an aggregate cannot give: the busiest minute.
    expect(raw.traffic.peak_requests_per_minute).toBe(1);
    expect([peakRequests, peakTokens]).toEqual([null, null]);
  });

  it("the Athena flavour names the Glue table and keeps the requested metadata", () => {
    const sql = runCli([
      "sql",
      "--source",
      "bedrock-invocation-logs",
      "--engine",
      "athena",
      "--request-metadata",
      "team",
    ]);
    expect(sql.code).toBe(0);
    expect(sql.stdout).toContain("FROM bedrock_invocation_logs");
    expect(sql.stdout).toContain(`requestmetadata['team'] AS "team"`);
    expect(sql.stdout).toContain("'total' AS token_basis");
  });
});
