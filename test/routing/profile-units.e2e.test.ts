// Issue 13 through the binary: `route` prices a Bedrock target at the same inference profile `project` uses
// for a Bedrock option (global unless stated), names it, and labels window and monthly costs.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanError, runCli, tempFiles } from "../cli.js";

const SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";

// Two requests, 10 days apart: 1,000 input and 100 output tokens each.
const TRAFFIC = `timestamp,request_id,provider,model,input_tokens,output_tokens
2026-01-01T00:00:00Z,r1,bedrock,${SONNET},1000,100
2026-01-11T00:00:00Z,r2,bedrock,${SONNET},1000,100
`;

const policy = (profile: string) => `version: 1
targets:
  sonnet:
    provider: bedrock
    model: ${SONNET}
${profile}default:
  route: { target: sonnet }
`;

const SCENARIO = `version: 1
name: one bedrock option
options:
  - id: bedrock
    kind: bedrock
growth: { monthly_rate: 0, horizon_months: 1 }
`;

function route(profile: string) {
  const dir = tempFiles({ "t.csv": TRAFFIC, "p.yaml": policy(profile), "s.yaml": SCENARIO });
  const result = runCli([
    "route",
    "--dry-run",
    "-t",
    join(dir, "t.csv"),
    "-P",
    join(dir, "p.yaml"),
    "-f",
    "json",
  ]);
  return { result, dir, report: result.code === 0 ? JSON.parse(result.stdout) : undefined };
}

describe("one price for one target", () => {
  it("prices a plain Bedrock id at the global profile by default, as project does, and says so", () => {
    const { report, dir } = route("");
    // Sonnet 4.5 on Bedrock, global: (1,000 x $3 + 100 x $15) / 1e6 = $0.0045 a request; 2 requests = $0.009.
    expect(report.targets[0]).toMatchObject({ target: "sonnet", inference_profile: "global" });
    expect(report.totals.replayed_cost_usd).toBeCloseTo(0.009, 9);
    expect(report.assumptions.join("\n")).toContain(
      `Target sonnet (${SONNET}) is priced at the global Bedrock inference profile`,
    );
    // project, same traffic, a bedrock option without inference_profile: 10 days x 3.04375 => the same
    // $0.0045 per request, so the monthly token cost is 2 x 3.04375 x $0.0045 = $0.0273937...
    const projected = runCli(["project", "-t", join(dir, "t.csv"), "-s", join(dir, "s.yaml"), "-f", "json"]);
    const option = JSON.parse(projected.stdout).options[0];
    expect(option.token_cost_usd).toBeCloseTo(2 * 3.04375 * 0.0045, 6);
    expect(report.totals.replayed_monthly_cost_usd).toBeCloseTo(option.token_cost_usd, 6);
  });

  it("prices in-region at 1.10x when the target says so", () => {
    const { report } = route("    inference_profile: in-region\n");
    // $0.009 x 1.10 = $0.0099 over the window.
    expect(report.targets[0].inference_profile).toBe("in-region");
    expect(report.totals.replayed_cost_usd).toBeCloseTo(0.0099, 9);
  });

  it("takes the profile from an id prefix, and refuses a prefix and a different inference_profile", () => {
    const geo = policy("").replace(`model: ${SONNET}`, `model: us.${SONNET}`);
    const dir = tempFiles({ "t.csv": TRAFFIC, "p.yaml": geo });
    const run = runCli([
      "route",
      "--dry-run",
      "-t",
      join(dir, "t.csv"),
      "-P",
      join(dir, "p.yaml"),
      "-f",
      "json",
    ]);
    expect(JSON.parse(run.stdout).targets[0].inference_profile).toBe("geo");
    const both = tempFiles({
      "t.csv": TRAFFIC,
      "p.yaml": geo.replace("default:", "    inference_profile: global\ndefault:"),
    });
    const refused = runCli(["route", "--dry-run", "-t", join(both, "t.csv"), "-P", join(both, "p.yaml")]);
    expectCleanError(refused);
    expect(refused.stderr).toContain("the model id's profile prefix says geo, inference_profile says global");
  });
});

describe("route labels window and monthly costs", () => {
  it("reports both, scaled by 30.4375 / the window's days", () => {
    const { report, dir } = route("");
    // Window: 10 days => x3.04375. Replayed $0.009 over the window, $0.009 x 3.04375 = $0.02739375 a month.
    expect(report.window).toMatchObject({ days: 10, monthly_scale: 3.04375 });
    expect(report.totals.replayed_monthly_cost_usd).toBeCloseTo(0.02739375, 6);
    expect(report.targets[0].monthly_cost_usd).toBeCloseTo(0.02739375, 6);
    expect(report.assumptions.join("\n")).toContain("window costs are for the 10 days replayed");
    const table = runCli(["route", "--dry-run", "-t", join(dir, "t.csv"), "-P", join(dir, "p.yaml")]);
    expect(table.stdout).toMatch(/replayed cost \(window\)\s*│\s*\$0\.009 │/);
    expect(table.stdout).toMatch(/replayed cost \(monthly\)\s*│\s*\$0\.03/);
  });

  it("says unknown, not $0, for monthly figures when the traffic has no time span", () => {
    const dir = tempFiles({
      "t.csv": `model,provider,input_tokens,output_tokens\n${SONNET},bedrock,1000,100\n`,
      "p.yaml": policy(""),
    });
    const run = runCli([
      "route",
      "--dry-run",
      "-t",
      join(dir, "t.csv"),
      "-P",
      join(dir, "p.yaml"),
      "-f",
      "json",
    ]);
    const report = JSON.parse(run.stdout);
    expect(report.window.monthly_scale).toBeNull();
    expect(report.totals.replayed_monthly_cost_usd).toBeNull();
  });
});
