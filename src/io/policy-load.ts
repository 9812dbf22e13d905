// Loads a routing policy file: YAML parse, schema validation, then the cross-reference checks, every
// problem reported with the file, the line and the field path. Also used by `llmcost validate`.
import { InputError } from "../errors.js";
import { type CompiledPolicy, compilePolicy, type PolicyIssue, type PriceLookup } from "../routing/policy.js";
import { PolicySchema } from "../routing/policy-schema.js";
import { readTextFile } from "./files.js";
import { assertDocumentKind } from "./input-kind.js";
import { formatPath, locateInYaml, type ParsedYaml, parseYamlText, validateYaml } from "./yaml.js";

/** Loads and compiles the policy; its warnings go to `onWarning`, located at their line and field. */
export async function loadRoutingPolicy(
  file: string,
  catalog: PriceLookup,
  onWarning?: (warning: InputError) => void,
): Promise<CompiledPolicy> {
  const parsed = parseYamlText(file, await readTextFile(file));
  assertDocumentKind(parsed, "policy");
  const spec = validateYaml(parsed, PolicySchema);
  const result = compilePolicy(spec, catalog);
  if (result.ok) {
    for (const warning of result.policy.warnings) onWarning?.(locate(parsed, warning));
    return result.policy;
  }
  const issues = result.issues.map((issue) => locate(parsed, issue));
  const [first] = issues;
  if (!first) throw new InputError({ file }, "invalid policy");
  if (issues.length === 1) throw first;
  // The first 20 more in full; a count for the rest (a generated policy can have thousands).
  const rest = issues
    .slice(1, 21)
    .map((e) => `  line ${e.location.line ?? "?"}, ${e.location.field}: ${e.message}`);
  if (issues.length > 21) rest.push(`  ... and ${issues.length - 21} more`);
  throw new InputError(
    first.location,
    `${first.message}\n${issues.length - 1} more problem(s):\n${rest.join("\n")}`,
  );
}

function locate(parsed: ParsedYaml, issue: PolicyIssue): InputError {
  const field = formatPath(issue.path) || "(top level)";
  return new InputError({ file: parsed.file, ...locateInYaml(parsed, issue.path), field }, issue.message);
}
