// Issue 17, item 4: traffic with many distinct unknown models gives a report of bounded size: the 20
// busiest unpriced entries, then one `unpriced_more` entry whose counts add up exactly, and at most 20
// warning lines plus a summary. Through the binary. (Memory for 1M distinct values: `npm run bench`.)
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempFiles } from "../cli.js";

const MODELS = 5_000;

function traffic(): string {
  const lines = ["timestamp,request_id,provider,model,input_tokens,output_tokens,requests"];
  // Model i has i + 1 requests of 100 tokens in and 10 out, so model-4999 is the busiest; one priced model.
  for (let i = 0; i < MODELS; i++) lines.push(`2025-06-02T00:00:00Z,r${i},acme,model-${i},100,10,${i + 1}`);
  lines.push("2025-06-03T00:00:00Z,rp,openai,gpt-4o,100,10,1");
  return `${lines.join("\n")}\n`;
}

describe("many distinct unpriced models", () => {
  it("JSON: top 20 by requests, the rest in unpriced_more, exact totals; 21 warning lines", () => {
    const dir = tempFiles({ "t.csv": traffic() });
    const result = runCli(["project", "-t", join(dir, "t.csv"), "-f", "json", "-n", "1000000000"], {
      timeoutMs: 120_000,
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.complete).toBe(false);
    // The busiest 20: model-4999 (5,000 requests) down to model-4980.
    expect(report.unpriced.map((u: { model: string }) => u.model)).toEqual(
      Array.from({ length: 20 }, (_, k) => `model-${4999 - k}`),
    );
    // Observed requests: 1 + 2 + ... + 5000 = 5000 x 5001 / 2 = 12,502,500 unpriced, plus 1 priced.
    // Scaled to 1e9 a month: each observed request is 1e9 / 12,502,501 monthly requests.
    const scale = 1e9 / 12_502_501;
    expect(report.unpriced_more.models).toBe(MODELS - 20);
    // The rest: requests 1..4980 = 4980 x 4981 / 2 = 12,402,690 observed, 110 tokens each.
    expect(report.unpriced_more.requests).toBe(Math.round(12_402_690 * scale));
    expect(report.unpriced_more.tokens).toBe(Math.round(12_402_690 * 110 * scale));
    const listed = report.unpriced.reduce(
      (sum: number, u: { monthly_requests: number }) => sum + u.monthly_requests,
      0,
    );
    // Listed (each rounded) plus the rest is all unpriced traffic, within the rounding of 21 numbers.
    expect(Math.abs(listed + report.unpriced_more.requests - 12_502_500 * scale)).toBeLessThanOrEqual(11);
    const warnings = result.stderr
      .trimEnd()
      .split("\n")
      .filter((line) => line.includes("without a price") || line.includes("no price"));
    expect(warnings).toHaveLength(21);
    expect(warnings.at(-1)).toBe(
      `warning: 4980 more models without a price (${Math.round(12_402_690 * scale)} requests a month) are not in the totals; the report counts them together`,
    );
  }, 130_000);

  it("table: one row for the rest", () => {
    const dir = tempFiles({ "t.csv": traffic() });
    const result = runCli(["project", "-t", join(dir, "t.csv"), "--window", "1d", "-q"], {
      timeoutMs: 120_000,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/│ \(4,980 more models\) +│/);
    expect(result.stdout.match(/acme\/model-\d+/g)).toHaveLength(20);
  }, 130_000);
});

describe("past 10,000 distinct unpriced models, the rest are counted together", () => {
  it("12,000 models of one request each: 20 listed, 11,980 in unpriced_more, totals exact", () => {
    const lines = ["timestamp,request_id,provider,model,input_tokens,output_tokens"];
    for (let i = 0; i < 12_000; i++) lines.push(`2025-06-02T00:00:00Z,r${i},acme,model-${i},100,10`);
    lines.push("2025-06-03T00:00:00Z,rp,openai,gpt-4o,100,10");
    const dir = tempFiles({ "t.csv": `${lines.join("\n")}\n` });
    // 12,001 observed requests scaled to 12,001,000 a month: 1,000 monthly requests each.
    const result = runCli(["project", "-t", join(dir, "t.csv"), "-f", "json", "-n", "12001000", "-q"], {
      timeoutMs: 120_000,
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.unpriced).toHaveLength(20);
    // 12,000 - 20 listed = 11,980 models: 9,980 kept one by one, 2,000 counted together.
    expect(report.unpriced_more).toEqual({ models: 11_980, requests: 11_980_000, tokens: 11_980_000 * 110 });
    // The verdict names the busiest 5 unpriced models and counts the rest (12,000 - 20 listed fold into
    // one "(other models)" entry past 10,000, so 10,001 entries: 5 named, 9,996 counted).
    for (const reason of report.verdict.reasons)
      expect(reason).toMatch(/; and 9,?996 more models without a price$/);
    // The priced request is in the totals: gpt-4o stays a model of its own.
    const direct = report.options.find((o: { kind: string }) => o.kind === "direct");
    expect(direct.models.map((m: { model: string }) => m.model)).toEqual(["gpt-4o"]);
  }, 130_000);
});

describe("route: many distinct unpriced logged models", () => {
  const POLICY =
    "version: 1\ntargets:\n  mini: { provider: openai, model: gpt-4o-mini }\ndefault:\n  route: { target: mini }\n";

  it("12,000 models: 20 listed busiest first, the rest in unpriced_logged_more and one flow; 21 warnings", () => {
    // model-0 has 5 requests, models 1..11,999 one each: 12,000 distinct names, 12,004 requests.
    const lines = ["timestamp,request_id,provider,model,input_tokens,output_tokens,requests"];
    lines.push("2025-06-02T00:00:00Z,r0,acme,model-0,100,10,5");
    for (let i = 1; i < 12_000; i++) lines.push(`2025-06-02T00:00:00Z,r${i},acme,model-${i},100,10,1`);
    const dir = tempFiles({ "t.csv": `${lines.join("\n")}\n`, "p.yaml": POLICY });
    const result = runCli(
      ["route", "--dry-run", "-t", join(dir, "t.csv"), "-P", join(dir, "p.yaml"), "-f", "json"],
      { timeoutMs: 120_000 },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.totals.logged_unpriced_requests).toBe(12_004);
    // Busiest first (model-0), then ties by name: "model-1", "model-10", "model-100", ... (code-unit order).
    const listed = report.unpriced_logged_models.map((m: { model: string }) => m.model);
    expect(listed).toHaveLength(20);
    expect(listed.slice(0, 4)).toEqual(["acme/model-0", "acme/model-1", "acme/model-10", "acme/model-100"]);
    // The rest: 12,000 - 20 = 11,980 models; 12,004 - (5 + 19) = 11,980 requests. 10,000 names are kept one
    // by one and 2,000 counted together; the sums are the same either way.
    expect(report.unpriced_logged_more).toEqual({ models: 11_980, requests: 11_980 });
    // Flows: the 20 busiest logged models, then one "(other models)" flow with every other request.
    expect(report.flows).toHaveLength(21);
    expect(report.flows.at(-1)).toEqual({ logged_model: "(other models)", target: "mini", requests: 11_980 });
    const flowed = report.flows.reduce((sum: number, f: { requests: number }) => sum + f.requests, 0);
    expect(flowed).toBe(12_004);
    const warnings = result.stderr.split("\n").filter((line) => line.includes("no price"));
    expect(warnings).toHaveLength(21);
    expect(warnings.at(-1)).toBe(
      "warning: 11980 more logged models have no price: 11980 requests left out of the as-logged baseline",
    );
  }, 130_000);
});

describe("project: many distinct use cases and regions", () => {
  it("past 20,000 combinations, region and use case are counted together; totals and batch savings exact", () => {
    // 20,100 rows of gpt-4o-mini, each with its own use case and region: 20,000 buckets, then 100 rows
    // folded. The last 50 rows are the batchable use case `summarize` (default scenario), which stays
    // apart even past the limit, so the batch options still price them at batch rates.
    const head = "timestamp,request_id,provider,model,region,use_case,input_tokens,output_tokens";
    const rows = (useCaseOf: (i: number) => string, regionOf: (i: number) => string) => {
      const lines = [head];
      for (let i = 0; i < 20_100; i++) {
        const useCase = i >= 20_050 ? "summarize" : useCaseOf(i);
        lines.push(`2025-06-02T00:00:00Z,r${i},openai,gpt-4o-mini,${regionOf(i)},${useCase},1000,100`);
      }
      return `${lines.join("\n")}\n`;
    };
    const dir = tempFiles({
      "many.csv": rows(
        (i) => `uc-${i}`,
        (i) => `reg-${i}`,
      ),
      "one.csv": rows(
        () => "chat",
        () => "us-east-1",
      ),
    });
    const run = (file: string) => {
      const result = runCli(["project", "-t", join(dir, file), "-f", "json", "-n", "2010000", "-q"], {
        timeoutMs: 120_000,
      });
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout);
    };
    const many = run("many.csv");
    const one = run("one.csv");
    // The same tokens on the same model: every option costs the same whether or not use cases were folded.
    const costs = (report: { options: { id: string; monthly_cost_usd: number }[] }) =>
      Object.fromEntries(report.options.map((o) => [o.id, o.monthly_cost_usd]));
    expect(costs(many)).toEqual(costs(one));
    // Rows 20,000 to 20,099 came past the limit: 100 observed requests.
    expect(many.assumptions).toContainEqual(
      expect.stringMatching(/^100 observed requests came past 20,000 distinct/),
    );
    expect(one.assumptions.some((a: string) => a.includes("came past"))).toBe(false);
  }, 130_000);
});
