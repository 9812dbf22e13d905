// Issue 12, showback: `project --group-by` through the built binary. Every expected amount is worked out by
// hand below from the small price table; `-n 3000` over 3 observed requests scales x1,000.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { largestRemainderCents } from "../../src/cost/showback.js";
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

// A $10 dashboard on both options (a fixed monthly item), Lambda at $0.001 a request on Bedrock.
const INFRA = `infra:
  - id: dashboard
    label: Dashboard
    applies_to: [direct, bedrock]
    unit: month
    unit_price_usd: 10
    quantity: { per_month: 1 }
  - id: lambda
    label: Lambda
    applies_to: [bedrock]
    unit: request
    unit_price_usd: 0.001
    quantity: { per_request: 1 }
growth: { monthly_rate: 0, horizon_months: 1 }
`;

const scenario = (directExtra = "") => `version: 1
name: hand
options:
  - id: direct
    kind: direct
${directExtra}  - id: bedrock
    kind: bedrock
${INFRA}`;

interface ShowbackEntry {
  group: Record<string, string | null>;
  requests: number | null;
  cost_usd: Record<string, number>;
  unpriced_options: string[];
}

function run(traffic: string, scenarioText: string, extra: string[]) {
  const dir = tempFiles({ "p.yaml": PRICING, "s.yaml": scenarioText, "t.csv": traffic });
  const args = ["project", "-t", join(dir, "t.csv"), "-s", join(dir, "s.yaml"), "-p", join(dir, "p.yaml")];
  return runCli([...args, "-n", "3000", "-q", ...extra]);
}

function json(traffic: string, scenarioText: string, extra: string[]) {
  const result = run(traffic, scenarioText, [...extra, "-f", "json"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as {
    showback: ShowbackEntry[] | null;
    options: { id: string; monthly_cost_usd: number }[];
    assumptions: string[];
  };
}

const cents = (usd: number) => Math.round(usd * 100);

describe("project --group-by: how each option's cost is allocated", () => {
  // search: 2 requests of 1,000 in / 100 out; ads: 1 request of 3,000 in / 300 out.
  const TRAFFIC = `team,provider,model,use_case,input_tokens,output_tokens
search,acme,acme-large,chat,1000,100
ads,acme,acme-large,summarize,3000,300
search,acme,acme-large,chat,1000,100
`;

  it("token cost exactly, per-request infra by requests, fixed items and hidden cost by share of token cost", () => {
    const report = json(TRAFFIC, scenario("    hidden_cost: { complexity_multiplier: 1.5 }\n"), [
      "--group-by",
      "meta.team",
    ]);
    // direct, x1,000:  search 2 x (1000 x 2 + 100 x 8) / 1e6 = $0.0056 -> $5.60;  ads (3000 x 2 + 300 x 8) / 1e6
    //   = $0.0084 -> $8.40.  Token shares 5.6 / 14 = 0.4 and 0.6.  Dashboard $10 -> $4 / $6.
    //   Hidden 0.5 x (14 + 10) = $12 -> $4.80 / $7.20.  search 5.60 + 4 + 4.80 = $14.40; ads 8.40 + 6 + 7.20
    //   = $21.60; total $36.00.
    // bedrock:  search 2 x (1000 + 400) / 1e6 x 1,000 = $2.80; ads (3000 + 1200) / 1e6 x 1,000 = $4.20 (shares
    //   0.4 / 0.6).  Dashboard $4 / $6.  Lambda 3,000 x $0.001 = $3 by requests 2:1 -> $2 / $1.
    //   search 2.80 + 4 + 2 = $8.80; ads 4.20 + 6 + 1 = $11.20; total $20.00.
    expect(report.options.map((o) => [o.id, o.monthly_cost_usd])).toEqual([
      ["direct", 36],
      ["bedrock", 20],
    ]);
    // Costliest under the cheapest option (bedrock) first.
    expect(report.showback).toEqual([
      {
        group: { team: "ads" },
        requests: 1000,
        cost_usd: { direct: 21.6, bedrock: 11.2 },
        unpriced_options: [],
      },
      {
        group: { team: "search" },
        requests: 2000,
        cost_usd: { direct: 14.4, bedrock: 8.8 },
        unpriced_options: [],
      },
    ]);
    expect(report.assumptions.join("\n")).toContain("showback by meta.team: token cost goes to the group");
  });

  it("nests repeated flags: one group per combination, named by field or meta key", () => {
    const report = json(TRAFFIC, scenario(), ["--group-by", "use_case", "--group-by", "meta.team"]);
    expect(report.showback?.map((e) => e.group)).toEqual([
      { use_case: "summarize", team: "ads" },
      { use_case: "chat", team: "search" },
    ]);
  });

  it("a row without the column, or with an empty cell, is the group null: (none) in the table", () => {
    const traffic = `${TRAFFIC}, acme,acme-large,chat,1000,100\n`.replace(", acme", ",acme");
    const report = json(traffic, scenario(), ["--group-by", "meta.team"]);
    expect(report.showback?.map((e) => e.group.team)).toEqual(["ads", "search", null]);
    const table = run(traffic, scenario(), ["--group-by", "meta.team"]);
    // Four requests scaled to 3,000: 750 each.
    expect(table.stdout).toMatch(/│ \(none\) +│ +750 │/);
  });
});

describe("project --group-by: leftover cents by the largest-remainder rule", () => {
  // Three teams of one request each (1,000 in / 100 out), x1,000.
  // direct:  tokens $2.80 each; dashboard $10 / 3 = $3.3333...; each $6.1333... = 613.33 cents; 3 x 613 = 1,839
  //   of the 1,840 cents of the $18.40 total: 1 cent left, the remainders tie (0.33 each): it goes to the group
  //   that sorts first, ads.  ads $6.14, mail $6.13, search $6.13.
  // bedrock: tokens $1.40 each; dashboard $3.3333...; Lambda $3 / 3 = $1; each $5.7333...; total $17.20 =
  //   1,720 cents; 3 x 573 = 1,719: ads $5.74, mail $5.73, search $5.73.
  const TRAFFIC = `team,provider,model,input_tokens,output_tokens
search,acme,acme-large,1000,100
mail,acme,acme-large,1000,100
ads,acme,acme-large,1000,100
`;
  const flags = ["--group-by", "meta.team"];

  it("JSON: the cent left over goes to the tie's first group, and each option adds up to its total", () => {
    const report = json(TRAFFIC, scenario(), flags);
    expect(report.showback?.map((e) => [e.group.team, e.cost_usd.direct, e.cost_usd.bedrock])).toEqual([
      ["ads", 6.14, 5.74],
      ["mail", 6.13, 5.73],
      ["search", 6.13, 5.73],
    ]);
    for (const option of report.options) {
      const sum = (report.showback ?? []).reduce((total, e) => total + cents(e.cost_usd[option.id] ?? 0), 0);
      expect(sum).toBe(cents(option.monthly_cost_usd));
    }
  });

  it("CSV: the showback rows of each option add up to its total row, to the cent", () => {
    const result = run(TRAFFIC, scenario(), [...flags, "-f", "csv"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toContain("direct,showback,team=ads,,1000,requests,6.14");
    expect(lines).toContain("bedrock,showback,team=search,,1000,requests,5.73");
    for (const id of ["direct", "bedrock"]) {
      const total = lines
        .find((l) => l.startsWith(`${id},total,`))
        ?.split(",")
        .at(-1);
      const shown = lines.filter((l) => l.startsWith(`${id},showback,`));
      expect(shown).toHaveLength(3);
      const sum = shown.reduce((s, l) => s + cents(Number(l.split(",").at(-1))), 0);
      expect(sum).toBe(cents(Number(total)));
    }
  });

  it("table and markdown: a total row equal to each option's total", () => {
    const table = run(TRAFFIC, scenario(), flags);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Showback by team (monthly)");
    expect(table.stdout).toMatch(/│ ads +│ +1,000 │ +\$6\.14 │ +\$5\.74 │/);
    expect(table.stdout).toMatch(/│ total +│ +3,000 │ +\$18\.40 │ +\$17\.20 │/);
    const markdown = run(TRAFFIC, scenario(), [...flags, "-f", "markdown"]);
    expect(markdown.stdout).toContain("## Showback by team (monthly)");
    expect(markdown.stdout).toMatch(/\| total \| +3,000 \| +\$18\.40 \| +\$17\.20 \|/);
  });
});

describe("project --group-by: the table lists the ten costliest groups and one other row", () => {
  it("12 teams: 10 rows, other (2 groups), and the total still adds up", () => {
    // team-01 .. team-12, team-N with N requests' worth of tokens (1,000 x N in, 100 x N out): costliest last.
    const rows = Array.from({ length: 12 }, (_, i) => {
      const n = i + 1;
      return `team-${String(n).padStart(2, "0")},acme,acme-large,${1000 * n},${100 * n}`;
    });
    const traffic = `team,provider,model,input_tokens,output_tokens\n${rows.join("\n")}\n`;
    const table = run(traffic, scenario(), ["--group-by", "meta.team"]);
    expect(table.code).toBe(0);
    const section = table.stdout.slice(table.stdout.indexOf("Showback by team"));
    expect(section).toContain("team-12");
    expect(section).toContain("team-03");
    expect(section).not.toMatch(/team-0[12] /);
    // One request each, scaled x250 (-n 3000 over 12 requests): the two cheapest make 500 requests.
    expect(section).toMatch(/│ other \(2 groups\) +│ +500 │/);
    expect(section).toMatch(/│ total +│ +3,000 │/);
    expect(section).toContain("12 groups, the 10 costliest under bedrock listed");
  });
});

describe("project --group-by: bad keys are usage errors", () => {
  it("names what it takes", () => {
    const result = run("model,input_tokens,output_tokens\nacme-large,1,1\n", scenario(), [
      "--group-by",
      "team",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("expected model, provider, region, use_case or meta.<key>");
    const twice = run("model,input_tokens,output_tokens\nacme-large,1,1\n", scenario(), [
      "--group-by",
      "model",
      "--group-by",
      "model",
    ]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('"model" is given twice');
  });
});

describe("project --group-by on Bedrock invocation logs (meta keys the format sets)", () => {
  it("requestMetadata.team: every option adds up to its total to the cent", () => {
    const result = runCli([
      "project",
      "-t",
      "fixtures/logs/bedrock",
      "--group-by",
      "meta.team",
      "--group-by",
      "model",
      "-f",
      "json",
      "-q",
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const teams = new Set(report.showback.map((e: ShowbackEntry) => e.group.team));
    expect(teams).toEqual(new Set(["search", "support", null]));
    for (const option of report.options) {
      const sum = report.showback.reduce(
        (s: number, e: ShowbackEntry) => s + cents(e.cost_usd[option.id] ?? 0),
        0,
      );
      expect(sum).toBe(cents(option.monthly_cost_usd));
    }
  });
});

describe("largestRemainderCents", () => {
  it("gives leftover cents to the largest remainders, then to the first group on a tie", () => {
    // 1.004 + 2.007 + 3.009 = 6.02 -> 100 + 200 + 300 = 600 cents down; 2 left: remainders .4, .7, .9 -> the .9
    // and the .7 get one each.
    expect(largestRemainderCents([1.004, 2.007, 3.009], 602, [["a"], ["b"], ["c"]])).toEqual([100, 201, 301]);
    // Equal remainders: the group that sorts first, null last.
    expect(largestRemainderCents([0.005, 0.005], 1, [[null], ["z"]])).toEqual([0, 1]);
    // A total below the floors' sum takes a cent back from the last in that order.
    expect(largestRemainderCents([1.002, 1.002], 199, [["a"], ["b"]])).toEqual([100, 99]);
  });
});

describe("project --group-by on provisioned throughput", () => {
  const PROVISIONED_PRICING = PRICING.replace(
    "    input: 1\n    output: 4\n",
    "    input: 1\n    output: 4\n    provisioned: { per_unit_hour: { no_commitment: 1 } }\n",
  );
  const SCENARIO = `version: 1
name: pt
options:
  - id: pt
    kind: bedrock-provisioned
    provisioned:
      model: acme.acme-large-v1:0
      model_units: 1
      commitment: none
      tokens_per_minute_per_unit: 100
      usable_share: 1
growth: { monthly_rate: 0, horizon_months: 1 }
`;
  const TRAFFIC = `team,provider,model,input_tokens,output_tokens
search,acme,acme-large,1000,100
ads,acme,acme-large,3000,300
search,acme,acme-large,1000,100
`;

  it("units by share of token cost, the overflow by share of the units model's on-demand cost", () => {
    const dir = tempFiles({ "p.yaml": PROVISIONED_PRICING, "s.yaml": SCENARIO, "t.csv": TRAFFIC });
    const result = runCli([
      "project",
      ...["-t", join(dir, "t.csv"), "-s", join(dir, "s.yaml"), "-p", join(dir, "p.yaml")],
      ...["-n", "3000", "-q", "-f", "json", "--group-by", "meta.team"],
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // x1,000.  On demand: search 2 x (1000 + 400) / 1e6 x 1,000 = $2.80, ads (3000 + 1200) / 1e6 x 1,000 =
    // $4.20 (shares 0.4 / 0.6); tokens a month 2,200,000 + 3,300,000 = 5,500,000.
    // Units: 1 x $1 x 730.5 h = $730.50.  Capacity 100 tokens/min x 43,830 min = 4,383,000: overflow 1,117,000
    // tokens at $7.00 / 5,500,000 a token = $1.421636...; total $731.921636.
    // search: 0.4 x 730.50 + 0.4 x 1.421636 = $292.768655 (29,276.87 cents); ads: 438.30 + 0.852982 =
    // $439.152982 (43,915.30 cents).  73,192 cents in all, 73,191 rounded down: the cent left goes to the
    // larger remainder, search's .87.  search $292.77, ads $439.15.
    expect(report.options[0].monthly_cost_usd).toBeCloseTo(731.921636, 5);
    expect(report.showback.map((e: ShowbackEntry) => [e.group.team, e.cost_usd.pt])).toEqual([
      ["ads", 439.15],
      ["search", 292.77],
    ]);
  });
});
