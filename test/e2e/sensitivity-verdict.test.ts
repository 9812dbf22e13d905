// Issue 14, "Sensitivity" and "The verdict first", through the binary. A two-option scenario whose flips are
// worked out by hand below; then the scenario is edited at the path the report names, 0.5% either side of
// `flips_at`, and the binary must name another cheapest option.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isMap, isSeq, parseDocument } from "yaml";
import { runCli, tempFiles } from "../cli.js";

const PRICING = `version: 1
models:
  - provider: acme
    model: acme-large
    family: acme-large
    input: 2
    output: 8
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

// Per request: chat 1,000 in / 100 out; summarize 2,000 in / 200 out.
// acme-large (direct): chat (1000 x 2 + 100 x 8) / 1e6 = $0.0028; summarize (2000 x 2 + 200 x 8) / 1e6 = $0.0056
// Bedrock:             chat (1000 x 1 + 100 x 4) / 1e6 = $0.0014; summarize (2000 x 1 + 200 x 4) / 1e6 = $0.0028
// So per request of the mix: direct $0.0042, bedrock $0.0021.
const TRAFFIC = `provider,model,use_case,input_tokens,output_tokens
acme,acme-large,chat,1000,100
acme,acme-large,summarize,2000,200
`;

// direct(N)  = 1.5 x 0.0042 N = 0.0063 N                 (complexity multiplier 1.5)
// bedrock(N) = 0.0021 N + $5 (endpoint) + $10 (overhead) = 0.0021 N + 15
// At N = 1,000 (-n 1000): direct $6.30, bedrock $17.10: direct is cheapest by $10.80.
const SCENARIO = `version: 1
name: hand
options:
  - id: direct
    kind: direct
    hidden_cost: { complexity_multiplier: 1.5 }
  - id: bedrock
    kind: bedrock
    hidden_cost:
      per_month: { usd: 10, source: "an engineer-hour at $10" }
infra:
  - id: endpoint
    label: VPC endpoint
    applies_to: [bedrock]
    unit: endpoint-month
    unit_price_usd: 5
    quantity: { per_month: 1 }
growth: { monthly_rate: 0.1, horizon_months: 12 }
`;

interface Entry {
  assumption: string;
  base: number;
  flips_at: number | null;
  new_cheapest: string | null;
  method: string;
}

function files(scenario = SCENARIO, traffic = TRAFFIC) {
  const dir = tempFiles({ "p.yaml": PRICING, "t.csv": traffic, "s.yaml": scenario });
  const args = ["project", "-t", join(dir, "t.csv"), "-s", join(dir, "s.yaml"), "-p", join(dir, "p.yaml")];
  return { dir, args };
}

function projectJson(args: string[], stderr = "") {
  const result = runCli([...args, "-f", "json"]);
  expect(result.stderr).toBe(stderr);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

/** Sets `path` (the report's assumption path: option and infra ids select list items) in a scenario YAML. */
function setAtPath(yamlText: string, path: string, value: number): string {
  const doc = parseDocument(yamlText);
  const keys: (string | number)[] = [];
  let node: unknown = doc.contents;
  for (const segment of path.split(".")) {
    if (isSeq(node)) {
      const index = node.items.findIndex((item) => isMap(item) && item.get("id") === segment);
      expect(index, `no list item with id ${segment}`).toBeGreaterThanOrEqual(0);
      keys.push(index);
      node = node.items[index];
    } else {
      keys.push(segment);
      node = isMap(node) ? node.get(segment, true) : undefined;
    }
  }
  doc.setIn(keys, value);
  return doc.toString();
}

describe("sensitivity: each assumption's value where the cheapest option changes", () => {
  const { args } = files();
  const report = projectJson([...args, "-n", "1000"]);
  const entry = (assumption: string): Entry =>
    report.sensitivity.find((e: Entry) => e.assumption === assumption);

  it("solves the flips by hand: multiplier, overhead, volume, growth", () => {
    expect(report.cheapest).toBe("direct");
    // 1.5 -> m: direct = m x 4.20 = 17.10  =>  m = 17.10 / 4.20 = 4.0714...; searched over [1, 15].
    expect(entry("options.direct.hidden_cost.complexity_multiplier")).toMatchObject({
      base: 1.5,
      new_cheapest: "bedrock",
      method: "exact",
    });
    expect(entry("options.direct.hidden_cost.complexity_multiplier").flips_at).toBeCloseTo(17.1 / 4.2, 9);
    // Volume: 0.0063 N = 0.0021 N + 15  =>  N = 15 / 0.0042 = 3,571.43 (within 100 .. 10,000).
    expect(entry("monthly_requests")).toMatchObject({ base: 1000, new_cheapest: "bedrock" });
    expect(entry("monthly_requests").flips_at).toBeCloseTo(15 / 0.0042, 6);
    // Growth, judged at month 12: 1000 x (1 + r)^12 = 3,571.43  =>  r = 3.5714^(1/12) - 1 = 0.11191.
    expect(entry("growth.monthly_rate").flips_at).toBeCloseTo((15 / 0.0042 / 1000) ** (1 / 12) - 1, 9);
    // bedrock's $10 overhead would have to go below zero (6.30 - 2.10 - 5 = -0.80), the endpoint too: never.
    expect(entry("options.bedrock.hidden_cost.per_month.usd")).toMatchObject({ flips_at: null, base: 10 });
    expect(entry("infra.endpoint.quantity.per_month")).toMatchObject({ flips_at: null, base: 1 });
    // No cache price and no batch option: the shares change nothing.
    expect(entry("traffic.cache_read_share").flips_at).toBeNull();
    expect(entry("traffic.batchable_share").flips_at).toBeNull();
  });

  it("lists the nearest flip first, by ratio: growth (x1.12), then the multiplier (x2.71), then volume (x3.57)", () => {
    expect(report.sensitivity.slice(0, 3).map((e: Entry) => e.assumption)).toEqual([
      "growth.monthly_rate",
      "options.direct.hidden_cost.complexity_multiplier",
      "monthly_requests",
    ]);
    expect(report.sensitivity.slice(3).every((e: Entry) => e.flips_at === null)).toBe(true);
  });

  it("editing the scenario at the stated path 0.5% either side of flips_at changes cheapest", () => {
    const path = "options.direct.hidden_cost.complexity_multiplier";
    const at = entry(path).flips_at as number;
    const { dir, args: edited } = files();
    const scenarioFile = join(dir, "s.yaml");
    const cheapestWith = (value: number) => {
      writeFileSync(scenarioFile, setAtPath(SCENARIO, path, value));
      return projectJson([...edited, "-n", "1000"]).cheapest;
    };
    // 4.0510 x 4.20 = 17.01 < 17.10; 4.0918 x 4.20 = 17.19 > 17.10.
    expect(cheapestWith(at * 0.995)).toBe("direct");
    expect(cheapestWith(at * 1.005)).toBe("bedrock");
    expect(readFileSync(scenarioFile, "utf8")).toContain("complexity_multiplier: 4.09");
  });

  it("growth.monthly_rate edited in the scenario flips the horizon month's cheapest", () => {
    const at = entry("growth.monthly_rate").flips_at as number;
    const { dir, args: edited } = files();
    const horizonCheapest = (value: number) => {
      writeFileSync(join(dir, "s.yaml"), setAtPath(SCENARIO, "growth.monthly_rate", value));
      return projectJson([...edited, "-n", "1000"]).growth.at(-1).cheapest;
    };
    expect(horizonCheapest(at * 0.995)).toBe("direct");
    expect(horizonCheapest(at * 1.005)).toBe("bedrock");
  });

  it("monthly_requests is the --monthly-requests flag: 0.5% either side of 3,571.43", () => {
    // 3,553 x 0.0063 = 22.38 < 3,553 x 0.0021 + 15 = 22.46; 3,590 x 0.0063 = 22.62 > 22.54.
    expect(projectJson([...args, "-n", String(Math.floor((15 / 0.0042) * 0.995))]).cheapest).toBe("direct");
    expect(projectJson([...args, "-n", String(Math.ceil((15 / 0.0042) * 1.005))]).cheapest).toBe("bedrock");
  });

  it("bisects where a free allowance makes the cost bend: a Lambda item with 400 free units (free_tiers: account)", () => {
    const lambda = `  - id: lambda
    label: Lambda
    applies_to: [direct]
    unit: request
    unit_price_usd: 0.01
    quantity: { per_request: 1 }
    free_units_per_month: 400
growth:`;
    const { args: free } = files(`${SCENARIO.replace("growth:", lambda)}free_tiers: account\n`);
    const entry = projectJson([...free, "-n", "1000"]).sensitivity.find(
      (e: Entry) => e.assumption === "infra.lambda.quantity.per_request",
    );
    // direct = 1.5 x (4.20 + 0.01 x max(0, 1000 q - 400)): $15.30 at q = 1, under bedrock's $17.10.
    // 1.5 x (4.20 + 10 q - 4) = 17.10  =>  10 q = 11.40 - 0.20  =>  q = 1.12.
    expect(entry).toMatchObject({ base: 1, new_cheapest: "bedrock", method: "bisection" });
    expect(Math.abs(entry.flips_at - 1.12)).toBeLessThan(1.12 * 1e-8);
  });

  it("the table shows the three nearest flips, and says never in range when fewer flip", () => {
    const table = runCli([...args, "-n", "1000"]).stdout;
    const section = table.slice(table.indexOf("Sensitivity"), table.indexOf("Optimization tips"));
    expect(section).toMatch(/growth\.monthly_rate\s+│\s+0\.1 │\s+0\.1119 │\s+\+11\.9% │ bedrock/);
    expect(section).toMatch(/complexity_multiplier\s+│\s+1\.5 │\s+4\.071 │\s+\+171\.4% │ bedrock/);
    expect(section).toMatch(/monthly_requests\s+│\s+1,000 │\s+3,571 │\s+\+257\.1% │ bedrock/);
    const none = files(
      SCENARIO.replace("complexity_multiplier: 1.5", "complexity_multiplier: 1").replace(
        "monthly_rate: 0.1",
        "monthly_rate: 0",
      ),
    );
    // Multiplier 1, no growth, 100 requests a month: direct 0.0042 x 100 = $0.42, bedrock 0.21 + 15 = $15.21.
    // Volume 10 .. 1,000: at 1,000 direct $4.20 < bedrock $17.10; the multiplier would need 15.21 / 0.42 = 36.2,
    // beyond its range [1, 10]; bedrock's overhead and endpoint cannot go below $0: nothing flips in range.
    const quiet = runCli([...none.args, "-n", "100"]).stdout;
    const rows = quiet.slice(quiet.indexOf("Sensitivity"), quiet.indexOf("Optimization tips"));
    expect(rows.match(/never in range/g)?.length).toBe(3);
    expect(rows).toContain("0 change the cheapest option in range");
  });
});

describe("the verdict first", () => {
  const { args } = files();

  it("JSON verdict: cheapest, cost, margin over the runner-up, nearest breakeven, biggest tip, nearest flip, priced share", () => {
    const report = projectJson([...args, "-n", "1000"]);
    expect(report.verdict).toMatchObject({
      cheapest: "direct",
      incomplete: false,
      monthly_requests: 1000,
      // 1.5 x 0.0042 x 1,000 = $6.30; per request 6.30 / 1,000.
      monthly_cost_usd: 6.3,
      per_request_usd: 0.0063,
      priced_share: 1,
      // bedrock 17.10 - 6.30 = $10.80, 10.80 / 17.10 = 63.16% of the runner-up's cost.
      runner_up: { option: "bedrock", monthly_cost_usd: 17.1, margin_usd: 10.8 },
      nearest_breakeven: { option: "bedrock" },
      nearest_flip: { assumption: "growth.monthly_rate", base: 0.1, new_cheapest: "bedrock" },
    });
    expect(report.verdict.runner_up.margin_share).toBeCloseTo(10.8 / 17.1, 9);
    expect(report.verdict.nearest_breakeven.requests_per_month).toBeCloseTo(15 / 0.0042, 6);
    const biggest = [...report.tips].sort((a, b) => b.monthly_saving_usd - a.monthly_saving_usd)[0] ?? null;
    expect(report.verdict.biggest_tip?.id ?? null).toBe(biggest?.id ?? null);
  });

  it("priced share: a model without a price leaves half the requests out", () => {
    // One chat row priced, one row of an unknown model: each option prices 1 of 2 requests.
    const half = files(
      SCENARIO,
      `${TRAFFIC.split("\n").slice(0, 2).join("\n")}\nacme,mystery-model,chat,500,50\n`,
    );
    const report = projectJson(
      [...half.args, "-n", "1000"],
      'warning: mystery-model: no price for model "mystery-model"; 50.0% of requests are not in the totals of direct, bedrock\n',
    );
    // 500 chat requests priced: direct 1.5 x 0.0028 x 500 = $2.10, per priced request 2.10 / 500 = $0.0042.
    expect(report.verdict).toMatchObject({ cheapest: "direct", priced_share: 0.5, incomplete: true });
    expect(report.verdict.monthly_cost_usd).toBeCloseTo(2.1, 6);
    expect(report.verdict.per_request_usd).toBeCloseTo(0.0042, 9);
  });

  it("the table opens with the verdict in five lines, then the detail, and closes with it", () => {
    const table = runCli([...args, "-n", "1000"]);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "Cheapest: direct at $6.30 a month, $0.0063 a request, 100.0% priced.",
      "  Margin: $10.80 a month (63.2%) under the runner-up, bedrock ($17.10).",
      "  Breakeven with bedrock at 3,571 requests a month (now 1,000).",
      "  Biggest tip: none saves a cent.",
      "  Flip: bedrock if growth.monthly_rate = 0.1119 (now 0.1).",
    ]);
    expect(lines[5]).toBe("");
    expect(lines[6]).toBe("llmcost projection: hand");
    expect(lines.slice(-5)).toEqual(lines.slice(0, 5));
  });

  it("--brief prints only the verdict: at most five lines in table and markdown, the verdict object in JSON", () => {
    const table = runCli([...args, "-n", "1000", "--brief"]);
    expect(table.code).toBe(0);
    expect(table.stdout.trimEnd().split("\n")).toHaveLength(5);
    expect(table.stdout.startsWith("Cheapest: direct at $6.30 a month")).toBe(true);
    const markdown = runCli([...args, "-n", "1000", "--brief", "-f", "markdown"]);
    expect(markdown.stdout.trimEnd().split("\n")).toEqual([
      "# llmcost projection: hand",
      "",
      "- Cheapest: direct at $6.30 a month, $0.0063 a request, 100.0% priced.",
      "- Margin: $10.80 a month (63.2%) under the runner-up, bedrock ($17.10).",
      "- Breakeven with bedrock at 3,571 requests a month (now 1,000).",
      expect.stringMatching(/^- Biggest tip: /),
      "- Flip: bedrock if growth.monthly\\_rate = 0.1119 (now 0.1).",
    ]);
    const json = JSON.parse(runCli([...args, "-n", "1000", "--brief", "-f", "json"]).stdout);
    expect(Object.keys(json)).toEqual([
      "schema_version",
      "prices_as_of",
      "scenario",
      "traffic_file",
      "cheapest",
      "verdict",
    ]);
    expect(json.verdict.cheapest).toBe("direct");
    const csv = runCli([...args, "--brief", "-f", "csv"]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain("--brief");
  });

  it("markdown opens with the verdict under its title", () => {
    const markdown = runCli([...args, "-n", "1000", "-f", "markdown"]).stdout.split("\n");
    expect(markdown[0]).toBe("# llmcost projection: hand");
    expect(markdown[2]).toMatch(/^- Cheapest: direct at \$6\.30 a month/);
    expect(markdown[7]).toBe("");
    expect(markdown[8]).toBe("## Traffic (monthly)");
  });
});

describe("the quick start fits a terminal", () => {
  it("opens with the verdict and keeps every table within 120 columns", () => {
    const result = runCli(["project", "--traffic", "fixtures/traffic/saas-assistant-week.csv"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(/^Cheapest: /);
    const tableLines = lines.filter((line) => /^[┌│└]/.test(line));
    expect(Math.max(...tableLines.map((line) => line.length))).toBeLessThanOrEqual(120);
  });
});
