// Without --format, the report format follows the --output file's extension (.json, .csv, .md, .html) and is
// otherwise a table, for every command with --output; --format always wins. Through the built binary.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runInProcess, tempFiles } from "../cli.js";

const WEEK = "fixtures/traffic/saas-assistant-week.csv";
const POLICY = "fixtures/policies/seed-hybrid.yaml";
const AS_OF = ["--as-of", "2025-06-08", "-q"];

/** A written report's kind, from its first characters. */
function kindOf(text: string): string {
  if (text.startsWith("{")) return "json";
  if (/^#+ /.test(text)) return "markdown";
  if (text.startsWith("<!doctype html>") || text.startsWith("<!DOCTYPE html>")) return "html";
  if (/^[a-z_]+(,[a-z_0-9]+)+\r?\n/.test(text)) return "csv";
  return "table";
}

describe("--output FILE.json without --format writes JSON (the binary)", () => {
  const commands: [string, string[]][] = [
    ["project", ["project", "-t", WEEK, ...AS_OF]],
    ["route", ["route", "--dry-run", "-t", WEEK, "-P", POLICY, ...AS_OF]],
    ["pricing list", ["pricing", "list", ...AS_OF]],
    ["pricing show", ["pricing", "show", "gpt-4o", ...AS_OF]],
  ];
  for (const [name, args] of commands) {
    it(`${name} -o out.json`, () => {
      const dir = tempFiles({});
      const result = runCli([...args, "-o", join(dir, "out.json")]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe("");
      const report: { schema_version: number } = JSON.parse(readFileSync(join(dir, "out.json"), "utf8"));
      expect(report.schema_version).toBe(2);
    });
  }
});

describe("each extension picks its format; --format wins; anything else is a table", () => {
  const cases: [string[], string, string][] = [
    [["project", "-t", WEEK, ...AS_OF], "out.csv", "csv"],
    [["project", "-t", WEEK, ...AS_OF], "out.md", "markdown"],
    [["project", "-t", WEEK, ...AS_OF], "out.txt", "table"],
    [["project", "-t", WEEK, ...AS_OF, "--format", "table"], "out.json", "table"],
    [["route", "--dry-run", "-t", WEEK, "-P", POLICY, ...AS_OF], "out.csv", "csv"],
    [["route", "--dry-run", "-t", WEEK, "-P", POLICY, ...AS_OF], "out.markdown", "markdown"],
    [["pricing", "list", ...AS_OF], "out.csv", "csv"],
    [["pricing", "show", "gpt-4o", ...AS_OF], "out.md", "markdown"],
    // pricing has no html report: a table, not a format it cannot write.
    [["pricing", "list", ...AS_OF], "out.html", "table"],
  ];
  for (const [args, file, kind] of cases) {
    it(`${args.slice(0, 2).join(" ")} ${args.includes("--format") ? "--format table " : ""}-o ${file} writes ${kind}`, async () => {
      const dir = tempFiles({});
      const result = await runInProcess([...args, "-o", join(dir, file)]);
      expect(result.code).toBe(0);
      expect(kindOf(readFileSync(join(dir, file), "utf8"))).toBe(kind);
    });
  }
});
