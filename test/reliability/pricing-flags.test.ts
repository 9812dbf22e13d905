// Bad prices and unknown models, and bad flags, through the real binary. A model without a price is never
// costed at $0: it is named on stderr with its share, the totals are marked incomplete, and --strict exits 2.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanError, expectLocatedError, runInProcess, tempFiles } from "../cli.js";

const BAD = "test/fixtures/bad";
const PRICING_FIXTURES = "test/fixtures/pricing";
const WEEK = "fixtures/traffic/saas-assistant-week.csv";
const POLICY = "fixtures/policies/seed-hybrid.yaml";

// Four requests, one of them (25%) on a model no catalog knows.
const UNKNOWN_MODEL_TRAFFIC = `timestamp,model,input_tokens,output_tokens
2025-06-02T00:00:00Z,gpt-4o,1000,100
2025-06-02T00:01:00Z,gpt-4o,1000,100
2025-06-02T00:02:00Z,mystery-llm-9,1000,100
2025-06-02T00:03:00Z,gpt-4o,1000,100
`;

describe("pricing files", () => {
  it("LiteLLM: a string price is an error at its line", async () => {
    const file = `${PRICING_FIXTURES}/litellm-string-price.json`;
    expectLocatedError(
      await runInProcess(["project", "-t", WEEK, "-p", file]),
      { file, line: 16, field: "bad-model.output_cost_per_token" },
      /model "bad-model": expected a number, found string "0.000002"$/,
    );
  });

  it("LiteLLM: a negative price is an error at its line", async () => {
    const file = `${PRICING_FIXTURES}/litellm-negative-price.json`;
    expectLocatedError(
      await runInProcess(["pricing", "list", "-p", file]),
      { file, line: 7, field: "bad-model.cache_read_input_token_cost" },
      /expected a price >= 0, found -3e-7$/,
    );
  });

  it("LiteLLM: broken JSON names the line", async () => {
    const file = `${PRICING_FIXTURES}/litellm-broken.json`;
    expectLocatedError(
      await runInProcess(["pricing", "list", "-p", file]),
      { file, line: 5 },
      /invalid JSON: /,
    );
  });

  it("LiteLLM: an entry missing a price is skipped, so traffic on it is unpriced, never $0", async () => {
    const dir = tempFiles({ "t.csv": UNKNOWN_MODEL_TRAFFIC.replace("mystery-llm-9", "gpt-half") });
    const pricing = `${BAD}/litellm-missing-price.json`;
    const result = await runInProcess([
      "project",
      "-t",
      join(dir, "t.csv"),
      "-p",
      pricing,
      "-f",
      "json",
      "--verbose",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${pricing}: imported 0 models; skipped 1 entries without token prices`);
    expect(result.stderr).toMatch(/warning: gpt-half: no price for model "gpt-half"; 25\.0% of requests/);
    const report = JSON.parse(result.stdout);
    expect(report.complete).toBe(false);
    expect(report.unpriced.map((u: { model: string }) => u.model)).toEqual(["gpt-half"]);
  });
});

describe("unknown models", () => {
  const dir = tempFiles({ "t.csv": UNKNOWN_MODEL_TRAFFIC });
  const traffic = join(dir, "t.csv");

  it("a warning names the model and its share; JSON stdout stays JSON; totals are marked incomplete", async () => {
    const result = await runInProcess(["project", "-t", traffic, "-f", "json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'warning: mystery-llm-9: no price for model "mystery-llm-9"; 25.0% of requests are not in the totals of direct, direct-batch, bedrock, bedrock-batch\n',
    );
    const report = JSON.parse(result.stdout);
    expect(report.complete).toBe(false);
    // 75% priced is below 95%: the verdict says it is incomplete.
    expect(report.verdict.incomplete).toBe(true);
    expect(report.unpriced).toEqual([
      expect.objectContaining({ model: "mystery-llm-9", share_of_requests: 0.25, share_of_tokens: 0.25 }),
    ]);
    for (const option of report.options) expect(option.complete).toBe(false);
  });

  it("--quiet drops the warning but not the incomplete mark", async () => {
    const result = await runInProcess(["project", "-t", traffic, "-f", "json", "--quiet"]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).complete).toBe(false);
  });

  it("--strict exits 2 naming the model", async () => {
    const result = await runInProcess(["project", "-t", traffic, "--strict", "-o", join(dir, "r.json")]);
    expectLocatedError(
      result,
      { file: traffic, field: "model" },
      /--strict: traffic without a price: "mystery-llm-9"/,
    );
  });
});

describe("flags: exit 2 with the valid choices", () => {
  const usage = async (args: string[], message: RegExp) => {
    const result = await runInProcess(args);
    expectCleanError(result);
    expect(result.stderr).toMatch(message);
  };

  it("an unknown flag", async () => {
    await usage(["project", "-t", WEEK, "--bogus"], /^error: unknown option '--bogus'\n/);
  });

  it("a typo of a flag suggests the real one", async () => {
    await usage(
      ["project", "-t", WEEK, "--scenaro", "x.yaml"],
      /unknown option '--scenaro'\n\(Did you mean --scenario\?\)/,
    );
  });

  it("an unknown command", async () => {
    await usage(["projct"], /^error: unknown command 'projct'\n\(Did you mean project\?\)/);
  });

  it.each([
    [["project", "-t", WEEK], "table, json, csv, markdown, html"],
    [["route", "--dry-run", "-t", WEEK, "-P", POLICY], "table, json, csv, markdown, html"],
    [["pricing", "list"], "table, json, csv, markdown"],
  ])("--format xml on %s lists the formats", async (args, formats) => {
    await usage(
      [...args, "--format", "xml"],
      new RegExp(
        `error: option '-f, --format <format>' argument 'xml' is invalid\\. Allowed choices are ${formats}\\.`,
      ),
    );
  });

  it("--fail-on with an unknown finding lists the findings", async () => {
    await usage(
      ["route", "--dry-run", "-t", WEEK, "-P", POLICY, "--fail-on", "money"],
      /argument 'money' is invalid\. Allowed choices are compliance\./,
    );
  });

  it("--monthly-requests must be a positive whole number", async () => {
    await usage(
      ["project", "-t", WEEK, "-n", "1.5"],
      /--monthly-requests expects a positive whole number, got "1.5"/,
    );
  });

  it("route without --dry-run (llmcost never routes live traffic)", async () => {
    await usage(["route", "-t", WEEK, "-P", POLICY], /^llmcost: route needs --dry-run: /);
  });

  it("--explain and --diff conflict (a trace is about one policy)", async () => {
    await usage(
      ["route", "--dry-run", "-t", WEEK, "-P", POLICY, "--explain", "req-7-1", "--diff", POLICY],
      /^error: option '--explain <request-id>' cannot be used with option '--diff <policy>'\n/,
    );
  });

  it.each([
    ["project", "-t", WEEK],
    ["pricing", "list"],
  ])("--quiet and --verbose conflict on %s", async (...args) => {
    await usage(
      [...args, "--quiet", "--verbose"],
      /^error: option '-q, --quiet' cannot be used with option '--verbose'\n/,
    );
  });

  it("a missing required flag", async () => {
    await usage(["project"], /^error: required option '-t, --traffic <path>' not specified\n/);
  });
});
