// Output safety, in-process (test/e2e/error-classes.test.ts runs the output-path error through the binary): cells from logs cannot run as spreadsheet formulas or break
// markdown, diagnostics never reach a JSON stdout, and a bad --output path fails before the run.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { expectLocatedError, runInProcess, tempFiles } from "../cli.js";

const POLICY = "fixtures/policies/seed-hybrid.yaml";
const WEEK = "fixtures/traffic/saas-assistant-week.csv";

// Request ids, a model, a use case and a metadata column crafted as formulas and markdown.
const HOSTILE_TRAFFIC = `timestamp,request_id,provider,model,use_case,input_tokens,output_tokens,tenant
2025-06-02T00:00:00Z,"=HYPERLINK(""http://x"",""y"")",openai,gpt-4o,-chat|x,1000,100,@evil
2025-06-02T00:01:00Z,+r2,openai,=1+2|*bold*<b>,chat,1000,100,acme
2025-06-02T00:02:00Z,@r3,anthropic,claude-sonnet-4-5,=cmd|' /C calc'!A0,1000,100,-2+3
`;

// A model priced by a user file whose name and provider look like formulas.
const HOSTILE_PRICING = `version: 1
models:
  - provider: acme
    model: "=evil()"
    input: 1
    output: 2
    source: "@source"
    as_of: 2026-01-01
`;

const NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/;

/** Every cell of a CSV: none may begin with = + - @ unless it is a plain number. */
function expectFormulaSafe(csv: string): void {
  // Rows may differ in length (a trace mixes record kinds); papaparse does not mind.
  const { data: rows, errors } = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  expect(errors).toEqual([]);
  expect(rows.length).toBeGreaterThan(1);
  for (const cell of rows.flat()) {
    if (/^[=+\-@]/.test(cell) && !NUMBER.test(cell)) throw new Error(`formula-like CSV cell: ${cell}`);
  }
}

describe("CSV output escapes cells a spreadsheet would run", () => {
  const dir = tempFiles({ "t.csv": HOSTILE_TRAFFIC, "p.yaml": HOSTILE_PRICING });
  const traffic = join(dir, "t.csv");

  it("route --decisions CSV: request ids, models and use cases from the logs", async () => {
    const decisions = join(dir, "decisions.csv");
    const result = await runInProcess([
      "route",
      "--dry-run",
      "-t",
      traffic,
      "-P",
      POLICY,
      "--decisions",
      decisions,
      "-q",
    ]);
    expect(result.code).toBe(0);
    const text = readFileSync(decisions, "utf8");
    expectFormulaSafe(text);
    // The escaped value keeps the text: a leading apostrophe, then the original.
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).toContain("'+r2,");
  });

  it("route --format csv and the --explain trace as CSV", async () => {
    const summary = await runInProcess([
      "route",
      "--dry-run",
      "-t",
      traffic,
      "-P",
      POLICY,
      "-f",
      "csv",
      "-q",
    ]);
    expect(summary.code).toBe(0);
    expectFormulaSafe(summary.stdout);
    const trace = await runInProcess([
      "route",
      "--dry-run",
      "-t",
      traffic,
      "-P",
      POLICY,
      "-f",
      "csv",
      "--explain",
      "@r3",
      "-q",
    ]);
    expect(trace.code).toBe(0);
    expectFormulaSafe(trace.stdout);
    expect(trace.stdout).toContain("'=cmd|' /C calc'!A0");
    expect(trace.stdout).toContain("'-2+3");
  });

  it("project --format csv, with traffic on a priced model named like a formula", async () => {
    const withPriced = join(
      tempFiles({ "t.csv": `${HOSTILE_TRAFFIC}2025-06-02T00:03:00Z,r4,acme,=evil(),chat,10,1,x\n` }),
      "t.csv",
    );
    const result = await runInProcess([
      "project",
      "-t",
      withPriced,
      "-p",
      join(dir, "p.yaml"),
      "-f",
      "csv",
      "-q",
    ]);
    expect(result.code).toBe(0);
    expectFormulaSafe(result.stdout);
    expect(result.stdout).toContain("direct,tokens,'=evil(),acme,");
  });

  it("pricing list and show --format csv, with a user model named like a formula", async () => {
    const list = await runInProcess(["pricing", "list", "-p", join(dir, "p.yaml"), "-f", "csv"]);
    expect(list.code).toBe(0);
    expectFormulaSafe(list.stdout);
    expect(list.stdout).toContain("'=evil()");
    const show = await runInProcess(["pricing", "show", "=evil()", "-p", join(dir, "p.yaml"), "-f", "csv"]);
    expect(show.code).toBe(0);
    expectFormulaSafe(show.stdout);
  });
});

describe("markdown escapes names taken from logs", () => {
  const dir = tempFiles({ "t.csv": HOSTILE_TRAFFIC });
  const traffic = join(dir, "t.csv");

  it.each([
    ["project", ["project", "-t", traffic, "-f", "markdown", "-q"]],
    ["route", ["route", "--dry-run", "-t", traffic, "-P", POLICY, "-f", "markdown", "-q"]],
    [
      "route --explain",
      ["route", "--dry-run", "-t", traffic, "-P", POLICY, "-f", "markdown", "-q", "--explain", "+r2"],
    ],
  ])("%s", async (_, args) => {
    const result = await runInProcess(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("=1+2\\|\\*bold\\*\\<b\\>");
    expect(result.stdout).not.toContain("<b>");
    expect(result.stdout).not.toContain("*bold*");
  });
});

describe("diagnostics go to stderr; a JSON stdout stays JSON", () => {
  it("route with warnings (an unpriced logged model, compliance violations)", async () => {
    const dir = tempFiles({ "t.csv": HOSTILE_TRAFFIC });
    const result = await runInProcess([
      "route",
      "--dry-run",
      "-t",
      join(dir, "t.csv"),
      "-P",
      POLICY,
      "-f",
      "json",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning: logged model openai/=1+2|*bold*<b> has no price");
    expect(JSON.parse(result.stdout).command).toBe("route");
  });

  it("pricing list with --verbose notices about skipped LiteLLM entries", async () => {
    const result = await runInProcess([
      "pricing",
      "list",
      "-p",
      "test/fixtures/bad/litellm-no-prices.json",
      "-f",
      "json",
      "--verbose",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("skipped 1 entries without token prices");
    expect(JSON.parse(result.stdout).schema_version).toBe(2);
  });
});

describe("--output and --decisions: checked before the run, never half-written", () => {
  it.each([
    ["project", "--output", ["project", "-t", WEEK, "-o"]],
    ["route", "--output", ["route", "--dry-run", "-t", WEEK, "-P", POLICY, "-o"]],
    ["route", "--decisions", ["route", "--dry-run", "-t", WEEK, "-P", POLICY, "--decisions"]],
  ])("%s %s into a folder that does not exist", async (_, flag, args) => {
    const dir = tempFiles({});
    const file = join(dir, "missing", "out.csv");
    expectLocatedError(
      await runInProcess([...args, file]),
      { file },
      new RegExp(
        `cannot be written \\(${flag}\\): expected an existing folder ".*missing", found nothing there$`,
      ),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("--output naming a folder", async () => {
    const dir = tempFiles({});
    expectLocatedError(
      await runInProcess(["project", "-t", WEEK, "-o", dir]),
      { file: dir },
      /is a folder; expected a file name for --output$/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("an existing report is left as it was when the run fails", async () => {
    const dir = tempFiles({ "report.json": "previous\n" });
    const result = await runInProcess([
      "project",
      "-t",
      "test/fixtures/bad/tokens-negative.csv",
      "-o",
      join(dir, "report.json"),
    ]);
    expect(result.code).toBe(2);
    expect(readFileSync(join(dir, "report.json"), "utf8")).toBe("previous\n");
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });

  it("a successful run replaces the report whole and leaves no temporary file", async () => {
    const dir = tempFiles({ "report.json": "previous\n" });
    const result = await runInProcess([
      "project",
      "-t",
      WEEK,
      "-f",
      "json",
      "-o",
      join(dir, "report.json"),
      "-q",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(JSON.parse(readFileSync(join(dir, "report.json"), "utf8")).schema_version).toBe(2);
    expect(readdirSync(dir)).toEqual(["report.json"]);
    expect(existsSync(join(dir, ".report.json.tmp"))).toBe(false);
  });
});
