// Replay fed by worker threads (readTrafficInOrder) must be indistinguishable from the single-threaded
// read: byte-identical reports and decisions files, and the same errors with the same row numbers, also
// when the problem sits in a later segment or across a segment boundary. Workers load the build (dist/),
// which `npm test` makes first.
import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { loadRoutingPolicy } from "../../src/io/policy-load.js";
import { loadCatalog } from "../../src/io/pricing-load.js";
import { routeMonth } from "../../src/pipeline/route-dry-run.js";
import { decisionHeader, decisionLine } from "../../src/report/route-decisions.js";
import { renderRouteReport } from "../../src/report/route-render.js";
import { buildRouteReport } from "../../src/report/route-report.js";
import { RouteRun } from "../../src/routing/run.js";
import { defaultReaders, readTrafficInOrder } from "../../src/traffic/read-in-order.js";

const dir = mkdtempSync(join(tmpdir(), "llmcost-parallel-replay-"));
let counter = 0;
function tempFile(content: string): string {
  const file = join(dir, `${++counter}.csv`);
  writeFileSync(file, content);
  return file;
}

/** Replays `file` as `route` does and returns the JSON report and the CSV decisions file as text. */
async function replay(file: string, policyFile: string, workers: number, restarts: number[] = []) {
  const catalog = await loadCatalog([]);
  const policy = await loadRoutingPolicy(policyFile, catalog);
  const start = () => {
    const state = { decisions: decisionHeader("csv"), run: undefined as RouteRun | undefined };
    state.run = new RouteRun(policy, catalog, {
      seed: 7,
      trafficFile: file,
      onDecision: (decision) => {
        state.decisions += decisionLine(decision, "csv");
      },
    });
    return state;
  };
  let current = start();
  await readTrafficInOrder(file, (row) => current.run?.add(row), {
    workers,
    onRestart: () => {
      restarts.push(1);
      current = start();
    },
  });
  const result = current.run?.finish();
  if (!result) throw new Error("no run");
  const inputs = {
    traffic: "t",
    sources: null,
    policy: "p",
    pricing: [],
    seed: 7,
    diff_policy: null,
    as_of: "2026-08-15",
  };
  const month = routeMonth(result.summary.window);
  const json = renderRouteReport(buildRouteReport(result.summary, inputs, result.diff, month), "json");
  return { json, decisions: current.decisions };
}

async function failure(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error;
}

const HEADER = "timestamp,request_id,provider,model,region,input_tokens,output_tokens,requires_compliance";
function line(i: number, tokens = String(1000 + i), second = i): string {
  const at = new Date(Date.UTC(2025, 5, 3, 8, 0, 0) + second * 1000).toISOString();
  return `${at},r${i},openai,gpt-4o,us-east-1,${tokens},${i % 50},${i % 4 === 0}`;
}
function file(lines: string[]): string {
  return tempFile(`${[HEADER, ...lines].join("\n")}\n`);
}

describe("route replay fed by worker threads", () => {
  it("uses two readers on 2 cores, one per core but the replay's above that (at most 4), none on 1", () => {
    expect([1, 2, 3, 4, 5, 8, 32].map(defaultReaders)).toEqual([0, 2, 2, 3, 4, 4, 4]);
  });

  it("gives byte-identical reports and decisions on a multi-MB generated file", async () => {
    const traffic = join(dir, "generated.csv");
    execFileSync(process.execPath, [
      "scripts/gen-traffic.mjs",
      ...["--rows", "30000", "--days", "3", "--seed", "5", "--start", "2025-06-02T00:00:00Z"],
      ...["--out", traffic],
    ]);
    expect(statSync(traffic).size).toBeGreaterThan(3 << 20);
    for (const policy of ["seed-hybrid", "failover-drill"]) {
      const policyFile = `fixtures/policies/${policy}.yaml`;
      const single = await replay(traffic, policyFile, 0);
      const restarts: number[] = [];
      expect(await replay(traffic, policyFile, 1, restarts)).toEqual(single);
      expect(await replay(traffic, policyFile, 2, restarts)).toEqual(single);
      expect(restarts).toEqual([]);
      expect(single.decisions.split("\n").length).toBe(30_002);
    }
  }, 60_000);

  it("reports an error in the second segment with its exact row", async () => {
    const lines = Array.from({ length: 400 }, (_, i) => line(i + 1));
    lines[349] = line(350, "12.5");
    const traffic = file(lines);
    const single = await failure(replay(traffic, "fixtures/policies/seed-hybrid.yaml", 0));
    const parallel = await failure(replay(traffic, "fixtures/policies/seed-hybrid.yaml", 2));
    expect(single.location).toEqual({ file: traffic, row: 350, field: "input_tokens" });
    expect(parallel.location).toEqual(single.location);
    expect(parallel.message).toBe(single.message);
  });

  it("reports unsorted timestamps across a segment boundary with the right row", async () => {
    const lines = Array.from({ length: 400 }, (_, i) => line(i + 1));
    // Rows just after the middle, where two workers split the file, go back in time.
    for (let i = 200; i < 210; i++) lines[i] = line(i + 1, undefined, 5);
    const traffic = file(lines);
    const single = await failure(replay(traffic, "fixtures/policies/seed-hybrid.yaml", 0));
    const parallel = await failure(replay(traffic, "fixtures/policies/seed-hybrid.yaml", 2));
    expect(single.location).toEqual({ file: traffic, row: 201, field: "timestamp" });
    expect(parallel.location).toEqual(single.location);
    expect(parallel.message).toBe(single.message);
  });

  it("the first problem in file order wins: a replay error before a bad cell in a later segment", async () => {
    const lines = Array.from({ length: 400 }, (_, i) => line(i + 1));
    lines[150] = line(151, undefined, 0);
    lines[380] = line(381, "-3");
    const traffic = file(lines);
    const parallel = await failure(replay(traffic, "fixtures/policies/seed-hybrid.yaml", 2));
    expect(parallel.location).toEqual({ file: traffic, row: 151, field: "timestamp" });
  });

  it("starts the replay afresh on one thread when a split falls inside a quoted field", async () => {
    const lines = Array.from({ length: 400 }, (_, i) => line(i + 1));
    // A request id of 5,000 quoted lines across the middle of the file.
    lines[200] = line(201).replace("r201", `"${"spans\n".repeat(5000)}"`);
    const traffic = file(lines);
    const restarts: number[] = [];
    const single = await replay(traffic, "fixtures/policies/seed-hybrid.yaml", 0);
    expect(await replay(traffic, "fixtures/policies/seed-hybrid.yaml", 2, restarts)).toEqual(single);
    expect(restarts).toEqual([1]);
  });
});
