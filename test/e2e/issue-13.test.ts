// Issue 13 (wrong or inconsistent figures), through the CLI: in-process (main from src/cli.ts, as the binary
// runs it) and, for route, the real binary. Every expected number is worked out by hand in the comments from
// the small price table below; `-n 1000` over 2 observed requests scales x500.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanError, runCli, runInProcess, tempFiles } from "../cli.js";

const PRICING = `version: 1
models:
  - provider: acme
    model: acme-large
    family: acme-large
    input: 2
    output: 8
    cache_write_5m: 2.5
    cache_write_1h: 4
    batch: { multiplier: 0.5 }
    flex: { multiplier: 0.5 }
    source: test
    as_of: 2026-11-01
  - provider: bedrock
    model: acme.acme-large-v1:0
    family: acme-large
    input: 1
    output: 4
    cache_write_5m: 1.25
    source: test
    as_of: 2026-11-01
`;

// Per request: chat 1,000 in / 100 out; summarize 2,000 in / 200 out.
// acme-large:  chat (1000 x 2 + 100 x 8) / 1e6 = $0.0028;  summarize (2000 x 2 + 200 x 8) / 1e6 = $0.0056
// Bedrock:     chat (1000 x 1 + 100 x 4) / 1e6 = $0.0014;  summarize (2000 x 1 + 200 x 4) / 1e6 = $0.0028
const TRAFFIC = `provider,model,use_case,input_tokens,output_tokens
acme,acme-large,chat,1000,100
acme,acme-large,summarize,2000,200
`;

const LAMBDA = `infra:
  - id: lambda
    label: Lambda
    applies_to: [direct, bedrock]
    unit: request
    unit_price_usd: 0.01
    quantity: { per_request: 1 }
    free_units_per_month: 400
`;

interface OptionJson {
  id: string;
  [key: string]: unknown;
}

async function project(files: Record<string, string>, extra: string[] = []) {
  const dir = tempFiles({ "p.yaml": PRICING, "t.csv": TRAFFIC, ...files });
  const args = ["project", "-t", join(dir, "t.csv"), "-s", join(dir, "s.yaml"), "-p", join(dir, "p.yaml")];
  const result = await runInProcess([...args, "-n", "1000", "-f", "json", ...extra]);
  const report = result.code === 0 ? JSON.parse(result.stdout) : undefined;
  const option = (id: string) => report?.options.find((o: OptionJson) => o.id === id);
  return { result, report, option, dir, args };
}

describe("hidden cost: explicit operational overhead, or the multiplier", () => {
  const scenario = `version: 1
name: hand
options:
  - id: direct
    kind: direct
    hidden_cost:
      per_month: { usd: 50, source: "1 engineer-hour x $50" }
      per_request: { usd: 0.001, source: "support tooling billed per request" }
  - id: bedrock
    kind: bedrock
    hidden_cost: { complexity_multiplier: 1.5 }
${LAMBDA}growth: { monthly_rate: 0, horizon_months: 1 }
`;

  it("adds a fixed monthly amount plus a per-request amount, and the multiplier still scales token + infra", async () => {
    const { result, report, option } = await project({ "s.yaml": scenario });
    expect(result.code).toBe(0);
    expect(report.schema_version).toBe(2);
    // direct: tokens (0.0028 + 0.0056) x 500 = $4.20; Lambda 1,000 x $0.01 = $10 (no free tier);
    //         overhead $50 + 1,000 x $0.001 = $51.  Total $65.20, $0.0652 per request.
    expect(option("direct")).toMatchObject({
      hidden_cost_form: "overhead",
      overhead_per_month_usd: 50,
      overhead_per_request_usd: 0.001,
      complexity_multiplier: 1,
    });
    expect(option("direct").token_cost_usd).toBeCloseTo(4.2, 6);
    expect(option("direct").infra_cost_usd).toBeCloseTo(10, 6);
    expect(option("direct").hidden_cost_usd).toBeCloseTo(51, 6);
    expect(option("direct").monthly_cost_usd).toBeCloseTo(65.2, 6);
    expect(option("direct").per_request_usd).toBeCloseTo(0.0652, 6);
    // bedrock: tokens (0.0014 + 0.0028) x 500 = $2.10; Lambda $10; x1.5 => hidden 0.5 x 12.10 = $6.05; total $18.15.
    expect(option("bedrock").hidden_cost_form).toBe("multiplier");
    expect(option("bedrock").hidden_cost_usd).toBeCloseTo(6.05, 6);
    expect(option("bedrock").monthly_cost_usd).toBeCloseTo(18.15, 6);
    // Breakeven: direct(N) = 50 + (0.0042 + 0.01 + 0.001) N = 50 + 0.0152 N; bedrock(N) = 1.5 x (0.0021 + 0.01) N
    // = 0.01815 N.  50 = 0.00295 N  =>  N = 16,949.15...
    expect(report.breakeven[0].requests_per_month).toBeCloseTo(50 / 0.00295, 4);
    expect(report.assumptions.join("\n")).toContain(
      "hidden cost: operational overhead $50 a month (1 engineer-hour x $50) + $0.001 per request",
    );
    expect(report.assumptions.join("\n")).toContain("hidden cost: complexity multiplier x1.5");
  });

  it("lists the overhead as CSV line items that add up to the total", async () => {
    const { dir, args } = await project({ "s.yaml": scenario });
    const csv = await runInProcess([...args, "-n", "1000", "-f", "csv"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain("direct,hidden,overhead-per-month,,1,month,50\n");
    expect(csv.stdout).toContain("direct,hidden,overhead-per-request,,1000,requests,1\n");
    expect(dir).toBeTruthy();
  });

  it("refuses both forms on one option", async () => {
    const both = scenario.replace(
      "      per_month: { usd: 50",
      "      complexity_multiplier: 1.1\n      per_month: { usd: 50",
    );
    const { result } = await project({ "s.yaml": both });
    expectCleanError(result);
    expect(result.stderr).toContain("use one form of hidden cost");
  });
});

describe("free tiers are per account: off unless the scenario says free_tiers: account", () => {
  const scenario = `version: 1
name: free
options:
  - id: direct
    kind: direct
  - id: bedrock
    kind: bedrock
${LAMBDA}growth: { monthly_rate: 0, horizon_months: 1 }
`;

  it("bills every unit by default and says so", async () => {
    const { report, option } = await project({ "s.yaml": scenario });
    // 1,000 requests x $0.01 = $10, the 400 free requests not counted.
    expect(option("bedrock").infra_cost_usd).toBeCloseTo(10, 6);
    expect(report.free_tiers).toBe("none");
    expect(report.assumptions.join("\n")).toContain("free tiers: not applied");
  });

  it("applies the allowance with free_tiers: account", async () => {
    const { report, option } = await project({ "s.yaml": `${scenario}free_tiers: account\n` });
    // (1,000 - 400) x $0.01 = $6.
    expect(option("bedrock").infra_cost_usd).toBeCloseTo(6, 6);
    expect(option("direct").infra_cost_usd).toBeCloseTo(6, 6);
    expect(report.free_tiers).toBe("account");
    expect(report.assumptions.join("\n")).toContain("free tiers: applied (free_tiers: account)");
  });
});

describe("batch and service tiers on the direct side", () => {
  const scenario = `version: 1
name: tiers
options:
  - id: flex
    kind: direct
    service_tier: flex
  - id: priority
    kind: direct
    service_tier: priority
  - id: direct-batch
    kind: direct-batch
batchable_use_cases: [summarize]
growth: { monthly_rate: 0, horizon_months: 1 }
`;

  it("prices direct-batch's batchable use cases at the batch price, and flex where the catalog has it", async () => {
    const { report, option } = await project({ "s.yaml": scenario });
    // direct-batch: chat on demand $0.0028 + summarize in batch $0.0056 x 0.5 = $0.0028 => $0.0056 x 500 = $2.80.
    expect(option("direct-batch").token_cost_usd).toBeCloseTo(2.8, 6);
    expect(option("direct-batch").models[0].batch_requests).toBe(500);
    // flex: everything at 50%: $0.0084 x 0.5 x 500 = $2.10.
    expect(option("flex")).toMatchObject({ service_tier: "flex" });
    expect(option("flex").token_cost_usd).toBeCloseTo(2.1, 6);
    // priority: acme-large has no priority price => standard, $0.0084 x 500 = $4.20, with a warning.
    expect(option("priority").token_cost_usd).toBeCloseTo(4.2, 6);
    expect(report.warnings).toContain(
      'acme/acme-large has no priority price: its traffic is priced at the standard tier in "priority"',
    );
  });
});

describe("1-hour cache writes fall back to the 5-minute price, with a warning", () => {
  it("bills a model without a 1h price at its 5m price and says so", async () => {
    const traffic =
      "provider,model,input_tokens,output_tokens,cache_write_tokens\nacme,acme-large,1000,100,400\n";
    const scenario = `version: 1
name: ttl
options:
  - id: direct
    kind: direct
  - id: bedrock
    kind: bedrock
cache_write_ttl: 1h
growth: { monthly_rate: 0, horizon_months: 1 }
`;
    const { report, option } = await project({ "s.yaml": scenario, "t.csv": traffic });
    // 1 observed request, -n 1000 => x1000.
    // direct (has 1h): 600 uncached x $2 + 400 x $4 (1h) + 100 x $8 = $0.0036 => $3.60
    expect(option("direct").token_cost_usd).toBeCloseTo(3.6, 6);
    // bedrock (no 1h): 600 x $1 + 400 x $1.25 (5m) + 100 x $4 = $0.0015 => $1.50
    expect(option("bedrock").token_cost_usd).toBeCloseTo(1.5, 6);
    expect(report.warnings).toEqual([
      "bedrock/acme.acme-large-v1:0 has no 1-hour cache-write price: its cache writes are billed at the 5-minute price",
    ]);
    expect(report.assumptions).toContain(
      "cache writes are billed at the 1h cache-write price; a model without one is billed at its 5m price (warned below)",
    );
  });
});

describe("per-request figures and the verdict count priced requests only", () => {
  const scenario = `version: 1
name: priced
options:
  - id: direct
    kind: direct
growth: { monthly_rate: 0, horizon_months: 1 }
`;
  const traffic = (priced: number, unpriced: number) =>
    `model,requests,input_tokens,output_tokens\nacme-large,${priced},1000,100\nmystery-model,${unpriced},1000,100\n`;

  it("divides by priced requests, and marks the verdict incomplete below 95% priced", async () => {
    const { result, report, option, args } = await project({ "s.yaml": scenario, "t.csv": traffic(9, 1) });
    expect(result.code).toBe(0);
    // 10 observed requests, -n 1000 => x100. Priced: 9 x $0.0028 x 100 = $2.52 over 900 priced requests
    // = $0.0028 per request (not $2.52 / 1,000 = $0.00252).
    expect(option("direct").monthly_cost_usd).toBeCloseTo(2.52, 6);
    expect(option("direct").priced_requests).toBe(900);
    expect(option("direct").per_request_usd).toBeCloseTo(0.0028, 9);
    expect(report.complete).toBe(false);
    expect(report.verdict.incomplete).toBe(true);
    expect(report.verdict.reasons[0]).toMatch(
      /^only 90\.0% of requests are priced under "direct" \(below 95\.0%\): mystery-model \(no price/,
    );
    const table = await runInProcess(args);
    expect(table.stdout).toContain('verdict incomplete: only 90.0% of requests are priced under "direct"');
  });

  it("keeps the verdict at exactly 95% priced; complete still means every request priced, --strict exits 2", async () => {
    const { report, args } = await project({ "s.yaml": scenario, "t.csv": traffic(19, 1) });
    // Issue 14 added fields to the verdict (cost, margin, ...): these three keep their meaning.
    expect(report.verdict).toMatchObject({ cheapest: "direct", incomplete: false, reasons: [] });
    expect(report.verdict.priced_share).toBeCloseTo(0.95, 12);
    expect(report.complete).toBe(false);
    expectCleanError(await runInProcess([...args, "--strict"]));
  });

  it("says unknown, never $0, per request when an option prices nothing", async () => {
    const onlyUnpriced = "model,input_tokens,output_tokens\nmystery-model,1000,100\n";
    const { option } = await project({ "s.yaml": scenario, "t.csv": onlyUnpriced });
    expect(option("direct").per_request_usd).toBeNull();
  });
});

describe("token_ratio per model-map entry", () => {
  it("scales the tokens of traffic served through the entry, and states the ratio", async () => {
    const scenario = `version: 1
name: ratio
options:
  - id: bedrock
    kind: bedrock
model_map:
  bedrock:
    acme-large: { model: acme.acme-large-v1:0, token_ratio: 1.5 }
growth: { monthly_rate: 0, horizon_months: 1 }
`;
    const { report, option } = await project({ "s.yaml": scenario });
    // Bedrock counts 1.5x the tokens: ($0.0014 + $0.0028) x 1.5 x 500 = $3.15; input (1,000 + 2,000) x 1.5 x 500.
    expect(option("bedrock").token_cost_usd).toBeCloseTo(3.15, 6);
    expect(option("bedrock").models[0].input_tokens).toBe(2_250_000);
    expect(report.assumptions).toContain(
      "model map (bedrock): acme-large -> acme.acme-large-v1:0, token ratio 1.5",
    );
  });
});

describe("failed requests are billed by the tokens their rows say were consumed", () => {
  const scenario = `version: 1
name: failures
options:
  - id: direct
    kind: direct
growth: { monthly_rate: 0, horizon_months: 1 }
`;
  // ok: $0.0028.  error, no tokens logged: $0.  503 with 1,000 input consumed: 1000 x $2 / 1e6 = $0.002.
  // "weird": unknown, billed like a success, $0.0028, and a warning.
  const traffic = `provider,model,status,input_tokens,output_tokens
acme,acme-large,ok,1000,100
acme,acme-large,error,,
acme,acme-large,503,1000,0
acme,acme-large,weird,1000,100
`;

  it("bills failures by their logged tokens (zero when none), counts them, and warns about unknown statuses", async () => {
    const dir = tempFiles({ "p.yaml": PRICING, "t.csv": traffic, "s.yaml": scenario });
    const args = ["project", "-t", join(dir, "t.csv"), "-s", join(dir, "s.yaml"), "-p", join(dir, "p.yaml")];
    const result = await runInProcess([...args, "-n", "400", "-f", "json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // 4 observed requests, -n 400 => x100. ($0.0028 + $0 + $0.002 + $0.0028) x 100 = $0.76.
    expect(report.options[0].token_cost_usd).toBeCloseTo(0.76, 6);
    // Failed: error and 503 => 2 x 100 = 200 requests a month, costing $0.002 x 100 = $0.20.
    expect(report.traffic.failed_requests).toBe(200);
    expect(report.options[0].failed_requests).toBe(200);
    expect(report.options[0].failed_token_cost_usd).toBeCloseTo(0.2, 6);
    expect(result.stderr).toContain('status "weird" (1 requests) is not a status llmcost knows');
    expect(report.assumptions.join("\n")).toContain("2 of 4 observed requests failed");
  });

  it("route warns about the same unknown status, in the same words", async () => {
    const policy = `version: 1
targets:
  acme: { provider: acme, model: acme-large }
default: { route: { target: acme } }
`;
    const timed = `timestamp,provider,model,status,input_tokens,output_tokens
2026-11-02T00:00:00Z,acme,acme-large,ok,1000,100
2026-11-02T00:01:00Z,acme,acme-large,weird,1000,100
2026-11-02T00:02:00Z,acme,acme-large,weird,1000,100
`;
    const dir = tempFiles({ "p.yaml": PRICING, "t.csv": timed, "policy.yaml": policy });
    const result = runCli([
      "route",
      "--dry-run",
      "-t",
      join(dir, "t.csv"),
      "-P",
      join(dir, "policy.yaml"),
      "-p",
      join(dir, "p.yaml"),
      "-f",
      "json",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('status "weird" (2 requests) is not a status llmcost knows');
    expect(result.stderr).not.toContain('status "ok"');
  });

  it("still requires token counts on a request that succeeded", async () => {
    const dir = tempFiles({ "t.csv": "model,status,input_tokens,output_tokens\ngpt-4o,ok,,\n" });
    const result = await runInProcess(["project", "-t", join(dir, "t.csv")]);
    expectCleanError(result);
    expect(result.stderr).toContain("expected a whole number of tokens, found an empty cell");
  });
});

describe("the window of pre-aggregated rows ends where the last row's span ends", () => {
  const scenario = `version: 1
name: window
options:
  - id: direct
    kind: direct
growth: { monthly_rate: 0, horizon_months: 1 }
`;
  const weeks = ["2026-01-01", "2026-01-08", "2026-01-15", "2026-01-22"];
  const plain = `timestamp,model,requests,input_tokens,output_tokens\n${weeks
    .map((day) => `${day}T00:00:00Z,acme-large,10,1000,100`)
    .join("\n")}\n`;
  const withEnds = `timestamp,bucket_end,model,requests,input_tokens,output_tokens\n${weeks
    .map(
      (day, i) =>
        `${day}T00:00:00Z,2026-01-${String(8 + 7 * i).padStart(2, "0")}T00:00:00Z,acme-large,10,1000,100`,
    )
    .join("\n")}\n`;

  async function run(traffic: string, extra: string[] = []) {
    const dir = tempFiles({ "p.yaml": PRICING, "t.csv": traffic, "s.yaml": scenario });
    const args = ["project", "-t", join(dir, "t.csv"), "-s", join(dir, "s.yaml"), "-p", join(dir, "p.yaml")];
    return await runInProcess([...args, "-f", "json", ...extra]);
  }

  // Four weekly rows from 2026-01-01 to 2026-01-29 = 28 days (not 21): x 30.4375 / 28.
  // 40 requests x $0.0028 x 30.4375 / 28 = $0.12175.
  it("reads bucket_end", async () => {
    const report = JSON.parse((await run(withEnds)).stdout);
    expect(report.window.days).toBe(28);
    expect(report.window.monthly_scale).toBeCloseTo(30.4375 / 28, 12);
    expect(report.options[0].token_cost_usd).toBeCloseTo(0.12175, 6);
  });

  it("takes --window as what each row covers when there is no bucket_end", async () => {
    const result = await run(plain, ["--window", "7d"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.window.monthly_scale).toBeCloseTo(30.4375 / 28, 12);
    expect(report.options[0].token_cost_usd).toBeCloseTo(0.12175, 6);
    expect(report.assumptions[0]).toContain("each row covers 7 days (--window)");
  });

  it("refuses to guess: pre-aggregated rows that do not say what they cover are an error", async () => {
    const result = await run(plain);
    expectCleanError(result);
    expect(result.stderr).toContain(
      "does not say what a row covers: add a bucket_end column, or pass --window",
    );
    expect((await run(withEnds, ["--window", "7d"])).stderr).toContain("say what a row covers once");
    // --monthly-requests needs no window.
    expect((await run(plain, ["-n", "1000"])).code).toBe(0);
  });
});
