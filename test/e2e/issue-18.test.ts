// Issue 18 (messages that mislead, bad input accepted silently, raw control characters), through the CLI:
// the real binary where commander prints (it writes its own errors), in-process elsewhere. The traffic
// corpus cases are in test/reliability/traffic-bad.test.ts, the YAML ones in test/reliability/yaml-bad.test.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanError, expectLocatedError, runCli, runInProcess, tempFiles } from "../cli.js";

const WEEK = "fixtures/traffic/saas-assistant-week.csv";
const POLICY = "fixtures/policies/seed-hybrid.yaml";
const ESC = "\u001b";

describe("a misspelt flag is named before a required one is missed", () => {
  it("project --trafic: unknown option, with commander's suggestion", () => {
    const result = runCli(["project", "--trafic", WEEK]);
    expectCleanError(result);
    expect(result.stderr.split("\n").slice(0, 2)).toEqual([
      "error: unknown option '--trafic'",
      "(Did you mean --traffic?)",
    ]);
  });

  it("project --fromat without --traffic: the typo first, too", () => {
    const result = runCli(["project", "--fromat", "json"]);
    expectCleanError(result);
    expect(result.stderr.split("\n").slice(0, 2)).toEqual([
      "error: unknown option '--fromat'",
      "(Did you mean --format?)",
    ]);
  });

  it("a required option that is really missing is still reported", () => {
    const result = runCli(["route", "--dry-run", "-t", WEEK]);
    expectCleanError(result);
    expect(result.stderr.split("\n")[0]).toBe("error: required option '-P, --policy <file>' not specified");
  });

  it("an unknown option with control characters is shown, not sent", () => {
    const result = runCli(["project", `--x${ESC}[2J`, "-t", WEEK]);
    expectCleanError(result);
    expect(result.stderr).not.toContain(ESC);
    expect(result.stderr.split("\n")[0]).toBe("error: unknown option '--x\\x1b[2J'");
  });
});

describe("empty and non-decimal flag values are refused", () => {
  it.each([
    [["project", "-t", WEEK, "-o", ""], "--output expects a file name, got an empty string"],
    [["project", "-t", WEEK, "-s", ""], "--scenario expects a file name, got an empty string"],
    [
      ["route", "--dry-run", "-t", WEEK, "-P", POLICY, "--decisions", ""],
      "--decisions expects a file name, got an empty string",
    ],
    [["project", "-t", WEEK, "-n", "0x10"], '--monthly-requests expects a positive whole number, got "0x10"'],
    [
      ["route", "--dry-run", "-t", WEEK, "-P", POLICY, "--seed", "0x10"],
      '--seed expects a whole number from 0 to 4294967295, got "0x10"',
    ],
  ])("%j", async (args, message) => {
    const result = await runInProcess(args);
    expectCleanError(result);
    expect(result.stderr).toContain(message);
  });

  it("-o naming a folder that does not exist yet (a trailing slash) is refused, and nothing is written", async () => {
    const dir = tempFiles({});
    const result = await runInProcess(["project", "-t", WEEK, "-o", join(dir, "reports/")]);
    expectLocatedError(
      result,
      { file: join(dir, "reports/") },
      /names a directory \(it ends in "\/"\); expected a file name for --output$/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("inputs that were misread", () => {
  it("a CRLF header over LF rows reads as the same traffic", async () => {
    const rows = "2025-06-02T00:00:00Z,gpt-4o,100,10\n2025-06-02T01:00:00Z,gpt-4o,200,20\n";
    const dir = tempFiles({
      "mixed.csv": `timestamp,model,input_tokens,output_tokens\r\n${rows}`,
      "lf.csv": `timestamp,model,input_tokens,output_tokens\n${rows}`,
      "crlf.csv": `timestamp,model,input_tokens,output_tokens\r\n${rows.replaceAll("\n", "\r\n")}`,
    });
    const read = async (name: string) => {
      const result = await runInProcess(["project", "-t", join(dir, name), "-f", "json", "-q"]);
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout);
      return { window: report.window, traffic_file: undefined, options: report.options };
    };
    const lf = await read("lf.csv");
    // 2 requests, 300 input and 30 output tokens observed, in every line-ending style.
    expect(await read("mixed.csv")).toEqual(lf);
    expect(await read("crlf.csv")).toEqual(lf);
  });

  it.each([
    [
      ["project", "-t", WEEK, "-s", POLICY],
      POLICY,
      'this looks like a routing policy (top-level key "targets"), not a scenario; pass it to `llmcost route` with --policy',
    ],
    [
      ["project", "-t", WEEK, "-s", WEEK],
      WEEK,
      "this looks like a traffic CSV, not a scenario; pass it with --traffic",
    ],
    [
      ["route", "--dry-run", "-t", WEEK, "-P", "fixtures/scenarios/default.yaml"],
      "fixtures/scenarios/default.yaml",
      'this looks like a scenario (top-level key "options"), not a routing policy; pass it with --scenario',
    ],
    [
      ["route", "--dry-run", "-t", WEEK, "-P", "fixtures/pricing/custom-models.yaml"],
      "fixtures/pricing/custom-models.yaml",
      'this looks like a pricing file (top-level key "models"), not a routing policy; pass it with --pricing',
    ],
  ])("a file of the wrong kind is named as such: %j", async (args, file, message) => {
    const result = await runInProcess(args);
    expectCleanError(result);
    expect(result.stderr).toBe(`llmcost: ${file}: ${message}\n`);
  });

  it("a LiteLLM file with a null entry names the entry, not `version`", async () => {
    const dir = tempFiles({ "prices.json": '{"m1": null}' });
    const result = await runInProcess(["project", "-t", WEEK, "-p", join(dir, "prices.json")]);
    expectLocatedError(
      result,
      { file: join(dir, "prices.json"), line: 1, field: "m1" },
      /model "m1": expected an object of prices, found null$/,
    );
  });

  it("JSON with a // comment: JSON allows no comments, at the comment's line", async () => {
    const dir = tempFiles({
      "prices.json": '{\n  // from the vendor page\n  "m1": {"input_cost_per_token": 1e-6}\n}\n',
      "s.json": '{\n  "version": 1, // trailing\n  "options": []\n}\n',
    });
    const pricing = await runInProcess(["project", "-t", WEEK, "-p", join(dir, "prices.json")]);
    expectLocatedError(
      pricing,
      { file: join(dir, "prices.json"), line: 2 },
      /invalid JSON: JSON allows no comments, found "\/\/"; remove the comment/,
    );
    const scenario = await runInProcess(["project", "-t", WEEK, "-s", join(dir, "s.json")]);
    expectLocatedError(scenario, { file: join(dir, "s.json"), line: 2 }, /JSON allows no comments/);
  });

  it("YAML merge keys are supported", async () => {
    const dir = tempFiles({
      "p.yaml": `version: 1
targets:
  a: &base
    provider: openai
    model: gpt-4o
  b:
    <<: *base
    performance: 0.8
default:
  route: { target: b }
`,
    });
    const result = await runInProcess(["validate", join(dir, "p.yaml")]);
    expect(result.stdout).toBe(
      `ok       ${join(dir, "p.yaml")} (policy: 2 targets, 0 rules)\n1 file checked, 0 with problems\n`,
    );
    expect(result.code).toBe(0);
  });

  it("a price dated in the future is not a negative age", async () => {
    const dir = tempFiles({
      "p.yaml":
        "version: 1\nmodels:\n  - provider: openai\n    model: m9\n    input: 1\n    output: 2\n    as_of: 2099-01-01\n    source: test\n",
    });
    const result = await runInProcess(["pricing", "show", "openai/m9", "-p", join(dir, "p.yaml")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/as of 2099-01-01 \(\d+ days in the future; check the date\)/);
    expect(result.stdout).not.toMatch(/-\d+ days old/);
  });
});

describe("silently accepted no more", () => {
  it("a batchable use case the traffic lacks is a warning at its scenario line, with a suggestion", async () => {
    const scenario = readFileSync("fixtures/scenarios/default.yaml", "utf8").replace(
      "batchable_use_cases: [summarize]",
      "batchable_use_cases: [sumarize]",
    );
    const dir = tempFiles({ "s.yaml": scenario });
    const line = scenario.split("\n").findIndex((l) => l.startsWith("batchable_use_cases")) + 1;
    const result = await runInProcess(["project", "-t", WEEK, "-s", join(dir, "s.yaml"), "-f", "json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `warning: ${join(dir, "s.yaml")}:${line}, field "batchable_use_cases[0]": use case "sumarize" is not in the traffic (did you mean "summarize"?), so nothing is priced at batch rates for it (the traffic's use cases: chat, classification, rag_qa, summarize)\n`,
    );
  });

  describe("--explain", () => {
    const TRAFFIC = `timestamp,request_id,model,input_tokens,output_tokens,requires_compliance
2025-06-02T00:00:00Z,a,gpt-4o,1,1,true
2025-06-02T00:00:01Z,a,gpt-4o,2,1,true
2025-06-02T00:00:02Z,,gpt-4o,3,1,false
`;
    // Compliance not enforced: the two requests that require it land on a target without the label.
    const UNENFORCED = `version: 1
compliance:
  label: hipaa
  enforce: false
targets:
  a:
    provider: openai
    model: gpt-4o
default:
  route: { target: a }
`;
    const dir = tempFiles({ "t.csv": TRAFFIC, "p.yaml": UNENFORCED });
    const route = (...more: string[]) =>
      runInProcess(["route", "--dry-run", "-t", join(dir, "t.csv"), "-P", join(dir, "p.yaml"), ...more]);

    it("keeps --fail-on compliance: exit 1 when the replay has violations", async () => {
      const result = await route("--explain", "row-3", "--fail-on", "compliance");
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("Request row-3 (row 3,");
      expect(result.stderr).toContain(
        "warning: 2 compliance-required requests were routed to targets without the label",
      );
    });

    it("says how many rows share the id, and shows the first", async () => {
      const result = await route("--explain", "a");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Request a (row 1,");
      expect(result.stderr).toContain(
        'warning: 2 rows have request id "a"; the trace shows the first (row 1)\n',
      );
    });

    it("takes the row-N id the reports show for a row without one, and only for such a row", async () => {
      expect((await route("--explain", "row-3")).code).toBe(0);
      const taken = await route("--explain", "row-1");
      expectLocatedError(
        taken,
        { file: join(dir, "t.csv"), field: "request_id" },
        /no request with id "row-1" in the traffic \(a row without a request id is row-<n>, its row number\)$/,
      );
    });
  });
});

describe("control characters never reach the terminal", () => {
  // A model name with ESC [2J (clear screen) and a line break, from a quoted cell.
  const EVIL = `evil${ESC}[2J\nmodel`;
  const dir = tempFiles({
    "t.csv": `timestamp,request_id,model,input_tokens,output_tokens\n2025-06-02T00:00:00Z,"id${ESC}]0;x\u0007","${EVIL}",1,1\n`,
    "p.yaml":
      "version: 1\ntargets:\n  a:\n    provider: openai\n    model: gpt-4o\ndefault:\n  route: { target: a }\n",
  });
  const traffic = join(dir, "t.csv");
  const policy = join(dir, "p.yaml");

  it("--strict's error stays one line, with the model name escaped", () => {
    const result = runCli(["project", "-t", traffic, "--strict", "-q"]);
    expectLocatedError(
      result,
      { file: traffic, field: "model" },
      /--strict: traffic without a price: "evil\\x1b\[2J\\x0amodel" \(no price for model "evil\\x1b\[2J\\x0amodel"\)$/,
    );
  });

  it("the unpriced-model warning stays one line too", async () => {
    const result = await runInProcess(["project", "-t", traffic, "-f", "json"]);
    expect(result.code).toBe(0);
    expect(result.stderr.split("\n")[0]).toBe(
      'warning: evil\\x1b[2J\\x0amodel: no price for model "evil\\x1b[2J\\x0amodel"; 100.0% of requests are not in the totals of direct, direct-batch, bedrock, bedrock-batch',
    );
  });

  it.each(["table", "markdown"])("route's %s report, notes included", async (format) => {
    const result = await runInProcess(["route", "--dry-run", "-t", traffic, "-P", policy, "-f", format]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout + result.stderr).toContain("evil\\x1b");
    expect(result.stderr).not.toContain(ESC);
  });

  it.each(["table", "markdown"])("the --explain header and cells (%s)", async (format) => {
    const result = await runInProcess([
      "route",
      "--dry-run",
      "-t",
      traffic,
      "-P",
      policy,
      "--explain",
      `id${ESC}]0;x\u0007`,
      "-f",
      format,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).not.toContain("\u0007");
    // Markdown also escapes the bracket.
    expect(result.stdout).toContain(format === "markdown" ? "id\\x1b\\]0;x\\x07" : "id\\x1b]0;x\\x07");
  });

  it("project's markdown tables", async () => {
    const result = await runInProcess(["project", "-t", traffic, "-f", "markdown"]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toContain("evil\\x1b\\[2J model");
  });

  it("pricing show of an unknown model", async () => {
    const result = await runInProcess(["pricing", "show", EVIL]);
    expectCleanError(result);
    expect(result.stderr).toBe(
      'llmcost: unknown model "evil\\x1b[2J\\x0amodel" (run "llmcost pricing list" to see every model)\n',
    );
  });

  it("validate's text output", async () => {
    const bad = join(
      tempFiles({ "b.csv": `model,input_tokens,output_tokens\n"${EVIL}",x${ESC}[1m,1\n` }),
      "b.csv",
    );
    const result = await runInProcess(["validate", bad]);
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout.split("\n")[0]).toBe(
      `problem  ${bad} row 1, field "input_tokens": expected a whole number of tokens, found "x\\x1b[1m" (not a number)`,
    );
  });

  it("full-width formula signs in the decisions CSV are guarded like ASCII ones", async () => {
    const out = tempFiles({});
    const file = join(
      tempFiles({
        "t.csv":
          "timestamp,request_id,model,input_tokens,output_tokens\n2025-06-02T00:00:00Z,\uff1dcmd(1),gpt-4o,1,1\n2025-06-02T00:00:01Z,\uff0bx,gpt-4o,1,1\n",
      }),
      "t.csv",
    );
    const result = await runInProcess([
      "route",
      "--dry-run",
      "-t",
      file,
      "-P",
      policy,
      "--decisions",
      join(out, "d.csv"),
      "-q",
    ]);
    expect(result.code).toBe(0);
    expect(existsSync(join(out, "d.csv"))).toBe(true);
    const text = readFileSync(join(out, "d.csv"), "utf8");
    expect(text).toContain("'\uff1dcmd(1)");
    expect(text).toContain("'\uff0bx");
  });
});
