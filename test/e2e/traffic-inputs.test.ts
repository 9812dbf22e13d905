// Issue 11, how `--traffic` takes input, through the built binary: folders, globs, the flag repeated with
// mixed formats, gzip told by its bytes, --input-format, the "matches no format" error, --model-map, route
// over logs, and `convert` round-tripping every fixture format to the cent. Expected numbers come from
// fixtures/logs/README.md's hand-worked tables.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOG_FORMATS } from "../../src/traffic/formats/index.js";
import { expectCleanError, runCli, tempFiles } from "../cli.js";

const BEDROCK = "fixtures/logs/bedrock";
const HOUR_10 =
  "fixtures/logs/bedrock/AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2026/11/02/10/20261102T1000Z_7f3a1c2e9b4d5e6f.json.gz";
const APP_PROFILE = "fixtures/logs/bedrock-application-profile/invocations.jsonl";
const ARN = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6";
const POLICY = "fixtures/policies/seed-hybrid.yaml";

interface ProjectJson {
  sources: {
    files: number;
    formats: { format: string; files: number; rows: number }[];
    skipped: { reason: string; count: number }[];
  };
  window: { start: string; end: string; days: number; monthly_scale: number };
  traffic: Record<string, number>;
  options: { id: string; monthly_cost_usd: number }[];
  assumptions: string[];
}

function project(args: string[]): ProjectJson {
  const result = runCli(["project", ...args, "--format", "json", "--as-of", "2026-11-15"]);
  if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as ProjectJson;
}

function routeTotals(args: string[]): Record<string, number> {
  const result = runCli([
    "route",
    "--dry-run",
    ...args,
    "-P",
    POLICY,
    "--format",
    "json",
    "--as-of",
    "2026-11-15",
  ]);
  if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { totals: Record<string, number> }).totals;
}

describe("--traffic", () => {
  it("reads a folder recursively, skipping and counting Bedrock large-body objects under data/", () => {
    const report = project(["-t", BEDROCK]);
    // Two hourly S3 objects and the CloudWatch export; the one object under .../10/data/ is skipped.
    expect(report.sources).toEqual({
      files: 3,
      formats: [{ format: "bedrock-invocation-logs", files: 3, rows: 16 }],
      skipped: [{ reason: "large-body objects under data/", count: 1 }],
    });
    // Window 2026-11-02T10:00:05Z to 2026-11-03T09:15:00Z: 23 h 14 min 55 s = 83,695 s.
    expect(report.window.start).toBe("2026-11-02T10:00:05.000Z");
    expect(report.window.end).toBe("2026-11-03T09:15:00.000Z");
    expect(report.window.days).toBeCloseTo(83_695 / 86_400, 12);
    expect(report.traffic.observed_requests).toBe(16);
    // Input 29,500 (incl. cache) a window, scaled by 30.4375 days / (83,695 / 86,400) days.
    expect(report.traffic.input_tokens).toBe(Math.round((29_500 * 30.4375 * 86_400) / 83_695));
    expect(report.assumptions).toContain(
      "Read 3 files: 3 bedrock-invocation-logs (16 rows); skipped 1 large-body objects under data/.",
    );
    // What the format cannot give is stated (LogFormat.limits).
    expect(report.assumptions.some((a) => /service tier/.test(a))).toBe(true);
  });

  it("takes a glob, and an error when it matches nothing", () => {
    // Only the two hourly objects (8 + 4 records); data/ below the glob's base is still skipped.
    const report = project(["-t", `${BEDROCK}/AWSLogs/**/*.json.gz`]);
    expect(report.sources.files).toBe(2);
    expect(report.sources.formats).toEqual([{ format: "bedrock-invocation-logs", files: 2, rows: 12 }]);
    expect(report.sources.skipped).toEqual([{ reason: "large-body objects under data/", count: 1 }]);
    const none = runCli(["project", "-t", "fixtures/logs/nowhere/**/*.jsonl"]);
    expectCleanError(none);
    expect(none.stderr).toContain("fixtures/logs/nowhere/**/*.jsonl: matches no file");
  });

  it("takes the flag more than once with mixed formats: the window is the union of their spans", () => {
    const args = ["-t", `${BEDROCK}/cloudwatch`, "-t", "fixtures/logs/litellm-spend"];
    const report = project(args);
    expect(report.sources.formats).toEqual([
      { format: "bedrock-invocation-logs", files: 1, rows: 4 },
      { format: "litellm-spend-logs", files: 2, rows: 12 },
    ]);
    // CloudWatch events 2026-11-03 09:00-09:15; LiteLLM 2026-11-04T09:00Z to 2026-11-05T14:03Z.
    expect(report.window.start).toBe("2026-11-03T09:00:00.000Z");
    expect(report.window.end).toBe("2026-11-05T14:03:00.000Z");
    // Route replays both, merged by timestamp. Input: CloudWatch 400 + (100 + 2,000) + 5,000 + 900 = 8,400,
    // LiteLLM 21,300: 29,700. Output: 40 + 60 + 0 + 90 = 190, LiteLLM 1,580: 1,770.
    const totals = routeTotals(args);
    expect(totals.requests).toBe(16);
    expect(totals.input_tokens).toBe(29_700);
    expect(totals.output_tokens).toBe(1_770);
  });

  it("tells gzip by its bytes, not its name", () => {
    const dir = tempFiles({});
    // A gzip object named .jsonl, and plain JSON lines named .json.gz.
    copyFileSync(HOUR_10, join(dir, "hour-10.jsonl"));
    copyFileSync(APP_PROFILE, join(dir, "profile.json.gz"));
    const report = project(["-t", dir, "--model-map", `${ARN}=us.anthropic.claude-sonnet-4-5-20250929-v1:0`]);
    // 8 records in the hourly object + 2 in the application-profile file.
    expect(report.sources.formats).toEqual([{ format: "bedrock-invocation-logs", files: 2, rows: 10 }]);
    // A canonical CSV named .gz is plain text too.
    const csv = tempFiles({ "traffic.csv.gz": "model,input_tokens,output_tokens\ngpt-4o,1000,100\n" });
    expect(project(["-t", join(csv, "traffic.csv.gz")]).traffic.observed_requests).toBe(1);
  });

  it("--input-format forces a format, and a file no format recognises names the formats tried", () => {
    const dir = tempFiles({ "other.jsonl": '{"hello": "world"}\n' });
    const unknown = runCli(["project", "-t", join(dir, "other.jsonl")]);
    expectCleanError(unknown);
    expect(unknown.stderr).toContain("other.jsonl: matches no traffic format: it is JSON lines");
    for (const name of LOG_FORMATS.map((format) => format.name)) {
      expect(unknown.stderr).toContain(name);
    }
    // Forced, the same file is read by that format, whose error says what it expected.
    const forced = runCli([
      "project",
      "-t",
      join(dir, "other.jsonl"),
      "--input-format",
      "bedrock-invocation-logs",
    ]);
    expectCleanError(forced);
    expect(forced.stderr).toMatch(/other\.jsonl:1, field "/);
    // Forced to llmcost's CSV, JSON lines fail as CSV, at the header.
    const asCsv = runCli(["project", "-t", APP_PROFILE, "--input-format", "llmcost-csv"]);
    expectCleanError(asCsv);
    expect(asCsv.stderr).toContain(
      "invocations.jsonl row 0: a quoted field has text after its closing quote",
    );
  });

  it("needs --model-map for an application-inference-profile ARN", () => {
    const missing = runCli(["project", "-t", APP_PROFILE]);
    expectCleanError(missing);
    expect(missing.stderr).toContain(`invocations.jsonl:1, field "modelId"`);
    expect(missing.stderr).toContain("--model-map");
    // Mapped: 2 requests, input 1,000, output 100 (README).
    const totals = routeTotals([
      "-t",
      APP_PROFILE,
      "--model-map",
      `${ARN}=us.anthropic.claude-sonnet-4-5-20250929-v1:0`,
    ]);
    expect(totals).toMatchObject({ requests: 2, input_tokens: 1_000, output_tokens: 100 });
  });

  it("route replays usage buckets as weighted mean requests, and refuses rows without request counts", () => {
    // fixtures/logs/README.md: 10 rows, 5,720 requests, input 12,160,000, output 2,560,000.
    const totals = routeTotals(["-t", "fixtures/logs/openai-usage"]);
    expect(totals).toMatchObject({
      decisions: 10,
      requests: 5_720,
      input_tokens: 12_160_000,
      output_tokens: 2_560_000,
    });
    const anthropic = runCli(["route", "--dry-run", "-t", "fixtures/logs/anthropic-usage", "-P", POLICY]);
    expectCleanError(anthropic);
    expect(anthropic.stderr).toContain(
      'anthropic-usage/page-1.json row 1, field "requests": route replays requests',
    );
  });

  it("route replays Bedrock logs across files in timestamp order", () => {
    // README totals for fixtures/logs/bedrock: 16 requests, input 29,500, output 2,300.
    const totals = routeTotals(["-t", BEDROCK]);
    expect(totals).toMatchObject({ decisions: 16, requests: 16, input_tokens: 29_500, output_tokens: 2_300 });
  });
});

describe("llmcost convert", () => {
  const SOURCES = [
    BEDROCK,
    "fixtures/logs/openai-usage",
    "fixtures/logs/anthropic-usage",
    "fixtures/logs/litellm-spend",
    "fixtures/logs/otel-genai",
  ];
  const figures = (report: ProjectJson) => ({
    traffic: report.traffic,
    window: report.window,
    costs: report.options.map((o) => [o.id, o.monthly_cost_usd]),
  });

  it.each(SOURCES)("%s: project on the converted CSV equals project on the source, to the cent", (source) => {
    const dir = tempFiles({});
    const out = join(dir, "converted.csv");
    const converted = runCli(["convert", "-t", source, "-o", out]);
    expect(converted.code, converted.stderr).toBe(0);
    expect(converted.stderr).toMatch(/^Read \d+ files?: /);
    expect(figures(project(["-t", out]))).toEqual(figures(project(["-t", source])));
  });

  it("writes to stdout with -o -, a header and one line per row", () => {
    const result = runCli(["convert", "-t", `${BEDROCK}/cloudwatch`, "-o", "-", "--quiet"]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1 + 4);
    expect(lines[0]).toMatch(/^timestamp,bucket_end,request_id,provider,model,/);
    // The CloudWatch export's first event, 400 in / 40 out.
    expect(lines[1]).toContain(",us.anthropic.claude-sonnet-4-5-20250929-v1:0,us-west-2,,400,40,");
  });
});
