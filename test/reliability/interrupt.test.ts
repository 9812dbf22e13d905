// Ctrl-C during a long run: exit 130, one line on stderr, no stack trace, and neither the output file nor
// a temporary file left behind. The traffic is generated big enough that the read is still going when the
// signal arrives; the signal is sent as soon as the process has the traffic file open (Linux /proc),
// or after a fixed delay where /proc is not available.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempFiles } from "../cli.js";

const ROWS = 600_000;
let dir = "";
let traffic = "";

beforeAll(() => {
  dir = tempFiles({});
  traffic = join(dir, "big.csv");
  const start = Date.UTC(2025, 5, 2);
  const lines = ["timestamp,request_id,provider,model,use_case,input_tokens,output_tokens"];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `${new Date(start + i * 1000).toISOString()},r${i},openai,gpt-4o,chat,${1000 + (i % 500)},${100 + (i % 50)}`,
    );
  }
  writeFileSync(traffic, `${lines.join("\n")}\n`);
});

function hasOpen(pid: number, file: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/** Starts the CLI, sends SIGINT once it reads the traffic, and resolves with its exit code and stderr. */
function interruptWhileReading(
  args: string[],
  signal: NodeJS.Signals = "SIGINT",
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, "bin", "llmcost.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1" },
  });
  let stderr = "";
  let stdout = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  const pid = child.pid ?? 0;
  const procAvailable = existsSync(`/proc/${pid}`);
  const started = Date.now();
  const poll = setInterval(() => {
    const ready = procAvailable ? hasOpen(pid, traffic) : Date.now() - started > 700;
    if (ready) {
      clearInterval(poll);
      child.kill(signal);
    }
  }, 10);
  return new Promise((resolve) => {
    child.on("close", (code) => {
      clearInterval(poll);
      resolve({ code, stderr, stdout });
    });
  });
}

describe("Ctrl-C (SIGINT) leaves nothing half-written", () => {
  it("project --output: exit 130, no report, no temporary file", async () => {
    const out = tempFiles({});
    const result = await interruptWhileReading([
      "project",
      "-t",
      traffic,
      "-f",
      "json",
      "-o",
      join(out, "r.json"),
    ]);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe("\nllmcost: interrupted (SIGINT); no partial output was left behind\n");
    expect(result.stdout).toBe("");
    expect(readdirSync(out)).toEqual([]);
  });

  it("route --decisions (written while the replay runs): the temporary decisions file is removed", async () => {
    const out = tempFiles({});
    const result = await interruptWhileReading([
      "route",
      "--dry-run",
      ...["-t", traffic, "-P", "fixtures/policies/seed-hybrid.yaml"],
      ...["-o", join(out, "r.json"), "--decisions", join(out, "d.csv")],
    ]);
    expect(result.code).toBe(130);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("SIGTERM and SIGHUP stop a replay too, with nothing left behind", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)(
    "route --dry-run with -o and --decisions, %s: exit %i, no file left",
    async (signal, code) => {
      const out = tempFiles({});
      const result = await interruptWhileReading(
        [
          "route",
          "--dry-run",
          ...["-t", traffic, "-P", "fixtures/policies/failover-drill.yaml"],
          ...["-o", join(out, "r.json"), "--decisions", join(out, "d.csv")],
        ],
        signal,
      );
      expect(result.code).toBe(code);
      expect(result.stderr).toBe(`\nllmcost: interrupted (${signal}); no partial output was left behind\n`);
      expect(readdirSync(out)).toEqual([]);
    },
    120_000,
  );
});
