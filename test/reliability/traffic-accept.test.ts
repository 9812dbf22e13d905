// Traffic CSVs that look odd but are valid must be accepted, with the right numbers: a BOM, CRLF line ends,
// quoted fields holding commas, quotes and line breaks, unknown columns (kept as metadata that routing
// conditions can read) and columns in any order. In-process (runInProcess).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess, tempFiles } from "../cli.js";

// Our own prices (USD per 1M tokens), so every number can be worked out by hand.
const PRICING = `version: 1
models:
  - provider: acme
    model: acme-large
    family: acme-large
    input: 2
    output: 8
    source: test
    as_of: 2026-01-01
  - provider: acme
    model: acme-small
    family: acme-small
    input: 1
    output: 2
    source: test
    as_of: 2026-01-01
`;

const SCENARIO = `version: 1
name: direct only
options:
  - id: direct
    kind: direct
growth: { monthly_rate: 0, horizon_months: 1 }
`;

// Columns shuffled, two unknown columns (team, note), a BOM, CRLF, and quoted cells with a comma, doubled
// quotes and a CRLF inside. Two requests: 1000 in / 100 out and 2000 in / 500 out, both on acme-large.
const TRAFFIC =
  "\uFEFFoutput_tokens,team,model,note,input_tokens,timestamp,provider,request_id\r\n" +
  '100,"core, platform",acme-large,"said ""hi""\r\nthen left",1000,2026-01-01T00:00:00Z,acme,r1\r\n' +
  "500,growth,acme-large,plain,2000,2026-01-02T00:00:00Z,acme,r2\r\n";

// Requests whose team is exactly "core, platform" go to acme-small; the rest to acme-large.
const POLICY = `version: 1
targets:
  large: { provider: acme, model: acme-large }
  small: { provider: acme, model: acme-small }
rules:
  - name: core-team
    when: { meta.team: "core, platform" }
    route: { target: small }
default:
  route: { target: large }
`;

describe("accepted traffic forms", () => {
  const dir = tempFiles({ "p.yaml": PRICING, "s.yaml": SCENARIO, "t.csv": TRAFFIC, "policy.yaml": POLICY });
  const at = (name: string) => join(dir, name);

  it("project reads every row and costs it exactly", async () => {
    const result = await runInProcess([
      "project",
      ...["-t", at("t.csv"), "-s", at("s.yaml"), "-p", at("p.yaml")],
      ...["--monthly-requests", "2", "-f", "json"],
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.traffic.observed_requests).toBe(2);
    expect(report.traffic.input_tokens).toBe(3000);
    expect(report.traffic.output_tokens).toBe(600);
    // 2 observed requests rescaled to 2 a month: scale 1. (3000 x $2 + 600 x $8) / 1e6 = $0.0108.
    const [direct] = report.options;
    expect(direct.token_cost_usd).toBeCloseTo(0.0108, 9);
    expect(direct.monthly_cost_usd).toBeCloseTo(0.0108, 9);
    expect(report.complete).toBe(true);
  });

  it("an unknown column is metadata a routing condition can read (meta.team, a value with a comma)", async () => {
    const result = await runInProcess([
      "route",
      "--dry-run",
      ...["-t", at("t.csv"), "-P", at("policy.yaml"), "-p", at("p.yaml"), "-f", "json"],
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const requests = Object.fromEntries(
      report.targets.map((t: { target: string; requests: number }) => [t.target, t.requests]),
    );
    expect(requests).toEqual({ small: 1, large: 1 });
    // r1 on small: (1000 x $1 + 100 x $2) / 1e6 = $0.0012; r2 on large: (2000 x $2 + 500 x $8) / 1e6 = $0.008.
    expect(report.totals.replayed_cost_usd).toBeCloseTo(0.0092, 9);
  });
});
