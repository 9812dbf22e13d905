// Runs the built binary as a user would: `node bin/llmcost.js ...`, capturing stdout, stderr and the exit code.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "llmcost.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { env?: Record<string, string>; input?: string; cwd?: string } = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env },
    input: options.input ?? "",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
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
