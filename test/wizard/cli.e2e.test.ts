// `llmcost wizard` through the built binary: the answers-file path end to end (and `project` reproducing
// what the wizard showed), the refusals at the edges, and a real terminal session driven through tmux. The
// checks on what the wizard wrote (validate, project, route) and the bad answers file run in-process.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectCleanError, expectLocatedError, ROOT, runCli, runInProcess, tempFiles } from "../cli.js";

const ANSWERS = "fixtures/wizard/saas-assistant.answers.yaml";

/** Monthly totals of the "Monthly cost by option" table the wizard printed, by option id. */
function shownTotals(stdout: string): Record<string, string> {
  const section = stdout.split("Monthly cost by option")[1]?.split("\n\n")[0] ?? "";
  const totals: Record<string, string> = {};
  for (const line of section.split("\n")) {
    const cells = line.split("│").map((c) => c.trim());
    const id = cells[1]?.replace(" (cheapest)", "");
    if (id && id !== "Option" && cells[7]) totals[id] = cells[7];
  }
  return totals;
}

/** `project` on what the wizard wrote, in-process: the wizard runs were the binary's. */
async function projectedTotals(
  args: string[],
): Promise<{ totals: Record<string, string>; requests: number }> {
  const result = await runInProcess(["project", ...args, "--format", "json", "--as-of", "2025-06-08"]);
  // The traffic week's row 1112 exceeds gpt-4o's context window (a plausibility warning); nothing else.
  expect(
    result.stderr.replace(/^warning: .* row 1112, .*exceeds the context window of openai\/gpt-4o.*\n/m, ""),
  ).toBe("");
  expect(result.code).toBe(0);
  const report: {
    traffic: { requests: number };
    options: { id: string; monthly_cost_usd: number }[];
  } = JSON.parse(result.stdout);
  const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  return {
    requests: report.traffic.requests,
    totals: Object.fromEntries(report.options.map((o) => [o.id, usd.format(o.monthly_cost_usd)])),
  };
}

describe("llmcost wizard --answers", () => {
  it("writes files that pass their schemas and that `project` turns into the projection it showed", async () => {
    const out = tempFiles({});
    const result = runCli(["wizard", "--answers", ANSWERS, "--out-dir", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "llmcost.policy.yaml",
      "llmcost.scenario.yaml",
      "llmcost.traffic.csv",
    ]);
    const shown = shownTotals(result.stdout);
    expect(Object.keys(shown)).toEqual(["direct", "bedrock", "bedrock-batch"]);
    // chat on gpt-4o by hand: 40,000/day x 30.4375 days x 55% = 669,625 requests; per request 1,200 uncached
    // input x $2.50 + 800 cache read x $1.25 + 400 output x $10 = $0.008 per request -> $5,357.00 a month.
    expect(result.stdout).toMatch(
      /│ gpt-4o +│ openai +│ +669,625 │ +1,339,250,000 │ +267,850,000 │ +\$5,357\.00 │/,
    );
    const traffic = join(out, "llmcost.traffic.csv");
    const scenario = join(out, "llmcost.scenario.yaml");
    const policy = join(out, "llmcost.policy.yaml");
    const validate = await runInProcess(["validate", scenario, policy, traffic]);
    expect(validate.stdout + validate.stderr).toMatch(/3 files checked/);
    expect(validate.code).toBe(0);
    const projected = await projectedTotals(["--traffic", traffic, "--scenario", scenario]);
    expect(projected.requests).toBe(1_217_500); // 40,000 x 30.4375
    expect(projected.totals).toEqual(shown);
    // Started as `node bin/llmcost.js` from the repository: the rerun commands say so (llmcost is not on PATH).
    expect(result.stdout).toContain(
      `$ node bin/llmcost.js project --traffic ${traffic} --scenario ${scenario}`,
    );
    expect(result.stdout).toContain(
      `$ node bin/llmcost.js route --dry-run --traffic ${traffic} --policy ${policy}`,
    );
    const route = await runInProcess([
      "route",
      "--dry-run",
      "--traffic",
      traffic,
      "--policy",
      policy,
      "--format",
      "json",
    ]);
    expect(route.code).toBe(0);
    // The regulated chat traffic (HIPAA) never lands on a direct target.
    expect(JSON.parse(route.stdout)).toMatchObject({
      totals: { requests: 1_217_500, unroutable_requests: 0 },
    });
  });

  it("starts from a traffic CSV: writes no traffic file, and `project` on that CSV reproduces the totals", async () => {
    const out = tempFiles({});
    const result = runCli([
      "wizard",
      "--answers",
      "fixtures/wizard/from-traffic-csv.answers.yaml",
      "--out-dir",
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Read fixtures/traffic/saas-assistant-week.csv: 4,000 rows, 4,000 requests",
    );
    expect(readdirSync(out).sort()).toEqual(["llmcost.policy.yaml", "llmcost.scenario.yaml"]);
    const projected = await projectedTotals([
      "--traffic",
      "fixtures/traffic/saas-assistant-week.csv",
      "--scenario",
      join(out, "llmcost.scenario.yaml"),
    ]);
    expect(projected.totals).toEqual(shownTotals(result.stdout));
  });

  it("refuses to overwrite existing files without a terminal unless --yes, and leaves them untouched", () => {
    const out = tempFiles({ "llmcost.policy.yaml": "keep me\n" });
    const refused = runCli(["wizard", "--answers", ANSWERS, "--out-dir", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/llmcost\.policy\.yaml already exists; pass --yes to overwrite/);
    expect(readdirSync(out)).toEqual(["llmcost.policy.yaml"]);
    expect(readFileSync(join(out, "llmcost.policy.yaml"), "utf8")).toBe("keep me\n");
    const forced = runCli(["wizard", "--answers", ANSWERS, "--out-dir", out, "--yes"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, "llmcost.policy.yaml"), "utf8")).toMatch(/^# Draft routing policy/);
  });

  it("reports a bad answers file with its line and field, and no stack trace", async () => {
    const dir = tempFiles({ "a.yaml": "version: 1\ngrowth:\n  horizon_months: 0\n" });
    const result = await runInProcess(["wizard", "--answers", join(dir, "a.yaml"), "--out-dir", dir]);
    expectCleanError(result);
    expect(result.stderr).toContain(`${join(dir, "a.yaml")}:3,`);
    expect(result.stderr).toContain('field "growth.horizon_months": 1 to 120 months');
  });
});

describe("paths in an answers file are relative to that file", () => {
  const CSV_ANSWERS = join(ROOT, "fixtures/wizard/from-traffic-csv.answers.yaml");

  it("runs from another working folder: the CSV is found beside the answers file", async () => {
    const elsewhere = tempFiles({});
    const out = join(elsewhere, "plan");
    const result = runCli(["wizard", "--answers", CSV_ANSWERS, "--out-dir", "plan"], { cwd: elsewhere });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const csv = join(ROOT, "fixtures/traffic/saas-assistant-week.csv");
    expect(result.stdout).toContain(`Read ${csv}: 4,000 rows, 4,000 requests`);
    // Outside the repository, the binary is named in full; the CSV too, so the commands paste anywhere.
    expect(result.stdout).toContain(
      `$ node ${join(ROOT, "bin/llmcost.js")} project --traffic ${csv} --scenario plan/llmcost.scenario.yaml`,
    );
    const projected = await projectedTotals([
      "--traffic",
      csv,
      "--scenario",
      join(out, "llmcost.scenario.yaml"),
    ]);
    expect(projected.totals).toEqual(shownTotals(result.stdout));
  });

  it("names the answers file, the line and the field of a traffic_file that is not there", async () => {
    const dir = tempFiles({
      "a.yaml": "version: 1\nworkload:\n  source: csv\n  traffic_file: logs/missing.csv\n",
    });
    const result = await runInProcess(["wizard", "--answers", join(dir, "a.yaml"), "--out-dir", dir]);
    expectLocatedError(
      result,
      { file: join(dir, "a.yaml"), line: 4, field: "workload.traffic_file" },
      new RegExp(
        `traffic file ${join(dir, "logs/missing.csv")}: file not found \\(a path in an answers file is relative to the file's folder\\)$`,
      ),
    );
  });

  it("says how to write a path that was meant relative to the working folder", async () => {
    const dir = tempFiles({
      "a.yaml":
        "version: 1\nworkload:\n  source: csv\n  traffic_file: fixtures/traffic/saas-assistant-week.csv\n",
    });
    const result = await runInProcess(["wizard", "--answers", join(dir, "a.yaml"), "--out-dir", dir]);
    expectCleanError(result);
    const fromDir = relative(dir, join(ROOT, "fixtures/traffic/saas-assistant-week.csv"));
    expect(result.stderr).toContain(
      `; fixtures/traffic/saas-assistant-week.csv exists relative to the working folder: write it as "${fromDir}"`,
    );
  });
});

describe("CSV workloads with a compliance regime", () => {
  it("routes the regulated use cases of the CSV to compliant Bedrock targets in the draft policy", async () => {
    const csv = join(ROOT, "fixtures/traffic/saas-assistant-week.csv");
    const dir = tempFiles({
      "a.yaml": `version: 1\nworkload:\n  source: csv\n  traffic_file: ${csv}\n  regulated_use_cases: [chat]\nconstraints:\n  compliance: [hipaa]\n`,
    });
    const result = await runInProcess(["wizard", "--answers", join(dir, "a.yaml"), "--out-dir", dir]);
    expect(result.code).toBe(0);
    const route = await runInProcess([
      "route",
      "--dry-run",
      "--traffic",
      csv,
      "--policy",
      join(dir, "llmcost.policy.yaml"),
      "--format",
      "json",
    ]);
    expect(route.code).toBe(0);
    const report: { rules: { rule: string; reason_code: string; requests: number }[] } = JSON.parse(
      route.stdout,
    );
    // Every chat row of the CSV, one request each: `cut -d, -f6 saas-assistant-week.csv | grep -c '^chat$'`.
    const chatRows = readFileSync(csv, "utf8")
      .split("\n")
      .filter((line) => line.split(",")[5] === "chat").length;
    expect(chatRows).toBe(1823);
    const regulated = report.rules.filter((r) => r.rule.startsWith("regulated-from-"));
    expect(regulated.every((r) => r.reason_code === "compliance")).toBe(true);
    expect(regulated.reduce((sum, r) => sum + r.requests, 0)).toBe(chatRows);
  });
});

describe("regulated_use_cases in an answers file", () => {
  it("names a use case the CSV does not have, with its line", async () => {
    const csv = join(ROOT, "fixtures/traffic/saas-assistant-week.csv");
    const dir = tempFiles({
      "a.yaml": `version: 1\nworkload:\n  source: csv\n  traffic_file: ${csv}\n  regulated_use_cases:\n    - chat\n    - billing\nconstraints:\n  compliance: [hipaa]\n`,
    });
    const result = await runInProcess(["wizard", "--answers", join(dir, "a.yaml"), "--out-dir", dir]);
    expectLocatedError(
      result,
      { file: join(dir, "a.yaml"), line: 7, field: "workload.regulated_use_cases[1]" },
      /use case "billing" is not in .*saas-assistant-week\.csv \(its use cases: chat, classification, rag_qa, summarize\)$/,
    );
  });
});

describe("llmcost wizard --save-answers", () => {
  it("saves the answers used, paths relative to the saved file, and replaying them gives the same output", () => {
    const dir = tempFiles({});
    const saved = join(dir, "saved", "replay.answers.yaml");
    mkdirSync(join(dir, "saved"));
    const first = runCli([
      "wizard",
      "--answers",
      "fixtures/wizard/from-traffic-csv.answers.yaml",
      "--out-dir",
      join(dir, "one"),
      "--save-answers",
      saved,
    ]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `Saved the answers to ${saved} (replay: node bin/llmcost.js wizard --answers ${saved})`,
    );
    expect(readFileSync(saved, "utf8")).toContain(
      `traffic_file: ${relative(join(dir, "saved"), join(ROOT, "fixtures/traffic/saas-assistant-week.csv"))}\n`,
    );
    const replay = runCli(["wizard", "--answers", saved, "--out-dir", join(dir, "one"), "--yes"]);
    expect(replay.code).toBe(0);
    expect(readdirSync(join(dir, "one")).sort()).toEqual(["llmcost.policy.yaml", "llmcost.scenario.yaml"]);
    expect(afterAnswersLine(replay.stdout)).toBe(
      afterAnswersLine(first.stdout).replace(/Saved the answers.*\n/, ""),
    );
  });

  it("refuses to save over the answers file it reads, before asking anything", async () => {
    const result = await runInProcess([
      "wizard",
      "--answers",
      ANSWERS,
      "--save-answers",
      ANSWERS,
      "--out-dir",
      tempFiles({}),
    ]);
    expectCleanError(result);
    expect(result.stderr).toContain(
      `${ANSWERS}: cannot be written (--save-answers): it is the input file ${ANSWERS}`,
    );
  });
});

/** The wizard's stdout after its first line ("answers from FILE"), which names the answers file. */
function afterAnswersLine(stdout: string): string {
  return stdout.slice(stdout.indexOf("\n") + 1);
}

describe("llmcost wizard without a terminal", () => {
  it("exits 2 and names the non-interactive commands", () => {
    const out = tempFiles({});
    const result = runCli(["wizard", "--out-dir", out]);
    expectCleanError(result);
    expect(result.stderr).toContain("needs an interactive terminal");
    expect(result.stderr).toContain("llmcost project --traffic FILE");
    expect(result.stderr).toContain("llmcost wizard --answers FILE");
    expect(readdirSync(out)).toEqual([]);
  });
});

const HAS_TMUX = spawnSync("tmux", ["-V"]).status === 0;

describe.skipIf(!HAS_TMUX)("llmcost wizard in a terminal (tmux; skipped when tmux is not installed)", () => {
  const sessions: string[] = [];

  function tmux(...args: string[]): string {
    const result = spawnSync("tmux", args, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`tmux ${args.join(" ")}: ${result.stderr}`);
    return result.stdout;
  }

  function start(out: string, extra = ""): { screen: () => string; keys: (...keys: string[]) => void } {
    const name = `llmcost-wizard-${process.pid}-${Date.now()}-${sessions.length}`;
    const script = join(out, "..", `${name}.sh`);
    // The shell prints the exit code and stays, so the test can read it before the session is killed.
    writeFileSync(
      script,
      `cd '${ROOT}' && NO_COLOR=1 node bin/llmcost.js wizard --out-dir '${out}' ${extra}; echo "WIZARD-EXIT=$?"; sleep 600\n`,
    );
    tmux("new-session", "-d", "-s", name, "-x", "200", "-y", "50", `sh '${script}'`);
    sessions.push(name);
    return {
      screen: () => tmux("capture-pane", "-p", "-J", "-S", "-2000", "-t", name),
      keys: (...keys) => {
        // `--` so a key such as "-5" is typed, not read as a flag.
        tmux("send-keys", "-t", name, "--", ...keys);
      },
    };
  }

  async function waitFor(screen: () => string, text: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const shown = screen();
      if (typeof text === "string" ? shown.includes(text) : text.test(shown)) return shown;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; screen:\n${shown}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  afterAll(() => {
    // Every session this file started, whatever happened in the tests.
    for (const name of sessions) spawnSync("tmux", ["kill-session", "-t", name]);
  });

  it("answers with keystrokes (a refused negative volume, then Enter for defaults) and writes the files", async () => {
    const out = join(tempFiles({}), "plan");
    const { screen, keys } = start(out);
    await waitFor(screen, "? Where does the workload come from?");
    keys("Enter");
    await waitFor(screen, "? Requests per day (all use cases)");
    keys("-5", "Enter");
    await waitFor(
      screen,
      "must be at least 1 request per day: a zero or negative volume cannot be projected",
    );
    keys("BSpace", "BSpace", "30000", "Enter");
    const prompts = [
      "How many use cases",
      ...useCasePrompts("chat", 1, true),
      ...useCasePrompts("summarize", 2, true),
      ...useCasePrompts("classify", 3, false),
      "Compliance regimes that apply",
      "AWS regions the workload runs in",
      "Deployment options to compare",
      "On Bedrock, traffic now sent to gpt-4o is served by",
      "On Bedrock, traffic now sent to gpt-4o-mini is served by",
      "Bedrock inference profile",
      "Complexity multiplier on the direct option",
      "Lambda memory in front of Bedrock",
      "Lambda duration per request",
      "Traffic growth per month",
      "Growth horizon, months",
    ];
    for (const prompt of prompts) {
      await waitFor(screen, `? ${prompt}`);
      keys("Enter");
    }
    const shown = await waitFor(screen, /WIZARD-EXIT=\d+/, 60_000);
    expect(shown).toContain("WIZARD-EXIT=0");
    expect(shown).toContain("✔ Requests per day (all use cases) 30000");
    expect(shown).toMatch(/gpt-4o +openai +in \$2\.50 · out \$10\.00/);
    expect(shown).toContain("Monthly cost by option");
    expect(shown).toContain(`Wrote ${join(out, "llmcost.scenario.yaml")}`);
    expect(readdirSync(out).sort()).toEqual([
      "llmcost.policy.yaml",
      "llmcost.scenario.yaml",
      "llmcost.traffic.csv",
    ]);
    const projected = await projectedTotals([
      "--traffic",
      join(out, "llmcost.traffic.csv"),
      "--scenario",
      join(out, "llmcost.scenario.yaml"),
    ]);
    expect(projected.requests).toBe(913_125); // 30,000 a day x 30.4375 days
    expect(projected.totals).toEqual(shownTotals(shown));
  }, 180_000);

  it("takes 30,000 as a number, finds Nova models by typing, and --save-answers replays to the same files", async () => {
    const dir = tempFiles({});
    const out = join(dir, "plan");
    const saved = join(dir, "session.answers.yaml");
    const { screen, keys } = start(out, `--save-answers '${saved}'`);
    await waitFor(screen, "? Where does the workload come from?");
    keys("Enter");
    await waitFor(screen, "? Requests per day (all use cases)");
    keys("30,000", "Enter");
    const before = [
      "How many use cases",
      ...useCasePrompts("chat", 1, true),
      ...useCasePrompts("summarize", 2, true),
      ...useCasePrompts("classify", 3, false),
      "Compliance regimes that apply",
      "AWS regions the workload runs in",
      "Deployment options to compare",
      "On Bedrock, traffic now sent to gpt-4o is served by",
    ];
    for (const prompt of before) {
      await waitFor(screen, `? ${prompt}`);
      keys("Enter");
    }
    await waitFor(screen, "? On Bedrock, traffic now sent to gpt-4o-mini is served by");
    keys("nova-micro");
    await waitFor(screen, /❯ amazon\.nova-micro-v1:0/);
    keys("Enter");
    const after = [
      "Bedrock inference profile",
      "Complexity multiplier on the direct option",
      "Lambda memory in front of Bedrock",
      "Lambda duration per request",
      "Traffic growth per month",
      "Growth horizon, months",
    ];
    for (const prompt of after) {
      await waitFor(screen, `? ${prompt}`);
      keys("Enter");
    }
    const shown = await waitFor(screen, /WIZARD-EXIT=\d+/, 60_000);
    expect(shown).toContain("WIZARD-EXIT=0");
    expect(shown).toContain("✔ Requests per day (all use cases) 30,000");
    expect(shown).toContain(`Saved the answers to ${saved}`);
    const answers = readFileSync(saved, "utf8");
    expect(answers).toContain("requests_per_day: 30000\n");
    expect(answers).toContain("gpt-4o-mini: amazon.nova-micro-v1:0\n");
    const replayed = join(dir, "replayed");
    const replay = runCli(["wizard", "--answers", saved, "--out-dir", replayed]);
    expect(replay.code).toBe(0);
    for (const file of ["llmcost.scenario.yaml", "llmcost.traffic.csv", "llmcost.policy.yaml"]) {
      expect(readFileSync(join(replayed, file), "utf8")).toBe(readFileSync(join(out, file), "utf8"));
    }
    // "30,000" was read as 30000 a day: chat 60% x 30000 x 30.4375 = 547,875; summarize 25% = 228,281.25
    // -> 228,281; classify 15% = 136,968.75 -> 136,969 requests a month.
    const requests = readFileSync(join(out, "llmcost.traffic.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[4]);
    expect(requests).toEqual(["547875", "228281", "136969"]);
    expect(shownTotals(replay.stdout)).toEqual(shownTotals(shown));
  }, 180_000);

  it("Ctrl-C at a prompt exits 130 without a stack trace or a file", async () => {
    const out = join(tempFiles({}), "plan");
    const { screen, keys } = start(out);
    await waitFor(screen, "? Where does the workload come from?");
    keys("Enter");
    await waitFor(screen, "? Requests per day");
    keys("C-c");
    const shown = await waitFor(screen, /WIZARD-EXIT=\d+/);
    expect(shown).toContain("WIZARD-EXIT=130");
    expect(shown).toContain("wizard cancelled; no file was written");
    expect(shown).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  }, 90_000);
});

function useCasePrompts(name: string, index: number, askShare: boolean): string[] {
  return [
    `Use case ${index} of 3: name`,
    ...(askShare ? [`Use case ${index} of 3 (${name}): share of requests`] : []),
    `${name}: which model serves it today`,
    `${name}: average input tokens`,
    `${name}: average output tokens`,
    `${name}: share of the prompt served`,
    `${name}: can it wait for a batch job`,
    `${name}: latency budget`,
  ];
}
