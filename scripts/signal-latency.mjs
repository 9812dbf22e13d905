#!/usr/bin/env node
// How long llmcost takes to stop after SIGINT, SIGTERM or SIGHUP in the middle of a long run (issue 17:
// target under one second), and whether it leaves any file behind. Generates seeded traffic, starts each run,
// sends the signal once the run has replayed for a while, and reports the time from signal to exit.
//   node scripts/signal-latency.mjs [--rows N] [--runs N]
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const ROOT = new URL("..", import.meta.url).pathname;
const BIN = join(ROOT, "bin/llmcost.js");
const { values } = parseArgs({
  options: { rows: { type: "string", default: "1000000" }, runs: { type: "string", default: "3" } },
});
const dir = mkdtempSync(join(tmpdir(), "llmcost-signal-"));
const traffic = join(dir, "traffic.csv");
spawnSync(
  process.execPath,
  [join(ROOT, "scripts/gen-traffic.mjs"), "--rows", values.rows, "--out", traffic],
  {
    stdio: "inherit",
  },
);

const CASES = [
  ["SIGINT", 130, ["project", "-t", traffic, "-f", "json"]],
  [
    "SIGTERM",
    143,
    ["route", "--dry-run", "-t", traffic, "-P", join(ROOT, "fixtures/policies/seed-hybrid.yaml")],
  ],
  [
    "SIGHUP",
    129,
    ["route", "--dry-run", "-t", traffic, "-P", join(ROOT, "fixtures/policies/failover-drill.yaml")],
  ],
];

function once(signal, args, out, delay) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        BIN,
        ...args,
        "-o",
        join(out, "r.out"),
        ...(args[0] === "route" ? ["--decisions", join(out, "d.csv")] : []),
        "-q",
      ],
      { stdio: "ignore" },
    );
    let sentAt = 0;
    // Late enough that the run is deep in its work, early enough that it has not finished.
    const timer = setTimeout(() => {
      sentAt = performance.now();
      child.kill(signal);
    }, delay);
    child.on("exit", (code, sig) => {
      clearTimeout(timer);
      resolve({ code: code ?? sig, ms: sentAt ? performance.now() - sentAt : Number.NaN });
    });
  });
}

const results = [];
for (const [signal, expected, args] of CASES) {
  for (let run = 0; run < Number(values.runs); run++) {
    const out = mkdtempSync(join(dir, "out-"));
    const { code, ms } = await once(signal, args, out, 300 + ((run * 300) % 1200));
    const left = readdirSync(out);
    results.push({ signal, command: args[0], code, expected, ms: Math.round(ms), left });
    process.stdout.write(
      `${signal.padEnd(7)} ${args[0].padEnd(7)} exit ${code} (expected ${expected})  ${Math.round(ms)} ms after the signal  files left: ${left.length ? left.join(", ") : "none"}\n`,
    );
  }
}
rmSync(dir, { recursive: true, force: true });
// A run that ended before its signal was sent says nothing about latency (its output is complete).
const signalled = results.filter((r) => !Number.isNaN(r.ms));
const worst = Math.max(...signalled.map((r) => r.ms));
process.stdout.write(
  `worst: ${worst} ms from signal to exit over ${signalled.length} signalled runs (${results.length - signalled.length} finished first)\n`,
);
// Killed by the signal before the handlers were installed (start-up) also counts: the shell sees 128 + n.
const stopped = (r) => r.code === r.expected || r.code === r.signal;
process.exitCode = signalled.every((r) => stopped(r) && r.left.length === 0) ? 0 : 1;
