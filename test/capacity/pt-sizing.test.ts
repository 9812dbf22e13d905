// Provisioned-throughput sizing: units for the peak from separate input and output limits, AWS's worked
// example, utilization and overflow, through the binary and the pure function.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sizeProvisioned } from "../../src/cost/pt-sizing.js";
import { runCli, tempFiles } from "../cli.js";

const TRAFFIC = [
  "timestamp,provider,model,input_tokens,output_tokens",
  "2025-06-02T10:00:00Z,bedrock,amazon.titan-text-express-v1,10000,1000",
  "2025-06-02T10:00:20Z,bedrock,amazon.titan-text-express-v1,10000,1000",
  "2025-06-02T10:00:40Z,bedrock,amazon.titan-text-express-v1,10000,1000",
  "2025-06-02T10:01:00Z,bedrock,amazon.titan-text-express-v1,10000,1000",
].join("\n");

const SCENARIO = `version: 1
name: pt sizing
options:
  - id: bedrock
    kind: bedrock
  - id: bedrock-pt
    kind: bedrock-provisioned
    provisioned:
      model: amazon.titan-text-express-v1
      model_units: 1
      commitment: 1-month
      tokens_per_minute_per_unit: 400000
      unit_input_tpm: 20000
      unit_output_tpm: 2000
      hours_per_month: 744
`;

describe("provisioned-throughput sizing", () => {
  it("sizes units for the peak minute from separate input and output limits; matches AWS's 2 x $18.40 x 744 h", () => {
    const dir = tempFiles({ "t.csv": TRAFFIC, "s.yaml": SCENARIO });
    const result = runCli(["project", "-t", join(dir, "t.csv"), "-s", join(dir, "s.yaml"), "-f", "json"]);
    expect(result.code, result.stderr).toBe(0);
    const option = JSON.parse(result.stdout).options.find((o: { id: string }) => o.id === "bedrock-pt");
    // Peak minute 10:00: 3 x 10,000 = 30,000 input, 3 x 1,000 = 3,000 output tokens.
    // Units: max(ceil(30,000 / 20,000), ceil(3,000 / 2,000)) = max(2, 2) = 2.
    // Cost: 2 units x $18.40 (Titan Text Express, 1-month) x 744 h = $27,379.20 (AWS's worked example).
    // Window 10:00:00 to 10:01:00 = 1 minute: the month is 30.4375 x 1,440 = 43,830 times the window.
    // Utilization: 40,000 input tokens x 43,830 / (2 x 20,000 x 744 h x 60) = 43,830 / 44,640 = 0.98185...;
    // output: 4,000 x 43,830 / (2 x 2,000 x 44,640) = the same.
    // On demand: (40,000 x 43,830 x $0.20 + 4,000 x 43,830 x $0.60) / 1M = 350.64 + 105.192 = $455.832.
    expect(option.provisioned_sizing).toEqual({
      model: "amazon.titan-text-express-v1",
      sized: true,
      model_units: 2,
      sized_for_input_tpm: 30000,
      sized_for_output_tpm: 3000,
      utilization_input: expect.closeTo(43830 / 44640, 10),
      utilization_output: expect.closeTo(43830 / 44640, 10),
      hours_per_month: 744,
      provisioned_monthly_usd: 27379.2,
      overflow_monthly_usd: 0,
      total_monthly_usd: 27379.2,
      on_demand_monthly_usd: 455.832,
    });
  });

  it("says a unit's limits are unknown rather than guessing them", () => {
    const dir = tempFiles({
      "t.csv": TRAFFIC,
      "s.yaml": SCENARIO.replace("      unit_input_tpm: 20000\n      unit_output_tpm: 2000\n", ""),
    });
    const result = runCli(["project", "-t", join(dir, "t.csv"), "-s", join(dir, "s.yaml"), "-f", "json"]);
    const option = JSON.parse(result.stdout).options.find((o: { id: string }) => o.id === "bedrock-pt");
    expect(option.provisioned_sizing).toMatchObject({ sized: false });
    expect(option.provisioned_sizing.reason).toContain("unit_input_tpm");
  });

  it("sizes for the 99th percentile and sends the peak's overflow on demand", () => {
    // 99 minutes of (100 in, 10 out) and one of (1,000 in, 10 out). Nearest-rank p99 of 100 minutes is the
    // 99th smallest: 100 input, 10 output. Units: max(ceil(100 / 100), ceil(10 / 10)) = 1.
    // Overflow: the peak minute's 1,000 - 100 = 900 input tokens, x 1 (monthScale) at $1 / 1M = $0.0009.
    const minutes = [
      ...Array.from({ length: 99 }, () => ({ input: 100, output: 10 })),
      { input: 1000, output: 10 },
    ];
    const sizing = sizeProvisioned({
      minutes,
      unitInputTpm: 100,
      unitOutputTpm: 10,
      percentile: 0.99,
      hourlyUsd: 10,
      hoursPerMonth: 730.5,
      monthScale: 1,
      onDemand: { input: 1, output: 2 },
    });
    expect(sizing).toMatchObject({ sized: true, units: 1, sizedFor: { input: 100, output: 10 } });
    if (!sizing.sized) throw new Error("not sized");
    expect(sizing.overflowMonthlyUsd).toBeCloseTo(0.0009, 12);
    // 1 unit x $10 x 730.5 h = $7,305.
    expect(sizing.provisionedMonthlyUsd).toBe(7305);
    // Output: 100 minutes x 10 = 1,000 tokens over 1 x 10 x 730.5 x 60 = 438,300 token-minutes.
    expect(sizing.utilization.output).toBeCloseTo(1000 / 438_300, 12);
  });
});
