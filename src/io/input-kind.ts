// What kind of llmcost input a YAML or JSON document is, from its top-level keys: `validate` detects kinds
// with it, and a traffic reader that meets a YAML or JSON file says which flag the file belongs to.
import { InputError } from "../errors.js";
import { readTextFile } from "./files.js";
import { hasLiteLlmEntries } from "./pricing-litellm.js";
import { type ParsedYaml, parseYamlText } from "./yaml.js";

export type DocumentKind = "pricing" | "scenario" | "policy" | "answers";

/** The kind a parsed document's top-level keys say it is, with the key that told; undefined when none. */
export function kindOfDocument(value: unknown): { kind: DocumentKind; key: string } | undefined {
  const keys = topLevelKeys(value);
  const first = (kind: DocumentKind, names: readonly string[]) => {
    const key = names.find((name) => keys.includes(name));
    return key === undefined ? undefined : { kind, key };
  };
  return (
    first("pricing", ["models"]) ??
    first("scenario", ["options"]) ??
    first("policy", ["targets", "rules"]) ??
    first("answers", ["workload", "constraints", "candidates", "infrastructure"]) ??
    (hasLiteLlmEntries(value) ? { kind: "pricing", key: "LiteLLM price entries" } : undefined)
  );
}

export function topLevelKeys(value: unknown): string[] {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
}

/** Where each kind of file goes on the command line. */
const FLAG_FOR: Readonly<Record<DocumentKind, string>> = {
  pricing: "pass it with --pricing",
  scenario: "pass it with --scenario",
  policy: "pass it to `llmcost route` with --policy",
  answers: "pass it to `llmcost wizard` with --answers",
};

const NAME_OF: Readonly<Record<DocumentKind, string>> = {
  pricing: "a pricing file",
  scenario: "a scenario",
  policy: "a routing policy",
  answers: "wizard answers",
};

/**
 * For a file given as traffic whose header lacks the required columns: when it is a YAML or JSON input of
 * another kind, the sentence that says so ("this looks like a scenario ..."); otherwise undefined. Reads
 * the file again: this runs only on that error's path.
 */
async function wrongKindForTraffic(file: string): Promise<string | undefined> {
  if (file.toLowerCase().endsWith(".gz")) return undefined;
  try {
    const text = await readTextFile(file);
    const value = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYamlText(file, text).value;
    const found = kindOfDocument(value);
    if (found === undefined) return undefined;
    return `this looks like ${NAME_OF[found.kind]} (${found.key === "LiteLLM price entries" ? "LiteLLM price entries" : `top-level key "${found.key}"`}), not a traffic CSV; ${FLAG_FOR[found.kind]}`;
  } catch {
    return undefined;
  }
}

/** Runs a read of traffic (or the format detection before it); a header without the required columns, or
 * JSON no log format recognises, in a file that is another kind of llmcost input, becomes the error that
 * names that kind and its flag. */
export async function readingTraffic<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const file = error instanceof InputError ? error.location.file : undefined;
    const notTraffic =
      error instanceof InputError &&
      ((error.location.row === 0 && error.message.startsWith("missing required column")) ||
        error.message.startsWith("matches no traffic format"));
    if (file !== undefined && notTraffic) {
      const hint = await wrongKindForTraffic(file);
      if (hint !== undefined) throw new InputError({ file }, hint);
    }
    throw error;
  }
}

/** Refuses a document of another kind given where `expected` belongs (a policy as --scenario, a traffic
 * CSV as --policy), naming its flag; a document of no known kind is left to the schema's messages. */
export function assertDocumentKind(parsed: ParsedYaml, expected: DocumentKind): void {
  const value = parsed.value;
  if (typeof value === "string" && value.includes(",")) {
    throw new InputError(
      { file: parsed.file },
      `this looks like a traffic CSV, not ${NAME_OF[expected]}; pass it with --traffic`,
    );
  }
  const found = kindOfDocument(value);
  if (found === undefined || found.kind === expected) return;
  throw new InputError(
    { file: parsed.file },
    `this looks like ${NAME_OF[found.kind]} (top-level key "${found.key}"), not ${NAME_OF[expected]}; ${FLAG_FOR[found.kind]}`,
  );
}
