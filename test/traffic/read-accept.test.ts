import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readAll, readCsv, tempFile } from "./helpers.js";

describe("readTraffic: accepted forms", () => {
  it("reads the canonical columns into a TrafficRow", async () => {
    const { rows, summary } = await readCsv(
      "timestamp,request_id,provider,model,region,use_case,input_tokens,output_tokens,cache_read_tokens," +
        "cache_write_tokens,requests,latency_ms,status,requires_compliance,latency_budget_ms,cost_sensitivity," +
        "requires_latest,tenant\n" +
        "2025-06-02T10:00:00Z,r1,anthropic,claude-sonnet-4-5,us-east-1,rag_qa,1000,200,300,100,3,812.5,ok,yes,2000,high,0,acme\n",
    );
    expect(rows).toEqual([
      {
        row: 1,
        timestamp: Date.UTC(2025, 5, 2, 10),
        requestId: "r1",
        provider: "anthropic",
        model: "claude-sonnet-4-5",
        region: "us-east-1",
        useCase: "rag_qa",
        inputTokens: 1000,
        outputTokens: 200,
        cacheReadTokens: 300,
        cacheWriteTokens: 100,
        requests: 3,
        latencyMs: 812.5,
        status: "ok",
        requiresCompliance: true,
        latencyBudgetMs: 2000,
        costSensitivity: "high",
        requiresLatest: false,
        meta: { tenant: "acme" },
      },
    ]);
    expect(summary).toEqual({
      rows: 1,
      requests: 3,
      unknownRequestRows: 0,
      columns: expect.arrayContaining(["model", "tenant"]),
      metaColumns: ["tenant"],
    });
  });

  it("needs only model, input_tokens and output_tokens; the rest default", async () => {
    const { rows } = await readCsv("output_tokens,model,input_tokens\n5,gpt-4o,10\n");
    expect(rows).toEqual([
      {
        row: 1,
        model: "gpt-4o",
        inputTokens: 10,
        outputTokens: 5,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        requests: 1,
        requiresCompliance: false,
        requiresLatest: false,
        meta: {},
      },
    ]);
  });

  it("accepts a BOM and CRLF line ends", async () => {
    const { rows } = await readCsv(
      "\uFEFFmodel,input_tokens,output_tokens\r\ngpt-4o,10,5\r\ngpt-4o,20,6\r\n",
    );
    expect(rows.map((r) => [r.model, r.inputTokens, r.outputTokens])).toEqual([
      ["gpt-4o", 10, 5],
      ["gpt-4o", 20, 6],
    ]);
  });

  it("accepts quoted fields holding commas, quotes and newlines; row numbers count records", async () => {
    const { rows } = await readCsv(
      'model,input_tokens,output_tokens,note\ngpt-4o,1,1,"a, ""quoted""\nmulti-line note"\ngpt-4o,2,2,plain\n',
    );
    expect(rows.map((r) => [r.row, r.meta.note])).toEqual([
      [1, 'a, "quoted"\nmulti-line note'],
      [2, "plain"],
    ]);
  });

  it("maps header aliases, in any case", async () => {
    const { rows, summary } = await readCsv(
      "ID,Time,model,prompt_tokens,completion_tokens,cached_tokens,cache_creation_input_tokens\n" +
        "x1,1717322400,gpt-4o,100,10,40,20\n",
    );
    expect(rows[0]).toMatchObject({
      requestId: "x1",
      timestamp: 1717322400 * 1000,
      inputTokens: 100,
      outputTokens: 10,
      cacheReadTokens: 40,
      cacheWriteTokens: 20,
    });
    expect(summary.metaColumns).toEqual([]);
  });

  it("applies --map before aliases and keeps unknown columns as metadata", async () => {
    const { rows, summary } = await readCsv("engine,in,out,team\ngpt-4o,7,3,search\n", {
      map: { engine: "model", in: "input_tokens", out: "output_tokens" },
    });
    expect(rows[0]).toMatchObject({
      model: "gpt-4o",
      inputTokens: 7,
      outputTokens: 3,
      meta: { team: "search" },
    });
    expect(summary.metaColumns).toEqual(["team"]);
  });

  it("reads timestamps in ISO 8601 with and without zone (UTC) and in unix seconds or milliseconds", async () => {
    const { rows } = await readCsv(
      `timestamp,${"model,input_tokens,output_tokens"}\n` +
        "2025-06-02T10:00:00Z,m,1,1\n" +
        "2025-06-02T10:00:00,m,1,1\n" +
        "2025-06-02 10:00:00.250,m,1,1\n" +
        "2025-06-02T12:00:00+02:00,m,1,1\n" +
        "2025-06-02T05:30:00-0430,m,1,1\n" +
        "2025-06-02,m,1,1\n" +
        "1748858400,m,1,1\n" +
        "1748858400000,m,1,1\n" +
        ",m,1,1\n",
    );
    const tenOClock = Date.UTC(2025, 5, 2, 10);
    expect(rows.map((r) => r.timestamp)).toEqual([
      tenOClock,
      tenOClock,
      tenOClock + 250,
      tenOClock,
      tenOClock,
      Date.UTC(2025, 5, 2),
      tenOClock,
      tenOClock,
      undefined,
    ]);
  });

  it("reads booleans as true/false, 1/0, yes/no in any case, empty = false", async () => {
    const values = ["true", "FALSE", "1", "0", "Yes", "no", ""];
    const { rows } = await readCsv(
      `${"model,input_tokens,output_tokens"},requires_compliance\n${values.map((v) => `m,1,1,${v}`).join("\n")}\n`,
    );
    expect(rows.map((r) => r.requiresCompliance)).toEqual([true, false, true, false, true, false, false]);
  });

  it("skips blank lines but keeps counting records, so row numbers match the file", async () => {
    const { rows } = await readCsv("model,input_tokens,output_tokens\ngpt-4o,1,1\n\ngpt-4o,2,2\n\n");
    expect(rows.map((r) => r.row)).toEqual([1, 3]);
  });

  it("reads .csv.gz files", async () => {
    const file = tempFile(gzipSync("model,input_tokens,output_tokens\ngpt-4o,10,5\n"), "traffic.csv.gz");
    const { rows } = await readAll(file);
    expect(rows.map((r) => r.inputTokens)).toEqual([10]);
  });

  it("streams a file bigger than one chunk, reporting progress up to the file size", async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `gpt-4o,${i},1,"note, ${i}"`);
    const file = tempFile(`model,input_tokens,output_tokens,note\n${lines.join("\n")}\n`);
    const progress: [number, number][] = [];
    const { summary, rows } = await readAll(file, {
      onProgress: (read, total) => progress.push([read, total]),
    });
    expect(summary.rows).toBe(20_000);
    expect(rows.at(-1)).toMatchObject({ row: 20_000, inputTokens: 19_999, meta: { note: "note, 19999" } });
    const last = progress.at(-1);
    expect(progress.length).toBeGreaterThan(1);
    expect(last?.[0]).toBe(last?.[1]);
  });

  it("stops when the signal aborts", async () => {
    const lines = Array.from({ length: 50_000 }, () => "gpt-4o,1,1");
    const file = tempFile(`model,input_tokens,output_tokens\n${lines.join("\n")}\n`);
    const controller = new AbortController();
    let seen = 0;
    const reading = readAll(file, {
      signal: controller.signal,
      onProgress: () => {
        if (++seen === 1) controller.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
  });

  it("reads the bundled fixtures", async () => {
    const week = await readAll("fixtures/traffic/saas-assistant-week.csv");
    expect(week.summary.rows).toBeGreaterThanOrEqual(3000);
    expect(week.summary.metaColumns).toEqual(["tenant"]);
    const month = await readAll("fixtures/traffic/preaggregated-month.csv");
    expect(month.summary.rows).toBe(18);
    expect(month.summary.requests).toBeGreaterThan(month.summary.rows);
  });
});

describe("readTraffic: timestamp fast path agrees with the full parser", () => {
  it("reads millisecond UTC timestamps across days and rejects impossible times in that shape", async () => {
    const { rows } = await readCsv(
      "timestamp,model,input_tokens,output_tokens\n" +
        "2025-06-02T23:59:59.999Z,m,1,1\n2025-06-03T00:00:00.007Z,m,1,1\n2025-06-03T00:00:01Z,m,1,1\n",
    );
    expect(rows.map((r) => r.timestamp)).toEqual([
      Date.UTC(2025, 5, 2, 23, 59, 59, 999),
      Date.UTC(2025, 5, 3, 0, 0, 0, 7),
      Date.UTC(2025, 5, 3, 0, 0, 1),
    ]);
  });
});
