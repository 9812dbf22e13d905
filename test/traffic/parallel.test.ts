// The profile on worker threads must be indistinguishable from the single-threaded one: same profile,
// same errors with the same row numbers, and a fallback when a split point falls inside a quoted field.
// Workers load the build (dist/), which `npm test` makes first.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { profileTraffic } from "../../src/traffic/profile-traffic.js";
import { tempFile } from "./helpers.js";

const thresholds = [200_000];
const HEADER = "timestamp,model,input_tokens,output_tokens,requests,tenant";

function line(i: number, tokens = String(1000 + i)): string {
  const second = String(i % 60).padStart(2, "0");
  return `2025-06-02T10:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${second}Z,gpt-4o,${tokens},${i % 7},1,t${i % 3}`;
}

async function failure(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error;
}

describe("profileTraffic on worker threads", () => {
  it("gives the same profile and summary as one thread on a multi-MB generated file", async () => {
    const file = tempFile("");
    execFileSync(process.execPath, [
      "scripts/gen-traffic.mjs",
      ...["--rows", "40000", "--days", "3", "--seed", "5", "--out", file],
    ]);
    expect(statSync(file).size).toBeGreaterThan(4 << 20);
    const progress: number[] = [];
    const single = await profileTraffic(file, { longContextThresholds: thresholds, workers: 1 });
    const parallel = await profileTraffic(file, {
      longContextThresholds: thresholds,
      workers: 2,
      onProgress: (done) => progress.push(done),
    });
    const three = await profileTraffic(file, { longContextThresholds: thresholds, workers: 3 });
    expect(parallel).toEqual(single);
    expect(three).toEqual(single);
    expect(single.profile.rows).toBe(40_000);
    // Progress from both workers adds up to the whole file, header included.
    expect(progress.at(-1)).toBe(statSync(file).size);
  });

  it("falls back to one thread when the split point falls inside a quoted field with newlines", async () => {
    // A tenant cell of 5,000 quoted lines sits across the middle of the file, where two workers split it.
    const quoted = `"${"spans\n".repeat(5000)}"`;
    const rows = [HEADER];
    for (let i = 1; i <= 200; i++) rows.push(line(i));
    rows.push(line(201).replace(/t\d$/, quoted));
    for (let i = 202; i <= 400; i++) rows.push(line(i));
    const file = tempFile(`${rows.join("\n")}\n`);
    const single = await profileTraffic(file, { longContextThresholds: thresholds, workers: 1 });
    const parallel = await profileTraffic(file, { longContextThresholds: thresholds, workers: 2 });
    expect(parallel).toEqual(single);
    expect(parallel.profile.rows).toBe(400);
  });

  it("reports an error in the second range with the exact row, counting quoted newlines and blank lines", async () => {
    // Records: 1-300 good, with a 3-line quoted cell at row 10 and a blank line as record 20; then the
    // rows continue to 1000 with a fractional token count at record 800 (well past the middle).
    const rows = [HEADER];
    for (let record = 1; record <= 1000; record++) {
      if (record === 20) rows.push("");
      else if (record === 10) rows.push(line(record).replace(/t\d$/, '"a\nb\nc"'));
      else rows.push(line(record, record === 800 ? "1.5" : undefined));
    }
    const file = tempFile(`${rows.join("\n")}\n`);
    const single = await failure(profileTraffic(file, { longContextThresholds: thresholds, workers: 1 }));
    const parallel = await failure(profileTraffic(file, { longContextThresholds: thresholds, workers: 2 }));
    expect(single.location).toEqual({ file, row: 800, field: "input_tokens" });
    expect(parallel.location).toEqual(single.location);
    expect(parallel.message).toBe(single.message);
    expect(parallel.message).toMatch(/found "1.5" \(fractional\)/);
  });

  it("reports the first error in file order when both ranges have one", async () => {
    const rows = [HEADER];
    for (let record = 1; record <= 1000; record++) {
      rows.push(record === 900 ? "gpt-4o,1" : line(record, record === 100 ? "-3" : undefined));
    }
    const file = tempFile(`${rows.join("\n")}\n`);
    const parallel = await failure(profileTraffic(file, { longContextThresholds: thresholds, workers: 2 }));
    expect(parallel.location).toEqual({ file, row: 100, field: "input_tokens" });
  });
});
