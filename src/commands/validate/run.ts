// `llmcost validate`: check each file as the kind it is, collect every problem with its location, print a
// line per file (or JSON) and exit 2 when anything is wrong.

import { scenarioSchema } from "../../cost/scenario-schema.js";
import { ExitCode, formatLocation, InputError } from "../../errors.js";
import { readFailure, readTextFile } from "../../io/files.js";
import { kindOfDocument, readingTraffic, topLevelKeys } from "../../io/input-kind.js";
import { loadRoutingPolicy } from "../../io/policy-load.js";
import { loadCatalog, loadPricingFile } from "../../io/pricing-load.js";
import { parseYamlText, yamlProblems } from "../../io/yaml.js";
import { printable } from "../../printable.js";
import { parseColumnMap } from "../../traffic/columns.js";
import { LOG_FORMATS } from "../../traffic/formats/index.js";
import { forEachTrafficRow, openTrafficInputs } from "../../traffic/read-sources.js";
import { CANONICAL_FORMAT, isGzip, sniffFile } from "../../traffic/sniff.js";
import { loadAnswers } from "../../wizard/answers-load.js";
import type { InputKind, ValidateOptions } from "./command.js";

interface FileVerdict {
  file: string;
  kind: InputKind | "unknown";
  summary?: string;
  problems: InputError[];
}

export async function runValidate(files: string[], options: ValidateOptions): Promise<number> {
  const verdicts: FileVerdict[] = [];
  for (const file of files) verdicts.push(await check(file, options));
  // Text goes to a terminal: file names and messages quote user input, so control characters are escaped.
  process.stdout.write(options.format === "json" ? renderJson(verdicts) : printable(renderText(verdicts)));
  return verdicts.some((v) => v.problems.length > 0) ? ExitCode.usage : ExitCode.ok;
}

async function check(file: string, options: ValidateOptions): Promise<FileVerdict> {
  let kind: InputKind | "unknown" = options.kind ?? "unknown";
  try {
    kind = options.kind ?? (await detectKind(file));
    const checked = await checkAs(kind, file, options);
    return { file, kind, ...checked };
  } catch (error) {
    // An unreadable file is one file's problem: report it and go on to the next.
    const failure = readFailure(file, error);
    if (failure instanceof InputError) return { file, kind, problems: [failure] };
    throw failure;
  }
}

async function checkAs(
  kind: InputKind,
  file: string,
  options: ValidateOptions,
): Promise<Omit<FileVerdict, "file" | "kind">> {
  switch (kind) {
    case "traffic": {
      const inputs = await openTrafficInputs([file]);
      const reads = await readingTraffic(() =>
        forEachTrafficRow(inputs, () => {}, { map: parseColumnMap(options.map), modelMap: new Map() }),
      );
      const rows = reads.reduce((sum, read) => sum + read.rows, 0);
      const requests = reads.reduce((sum, read) => sum + read.requests, 0);
      const formats = [...new Set(reads.map((read) => read.format))].join(", ");
      const unknown = reads.reduce((sum, read) => sum + read.unknownRequestRows, 0);
      const without = unknown > 0 ? ` (and ${unknown} rows of totals without a request count)` : "";
      const counts = `${rows} rows, ${requests} requests${without}`;
      return { summary: formats === CANONICAL_FORMAT ? counts : `${formats}, ${counts}`, problems: [] };
    }
    case "pricing": {
      const models = await loadPricingFile(file);
      return { summary: `${models.length} models`, problems: [] };
    }
    case "scenario": {
      const parsed = parseYamlText(file, await readTextFile(file));
      const problems = yamlProblems(parsed, scenarioSchema);
      const options = scenarioSchema.safeParse(parsed.value).data?.options.length ?? 0;
      return { ...(problems.length ? {} : { summary: `${options} options` }), problems };
    }
    case "answers": {
      await loadAnswers(file, await loadCatalog(options.pricing));
      return { summary: "valid", problems: [] };
    }
    case "policy": {
      const policy = await loadRoutingPolicy(file, await loadCatalog(options.pricing));
      return { summary: `${policy.targets.length} targets, ${policy.rules.length} rules`, problems: [] };
    }
  }
}

/** Extension first (.csv, .jsonl, .json: a log format's or else pricing), gzip, then the top-level keys
 * of a YAML document. */
async function detectKind(file: string): Promise<InputKind> {
  if (/\.(csv|tsv|jsonl|ndjson)(\.gz)?$/i.test(file) || (await isGzip(file))) return "traffic";
  if (/\.json$/i.test(file)) return (await isLogFile(file)) ? "traffic" : "pricing";
  const parsed = parseYamlText(file, await readTextFile(file));
  const found = kindOfDocument(parsed.value);
  if (found) return found.kind;
  const keys = topLevelKeys(parsed.value);
  throw new InputError(
    { file },
    `cannot tell what kind of file this is (top-level keys: ${keys.join(", ") || "none"}); expected a traffic CSV, a pricing file (models:), a scenario (options:) a policy (targets:, rules:) or wizard answers (workload:); pass --kind`,
  );
}

function renderText(verdicts: readonly FileVerdict[]): string {
  const lines: string[] = [];
  for (const verdict of verdicts) {
    if (verdict.problems.length === 0)
      lines.push(`ok       ${verdict.file} (${verdict.kind}: ${verdict.summary ?? "valid"})`);
    for (const problem of verdict.problems)
      lines.push(`problem  ${formatLocation(problem.location)}: ${problem.message}`);
  }
  const bad = verdicts.filter((v) => v.problems.length > 0).length;
  lines.push(`${verdicts.length} file${verdicts.length === 1 ? "" : "s"} checked, ${bad} with problems`);
  return `${lines.join("\n")}\n`;
}

function renderJson(verdicts: readonly FileVerdict[]): string {
  const files = verdicts.map((v) => ({
    file: v.file,
    kind: v.kind,
    valid: v.problems.length === 0,
    summary: v.summary ?? null,
    problems: v.problems.map((p) => ({ ...p.location, message: p.message })),
  }));
  return `${JSON.stringify({ schema_version: 1, files }, null, 2)}\n`;
}

/** Whether a log format recognises the file (a JSON log or usage export rather than LiteLLM's price map). */
async function isLogFile(file: string): Promise<boolean> {
  try {
    return (await sniffFile(file, LOG_FORMATS)).format !== "canonical";
  } catch {
    return false;
  }
}
