// Issue 17, item 7: the same input gives the same bytes and the same errors on every path. Totals past
// 2^53 (where sums of doubles depend on the order of addition, so on the number of reader threads) are
// refused, and an invalid UTF-8 byte is named by its row and column whichever command or reader found it.
// Through the binary; the big file (over 16 MB) is read by worker threads, the small one on one thread.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectCleanError, runCli, tempFiles } from "../cli.js";

const POLICY = "fixtures/policies/seed-hybrid.yaml";
const HEADER = "timestamp,request_id,provider,model,input_tokens,output_tokens,note\n";
const row = (i: number, note = "ok") =>
  `${new Date(Date.UTC(2025, 5, 2) + i * 1000).toISOString()},r${i},openai,gpt-4o,${1000 + (i % 500)},100,${note}\n`;

describe("totals past 2^53 are refused, not rounded differently per core count", () => {
  it("three rows of 1e9 input tokens x 4e6 requests: 3 x 4e15 = 1.2e16 > 2^53 - 1 = 9,007,199,254,740,991", () => {
    const rows = [0, 1, 2].map((i) => `2025-06-02T00:00:0${i}Z,r${i},openai,gpt-4o,1000000000,100,4000000\n`);
    const dir = tempFiles({
      "t.csv": `timestamp,request_id,provider,model,input_tokens,output_tokens,requests\n${rows.join("")}`,
    });
    const result = runCli(["project", "-t", join(dir, "t.csv"), "-f", "json"]);
    expectCleanError(result);
    expect(result.stderr).toBe(
      `llmcost: ${join(dir, "t.csv")}, field "input_tokens": the input tokens add up to more than 9,007,199,254,740,991 (2^53 - 1), past what llmcost counts exactly; split the file or use smaller \`requests\` weights\n`,
    );
  });
});

describe("an invalid UTF-8 byte is named by row and column, the same for every command and reader", () => {
  let dir = "";
  beforeAll(() => {
    dir = tempFiles({});
    // Small: row 3's note is Latin-1 "café" (0xE9 alone is not UTF-8), right after the line's text.
    const small = Buffer.concat([
      Buffer.from(HEADER + row(0) + row(1)),
      Buffer.from(row(2, "caf").slice(0, -1)),
      Buffer.from([0xe9, 0x0a]),
      Buffer.from(row(3)),
    ]);
    writeFileSync(join(dir, "small.csv"), small);
    // Big: 400,000 rows (about 25 MB, read by worker threads), the bad byte in row 399,990.
    const lines: string[] = [HEADER];
    for (let i = 0; i < 400_000; i++) lines.push(i === 399_989 ? "" : row(i));
    const before = lines.slice(0, 399_990).join("");
    const after = lines.slice(399_990).join("");
    writeFileSync(
      join(dir, "big.csv"),
      Buffer.concat([
        Buffer.from(before),
        Buffer.from(row(399_989, "caf").slice(0, -1)),
        Buffer.from([0xe9, 0x0a]),
        Buffer.from(after),
      ]),
    );
  });

  it.each(["small", "big"])(
    "%s file: project and route give the same message",
    (name) => {
      const file = join(dir, `${name}.csv`);
      const project = runCli(["project", "-t", file], { timeoutMs: 300_000 });
      const route = runCli(["route", "--dry-run", "-t", file, "-P", POLICY], { timeoutMs: 300_000 });
      expectCleanError(project);
      expectCleanError(route);
      expect(route.stderr).toBe(project.stderr);
      const expectedRow = name === "small" ? 3 : 399_990;
      // The bad byte follows the line's text: its column is that text's length + 1 = the line's length.
      const expectedColumn = row(expectedRow - 1, "caf").length;
      expect(project.stderr).toMatch(
        new RegExp(
          `^llmcost: .*${name}\\.csv: is not valid UTF-8 text \\(invalid byte at row ${expectedRow}, column ${expectedColumn} \\(byte \\d+ of the file\\)\\); expected a UTF-8 encoded CSV file\\n$`,
        ),
      );
    },
    320_000,
  );
});
