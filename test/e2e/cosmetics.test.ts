// Issue 18, "Docs and cosmetics": words and numbers in the rendered reports that said something odd.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runInProcess, tempFiles } from "../cli.js";

const AS_OF = ["--as-of", "2025-06-08", "-q"];
/** One request without a timestamp: 1,000 input and 100 output tokens on gpt-4o. */
const ONE_REQUEST = "model,input_tokens,output_tokens\ngpt-4o,1000,100\n";

describe("projection wording", () => {
  it("two options that cost the same: neither is cheaper, not '(equal stays cheaper)'", async () => {
    const dir = tempFiles({
      "t.csv": ONE_REQUEST,
      "s.yaml":
        "version: 1\nname: two alike\noptions:\n  - id: one\n    kind: direct\n  - id: two\n    kind: direct\n",
    });
    const result = await runInProcess([
      "project",
      "-t",
      join(dir, "t.csv"),
      "-s",
      join(dir, "s.yaml"),
      ...AS_OF,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /│ one vs two │ +never │ neither \(same cost\) │ \(the same cost at every volume\) │/,
    );
    expect(result.stdout).not.toContain("equal");
  });

  it("one provisioned model unit is singular", async () => {
    const result = await runInProcess([
      "project",
      "-t",
      "fixtures/traffic/preaggregated-month.csv",
      "-s",
      "fixtures/scenarios/provisioned-titan.yaml",
      ...AS_OF,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("1 model unit of");
    expect(result.stdout).not.toMatch(/\b1 model units\b/);
  });

  it("a billed fraction of a GB is shown, not rounded to 0 GB beside its cost", async () => {
    const dir = tempFiles({ "t.csv": ONE_REQUEST });
    const result = await runInProcess(["project", "-t", join(dir, "t.csv"), ...AS_OF]);
    expect(result.code).toBe(0);
    // CloudWatch ingestion is 1 KB + 4 bytes a token: 1,000 + 4 x (1,000 + 100) = 5,400 bytes = 0.0000054 GB.
    expect(result.stdout).toMatch(/CloudWatch Logs ingestion.*│ +0\.0000054 GB │/);
    expect(result.stdout).not.toMatch(/│ +0 GB(-month)? │/);
  });

  it("traffic without timestamps has an unknown peak, not 'peak: 0 requests'", async () => {
    const dir = tempFiles({ "t.csv": ONE_REQUEST });
    const result = await runInProcess(["project", "-t", join(dir, "t.csv"), ...AS_OF]);
    expect(result.stdout).toContain("peak: unknown (the traffic has no timestamps)");
    expect(result.stdout).not.toContain("peak: 0 requests");
  });

  it("the wizard's projection is titled once", () => {
    const out = tempFiles({});
    const result = runCli([
      "wizard",
      "--answers",
      "fixtures/wizard/saas-assistant.answers.yaml",
      "--out-dir",
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "llmcost projection: 40,000 requests a day (chat 55%, summarize 30%, classify 15%) (wizard draft)",
    );
    expect(result.stdout).not.toContain("llmcost projection: llmcost wizard");
  });
});

describe("route wording", () => {
  it("a log without timestamps has an unknown window, not '? .. ?'", async () => {
    const dir = tempFiles({ "t.csv": ONE_REQUEST });
    const args = ["route", "--dry-run", "-t", join(dir, "t.csv"), "-P", "fixtures/policies/seed-hybrid.yaml"];
    const result = await runInProcess([...args, ...AS_OF]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/│ window +│ unknown \(the traffic has no timestamps\) │/);
    expect(result.stdout).not.toContain("?");
  });
});

describe("--help", () => {
  it("--max-age-days states its default once", () => {
    const help = runCli(["pricing", "list", "--help"]).stdout;
    expect(help.match(/365/g)).toHaveLength(1);
    expect(help).toMatch(/--max-age-days <n> +flag prices older than N days as stale \(default: 365\)/);
  });

  it("says the --output extension picks the format", () => {
    const help = runCli(["project", "--help"]).stdout.replace(/\s+/g, " ");
    expect(help).toContain(
      "report format (default: the --output file's extension, .json, .csv, .md, .html; else table",
    );
  });
});
