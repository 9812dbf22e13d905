// Throttling in `route --dry-run`, through the binary: the burst fixture against the quota-drill policy,
// every throttle computed by hand.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempFiles } from "../cli.js";

const BURST = "fixtures/traffic/burst-minute.csv";
const DRILL = "fixtures/policies/quota-drill.yaml";

// biome-ignore lint/suspicious/noExplicitAny: the report is checked field by field below
type Json = any;

function route(args: string[]): Json {
  const result = runCli(["route", "--dry-run", ...args, "-f", "json"]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** The drill policy with extra top-level YAML (a breaker) and the Bedrock target's profile. */
function drillPolicy(extra = "", profile = "global"): string {
  return `version: 1
targets:
  bedrock-sonnet:
    provider: bedrock
    model: anthropic.claude-sonnet-4-6
    inference_profile: ${profile}
    quota: { rpm: 3, tpm: 5000, output_burndown: 5 }
  anthropic-sonnet:
    provider: anthropic
    model: claude-sonnet-4-6
default:
  route: { target: bedrock-sonnet }
fallbacks:
  bedrock-sonnet: [anthropic-sonnet]
${extra}`;
}

describe("route --dry-run throttling (quota: rpm 3, tpm 5,000, output burndown 5)", () => {
  it("throttles the burst as computed by hand and sends the overflow down the fallback chain", () => {
    const report = route(["-t", BURST, "-P", DRILL]);
    // Quota tokens per request: (1,000 in, 200 out) = 1,000 + 200 x 5 = 2,000; (200, 100) = 200 + 500 = 700.
    // 10:00  burst-1 2,000 (1 req) ok; burst-2 4,000 (2) ok; burst-3 4,000 + 2,000 = 6,000 > 5,000: throttled;
    //        burst-4 4,000 + 700 = 4,700 (3 req) ok; burst-5 would be request 4 > 3 rpm: throttled.
    // 10:01  calm-1 2,000, calm-2 4,000: ok.
    // 10:05  burst-6 2,000 ok; burst-7 4,000 ok; burst-8 6,000 > 5,000: throttled; burst-9 throttled.
    // Throttled: 4 requests in 2 minutes; Bedrock serves 11 - 4 = 7, the direct API the 4 throttled.
    expect(report.totals.throttled_requests).toBe(4);
    expect(report.totals.throttled_unserved_requests).toBe(0);
    const [bedrock, direct] = report.targets;
    expect(bedrock).toMatchObject({
      target: "bedrock-sonnet",
      requests: 7,
      throttled_requests: 4,
      minutes_over_quota: 2,
    });
    expect(direct).toMatchObject({
      target: "anthropic-sonnet",
      requests: 4,
      throttled_requests: 0,
      minutes_over_quota: 0,
    });
    expect(report.quota_pools).toEqual([
      expect.objectContaining({
        pool: "bedrock/anthropic.claude-sonnet-4-6@global",
        status: "enforced",
        rpm: 3,
        tpm: 5000,
        throttled_requests: 4,
        minutes_over_quota: 2,
      }),
      expect.objectContaining({
        pool: "anthropic/claude-sonnet-4-6",
        status: "not_checked",
        throttled_requests: 0,
      }),
    ]);
    // Global Bedrock and the direct API price Sonnet 4.6 the same: the overflow costs nothing more.
    expect(report.totals.overflow_cost_impact_usd).toBe(0);
  });

  it("prices the overflow: a geo profile (1.10x) overflowing to the direct API saves 10% on each throttled request", () => {
    const dir = tempFiles({ "p.yaml": drillPolicy("", "geo") });
    const report = route(["-t", BURST, "-P", join(dir, "p.yaml")]);
    // Throttled: burst-3, -8, -9 (1,000 in, 200 out) and burst-5 (200 in, 100 out). Direct, $3 / $15 per 1M:
    //   big 0.003 + 0.003 = $0.006, small 0.0006 + 0.0015 = $0.0021; Bedrock geo is 1.10x: $0.0066, $0.00231.
    // Overflow impact = 3 x (0.006 - 0.0066) + (0.0021 - 0.00231) = -0.0018 - 0.00021 = -$0.00201.
    expect(report.totals.throttled_requests).toBe(4);
    expect(report.totals.overflow_cost_impact_usd).toBeCloseTo(-0.00201, 10);
  });

  it("counts a throttle as a failure of the target for the circuit breaker", () => {
    const breaker = "circuit_breaker: { failure_threshold: 2, cooldown_seconds: 120, half_open_probes: 1 }\n";
    const dir = tempFiles({ "p.yaml": drillPolicy(breaker) });
    const report = route(["-t", BURST, "-P", join(dir, "p.yaml")]);
    // Consecutive failures: burst-3 (1), burst-4 ok resets, burst-5 (1), calm-1 ok resets, burst-8 (1),
    // burst-9 (2) = the threshold: the breaker opens at 10:05:04, once.
    expect(report.breaker.openings).toBe(1);
    expect(report.breaker.events[0]).toEqual({
      target: "bedrock-sonnet",
      state: "open",
      at: "2025-06-02T10:05:04.000Z",
    });
  });

  it("--explain shows the pool's minute when a request was throttled", () => {
    const result = runCli([
      "route",
      "--dry-run",
      "-t",
      BURST,
      "-P",
      DRILL,
      "--explain",
      "burst-5",
      "-f",
      "json",
    ]);
    const explain = JSON.parse(result.stdout).explain;
    // Before burst-5 the minute holds burst-1, -2 and -4: 3 requests, 2,000 + 2,000 + 700 = 4,700 quota tokens.
    expect(explain.quota).toEqual({
      pool: "bedrock/anthropic.claude-sonnet-4-6@global",
      target: "bedrock-sonnet",
      minute: "2025-06-02T10:00:00.000Z",
      limit: "rpm",
      used: { rpm: 3, tpm: 4700, itpm: 2200, otpm: 500 },
      request: { rpm: 1, tpm: 700, itpm: 200, otpm: 100 },
      limits: { rpm: 3, tpm: 5000 },
    });
    expect(explain.attempts).toEqual([
      { target: "bedrock-sonnet", outcome: "throttled" },
      { target: "anthropic-sonnet", outcome: "ok" },
    ]);
    const table = runCli(["route", "--dry-run", "-t", BURST, "-P", DRILL, "--explain", "burst-5"]);
    expect(table.stdout).toContain("Throttled on bedrock-sonnet");
    expect(table.stdout).toContain("which was throttled (over its quota)");
  });

  it("admits or throttles a pre-aggregated row whole", () => {
    const dir = tempFiles({
      "agg.csv": [
        "timestamp,provider,model,input_tokens,output_tokens,requests",
        // 4 requests at once: 4 > 3 rpm, the whole row is throttled (and served by the direct API).
        "2025-06-02T10:00:00Z,bedrock,anthropic.claude-sonnet-4-6,100,10,4",
        // 3 requests: 3 x (100 + 10 x 5) = 450 quota tokens, within both limits: admitted whole.
        "2025-06-02T10:00:30Z,bedrock,anthropic.claude-sonnet-4-6,100,10,3",
      ].join("\n"),
      "p.yaml": drillPolicy(),
    });
    const report = route(["-t", join(dir, "agg.csv"), "-P", join(dir, "p.yaml")]);
    expect(report.totals.throttled_requests).toBe(4);
    expect(report.targets[0]).toMatchObject({ requests: 3, throttled_requests: 4 });
    expect(report.targets[1]).toMatchObject({ requests: 4 });
  });

  it("leaves a policy without quotas untouched, and checks bundled figures with --quotas bundled", () => {
    const dir = tempFiles({
      "p.yaml": `version: 1
targets:
  bedrock-sonnet: { provider: bedrock, model: anthropic.claude-sonnet-4-6 }
  anthropic-sonnet: { provider: anthropic, model: claude-sonnet-4-6 }
default:
  route: { target: anthropic-sonnet }
`,
    });
    const plain = route(["-t", BURST, "-P", join(dir, "p.yaml")]);
    expect(plain.totals).not.toHaveProperty("throttled_requests");
    expect(plain).not.toHaveProperty("quota_pools");
    const bundled = route(["-t", BURST, "-P", join(dir, "p.yaml"), "--quotas", "bundled"]);
    // Anthropic tier 1, Sonnet 4.x: 50 rpm, 30,000 input and 8,000 output tokens a minute; the burst's
    // busiest minute (4,000 in, 800 out, 5 requests) fits. Bedrock: rpm not enforced, TPM unknown.
    expect(bundled.totals.throttled_requests).toBe(0);
    expect(bundled.quota_pools).toEqual([
      expect.objectContaining({ pool: "bedrock/anthropic.claude-sonnet-4-6@global", status: "not_checked" }),
      expect.objectContaining({
        pool: "anthropic/claude-sonnet-4-6",
        status: "enforced",
        rpm: 50,
        itpm: 30000,
        otpm: 8000,
      }),
    ]);
  });

  it("enforces the --diff policy's quotas in its own replay (a policy diffed with itself changes nothing)", () => {
    // Without its quotas the compared replay would serve all 11 on Bedrock: 4 requests would differ.
    const report = route(["-t", BURST, "-P", DRILL, "--diff", DRILL]);
    expect(report.totals.throttled_requests).toBe(4);
    expect(report.diff.changed_requests).toBe(0);
  });

  it("refuses two targets of one pool stating different quotas", () => {
    const dir = tempFiles({
      "p.yaml": `version: 1
targets:
  a: { provider: anthropic, model: claude-sonnet-4-6, quota: { rpm: 3 } }
  b: { provider: anthropic, model: claude-sonnet-4-6, quota: { rpm: 4 } }
default:
  route: { target: a }
`,
    });
    const result = runCli(["route", "--dry-run", "-t", BURST, "-P", join(dir, "p.yaml")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "share the quota pool anthropic/claude-sonnet-4-6 but state different quotas",
    );
  });
});
