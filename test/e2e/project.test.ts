// `llmcost project`: formats, files, and bad input. In-process (runInProcess) but for the report written to
// --output and the determinism check, which run the built binary; test/golden/ pins the whole table and
// markdown reports through the binary.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanError, runCli, runInProcess, tempFiles } from "../cli.js";

const WEEK = "fixtures/traffic/saas-assistant-week.csv";
const WEEK_CONTEXT_WARNING = `warning: ${WEEK} row 1112, field "input_tokens": a prompt of 370,895 tokens exceeds the context window of openai/gpt-4o (128,000 tokens, the catalog's max_input_tokens): check the model and the token columns\n`;

// Two models we price ourselves, so every number below can be worked out by hand.
const PRICING = `version: 1
models:
  - provider: acme
    model: acme-large
    family: acme-large
    input: 2
    output: 8
    cache_read: 0.5
    source: test
    as_of: 2026-11-01
  - provider: bedrock
    model: acme.acme-large-v1:0
    family: acme-large
    input: 1
    output: 4
    source: test
    as_of: 2026-11-01
`;

// 10 days of traffic: 3 requests (one row weighted x2). Tokens per request. A weighted row must say what it
// covers: each row's bucket_end is its own timestamp (its requests happened at that moment).
const TRAFFIC = `timestamp,bucket_end,provider,model,use_case,requests,input_tokens,output_tokens,cache_read_tokens
2026-01-01T00:00:00Z,2026-01-01T00:00:00Z,acme,acme-large,chat,1,1000,100,400
2026-01-06T00:00:00Z,2026-01-06T00:00:00Z,acme,acme-large,chat,2,2000,500,0
2026-01-11T00:00:00Z,2026-01-11T00:00:00Z,acme,acme-large,chat,1,0,0,0
`;

const SCENARIO = `version: 1
name: hand
options:
  - id: direct
    kind: direct
  - id: bedrock
    kind: bedrock
infra:
  - id: fixed
    label: Fixed
    applies_to: [bedrock]
    unit: month
    unit_price_usd: 10
    quantity: { per_month: 1 }
growth: { monthly_rate: 0, horizon_months: 1 }
`;

describe("llmcost project (end to end)", () => {
  it("prints a table report on the bundled fixture, with assumptions, breakeven, growth and tips", async () => {
    const result = await runInProcess(["project", "--traffic", WEEK, "--as-of", "2025-06-08"]);
    // On the traffic week nothing is retired and every status is known. One warning: the fixture's row 1112
    // sends gpt-4o a 370,895-token prompt, above its 128,000-token context window (a plausibility check).
    expect(result.stderr).toBe(WEEK_CONTEXT_WARNING);
    expect(result.code).toBe(0);
    // The default scenario's Bedrock options ask for the global profile, which Claude Haiku 3.5 (in the
    // week's traffic) is not offered through; it costs the same in-region, so the report says so.
    expect(result.stdout).toMatch(
      /option "bedrock": inference profile "global" is not offered for bedrock\/anthropic\.claude-3-5-haiku-20241022-v1:0;.*cost the same as global/,
    );
    for (const heading of [
      "Monthly cost by option",
      "Breakeven",
      "Growth",
      "Optimization tips",
      "Assumptions",
    ]) {
      expect(result.stdout).toContain(heading);
    }
    expect(result.stdout).toContain("scenario: the bundled default");
  });

  it("computes a hand-checked projection as JSON", async () => {
    const dir = tempFiles({ "p.yaml": PRICING, "t.csv": TRAFFIC, "s.yaml": SCENARIO });
    const result = await runInProcess([
      "project",
      "-t",
      join(dir, "t.csv"),
      "-s",
      join(dir, "s.yaml"),
      "-p",
      join(dir, "p.yaml"),
      "-f",
      "json",
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // Window: 10 days => scale 30.4375 / 10 = 3.04375; 4 observed requests => 12.175 a month.
    expect(report.schema_version).toBe(2);
    expect(report.window.days).toBe(10);
    expect(report.window.monthly_scale).toBeCloseTo(3.04375, 12);
    expect(report.traffic.observed_requests).toBe(4);
    // Direct: row 1: 600 uncached x $2 + 400 cache read x $0.50 + 100 out x $8 = (1200 + 200 + 800) / 1e6 = $0.0022
    //         row 2 (x2): 2 x (2000 x $2 + 500 x $8) / 1e6 = 2 x $0.008 = $0.016.  Observed $0.0182.
    const direct = report.options.find((o: { id: string }) => o.id === "direct");
    expect(direct.token_cost_usd).toBeCloseTo(0.0182 * 3.04375, 6);
    // Bedrock has no cache price: cache reads bill as input. Row 1: (1000 x $1 + 100 x $4) / 1e6 = $0.0014;
    // row 2: 2 x (2000 + 2000) / 1e6 = $0.008. Observed $0.0094, plus $10 fixed.
    const bedrock = report.options.find((o: { id: string }) => o.id === "bedrock");
    expect(bedrock.token_cost_usd).toBeCloseTo(0.0094 * 3.04375, 6);
    expect(bedrock.monthly_cost_usd).toBeCloseTo(0.0094 * 3.04375 + 10, 6);
    // Breakeven: 0.0182/4 N = 10 + 0.0094/4 N  =>  N = 40 / 0.0088 = 4,545.45...
    expect(report.breakeven[0].requests_per_month).toBeCloseTo(40 / 0.0088, 4);
    expect(report.breakeven[0]).toMatchObject({
      a: "direct",
      b: "bedrock",
      cheaper_below: "direct",
      cheaper_above: "bedrock",
    });
    for (const option of report.options) {
      const parts =
        option.token_cost_usd + option.provisioned_cost_usd + option.infra_cost_usd + option.hidden_cost_usd;
      expect(option.monthly_cost_usd).toBeCloseTo(parts, 5);
    }
  });

  it("writes CSV line items that add up to each option's total", async () => {
    const result = await runInProcess(["project", "-t", WEEK, "--format", "csv"]);
    expect(result.code).toBe(0);
    const [header, ...lines] = result.stdout.trim().split("\n");
    expect(header).toBe("option,category,item,provider,quantity,unit,monthly_cost_usd");
    const rows = lines.map((line) => line.split(","));
    for (const option of new Set(rows.map((r) => r[0]))) {
      const items = rows
        .filter((r) => r[0] === option && r[1] !== "total")
        .reduce((sum, r) => sum + Number(r.at(-1)), 0);
      const total = Number(rows.find((r) => r[0] === option && r[1] === "total")?.at(-1));
      expect(items).toBeCloseTo(total, 4);
    }
  });

  it("renders markdown", async () => {
    const result = await runInProcess(["project", "-t", WEEK, "--format", "markdown"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# llmcost projection/);
    expect(result.stdout).toContain("| Option | Kind |");
  });

  it("writes --output to a file and nothing to stdout", () => {
    const dir = tempFiles({});
    const out = join(dir, "report.json");
    const result = runCli(["project", "-t", WEEK, "-f", "json", "-o", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).schema_version).toBe(2);
  });

  it("rescales pre-aggregated traffic with --monthly-requests", async () => {
    const result = await runInProcess([
      "project",
      "-t",
      "fixtures/traffic/preaggregated-month.csv",
      "-n",
      "1000000",
      "-f",
      "json",
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.traffic.requests).toBe(1_000_000);
    expect(report.assumptions[0]).toContain("1000000 requests per month");
  });

  it("is byte-for-byte deterministic: the binary and an in-process run print the same report", async () => {
    const a = runCli(["project", "-t", WEEK, "-f", "json"]);
    const b = await runInProcess(["project", "-t", WEEK, "-f", "json"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe("llmcost project: bad input", () => {
  it("names a missing traffic file", async () => {
    const result = await runInProcess(["project", "-t", "nope.csv"]);
    expectCleanError(result);
    expect(result.stderr).toBe("llmcost: nope.csv: file not found\n");
  });

  it("points at the scenario line and field of an unknown key", async () => {
    const dir = tempFiles({
      "s.yaml": SCENARIO.replace("kind: bedrock", "kind: bedrock\n    inference_profil: geo"),
    });
    const result = await runInProcess(["project", "-t", WEEK, "-s", join(dir, "s.yaml")]);
    expectCleanError(result);
    expect(result.stderr).toMatch(
      /s\.yaml:\d+, field "options\[1\]\.inference_profil": unknown key "inference_profil"; did you mean "inference_profile"\?/,
    );
  });

  it("refuses a bad --format with the valid choices", async () => {
    const result = await runInProcess(["project", "-t", WEEK, "--format", "xml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Allowed choices are table, json, csv, markdown");
  });

  it("reports unpriced traffic, and --strict makes it exit 2", async () => {
    const dir = tempFiles({
      "t.csv": "model,input_tokens,output_tokens\nmystery-model,10,10\ngpt-4o,10,10\n",
    });
    const lenient = await runInProcess(["project", "-t", join(dir, "t.csv"), "-f", "json"]);
    expect(lenient.code).toBe(0);
    const report = JSON.parse(lenient.stdout);
    expect(report.complete).toBe(false);
    expect(report.unpriced[0]).toMatchObject({ model: "mystery-model", share_of_requests: 0.5 });
    expect(lenient.stderr).toContain("mystery-model");
    const strict = await runInProcess(["project", "-t", join(dir, "t.csv"), "--strict"]);
    expectCleanError(strict);
    expect(strict.stderr).toContain("mystery-model");
  });

  it("leaves no output file when the run fails", async () => {
    const dir = tempFiles({});
    const out = join(dir, "report.json");
    const result = await runInProcess(["project", "-t", "nope.csv", "-o", out]);
    expect(result.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
