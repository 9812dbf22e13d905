// Two ways to run the CLI, with the same result shape: `runCli` spawns the built binary as a user would
// (`node bin/llmcost.js ...`); `runInProcess` calls `main` from src/cli.ts in this process, capturing what it
// writes, for the large error corpora (a spawn costs hundreds of milliseconds, a call a few).
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import chalk from "chalk";
import { vi } from "vitest";
import { main } from "../src/cli.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "llmcost.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment every run gets, so output does not depend on the machine: no colours, UTC dates and a fixed
 * width. Nothing llmcost renders reads the width today (cli-table3 sizes columns to their content; commander
 * wraps help to `process.stdout.columns` only on a terminal, and tests never give it one); COLUMNS is pinned
 * so that a renderer that starts reading it cannot make reports differ between machines unnoticed.
 */
export const PINNED_ENV = { NO_COLOR: "1", FORCE_COLOR: "0", TZ: "UTC", COLUMNS: "80" } as const;

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
}

export function runCli(
  args: string[],
  options: RunOptions & { input?: string; timeoutMs?: number } = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    env: { ...process.env, ...PINNED_ENV, ...options.env },
    input: options.input ?? "",
    // A run past its time is killed (SIGTERM) and comes back with no exit code, so the test fails.
    ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `runCli` without blocking, so that independent runs (the golden files) can overlap on a second core. */
export function runCliAsync(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? ROOT, encoding: "utf8", env: { ...process.env, ...PINNED_ENV, ...options.env } },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

/**
 * `main(["node", "llmcost", ...args])` in this process, with stdout and stderr captured instead of printed.
 * What one run changes in the process is put back afterwards: the working folder, environment variables
 * given in `options.env`, `process.exitCode`, and chalk's colour level (`--no-color` and `--output` set it
 * to 0). Temporary files are not cleared here: a run must remove its own, and the tests check the folders.
 * Runs must not overlap (vitest runs a file's tests one after another). No stdin: use `runCli` with `input`.
 * Colours come from the test process's environment (vitest.config.ts pins NO_COLOR), not from `options.env`.
 */
export async function runInProcess(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const saved = { cwd: process.cwd(), exitCode: process.exitCode, chalkLevel: chalk.level };
  const savedEnv = Object.keys(options.env ?? {}).map((name) => [name, process.env[name]] as const);
  let stdout = "";
  let stderr = "";
  const text = (chunk: string | Uint8Array) =>
    typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
  // Writes complete at once: call a callback passed last, as a stream would once the data is flushed.
  const callbackOf = (rest: unknown[]) => {
    const last = rest.at(-1);
    if (typeof last === "function") queueMicrotask(() => last());
  };
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk, ...rest: unknown[]) => {
    stdout += text(chunk);
    callbackOf(rest);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk, ...rest: unknown[]) => {
    stderr += text(chunk);
    callbackOf(rest);
    return true;
  });
  try {
    process.chdir(options.cwd ?? ROOT);
    Object.assign(process.env, options.env);
    const code = await main(["node", "llmcost", ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.chdir(saved.cwd);
    for (const [name, value] of savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    process.exitCode = saved.exitCode;
    chalk.level = saved.chalkLevel;
  }
}

/** A fresh temporary folder with the given files written into it; returns its path. */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "llmcost-test-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A user-facing error: one message line, no stack trace. */
export function expectCleanError(result: CliResult): void {
  if (result.code !== 2) throw new Error(`expected exit 2, got ${result.code}; stderr: ${result.stderr}`);
  if (/\n\s+at /.test(result.stderr)) throw new Error(`stack trace on stderr: ${result.stderr}`);
  if (result.stdout !== "") throw new Error(`stdout not empty on error: ${result.stdout}`);
}

/** Where a located error must point: the file, then a line (YAML) or a row (CSV), then the field. */
export interface ExpectedLocation {
  file: string;
  line?: number;
  row?: number;
  field?: string;
}

/**
 * A clean error (exit 2, no stack, empty stdout) whose stderr is ONE line, `llmcost: <location>: ...`,
 * with exactly the given location, and whose message matches `message` (what was expected and found).
 */
export function expectLocatedError(result: CliResult, at: ExpectedLocation, message: RegExp): void {
  expectCleanError(result);
  const lines = result.stderr.trimEnd().split("\n");
  if (lines.length !== 1)
    throw new Error(`expected one line on stderr, got ${lines.length}: ${result.stderr}`);
  let prefix = `llmcost: ${at.file}`;
  if (at.line !== undefined) prefix += `:${at.line}`;
  if (at.row !== undefined) prefix += ` row ${at.row}`;
  if (at.field !== undefined) prefix += `, field "${at.field}"`;
  const line = lines[0] ?? "";
  // `file:12:` and `file:12:3:` (a column) both count as line 12.
  if (!line.startsWith(`${prefix}:`)) {
    throw new Error(`expected stderr to start with ${JSON.stringify(prefix)}, got ${JSON.stringify(line)}`);
  }
  if (!message.test(line))
    throw new Error(`expected stderr to match ${message}, got ${JSON.stringify(line)}`);
}
