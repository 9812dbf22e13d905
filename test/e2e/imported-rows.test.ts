// `llmcost project` on the canonical columns imported logs carry (issue 11): each row priced at its logged
// service tier, 1-hour cache writes at the 1-hour price, token totals as totals, the logged long-context
// tier, rows without request counts; a missing tier price is unpriced traffic, never the standard price.
// Every expected figure is worked out by hand from the prices below.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanError, runCli, runInProcess, tempFiles } from "../cli.js";

const PRICING = `version: 1
models:
  - provider: acme
    model: acme-large
    family: acme-large
    max_input_tokens: 5000
    input: 2
    output: 8
    cache_read: 0.5
    cache_write_5m: 2.5
    cache_write_1h: 4
    long_context:
      threshold_tokens: 1000
      input: 4
      output: 12
      cache_read: 1
      cache_write_5m: 5
      cache_write_1h: 8
    batch:
      multiplier: 0.5
    source: test
    as_of: 2026-11-01
  - provider: acme
    model: acme-small
    family: acme-small
    max_input_tokens: 2000
    input: 1
    output: 2
    cache_write_5m: 1.25
    source: test
    as_of: 2026-11-01
`;

const SCENARIO = `version: 1
name: hand
options:
  - id: direct
    kind: direct
growth: { monthly_rate: 0, horizon_months: 1 }
`;

const HEADER =
  "timestamp,bucket_end,provider,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,cache_write_1h_tokens,requests,token_basis,service_tier,context_tier";
// Every row covers the same 10 days: the month scale is 30.4375 / 10 = 3.04375.
const SPAN = "2026-01-01T00:00:00Z,2026-01-11T00:00:00Z";

function project(traffic: string, ...extra: string[]) {
  const dir = tempFiles({ "p.yaml": PRICING, "t.csv": traffic, "s.yaml": SCENARIO });
  const args = ["project", "-t", join(dir, "t.csv"), "-s", join(dir, "s.yaml"), "-p", join(dir, "p.yaml")];
  return runCli([...args, "--as-of", "2026-11-01", ...extra]);
}

function json(traffic: string, ...extra: string[]) {
  const result = project(traffic, "-f", "json", ...extra);
  expect(result.stderr === "" || result.code === 0, result.stderr).toBe(true);
  return { result, report: JSON.parse(result.stdout) };
}

describe("project prices each imported row as its log says", () => {
  it("batch tier, 1-hour writes, token totals and the long-context tier, by hand", () => {
    const traffic = [
      HEADER,
      // Batch (half price: $1 in, $4 out): 2 x (500 x 1 + 100 x 4) / 1e6 = $0.0018
      `${SPAN},acme,acme-large,500,100,0,0,0,2,,batch,`,
      // 1-hour writes: 400 uncached x 2 + 100 read x 0.5 + 100 5m-write x 2.5 + 200 1h-write x 4 + 50 out x 8
      //   = 800 + 50 + 250 + 800 + 400 = 2300 => $0.0023
      `${SPAN},acme,acme-large,800,50,100,100,200,1,,,`,
      // Totals over 3 requests, mean prompt 1000 (not above 1000): (3000 x 2 + 600 x 8) / 1e6 = $0.0108
      `${SPAN},acme,acme-large,3000,600,0,0,0,3,total,,`,
      // Totals over 2 requests, mean prompt 2000 > 1000: long-context tier (4000 x 4 + 100 x 12) / 1e6 = $0.0172
      `${SPAN},acme,acme-large,4000,100,0,0,0,2,total,,`,
      // The log says long context, whatever the prompt: (200 x 4 + 10 x 12) / 1e6 = $0.00092
      `${SPAN},acme,acme-large,200,10,0,0,0,1,,,long`,
    ].join("\n");
    const { result, report } = json(`${traffic}\n`);
    expect(result.code).toBe(0);
    // Observed: 0.0018 + 0.0023 + 0.0108 + 0.0172 + 0.00092 = $0.03302 over 2 + 1 + 3 + 2 + 1 = 9 requests.
    expect(report.traffic.observed_requests).toBe(9);
    expect(report.window.monthly_scale).toBeCloseTo(3.04375, 12);
    const [direct] = report.options;
    expect(direct.token_cost_usd).toBeCloseTo(0.03302 * 3.04375, 6);
    expect(direct.per_request_usd).toBeCloseTo(0.03302 / 9, 6);
    expect(direct.models[0].batch_requests).toBe(Math.round(2 * 3.04375));
    // Tokens: input 500x2 + 800 + 3000 + 4000 + 200 = 9000; 1-hour writes 200, a month: x 3.04375.
    expect(report.traffic.input_tokens).toBe(Math.round(9000 * 3.04375));
    expect(report.traffic.cache_write_1h_tokens).toBe(Math.round(200 * 3.04375));
    expect(report.assumptions.join("\n")).toMatch(/service_tier/);
    expect(report.assumptions.join("\n")).toMatch(/token_basis total/);
  });

  it("a logged tier the model has no price for is unpriced traffic; --strict stops", () => {
    const traffic = `${[HEADER, `${SPAN},acme,acme-small,100,10,0,0,0,1,,flex,`, `${SPAN},acme,acme-large,100,10,0,0,0,1,,,`].join("\n")}\n`;
    const { report } = json(traffic);
    const [direct] = report.options;
    // Only acme-large is priced: (100 x 2 + 10 x 8) / 1e6 = $0.00028 observed.
    expect(direct.token_cost_usd).toBeCloseTo(0.00028 * 3.04375, 5);
    expect(direct.complete).toBe(false);
    expect(report.unpriced[0]).toMatchObject({ model: "acme-small" });
    expect(report.unpriced[0].reason).toMatch(
      /acme\/acme-small has no flex price \(the traffic's service_tier\)/,
    );
    const strict = project(traffic, "--strict");
    expectCleanError(strict);
    expect(strict.stderr).toMatch(/--strict: traffic without a price: "acme-small"/);
  });

  it("1-hour writes on a model without a 1-hour price: billed at its 5-minute price, and said", async () => {
    const traffic = `${[HEADER, `${SPAN},acme,acme-small,1000,10,0,0,400,1,,,`].join("\n")}\n`;
    const dir = tempFiles({ "p.yaml": PRICING, "t.csv": traffic, "s.yaml": SCENARIO });
    const args = ["project", "-t", join(dir, "t.csv"), "-s", join(dir, "s.yaml"), "-p", join(dir, "p.yaml")];
    const result = await runInProcess([...args, "-f", "json", "--as-of", "2026-11-01"]);
    const report = JSON.parse(result.stdout);
    // 600 uncached x 1 + 400 x 1.25 (5-minute price) + 10 x 2 = 600 + 500 + 20 = 1120 => $0.00112
    expect(report.options[0].token_cost_usd).toBeCloseTo(0.00112 * 3.04375, 5);
    expect(report.warnings).toContain(
      "acme/acme-small has no 1-hour cache-write price: its logged 1-hour cache writes are billed at the 5-minute price",
    );
  });
});

// An OpenAI usage export saved as CSV: daily totals per model, `num_model_requests` requests a day
// (2026-01-01 and 2026-01-02, 86,400 s each).
const OPENAI_DAILY = (basis: string) =>
  [
    `start_time,end_time,model,input_tokens,output_tokens,input_cached_tokens,num_model_requests${basis ? ",token_basis" : ""}`,
    `1767225600,1767312000,gpt-4o-mini,90000000,4500000,18000000,9000${basis ? `,${basis}` : ""}`,
    `1767312000,1767398400,gpt-4o-mini,90000000,4500000,18000000,9000${basis ? `,${basis}` : ""}`,
  ].join("\n");

const DIRECT_ONLY = `version: 1
name: direct only
options:
  - id: openai
    kind: direct
growth: { monthly_rate: 0, horizon_months: 1 }
`;

describe("the 9,000x mistake: usage totals read as per-request figures", () => {
  function run(basis: string, ...extra: string[]) {
    const dir = tempFiles({ "t.csv": `${OPENAI_DAILY(basis)}\n`, "s.yaml": DIRECT_ONLY });
    return runCli([
      "project",
      "-t",
      join(dir, "t.csv"),
      "-s",
      join(dir, "s.yaml"),
      "--as-of",
      "2026-08-01",
      ...extra,
    ]);
  }

  it("warns, naming the row and the token_basis fix, and --strict stops", () => {
    const result = run("", "-f", "json");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // Read per request, each row is 9,000 requests of 90,000,000 prompt tokens each: a mean prompt of 90M,
    // above the catalog's largest context window (1,050,000).
    const warning = report.warnings.find((w: string) => /token totals read as per-request/.test(w));
    expect(warning).toMatch(/row 1, field "input_tokens": gpt-4o-mini: the mean prompt is 90,000,000 tokens/);
    expect(warning).toMatch(/add a token_basis column set to total/);
    expect(result.stderr).toMatch(/token totals read as per-request figures/);
    const strict = run("", "--strict");
    expectCleanError(strict);
    expect(strict.stderr).toMatch(/--strict: gpt-4o-mini: the mean prompt is 90,000,000 tokens/);
  });

  it("with token_basis total the same export is priced right: exactly 9,000 times less", () => {
    const wrong = JSON.parse(run("", "-f", "json").stdout);
    const result = run("total", "-f", "json");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.warnings).toEqual([]);
    // A day: 72M uncached x $0.15 + 18M cached x $0.075 + 4.5M out x $0.60 = 10.8 + 1.35 + 2.7 = $14.85.
    // Two days $29.70, 2 days scaled to 30.4375: x 15.21875 = $451.996875 a month; per request
    // $29.70 / 18,000 = $0.00165.
    expect(report.window.monthly_scale).toBeCloseTo(15.21875, 10);
    expect(report.traffic.observed_requests).toBe(18_000);
    expect(report.options[0].token_cost_usd).toBeCloseTo(451.996875, 4);
    expect(report.options[0].per_request_usd).toBeCloseTo(0.00165, 8);
    expect(wrong.options[0].token_cost_usd / report.options[0].token_cost_usd).toBeCloseTo(9000, 6);
  });
});

describe("plausibility warnings", () => {
  it("a prompt above its model's context window, and requests with no tokens that did not fail", () => {
    const traffic = `${[HEADER, `${SPAN},acme,acme-small,2500,10,0,0,0,1,,,`, `${SPAN},acme,acme-large,0,0,0,0,0,4,,,`].join("\n")}\n`;
    const { report } = json(traffic);
    const context = report.warnings.find((w: string) => /exceeds the context window/.test(w));
    // acme-small's max_input_tokens is 2000; row 1's prompt is 2500.
    expect(context).toMatch(
      /row 1, field "input_tokens": a prompt of 2,500 tokens exceeds the context window of acme\/acme-small \(2,000 tokens/,
    );
    const zero = report.warnings.find((w: string) => /carry no input or output tokens/.test(w));
    expect(zero).toMatch(
      /row 2, field "input_tokens": acme\/acme-large: 4 requests carry no input or output tokens/,
    );
    expectCleanError(project(traffic, "--strict"));
  });
});

describe("rows without a request count (Anthropic's usage report)", () => {
  const SCENARIO_INFRA = `version: 1
name: hand
options:
  - id: direct
    kind: direct
infra:
  - id: gateway
    label: Gateway
    applies_to: [direct]
    unit: request
    unit_price_usd: 0.001
    quantity: { per_request: 1 }
growth: { monthly_rate: 0, horizon_months: 1 }
`;
  // Totals over 10 days, no request count.
  // Row 1: 6,500 uncached x 2 + 2,000 read x 0.5 + 1,000 5m x 2.5 + 500 1h x 4 + 1,000 out x 8
  //   = 13,000 + 1,000 + 2,500 + 2,000 + 8,000 = 26,500 => $0.0265 (context_tier standard)
  // Row 2: long context: 3,000 x 4 + 100 x 12 = 13,200 => $0.0132. Observed $0.0397; a month x 3.04375.
  const TRAFFIC = `${[
    HEADER,
    `${SPAN},acme,acme-large,10000,1000,2000,1000,500,,total,,0-200k`,
    `${SPAN},acme,acme-large,3000,100,0,0,0,,total,,200k-1M`,
  ].join("\n")}\n`;
  const TOKEN_COST = 0.0397 * 3.04375;

  function run(...extra: string[]) {
    const dir = tempFiles({ "p.yaml": PRICING, "t.csv": TRAFFIC, "s.yaml": SCENARIO_INFRA });
    const args = ["project", "-t", join(dir, "t.csv"), "-s", join(dir, "s.yaml"), "-p", join(dir, "p.yaml")];
    return runCli([...args, "--as-of", "2026-11-01", ...extra]);
  }

  it("scales tokens by the window; request figures are unknown, never zero", () => {
    const result = run("-f", "json");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.traffic.requests).toBeNull();
    expect(report.traffic.observed_requests).toBeNull();
    const [direct] = report.options;
    expect(direct.token_cost_usd).toBeCloseTo(TOKEN_COST, 5);
    expect(direct.per_request_usd).toBeNull();
    // The gateway's per-request price needs a count: left out, and said.
    expect(direct.infra_cost_usd).toBe(0);
    expect(direct.monthly_cost_usd).toBeCloseTo(TOKEN_COST, 5);
    expect(report.breakeven).toEqual([]);
    const assumptions = report.assumptions.join("\n");
    expect(assumptions).toMatch(/2 rows have no request count, so the month's request count is unknown/);
    expect(assumptions).toMatch(/infra gateway: its 1 request per request are left out of the totals/);
    const table = run();
    expect(table.stdout).toMatch(/unknown/);
  });

  it("tips name no request volume (the nominal counts stay inside)", () => {
    // The bundled catalog and default scenario: a cheaper-model tip for the chat use case.
    const dir = tempFiles({
      "t.csv":
        "timestamp,bucket_end,model,use_case,input_tokens,output_tokens,requests,token_basis\n2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,claude-sonnet-4-5,chat,100000000,2000000,,total\n",
    });
    const result = runCli(["project", "-t", join(dir, "t.csv"), "--as-of", "2026-11-01", "-f", "json"]);
    const report = JSON.parse(result.stdout);
    expect(report.tips.length).toBeGreaterThan(0);
    for (const tip of report.tips) expect(tip.applies_to).toMatch(/requests\/month unknown|unknown requests/);
  });

  it("--monthly-requests sets only the request count: tokens still scale by the window", () => {
    const report = JSON.parse(run("-f", "json", "--monthly-requests", "1000").stdout);
    expect(report.traffic.requests).toBe(1000);
    const [direct] = report.options;
    expect(direct.token_cost_usd).toBeCloseTo(TOKEN_COST, 5);
    // 1,000 requests x $0.001 = $1 of gateway.
    expect(direct.infra_cost_usd).toBeCloseTo(1, 6);
    expect(direct.per_request_usd).toBeCloseTo((TOKEN_COST + 1) / 1000, 6);
    expect(report.assumptions.join("\n")).toMatch(/--monthly-requests 1000 sets the month's request count/);
  });
});
