// The capacity section of `project`, through the binary, on the burst fixture and the quota-drill scenario.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempFiles } from "../cli.js";

const BURST = "fixtures/traffic/burst-minute.csv";
const DRILL = "fixtures/scenarios/quota-drill.yaml";

interface CapacityRow {
  pool: string;
  model: string;
  peak_rpm: number | null;
  peak_quota_tpm: number | null;
  p99_rpm: number | null;
  quota_rpm: number | "none" | null;
  quota_tpm: number | "none" | null;
  fits: boolean | null;
  increase_needed: { rpm: number | null; tpm: number | null; itpm: number | null; otpm: number | null };
  limits: Record<"rpm" | "tpm" | "itpm" | "otpm", { peak: number | null; quota: number | "none" | null }>;
}

function capacity(args: string[]): Record<string, CapacityRow[]> {
  const result = runCli(["project", ...args, "-f", "json"]);
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout) as { options: { id: string; capacity: CapacityRow[] }[] };
  return Object.fromEntries(report.options.map((o) => [o.id, o.capacity]));
}

describe("project capacity on the burst fixture", () => {
  it("finds the busiest minute per pool and says the small Bedrock quota does not fit", () => {
    const rows = capacity(["-t", BURST, "-s", DRILL]);
    const [bedrock] = rows.bedrock ?? [];
    // 10:00 has 5 requests: 3 x (1,000 in, 200 out) and 2 x (200 in, 100 out).
    // 10:05 has 4 requests of (1,000 in, 200 out). The drill scenario states output_burndown 5 (AWS burns Claude 4 output 5x):
    //   10:00 quota tokens = 3 x (1,000 + 200 x 5) + 2 x (200 + 100 x 5) = 6,000 + 1,400 = 7,400
    //   10:05 quota tokens = 4 x (1,000 + 200 x 5) = 8,000  <- the peak
    // Quota 3 rpm / 5,000 tpm: increase +2 rpm (5 - 3) and +3,000 tpm (8,000 - 5,000).
    expect(bedrock).toMatchObject({
      pool: "bedrock/anthropic.claude-sonnet-4-6@global",
      peak_rpm: 5,
      peak_quota_tpm: 8000,
      quota_rpm: 3,
      quota_tpm: 5000,
      fits: false,
      increase_needed: { rpm: 2, tpm: 3000 },
    });
    // Minutes with traffic: 10:00 (5), 10:01 (2), 10:05 (4); nearest-rank p99 of 3 values is the largest.
    expect(bedrock?.p99_rpm).toBe(5);
  });

  it("checks the direct API on Anthropic's separate input and output limits (tier 1: 50 rpm, 30k in, 8k out)", () => {
    const [direct] = capacity(["-t", BURST, "-s", DRILL]).direct ?? [];
    // Busiest input minute: 10:05, 4 x 1,000 = 4,000 (10:00: 3,000 + 400 = 3,400); output: 4 x 200 = 800.
    expect(direct).toMatchObject({
      model: "claude-sonnet-4-6",
      peak_rpm: 5,
      quota_rpm: 50,
      fits: true,
      increase_needed: { rpm: 0, itpm: 0, otpm: 0 },
    });
    expect(direct?.limits.itpm).toEqual(expect.objectContaining({ peak: 4000, quota: 30000 }));
    expect(direct?.limits.otpm).toEqual(expect.objectContaining({ peak: 800, quota: 8000 }));
  });

  it("reports fits: null, never unlimited, when the Bedrock TPM quota is unknown (bundled default scenario)", () => {
    const [bedrock] = capacity(["-t", BURST]).bedrock ?? [];
    expect(bedrock?.quota_tpm).toBeNull();
    // AWS no longer enforces RPM on bedrock-runtime: "none", not unknown.
    expect(bedrock?.quota_rpm).toBe("none");
    expect(bedrock?.fits).toBeNull();
    expect(bedrock?.increase_needed.tpm).toBeNull();
  });

  it("scales observed peaks only with --monthly-requests, by N / (observed x 30.4375 / window days)", () => {
    // Window 10:00:05 to 10:05:04 = 299 s = 299 / 86,400 days; 11 observed requests.
    // Natural month = 11 x 30.4375 x 86,400 / 299 = 28,928,000 / 299 = 96,749.16; N = 193,498 is x 1.99999.
    // Peaks x 1.99999: 5 rpm -> 9.99999 (10); 8,000 quota tokens -> 15,999.9 (16,000).
    const [bedrock] = capacity(["-t", BURST, "-s", DRILL, "-n", "193498"]).bedrock ?? [];
    expect(bedrock?.peak_rpm).toBe(10);
    expect(bedrock?.peak_quota_tpm).toBe(16000);
  });

  const aggregated = () =>
    tempFiles({
      "agg.csv": [
        "timestamp,bucket_end,provider,model,input_tokens,output_tokens,requests",
        "2025-06-01T00:00:00Z,2025-06-02T00:00:00Z,anthropic,claude-sonnet-4-6,1000,200,14400",
      ].join("\n"),
      "s.yaml":
        "version: 1\nname: agg\noptions:\n  - id: direct\n    kind: direct\ncapacity:\n  peak_factor: 3\n",
      "plain.yaml": "version: 1\nname: agg\noptions:\n  - id: direct\n    kind: direct\n",
    });

  it("says pre-aggregated traffic has no per-minute shape: peaks unknown without a peak factor", () => {
    const dir = aggregated();
    const unknown = runCli([
      "project",
      "-t",
      join(dir, "agg.csv"),
      "-s",
      join(dir, "plain.yaml"),
      "-f",
      "json",
    ]);
    const [row] =
      (JSON.parse(unknown.stdout) as { options: { capacity: CapacityRow[] }[] }).options[0]?.capacity ?? [];
    expect(row?.peak_rpm).toBeNull();
    expect(row?.fits).toBeNull();
    expect(unknown.stdout).toContain("no per-minute shape");
  });

  it("sizes pre-aggregated traffic with a stated peak factor", () => {
    const dir = aggregated();
    // 14,400 requests over one day = 10 a minute on average; x 3 = 30 rpm (within tier 1's 50).
    // Input 14,400 x 1,000 / 1,440 = 10,000 a minute x 3 = 30,000 (tier 1 ITPM 30,000: fits, no headroom).
    const [sized] = capacity(["-t", join(dir, "agg.csv"), "-s", join(dir, "s.yaml")]).direct ?? [];
    expect(sized).toMatchObject({ peak_rpm: 30, fits: true });
    expect(sized?.limits.itpm.peak).toBe(30000);
  });

  it("prints a capacity section per option in the table, naming the increase needed", () => {
    const table = runCli(["project", "-t", BURST, "-s", DRILL]);
    expect(table.stdout).toContain("Capacity: bedrock (busiest minute, peak/quota)");
    expect(table.stdout).toContain("does not fit; it needs +2 rpm, +3,000 tpm");
    const tableLines = table.stdout.split("\n").filter((line) => /^[│┌└├]/.test(line));
    for (const line of tableLines) expect(line.length).toBeLessThanOrEqual(120);
  });
});
