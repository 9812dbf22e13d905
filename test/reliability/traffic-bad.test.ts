// Bad traffic CSVs, run in-process (test/e2e/error-classes.test.ts runs one through the binary): each ends with exit 2 and one located message, and `--output`
// never leaves a file (or a temporary file) behind. Fixtures: test/fixtures/bad/*.csv; byte-level cases
// (not UTF-8, corrupt gzip) are generated here.
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  type ExpectedLocation,
  expectCleanError,
  expectLocatedError,
  runInProcess,
  tempFiles,
} from "../cli.js";

const BAD = "test/fixtures/bad";
const POLICY = "fixtures/policies/seed-hybrid.yaml";
const HEADER = "timestamp,request_id,model,input_tokens,output_tokens";

/** Runs `project` with `--output` into an empty folder; asserts the error and that the folder stays empty. */
async function expectProjectRejects(
  traffic: string,
  at: Omit<ExpectedLocation, "file">,
  message: RegExp,
): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), "llmcost-out-"));
  const result = await runInProcess(["project", "-t", traffic, "-f", "json", "-o", join(out, "report.json")]);
  expectLocatedError(result, { file: traffic, ...at }, message);
  expect(readdirSync(out)).toEqual([]);
}

describe("traffic CSV corpus: exit 2, one located message, no output file", () => {
  const cases: [string, Omit<ExpectedLocation, "file">, RegExp][] = [
    ["empty.csv", {}, /: is empty; expected a header row and at least one data row$/],
    ["header-only.csv", { row: 1 }, /has a header but no data rows; expected at least one data row$/],
    [
      "missing-column.csv",
      { row: 0, field: "output_tokens" },
      /missing required column output_tokens; found timestamp, request_id, model, input_tokens$/,
    ],
    [
      "duplicate-header.csv",
      { row: 0, field: "team" },
      /duplicate column "team" \(columns 6 and 7\); expected unique names$/,
    ],
    [
      "truncated-last-row.csv",
      { row: 2 },
      /expected 5 fields \(as in the header\), found 4 \(a truncated row\?\)$/,
    ],
    ["too-many-fields.csv", { row: 2 }, /expected 5 fields \(as in the header\), found 6$/],
    ["too-few-fields.csv", { row: 2 }, /expected 5 fields \(as in the header\), found 4/],
    [
      "tokens-not-numeric.csv",
      { row: 2, field: "input_tokens" },
      /expected a whole number of tokens, found "lots" \(not a number\)$/,
    ],
    [
      "tokens-negative.csv",
      { row: 1, field: "output_tokens" },
      /expected a whole number of tokens, found "-10" \(negative\)$/,
    ],
    [
      "tokens-fractional.csv",
      { row: 2, field: "input_tokens" },
      /expected a whole number of tokens, found "12.5" \(fractional\)$/,
    ],
    [
      "tokens-huge.csv",
      { row: 1, field: "input_tokens" },
      /expected at most 1000000000 tokens per request, found 99999999999999/,
    ],
    [
      "cache-over-input.csv",
      { row: 1, field: "cache_read_tokens" },
      /expected cache read \+ cache write tokens \(150 \+ 0\) to be at most input_tokens \(100\)/,
    ],
    [
      "timestamp-bad.csv",
      { row: 2, field: "timestamp" },
      /expected an ISO 8601 timestamp .* found "02\/06\/2025 10:00"$/,
    ],
    [
      "timestamp-no-such-date.csv",
      { row: 1, field: "timestamp" },
      /expected a valid date and time, found "2025-02-30T00:00:00Z" \(no such date or time\)$/,
    ],
    ["unclosed-quote.csv", { row: 1 }, /a quoted field is never closed; expected a closing quote/],
    // Issue 18: what used to be misnamed or accepted.
    [
      "tokens-infinity.csv",
      { row: 1, field: "input_tokens" },
      /expected a whole number of tokens, found "Infinity" \(not a finite number\)$/,
    ],
    [
      // Date.UTC would read year 42 as 1942.
      "timestamp-year-0042.csv",
      { row: 1, field: "timestamp" },
      /expected a year from 1970 on, found "0042-06-02T00:00:00Z" \(implausible for a request log\)$/,
    ],
    [
      "timestamp-offset-9999.csv",
      { row: 2, field: "timestamp" },
      /expected a UTC offset from -23:59 to \+23:59 \(such as \+02:00\), found "2025-06-02T00:00:00\+99:99" \(no such offset\)$/,
    ],
    [
      "timestamp-offset-2400.csv",
      { row: 1, field: "timestamp" },
      /expected a UTC offset .*, found "2025-06-02T00:00:00\+2400" \(no such offset\)$/,
    ],
    [
      "latency-hex.csv",
      { row: 1, field: "latency_ms" },
      /expected a non-negative number of milliseconds in decimal digits \(such as 850 or 850.5\), found "0x10"$/,
    ],
    [
      // ESC [2J (clear screen) and a line break inside a quoted cell: shown, never sent; one line.
      "timestamp-control-chars.csv",
      { row: 1, field: "timestamp" },
      /found "2025-06-02\\x1b\[2J\\x0ax"$/,
    ],
    [
      "header-control-chars.csv",
      { row: 0, field: "model" },
      /missing required column model; found timestamp, request_id, mo\\x1b\[31mdel, input_tokens, output_tokens$/,
    ],
  ];

  it.each(cases)("%s", async (name, at, message) => {
    await expectProjectRejects(`${BAD}/${name}`, at, message);
  });

  it("a file that is not UTF-8 (Latin-1) names the row and column of the first invalid byte", async () => {
    const dir = tempFiles({});
    const file = join(dir, "latin1.csv");
    writeFileSync(file, Buffer.from(`${HEADER}\n2025-06-02T00:00:00Z,r1,caf\xe9,1,1\n`, "latin1"));
    await expectProjectRejects(
      file,
      {},
      // Row 1 (the header is row 0), column 28: after "2025-06-02T00:00:00Z,r1,caf" (27 characters).
      /is not valid UTF-8 text \(invalid byte at row 1, column 28 \(byte \d+ of the file\)\); expected a UTF-8/,
    );
  });

  it("a corrupt gzip file", async () => {
    const dir = tempFiles({});
    const file = join(dir, "corrupt.csv.gz");
    const gz = gzipSync(`${HEADER}\n2025-06-02T00:00:00Z,r1,gpt-4o,1,1\n`);
    gz[12] = (gz[12] ?? 0) ^ 0xff;
    gz[gz.length - 6] = (gz[gz.length - 6] ?? 0) ^ 0xff;
    writeFileSync(file, gz);
    await expectProjectRejects(
      file,
      {},
      /is not a valid gzip file \(.*\); expected a whole file written by gzip \(it starts with gzip's magic bytes 1f 8b\)$/,
    );
  });

  it("a plain CSV named .csv.gz is read as plain text (gzip is told by its bytes, issue 11)", async () => {
    const file = join(
      tempFiles({ "plain.csv.gz": `${HEADER}\n2025-06-02T00:00:00Z,r1,gpt-4o,1,1\n` }),
      "plain.csv.gz",
    );
    const result = await runInProcess(["project", "-t", file, "--format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).traffic.observed_requests).toBe(1);
  });

  it("a gzip file cut short", async () => {
    const dir = tempFiles({});
    const file = join(dir, "short.csv.gz");
    const gz = gzipSync(`${HEADER}\n${"2025-06-02T00:00:00Z,r1,gpt-4o,1,1\n".repeat(200)}`);
    writeFileSync(file, gz.subarray(0, gz.length - 20));
    await expectProjectRejects(file, {}, /is not a valid gzip file/);
  });

  it("a file of NUL bytes is binary data, not an unclosed quote", async () => {
    const file = join(tempFiles({}), "zeros.csv");
    writeFileSync(file, Buffer.alloc(100_000));
    await expectProjectRejects(
      file,
      {},
      /holds binary data \(a NUL byte at byte 0 of the file\); expected a UTF-8 CSV text file$/,
    );
  });

  it("a NUL byte after good rows names its offset", async () => {
    const file = join(tempFiles({}), "nul.csv");
    // The header is 9 + 10 + 5 + 12 + 13 letters, 4 commas and a line break (54 bytes); the row is 20 + 2 + 6
    // + 1 + 1, 4 commas and a line break (35 bytes): bytes 0-88, so the NUL is byte 89.
    const row = "2025-06-02T00:00:00Z,r1,gpt-4o,1,1\n";
    writeFileSync(file, Buffer.concat([Buffer.from(`${HEADER}\n${row}`), Buffer.from([0, 0x41])]));
    await expectProjectRejects(file, {}, /holds binary data \(a NUL byte at byte 89 of the file\)/);
  });

  it("an unquoted cell over 8 MiB is named as such, not as an unclosed quote", async () => {
    const file = join(tempFiles({}), "huge-cell.csv");
    writeFileSync(file, `${HEADER}\n2025-06-02T00:00:00Z,r1,${"m".repeat(9 << 20)},1,1\n`);
    await expectProjectRejects(
      file,
      { row: 1 },
      /a line is longer than 8 MiB \(a cell over 8 MiB\?\); expected records under 8 MiB$/,
    );
  });

  it("a quoted field never closed, past 8 MiB, still says so", async () => {
    const file = join(tempFiles({}), "open-quote.csv");
    writeFileSync(file, `${HEADER}\n2025-06-02T00:00:00Z,r1,"gpt-4o,1,1\n${"x,1,1\n".repeat(2 << 20)}`);
    await expectProjectRejects(file, { row: 1 }, /a record is longer than 8 MiB; expected a closing quote/);
  });

  it.each([
    [
      "fixtures/scenarios/default.yaml",
      /this looks like a scenario \(top-level key "options"\), not a traffic CSV; pass it with --scenario$/,
    ],
    [
      "fixtures/policies/seed-hybrid.yaml",
      /this looks like a routing policy \(top-level key "targets"\), not a traffic CSV; pass it to `llmcost route` with --policy$/,
    ],
    [
      "fixtures/pricing/custom-models.yaml",
      /this looks like a pricing file \(top-level key "models"\), not a traffic CSV; pass it with --pricing$/,
    ],
    [
      "fixtures/pricing/litellm-sample.json",
      /this looks like a pricing file \(LiteLLM price entries\), not a traffic CSV; pass it with --pricing$/,
    ],
    [
      "fixtures/wizard/saas-assistant.answers.yaml",
      /this looks like wizard answers \(top-level key "workload"\), not a traffic CSV; pass it to `llmcost wizard` with --answers$/,
    ],
  ])("another kind of input given as traffic: %s", async (file, message) => {
    await expectProjectRejects(file, {}, message);
  });

  it("--map of a column the header lacks names it and the columns found", async () => {
    const result = await runInProcess([
      "project",
      "-t",
      `${BAD}/tokens-negative.csv`,
      "--map",
      "tennant=region",
    ]);
    expectLocatedError(
      result,
      { file: `${BAD}/tokens-negative.csv`, row: 0 },
      /--map tennant=region: the header has no column "tennant"; found timestamp, request_id, model, input_tokens, output_tokens$/,
    );
  });

  it("--map of a column the header lacks suggests a close one", async () => {
    const file = "fixtures/traffic/saas-assistant-week.csv";
    const result = await runInProcess(["project", "-t", file, "--map", "tennant=region"]);
    expectLocatedError(
      result,
      { file, row: 0 },
      /no column "tennant" \(did you mean "tenant"\?\); found timestamp,/,
    );
  });

  it("--map of one column twice is refused, not the last one kept", async () => {
    const result = await runInProcess([
      "project",
      "-t",
      "fixtures/traffic/saas-assistant-week.csv",
      "--map",
      "tenant=region",
      "--map",
      "tenant=use_case",
    ]);
    expectCleanError(result);
    expect(result.stderr).toBe(
      "llmcost: --map tenant=... is given twice (as region and as use_case); map each column once\n",
    );
  });

  it("a missing file", async () => {
    await expectProjectRejects(`${BAD}/no-such-file.csv`, {}, /: file not found$/);
  });

  it("an empty folder (a folder is read recursively, issue 11)", async () => {
    await expectProjectRejects(
      tempFiles({}),
      {},
      /: is a folder with no files in it; expected traffic files/,
    );
  });
});

describe("traffic CSV corpus through route --dry-run", () => {
  it("unsorted timestamps: replay needs ascending order, names both rows, writes no decisions file", async () => {
    const out = mkdtempSync(join(tmpdir(), "llmcost-out-"));
    const file = `${BAD}/timestamps-unsorted.csv`;
    const result = await runInProcess([
      "route",
      "--dry-run",
      "-t",
      file,
      "-P",
      POLICY,
      "-f",
      "json",
      "-o",
      join(out, "report.json"),
      "--decisions",
      join(out, "decisions.csv"),
    ]);
    expectLocatedError(
      result,
      { file, row: 3, field: "timestamp" },
      /2025-06-02T00:01:00.000Z comes after 2025-06-02T00:06:00.000Z \(row 2\); replay needs ascending timestamps/,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it("a bad row stops the replay with the same located message as project", async () => {
    const file = `${BAD}/tokens-fractional.csv`;
    const result = await runInProcess(["route", "--dry-run", "-t", file, "-P", POLICY, "-f", "json"]);
    expectLocatedError(result, { file, row: 2, field: "input_tokens" }, /found "12.5" \(fractional\)$/);
  });

  it("project accepts unsorted timestamps: the window runs from the earliest to the latest", async () => {
    const result = await runInProcess([
      "project",
      "-t",
      `${BAD}/timestamps-unsorted.csv`,
      "-f",
      "json",
      "-q",
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // Rows at 00:05, 00:06, 00:01: the window is 00:01 to 00:06.
    expect(report.window.start).toBe("2025-06-02T00:01:00.000Z");
    expect(report.window.end).toBe("2025-06-02T00:06:00.000Z");
  });
});
