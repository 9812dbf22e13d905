// Issue 14, "A policy as an option" and "Compliance", through the built binary. Every expected number is
// worked out by hand below from the small price table, traffic, policies and scenario in this file.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanError, runCli, tempFiles } from "../cli.js";

// Dollars per 1M tokens. Direct acme-large is half Bedrock's price.
const PRICING = `version: 1
models:
  - provider: acme
    model: acme-large
    family: acme-large
    input: 1
    output: 4
    source: test
    as_of: 2026-11-01
  - provider: bedrock
    model: acme.acme-large-v1:0
    family: acme-large
    input: 2
    output: 8
    source: test
    as_of: 2026-11-01
`;

// Every request: 100,000 input and 10,000 output tokens.
//   direct acme-large: (100,000 x 1 + 10,000 x 4) / 1e6 = $0.14
//   Bedrock:           (100,000 x 2 + 10,000 x 8) / 1e6 = $0.28
// The window runs 2025-06-01T00:00 to 2025-07-01T10:30 = 30 days 10.5 hours = 30.4375 days: a month, x1.
// Needs the regime: row 1 (meta team = health, by required_when) and row 2 (requires_compliance): 2 requests.
const TRAFFIC = `timestamp,provider,model,use_case,input_tokens,output_tokens,requires_compliance,team
2025-06-01T00:00:00Z,acme,acme-large,chat,100000,10000,false,health
2025-06-10T00:00:00Z,acme,acme-large,chat,100000,10000,true,sales
2025-06-20T00:00:00Z,acme,acme-large,chat,100000,10000,false,sales
2025-07-01T10:30:00Z,acme,acme-large,chat,100000,10000,false,sales
`;

const TARGETS = `version: 1
targets:
  bedrock-large:
    provider: bedrock
    model: acme.acme-large-v1:0
    compliance: [hipaa]
  acme-large:
    provider: acme
    model: acme-large
compliance: { label: hipaa }
default: { route: { target: acme-large } }
`;

// Sends both required requests (rows 1 and 2) to Bedrock, rows 3 and 4 to acme.
const CAREFUL_POLICY = `${TARGETS}rules:
  - name: regulated
    when: { any: [{ requires_compliance: true }, { meta.team: health }] }
    route: { target: bedrock-large }
`;

// Knows only the column: row 1 (team health) goes to acme, a violation of the scenario's regime.
const LEAKY_POLICY = `${TARGETS}rules:
  - name: regulated
    when: { requires_compliance: true }
    route: { target: bedrock-large }
`;

// The policy itself says team health needs hipaa: rows 1 and 2 may only land on bedrock-large; the cheapest
// of the two targets otherwise (acme-large, half the price) for rows 3 and 4.
const ENFORCING_POLICY = `version: 1
targets:
  bedrock-large:
    provider: bedrock
    model: acme.acme-large-v1:0
    compliance: [hipaa]
  acme-large:
    provider: acme
    model: acme-large
compliance:
  label: hipaa
  required_when: [{ meta.team: health }]
default: { route: { cheapest: [acme-large, bedrock-large] } }
`;

// Fixed items: gateway $0.10 (Bedrock side), NAT $0.05 (direct side), KMS key $0.02 (both sides).
// Per request: gateway $0.001 (Bedrock side), NAT $0.0005 (direct side).
const INFRA = `infra:
  - id: gateway
    label: Bedrock gateway
    applies_to: [bedrock]
    unit: unit
    unit_price_usd: 0.001
    quantity: { per_month: 100, per_request: 1 }
  - id: nat
    label: NAT
    applies_to: [direct]
    unit: unit
    unit_price_usd: 0.0005
    quantity: { per_month: 100, per_request: 1 }
  - id: kms-key
    label: KMS key
    applies_to: [direct, bedrock]
    unit: key
    unit_price_usd: 0.02
    quantity: { per_month: 1 }
`;

function scenario(options: string, compliance: string): string {
  return `version: 1
name: hipaa test
options:
${options}
${compliance}
${INFRA}
growth: { monthly_rate: 0, horizon_months: 1 }
`;
}

const PURE = `  - { id: direct, kind: direct }
  - { id: bedrock, kind: bedrock }`;
const REGIME = `compliance:
  label: hipaa
  required_when: [{ meta.team: health }]`;

interface OptionJson {
  id: string;
  kind: string;
  token_cost_usd: number;
  infra_cost_usd: number;
  monthly_cost_usd: number;
  compliance: { label: string | null; required_requests: number; violations: number };
  infra: { id: string; quantity: number; monthly_cost_usd: number }[];
}

function project(files: Record<string, string>, extra: (dir: string) => string[] = () => []) {
  const dir = tempFiles({ "p.yaml": PRICING, "t.csv": TRAFFIC, ...files });
  const args = [
    "project",
    "-t",
    join(dir, "t.csv"),
    "-s",
    join(dir, "s.yaml"),
    "-p",
    join(dir, "p.yaml"),
    ...extra(dir),
  ];
  const json = runCli([...args, "-f", "json"]);
  expect(json.stderr).toBe("");
  expect(json.code).toBe(0);
  const report = JSON.parse(json.stdout);
  const option = (id: string): OptionJson => {
    const found = report.options.find((o: OptionJson) => o.id === id);
    if (!found) throw new Error(`no option ${id}`);
    return found;
  };
  return { report, option, dir, args };
}

describe("a routing policy as an option, under a compliance regime (hand-computed)", () => {
  it("prices the replay per target, charges each side's fixed infra once, and picks the cheapest compliant", () => {
    const { report, option, dir, args } = project({
      "careful.yaml": CAREFUL_POLICY,
      "s.yaml": scenario(`${PURE}\n  - { id: hybrid, kind: policy, policy: careful.yaml }`, REGIME),
    });
    expect(report.window.monthly_scale).toBe(1);
    // direct: tokens 4 x $0.14 = $0.56; NAT 100 x 0.0005 + 4 x 0.0005 = $0.052; KMS $0.02.
    expect(option("direct").token_cost_usd).toBeCloseTo(0.56, 9);
    expect(option("direct").monthly_cost_usd).toBeCloseTo(0.56 + 0.052 + 0.02, 9); // $0.632
    // bedrock: tokens 4 x $0.28 = $1.12; gateway 100 x 0.001 + 4 x 0.001 = $0.104; KMS $0.02.
    expect(option("bedrock").monthly_cost_usd).toBeCloseTo(1.12 + 0.104 + 0.02, 9); // $1.244
    // hybrid: rows 1, 2 on Bedrock (2 x $0.28) and rows 3, 4 on acme (2 x $0.14): $0.84 of tokens.
    const hybrid = option("hybrid");
    expect(hybrid.kind).toBe("policy");
    expect(hybrid.token_cost_usd).toBeCloseTo(0.84, 9);
    // Infra: gateway fixed in full + 2 Bedrock requests: 0.10 + 0.002 = $0.102; NAT fixed in full + 2
    // direct requests: 0.05 + 0.001 = $0.051; the KMS key both sides use, once: $0.02. Total $0.173.
    const item = (id: string) => hybrid.infra.find((i) => i.id === id);
    expect(item("gateway")?.quantity).toBeCloseTo(102, 9);
    expect(item("gateway")?.monthly_cost_usd).toBeCloseTo(0.102, 9);
    expect(item("nat")?.monthly_cost_usd).toBeCloseTo(0.051, 9);
    expect(item("kms-key")?.quantity).toBe(1);
    expect(item("kms-key")?.monthly_cost_usd).toBeCloseTo(0.02, 9);
    expect(hybrid.infra_cost_usd).toBeCloseTo(0.173, 9);
    expect(hybrid.monthly_cost_usd).toBeCloseTo(1.013, 9);
    // Required: rows 1 and 2. Direct serves both on acme (not in covered_by): 2 violations. Bedrock covers.
    // The policy lands both on bedrock-large, which carries hipaa: 0.
    expect(option("direct").compliance).toEqual({ label: "hipaa", required_requests: 2, violations: 2 });
    expect(option("bedrock").compliance).toEqual({ label: "hipaa", required_requests: 2, violations: 0 });
    expect(hybrid.compliance).toEqual({ label: "hipaa", required_requests: 2, violations: 0 });
    // $0.632 (direct, violates) < $1.013 (hybrid) < $1.244 (bedrock).
    expect(report.cheapest_any).toBe("direct");
    expect(report.cheapest).toBe("hybrid");
    expect(report.verdict.cheapest).toBe("hybrid");
    expect(report.compliance).toEqual({
      label: "hipaa",
      covered_by: ["bedrock"],
      source: join(dir, "s.yaml"),
    });
    // Growth follows the compliant cheapest.
    expect(report.growth.map((m: { cheapest: string }) => m.cheapest)).toEqual(["hybrid", "hybrid"]);

    const table = runCli(args);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("hybrid (cheapest)");
    // $1.013 - $0.632 = $0.381.
    expect(table.stdout).toContain("direct costs $0.38 a month less than hybrid but violates hipaa");
    expect(table.stdout).toContain("hybrid saves $0.23 a month against bedrock"); // $1.244 - $1.013
    expect(table.stdout).toContain("direct: 2 required requests a month served without hipaa coverage");
    expect(table.stdout).toContain(
      "direct is cheapest overall but violates hipaa; hybrid is the cheapest compliant option",
    );
    // Tables (not the prose notes, which a terminal wraps) stay within 120 columns.
    const tableLines = table.stdout.split("\n").filter((line) => /^[┌│└├]/.test(line));
    const widest = Math.max(...tableLines.map((line) => line.length));
    expect(widest).toBeLessThanOrEqual(120);
  });

  it("a direct provider in covered_by covers the regime: direct is then the cheapest", () => {
    const { report, option } = project({
      "s.yaml": scenario(PURE, `${REGIME}\n  covered_by: [bedrock, acme]`),
    });
    expect(option("direct").compliance.violations).toBe(0);
    expect(report.cheapest).toBe("direct");
    expect(report.cheapest_any).toBe("direct");
  });

  it("no compliant option: cheapest is null and every report says so", () => {
    const files = {
      "leaky.yaml": LEAKY_POLICY,
      "s.yaml": scenario(
        `  - { id: direct, kind: direct }\n  - { id: leaky, kind: policy, policy: leaky.yaml }`,
        REGIME,
      ),
    };
    const { report, option, args } = project(files);
    // leaky: row 2 on Bedrock ($0.28), rows 1, 3, 4 on acme (3 x $0.14): $0.70; row 1 is a violation.
    expect(option("leaky").token_cost_usd).toBeCloseTo(0.7, 9);
    expect(option("leaky").compliance.violations).toBe(1);
    expect(option("direct").compliance.violations).toBe(2);
    expect(report.cheapest).toBeNull();
    expect(report.verdict.cheapest).toBeNull();
    expect(report.cheapest_any).toBe("direct");
    expect(report.growth[0].cheapest).toBeNull();
    const note =
      "no option is compliant with hipaa: there is no cheapest compliant option; direct is cheapest overall";
    expect(runCli(args).stdout).toContain(note);
    expect(runCli([...args, "-f", "markdown"]).stdout).toContain(note);
    const html = runCli([...args, "-f", "html"]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain("No option is compliant with hipaa");
  });

  it("without a regime, options carry compliance with a null label and cheapest is the cheapest overall", () => {
    const { report, option } = project({ "s.yaml": scenario(PURE, "") });
    expect(report.compliance).toBeNull();
    expect(option("direct").compliance).toEqual({ label: null, required_requests: 0, violations: 0 });
    expect(report.cheapest).toBe("direct");
    expect(report.cheapest_any).toBe("direct");
  });

  it("--policy adds option policy; a policy's compliance label names the regime when the scenario has none", () => {
    const { report, option, dir } = project(
      { "leaky.yaml": LEAKY_POLICY, "s.yaml": scenario(PURE, "") },
      (d) => ["--policy", join(d, "leaky.yaml")],
    );
    // The regime is the policy's hipaa, covered by Bedrock only, needed by the column alone: row 2.
    expect(report.compliance).toEqual({
      label: "hipaa",
      covered_by: ["bedrock"],
      source: join(dir, "leaky.yaml"),
    });
    expect(option("direct").compliance).toEqual({ label: "hipaa", required_requests: 1, violations: 1 });
    // policy: row 2 on Bedrock, rows 1, 3, 4 on acme: $0.28 + 3 x $0.14 = $0.70 of tokens. Infra: gateway
    // 0.10 + 1 x 0.001 = $0.101, NAT 0.05 + 3 x 0.0005 = $0.0515, KMS $0.02: $0.1725. Total $0.8725.
    const policy = option("policy");
    expect(policy.kind).toBe("policy");
    expect(policy.compliance).toEqual({ label: "hipaa", required_requests: 1, violations: 0 });
    expect(policy.monthly_cost_usd).toBeCloseTo(0.8725, 9);
    expect(report.cheapest).toBe("policy");
    expect(report.cheapest_any).toBe("direct");
  });

  it("a policy's own required_when routes those requests as compliance-required, in route and in project", () => {
    const { report, option, dir } = project(
      { "enforcing.yaml": ENFORCING_POLICY, "s.yaml": scenario(PURE, "") },
      (d) => ["--policy", join(d, "enforcing.yaml")],
    );
    // Rows 1 (team health) and 2 (column) on Bedrock, rows 3 and 4 on acme: as the careful policy,
    // $0.84 of tokens + $0.173 of infra = $1.013; the regime (the policy's) needs rows 1 and 2.
    expect(option("policy").monthly_cost_usd).toBeCloseTo(1.013, 9);
    expect(option("policy").compliance).toEqual({ label: "hipaa", required_requests: 2, violations: 0 });
    expect(option("direct").compliance).toEqual({ label: "hipaa", required_requests: 2, violations: 2 });
    expect(report.cheapest).toBe("policy");
    const route = runCli([
      "route",
      "--dry-run",
      "-t",
      join(dir, "t.csv"),
      "-P",
      join(dir, "enforcing.yaml"),
      "-p",
      join(dir, "p.yaml"),
      "-f",
      "json",
    ]);
    expect(route.code).toBe(0);
    const routed = JSON.parse(route.stdout);
    expect(routed.compliance.required_requests).toBe(2);
    expect(routed.compliance.violations).toBe(0);
    // 2 x $0.28 + 2 x $0.14 over the window.
    expect(routed.totals.replayed_cost_usd).toBeCloseTo(0.84, 9);
  });

  it("a scenario and a policy naming different regimes is an error naming the policy", () => {
    const dir = tempFiles({
      "p.yaml": PRICING,
      "t.csv": TRAFFIC,
      "other.yaml": LEAKY_POLICY.replace("compliance: { label: hipaa }", "compliance: { label: fedramp }"),
      "s.yaml": scenario(`${PURE}\n  - { id: other, kind: policy, policy: other.yaml }`, REGIME),
    });
    const result = runCli([
      "project",
      "-t",
      join(dir, "t.csv"),
      "-s",
      join(dir, "s.yaml"),
      "-p",
      join(dir, "p.yaml"),
    ]);
    expectCleanError(result);
    expect(result.stderr).toContain(join(dir, "other.yaml"));
    expect(result.stderr).toContain("one compliance regime per run");
  });

  it("a kind: policy option without its policy file is a located scenario error", () => {
    const dir = tempFiles({
      "p.yaml": PRICING,
      "t.csv": TRAFFIC,
      "s.yaml": scenario(`${PURE}\n  - { id: hybrid, kind: policy }`, ""),
    });
    const result = runCli([
      "project",
      "-t",
      join(dir, "t.csv"),
      "-s",
      join(dir, "s.yaml"),
      "-p",
      join(dir, "p.yaml"),
    ]);
    expectCleanError(result);
    expect(result.stderr).toContain("options[2]");
    expect(result.stderr).toContain('needs "policy: FILE"');
  });
});

describe("the policy option agrees with route --dry-run (bundled fixtures)", () => {
  const WEEK = "fixtures/traffic/saas-assistant-week.csv";
  const POLICY = "fixtures/policies/seed-hybrid.yaml";
  const AS_OF = ["--as-of", "2026-12-01"];

  it("without --monthly-requests: token_cost_usd = route's replayed_cost_usd x window.monthly_scale, to the cent", () => {
    const route = runCli(["route", "--dry-run", "-t", WEEK, "-P", POLICY, "-f", "json", ...AS_OF]);
    const project = runCli(["project", "-t", WEEK, "--policy", POLICY, "-f", "json", ...AS_OF]);
    expect(route.code).toBe(0);
    expect(project.code).toBe(0);
    const replayed = JSON.parse(route.stdout).totals.replayed_cost_usd;
    const report = JSON.parse(project.stdout);
    const policy = report.options.find((o: OptionJson) => o.id === "policy");
    expect(policy.kind).toBe("policy");
    expect(replayed).toBeGreaterThan(0);
    expect(Math.round(policy.token_cost_usd * 100)).toBe(
      Math.round(replayed * report.window.monthly_scale * 100),
    );
  });

  it("with --monthly-requests: the replay's cost per replayed request times the volume, and the report says so", () => {
    const route = runCli(["route", "--dry-run", "-t", WEEK, "-P", POLICY, "-f", "json", ...AS_OF]);
    const project = runCli([
      "project",
      "-t",
      WEEK,
      "--policy",
      POLICY,
      "-n",
      "1000000",
      "-f",
      "json",
      ...AS_OF,
    ]);
    expect(project.code).toBe(0);
    const totals = JSON.parse(route.stdout).totals;
    const report = JSON.parse(project.stdout);
    const policy = report.options.find((o: OptionJson) => o.id === "policy");
    // 1,000,000 requests x (the replay's cost / its 4,000 requests).
    expect(totals.requests).toBe(4000);
    expect(Math.round(policy.token_cost_usd * 100)).toBe(
      Math.round((totals.replayed_cost_usd / 4000) * 1_000_000 * 100),
    );
    expect(report.assumptions.join("\n")).toContain("the policy's replay is not re-run at the new volume");
  });
});
