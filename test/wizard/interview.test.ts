// The interview with scripted answers: defaults, refusals at the prompt with their reasons, the CSV path,
// and how answers end up in the scenario, the traffic and the draft policy.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { PricingCatalog } from "../../src/cost/catalog.js";
import { loadCatalog } from "../../src/io/pricing-load.js";
import { type LoadedScenario, loadScenario } from "../../src/io/scenario-load.js";
import { PolicySchema } from "../../src/routing/policy-schema.js";
import { checkAnswers } from "../../src/wizard/answers-load.js";
import { answersSchema } from "../../src/wizard/answers-schema.js";
import { defaultBedrockModel } from "../../src/wizard/catalog-choices.js";
import { interviewContext, type WizardContext } from "../../src/wizard/context.js";
import { runInterview } from "../../src/wizard/interview.js";
import { buildPlan } from "../../src/wizard/plan.js";
import { tempFiles } from "../cli.js";
import { ScriptedPrompter } from "./scripted-prompter.js";

let catalog: PricingCatalog;
let base: LoadedScenario;
let context: WizardContext;
const paths = { scenario: "out/s.yaml", policy: "out/p.yaml", traffic: "out/t.csv" };

beforeAll(async () => {
  catalog = await loadCatalog([]);
  base = await loadScenario(undefined);
  context = interviewContext(catalog, base);
});

describe("interview", () => {
  it("Enter at every prompt gives the same answers as an empty answers file", async () => {
    const prompter = new ScriptedPrompter();
    const answers = await runInterview(prompter, context);
    const empty = answersSchema.parse({ version: 1 });
    // The interview states the profile and the model map it defaulted to; the file leaves them to the same defaults.
    expect(answers).toEqual({
      ...empty,
      candidates: {
        ...empty.candidates,
        bedrock_model_map: {
          "gpt-4o": "anthropic.claude-sonnet-4-5-20250929-v1:0",
          "gpt-4o-mini": "anthropic.claude-haiku-4-5-20251001-v1:0",
        },
      },
      infrastructure: { ...empty.infrastructure, inference_profile: "global" },
    });
    expect(buildPlan({ answers, catalog, base, paths }).scenarioYaml).toBe(
      buildPlan({ answers: empty, catalog, base, paths }).scenarioYaml,
    );
    expect(prompter.refusals).toEqual([]);
  });

  it("refuses a negative or zero volume with a reason, then takes the corrected value", async () => {
    const prompter = new ScriptedPrompter({ "Requests per day": [-500, 0, 1000] });
    const answers = await runInterview(prompter, context);
    expect(prompter.refusals.map((r) => [r.value, r.reason])).toEqual([
      [-500, "must be at least 1 request per day: a zero or negative volume cannot be projected"],
      [0, "must be at least 1 request per day: a zero or negative volume cannot be projected"],
    ]);
    expect(answers.workload).toMatchObject({ source: "describe", requests_per_day: 1000 });
  });

  it("refuses shares that leave nothing for later use cases; the last use case takes the rest", async () => {
    const prompter = new ScriptedPrompter({
      "How many use cases": [2],
      "Use case 1 of 2 (chat): share": [100, 150, 70],
      "Use case 2 of 2: name": ["Bad Name", "search"],
    });
    const answers = await runInterview(prompter, context);
    expect(prompter.refusals.map((r) => r.reason)).toEqual([
      "at most 100% is left, and the other use cases need some of it",
      "a share is at most 100%",
      "a lower-case name: letters, digits, _ and -",
    ]);
    expect(
      answers.workload.source === "describe" &&
        answers.workload.use_cases.map((u) => [u.name, u.share_percent]),
    ).toEqual([
      ["chat", 70],
      ["search", 30],
    ]);
    expect(prompter.notes).toContain("Use case 2 of 2 (search): 30% of requests (the rest)");
    expect(prompter.unused()).toEqual([]);
  });

  it("refuses out-of-range tokens, percentages, Lambda sizes and growth", async () => {
    const prompter = new ScriptedPrompter({
      "chat: average input tokens": [0, 2500],
      "chat: average output tokens": [-1, 100],
      "chat: share of the prompt served": [120, 20],
      "Complexity multiplier": [0.5, 1.3],
      "Lambda memory": [64, 2048],
      "Growth horizon": [0, 24],
    });
    const answers = await runInterview(prompter, context);
    expect(prompter.refusals.map((r) => r.reason)).toEqual([
      "a request has at least 1 input token",
      "output tokens cannot be negative",
      "a percentage is at most 100",
      "at least 1 (1 means running it yourself costs nothing extra)",
      "Lambda memory is 128 to 10240 MB",
      "1 to 120 months",
    ]);
    expect(answers.infrastructure).toMatchObject({ complexity_multiplier: 1.3, lambda_memory_mb: 2048 });
    expect(answers.growth.horizon_months).toBe(24);
  });

  it("marks regulated use cases, labels Bedrock targets and keeps regulated traffic off direct targets", async () => {
    const prompter = new ScriptedPrompter({
      "Compliance regimes": [["hipaa", "data-residency"]],
      "AWS regions": [["eu-west-1"]],
      "regulated data": [["chat"]],
    });
    const answers = await runInterview(prompter, context);
    expect(checkAnswers(answers, catalog)).toEqual([]);
    const plan = buildPlan({ answers, catalog, base, paths });
    // Data residency defaults the inference profile to geo.
    expect(
      plan.scenario.scenario.options.filter((o) => o.kind !== "direct").map((o) => o.inference_profile),
    ).toEqual(["geo", "geo"]);
    expect(plan.trafficCsv?.split("\n")[1]).toBe(
      "openai,gpt-4o,eu-west-1,chat,365250,1800,350,540,true,3000",
    );
    const policy = PolicySchema.parse(parse(plan.policyYaml));
    expect(policy.compliance).toEqual({ label: "hipaa", enforce: true });
    expect(policy.targets["bedrock-claude-sonnet-4-5-20250929"]).toMatchObject({
      compliance: ["hipaa", "data-residency"],
      regions: ["eu-west-1"],
    });
    expect(policy.targets["direct-gpt-4o"]?.compliance).toEqual([]);
  });

  it("starts from a traffic CSV: asks again after a bad path, prints a summary, maps the logged models", async () => {
    const prompter = new ScriptedPrompter({
      "Where does the workload come from": ["csv"],
      "Path to the traffic CSV": [
        "fixtures/traffic/no-such-file.csv",
        "fixtures/traffic/saas-assistant-week.csv",
      ],
      "batch job": [["summarize", "classification"]],
    });
    const answers = await runInterview(prompter, context);
    expect(prompter.notes.some((n) => n.startsWith("cannot use fixtures/traffic/no-such-file.csv"))).toBe(
      true,
    );
    expect(prompter.notes).toContain(
      "Read fixtures/traffic/saas-assistant-week.csv: 4,000 rows, 4,000 requests over 7.00 days (2025-06-02T00:00:05.713Z to 2025-06-08T23:59:35.424Z)",
    );
    expect(answers.workload).toEqual({
      source: "csv",
      traffic_file: "fixtures/traffic/saas-assistant-week.csv",
      batchable_use_cases: ["summarize", "classification"],
      regulated_use_cases: [],
    });
    // One Bedrock model-map question per direct model in the log.
    expect(Object.keys(answers.candidates.bedrock_model_map).sort()).toEqual([
      "claude-3-5-haiku",
      "claude-haiku-4-5",
      "claude-sonnet-4-5",
      "gpt-4.1",
      "gpt-4o",
      "gpt-4o-mini",
    ]);
  });

  it("expands ~ in the CSV path as a shell would", async () => {
    const home = tempFiles({ "week.csv": readFileSync("fixtures/traffic/saas-assistant-week.csv", "utf8") });
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      const prompter = new ScriptedPrompter({
        "Where does the workload come from": ["csv"],
        "Path to the traffic CSV": ["~/week.csv"],
      });
      const answers = await runInterview(prompter, context);
      expect(answers.workload).toMatchObject({ source: "csv", traffic_file: join(home, "week.csv") });
      expect(prompter.notes.some((n) => n.startsWith(`Read ${join(home, "week.csv")}: 4,000 rows`))).toBe(
        true,
      );
    } finally {
      process.env.HOME = saved;
    }
  });

  it("maps a dated model in a CSV as `project` does: gpt-4o-mini-2024-07-18 takes gpt-4o-mini's entry", async () => {
    const dir = tempFiles({
      "dated.csv": "model,input_tokens,output_tokens\ngpt-4o-mini-2024-07-18,1000,100\n",
    });
    const prompter = new ScriptedPrompter({
      "Where does the workload come from": ["csv"],
      "Path to the traffic CSV": [join(dir, "dated.csv")],
    });
    const answers = await runInterview(prompter, context);
    // The default scenario maps gpt-4o-mini to Claude Haiku 4.5 (fixtures/scenarios/default.yaml); Enter
    // at the search takes the first choice, the suggestion.
    expect(answers.candidates.bedrock_model_map).toEqual({
      "gpt-4o-mini-2024-07-18": "anthropic.claude-haiku-4-5-20251001-v1:0",
    });
    expect(defaultBedrockModel(catalog, "gpt-4o-mini-2024-07-18", context.defaultModelMap)).toBe(
      "anthropic.claude-haiku-4-5-20251001-v1:0",
    );
  });

  it("asks which use cases of a CSV are regulated when a compliance regime is chosen", async () => {
    const prompter = new ScriptedPrompter({
      "Where does the workload come from": ["csv"],
      "Path to the traffic CSV": ["fixtures/traffic/saas-assistant-week.csv"],
      "Compliance regimes": [["hipaa"]],
      "regulated data": [["chat", "rag_qa"]],
    });
    const answers = await runInterview(prompter, context);
    expect(prompter.unused()).toEqual([]);
    expect(answers.workload).toMatchObject({ regulated_use_cases: ["chat", "rag_qa"] });
    const csvProfile = await context.readProfile("fixtures/traffic/saas-assistant-week.csv");
    const plan = buildPlan({ answers, catalog, base, paths, csvProfile });
    const policy = PolicySchema.parse(parse(plan.policyYaml));
    // One regulated rule per traffic model, ahead of the cost rules, to that model's Bedrock target.
    expect(policy.rules.slice(0, 6).map((r) => r.name)).toEqual(
      policy.rules.slice(6).map((r) => r.name.replace(/^from-/, "regulated-from-")),
    );
    expect(policy.rules.find((r) => r.name === "regulated-from-gpt-4o")).toMatchObject({
      when: { model: "gpt-4o", use_case: { in: ["chat", "rag_qa"] } },
      route: { target: "bedrock-claude-sonnet-4-5-20250929" },
      reason: "compliance",
    });
  });

  it("asks no regulated use cases of a CSV without a compliance regime", async () => {
    const prompter = new ScriptedPrompter({
      "Where does the workload come from": ["csv"],
      "Path to the traffic CSV": ["fixtures/traffic/saas-assistant-week.csv"],
    });
    await runInterview(prompter, context);
    expect(prompter.asked.some((m) => m.includes("regulated data"))).toBe(false);
  });

  it("asks no Bedrock model map when only the direct option is compared", async () => {
    const prompter = new ScriptedPrompter({ "Deployment options": [["direct"]] });
    const answers = await runInterview(prompter, context);
    expect(prompter.asked.some((m) => m.startsWith("On Bedrock"))).toBe(false);
    const plan = buildPlan({ answers, catalog, base, paths });
    expect(plan.scenario.scenario.options.map((o) => o.id)).toEqual(["direct"]);
    expect(plan.scenario.scenario.infra.every((item) => item.applies_to.includes("direct"))).toBe(true);
  });
});
