import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { parseColumnMap } from "../../src/traffic/columns.js";
import { expectInputError, HEADER, tempFile } from "./helpers.js";

const csv = (...lines: string[]) => tempFile(`${lines.join("\n")}\n`);

describe("readTraffic: file-level errors", () => {
  it("a missing file", async () => {
    await expectInputError(join(tmpdir(), "no-such-traffic.csv"), {}, /file not found/);
  });

  it("a directory given as a file", async () => {
    await expectInputError(
      mkdtempSync(join(tmpdir(), "llmcost-dir-")),
      {},
      /is a directory; expected a file/,
    );
  });

  it("an empty file", async () => {
    await expectInputError(tempFile(""), {}, /is empty; expected a header row/);
  });

  it("a header with no data rows", async () => {
    await expectInputError(csv(HEADER), { row: 1 }, /header but no data rows/);
  });

  it("a file that is not UTF-8", async () => {
    const latin1 = Buffer.from(`${HEADER}\ncaf\xe9,1,1\n`, "latin1");
    await expectInputError(tempFile(latin1), {}, /not valid UTF-8.*expected a UTF-8 encoded/);
  });

  it("a corrupt gzip file", async () => {
    const gz = gzipSync(`${HEADER}\ngpt-4o,1,1\n`);
    gz[gz.length - 6] = (gz[gz.length - 6] ?? 0) ^ 0xff;
    gz[12] = (gz[12] ?? 0) ^ 0xff;
    await expectInputError(tempFile(gz, "bad.csv.gz"), {}, /not a valid gzip file/);
  });
});

describe("readTraffic: header errors (row 0)", () => {
  it("a required column missing lists the columns found", async () => {
    await expectInputError(
      csv("model,input_tokens,tokens", "gpt-4o,1,1"),
      { row: 0, field: "output_tokens" },
      /missing required column output_tokens; found model, input_tokens, tokens/,
    );
  });

  it("duplicate header names", async () => {
    await expectInputError(
      csv("model,input_tokens,output_tokens,team,team", "m,1,1,a,b"),
      { row: 0, field: "team" },
      /duplicate column "team" \(columns 4 and 5\)/,
    );
  });

  it("two columns mapping to the same field", async () => {
    await expectInputError(
      csv("model,input_tokens,prompt_tokens,output_tokens", "m,1,1,1"),
      { row: 0, field: "input_tokens" },
      /"input_tokens" and "prompt_tokens" both map to input_tokens/,
    );
  });
});

describe("readTraffic: record errors name the row", () => {
  it("a truncated last row", async () => {
    await expectInputError(
      tempFile(`${HEADER}\ngpt-4o,1,1\ngpt-4o,2`),
      { row: 2 },
      /expected 3 fields.*found 2/,
    );
  });

  it("a quoted field never closed", async () => {
    await expectInputError(
      csv(HEADER, "gpt-4o,1,1", 'gpt-4o,1,"1', "gpt-4o,2,2"),
      { row: 2 },
      /quoted field is never closed; expected a closing quote/,
    );
  });

  it("text after a closing quote", async () => {
    await expectInputError(
      csv(HEADER, "gpt-4o,1,1", '"gpt-4o"x,1,1'),
      { row: 2 },
      /text after its closing quote/,
    );
  });

  it("too many fields", async () => {
    await expectInputError(
      csv(HEADER, "gpt-4o,1,1", "gpt-4o,1,1,1"),
      { row: 2 },
      /expected 3 fields.*found 4/,
    );
  });

  it("too few fields", async () => {
    await expectInputError(csv(HEADER, "gpt-4o,1", "gpt-4o,1,1"), { row: 1 }, /expected 3 fields.*found 2/);
  });

  it("the row number is the record number when a quoted field spans lines", async () => {
    await expectInputError(
      csv(`${HEADER},note`, 'gpt-4o,1,1,"two\nlines"', "gpt-4o,x,1,n"),
      { row: 2, field: "input_tokens" },
      /found "x"/,
    );
  });

  it.each([
    ["abc", /expected a whole number of tokens, found "abc" \(not a number\)/],
    ["-5", /found "-5" \(negative\)/],
    ["1.5", /found "1.5" \(fractional\)/],
    ["1000000001", /expected at most 1000000000 tokens per request, found 1000000001/],
    ["", /found an empty cell/],
  ])("token count %j", async (value, message) => {
    await expectInputError(
      csv(HEADER, "gpt-4o,1,1", `gpt-4o,${value},1`),
      { row: 2, field: "input_tokens" },
      message,
    );
  });

  it("reports the header name of an aliased column", async () => {
    await expectInputError(
      csv("model,prompt_tokens,completion_tokens", "gpt-4o,1,-1"),
      { row: 1, field: "completion_tokens" },
      /negative/,
    );
  });

  it("cache tokens greater than input tokens", async () => {
    await expectInputError(
      csv(`${HEADER},cache_read_tokens,cache_write_tokens`, "gpt-4o,100,1,80,30"),
      { row: 1, field: "cache_read_tokens" },
      /cache read \+ cache write tokens \(80 \+ 30\) to be at most input_tokens \(100\)/,
    );
  });

  it("an empty model", async () => {
    await expectInputError(
      csv(HEADER, ",1,1"),
      { row: 1, field: "model" },
      /expected a model name, found an empty cell/,
    );
  });

  it.each([
    ["yesterday", /expected an ISO 8601 timestamp.*found "yesterday"/],
    ["2025-02-30T00:00:00Z", /no such date/],
    ["2025-06-02T24:00:00Z", /no such date/],
    ["06/02/2025", /expected an ISO 8601 timestamp/],
  ])("timestamp %j", async (value, message) => {
    await expectInputError(
      csv(`timestamp,${HEADER}`, `${value},gpt-4o,1,1`),
      { row: 1, field: "timestamp" },
      message,
    );
  });

  it("a bad boolean", async () => {
    await expectInputError(
      csv(`${HEADER},requires_latest`, "gpt-4o,1,1,maybe"),
      { row: 1, field: "requires_latest" },
      /expected true\/false, 1\/0 or yes\/no \(empty = false\), found "maybe"/,
    );
  });

  it.each([
    ["0", /positive whole number of requests, found 0/],
    ["-2", /negative/],
    ["2.5", /fractional/],
    ["many", /not a number/],
  ])("requests weight %j", async (value, message) => {
    await expectInputError(
      csv(`${HEADER},requests`, `gpt-4o,1,1,${value}`),
      { row: 1, field: "requests" },
      message,
    );
  });
});

describe("parseColumnMap", () => {
  it("parses col=field entries", () => {
    expect(parseColumnMap(["engine=model", " tokens_prompt = input_tokens"])).toEqual({
      engine: "model",
      tokens_prompt: "input_tokens",
    });
  });

  it("rejects an unknown field, listing the valid ones", () => {
    expect(() => parseColumnMap(["engine=modle"])).toThrow(UsageError);
    expect(() => parseColumnMap(["engine=modle"])).toThrow(
      /unknown field "modle"; expected one of timestamp, .*model/,
    );
  });

  it("rejects an entry without =", () => {
    expect(() => parseColumnMap(["engine"])).toThrow(/expects col=field, found "engine"/);
  });
});

describe("readTraffic: bad timestamps in the common UTC shape", () => {
  it.each(["2025-06-02T10:61:00.000Z", "2025-13-02T10:00:00Z", "2025-06-02T1a:00:00Z"])(
    "%j",
    async (value) => {
      await expectInputError(
        csv(`timestamp,${HEADER}`, `${value},gpt-4o,1,1`),
        { row: 1, field: "timestamp" },
        /timestamp|no such date/,
      );
    },
  );
});
