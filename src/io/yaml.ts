// Loads a YAML input and validates it with its zod schema. Every error names the file, the line and the
// field path; unknown keys are errors because the schemas are strict.
import { type Document, isNode, isScalar, LineCounter, parseDocument, visit } from "yaml";
import type { z } from "zod";
import { InputError } from "../errors.js";

/** Bounds that keep alias bombs and absurd nesting from using unbounded memory or time. */
const MAX_ALIAS_COUNT = 100;
const MAX_DEPTH = 64;

export interface ParsedYaml {
  file: string;
  document: Document;
  lineCounter: LineCounter;
  value: unknown;
}

export function parseYamlText(file: string, text: string): ParsedYaml {
  const tooDeep = firstTooDeepLine(text);
  if (tooDeep !== undefined) {
    throw new InputError(
      { file, line: tooDeep },
      `invalid YAML: expected at most ${MAX_DEPTH} levels of nesting, found more (rejected before parsing)`,
    );
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const [firstError] = document.errors;
  if (firstError) {
    const at = lineCounter.linePos(firstError.pos[0]);
    const reason = firstError.message.split("\n")[0] ?? firstError.message;
    throw new InputError({ file, line: at.line, column: at.col }, `invalid YAML: ${reason}`);
  }
  const reserved = reservedKeyOffset(document);
  if (reserved !== undefined) {
    const at = lineCounter.linePos(reserved);
    throw new InputError(
      { file, line: at.line, column: at.col },
      `"__proto__" cannot be a key (reserved in JavaScript; it would be dropped silently); rename it`,
    );
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new InputError(
      { file },
      `invalid YAML: ${error instanceof Error ? error.message : String(error)} (aliases are limited to ${MAX_ALIAS_COUNT} expansions)`,
    );
  }
  return { file, document, lineCounter, value };
}

/** Where the first `__proto__` mapping key is: the schemas' records cannot hold one (zod drops it). */
function reservedKeyOffset(document: Document): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "__proto__") {
        offset = pair.key.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/**
 * The first line whose nesting exceeds MAX_DEPTH, or undefined. The parser recurses per level, so very
 * deep input must be refused before it runs. Nesting is estimated per line: open flow brackets ({[)
 * carried over from earlier lines, plus the indentation, plus compact block indicators (`- - - x`,
 * `? ? x`) that nest on a single line. Brackets inside quoted strings count too; the bound leaves room.
 */
function firstTooDeepLine(text: string): number | undefined {
  let brackets = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (c === 0x0a) {
      if (blockDepth(text, lineStart, i) + brackets > MAX_DEPTH) return line;
      line++;
      lineStart = i + 1;
    } else if (c === 0x5b || c === 0x7b) {
      brackets++;
      if (brackets > MAX_DEPTH) return line;
    } else if ((c === 0x5d || c === 0x7d) && brackets > 0) brackets--;
  }
  return undefined;
}

/** Indentation (two spaces a level) plus compact `- ` / `? ` indicators at the start of one line. */
function blockDepth(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 0x20) i++;
  let depth = Math.floor((i - start) / 2);
  for (;;) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (i + 1 >= end || (c !== 0x2d && c !== 0x3f) || (next !== 0x20 && next !== 0x09)) return depth;
    depth++;
    i += 2;
    while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  }
}

/** Validates parsed YAML against a schema; the first issue becomes an InputError with line and field. */
export function validateYaml<T extends z.ZodType>(parsed: ParsedYaml, schema: T): z.infer<T> {
  const result = schema.safeParse(parsed.value, { reportInput: true });
  if (result.success) return result.data;
  throw (
    yamlIssues(parsed, result.error.issues)[0] ?? new InputError({ file: parsed.file }, "invalid content")
  );
}

/** Every schema issue of parsed YAML as located InputErrors (empty when valid): what `validate` lists. */
export function yamlProblems(parsed: ParsedYaml, schema: z.ZodType): InputError[] {
  const result = schema.safeParse(parsed.value, { reportInput: true });
  return result.success ? [] : yamlIssues(parsed, result.error.issues);
}

function yamlIssues(parsed: ParsedYaml, issues: readonly z.core.$ZodIssue[]): InputError[] {
  return issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
    return new InputError(
      { file: parsed.file, ...locateInYaml(parsed, path), field: formatPath(path) || "(top level)" },
      describeIssue(issue),
    );
  });
}

/** The line of the node at `path`, or of its nearest ancestor that exists. */
export function locateInYaml(parsed: ParsedYaml, path: readonly (string | number)[]): { line?: number } {
  // Walk up the path until a node with a source range is found (a missing key points at its parent).
  for (let depth = path.length; depth >= 0; depth--) {
    const node = parsed.document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return { line: parsed.lineCounter.linePos(node.range[0]).line };
  }
  return {};
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const found = "input" in issue && issue.input !== undefined ? `, found ${brief(issue.input)}` : "";
  switch (issue.code) {
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} (check the spelling; unknown keys are not allowed)`;
    case "invalid_type":
      return issue.input === undefined
        ? `expected ${issue.expected}, found nothing (required)`
        : `expected ${issue.expected}${found}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}${found}`;
    case "custom":
      return issue.message;
    default:
      return `${issue.message}${found}`;
  }
}

/** A found value, short enough for one line. */
function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
