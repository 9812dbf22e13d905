// One `route --dry-run` over a traffic file: plans which columns the replay reads, streams the rows in
// timestamp order through the policy (and a second policy for --diff), writes every decision to the
// decisions file as it goes, and starts afresh when the parallel reader finds a split inside a quoted field
// after rows were replayed. The runner, the wizard and tests call this; rendering is the caller's.
import type { PricingCatalog } from "../cost/catalog.js";
import { DecisionsFile } from "../io/decisions-file.js";
import type { OutputTarget } from "../io/output.js";
import type { CompiledPolicy } from "../routing/policy.js";
import { RouteRun, type RouteRunResult } from "../routing/run.js";
import type { ColumnChoice } from "../traffic/columns.js";
import { readTrafficInOrder } from "../traffic/read-in-order.js";
import type { TextField } from "../traffic/row.js";

export interface DryRunInput {
  traffic: string;
  /** CSV column → canonical field (`--map`). */
  map: Record<string, string>;
  policy: CompiledPolicy;
  catalog: PricingCatalog;
  seed: number;
  /** The policy to compare against (`--diff`). */
  comparePolicy?: CompiledPolicy | undefined;
  /** Capture this request's trace (`--explain`). */
  explainRequestId?: string | undefined;
  /** Stream every decision to this CSV or JSONL file (`--decisions`), renamed into place when complete. */
  decisionsFile?: OutputTarget | undefined;
  onProgress?: (done: number, total: number) => void;
}

export async function dryRun(input: DryRunInput): Promise<RouteRunResult> {
  const start = () => {
    const decisions = input.decisionsFile ? DecisionsFile.open(input.decisionsFile) : undefined;
    const run = new RouteRun(input.policy, input.catalog, {
      seed: input.seed,
      trafficFile: input.traffic,
      ...(input.explainRequestId !== undefined && { explainRequestId: input.explainRequestId }),
      ...(decisions && { onDecision: decisions.write }),
      ...(input.comparePolicy && { comparePolicy: input.comparePolicy }),
    });
    return { decisions, run };
  };
  let current = start();
  try {
    await readTrafficInOrder(input.traffic, (row) => current.run.add(row), {
      map: input.map,
      ...(input.onProgress && { onProgress: input.onProgress }),
      ...rowsNeeded(input),
      // A split inside a quoted field is found after rows were replayed: start the replay afresh.
      onRestart: () => {
        current.decisions?.discard();
        current = start();
      },
    });
    current.decisions?.commit();
  } finally {
    current.decisions?.discard();
  }
  return current.run.finish();
}

/** What of each row the replay reads: metadata and free text only where a rule tests it (all of it for
 * --explain, which shows the request); request ids where they are written or shown (decisions, trace,
 * diff examples, compliance violations, which only an unenforced policy can have) and use cases for
 * --diff. Every cell is still validated. */
function rowsNeeded(input: DryRunInput): ColumnChoice {
  if (input.explainRequestId !== undefined) return {};
  const policies = [input.policy, input.comparePolicy];
  const fields = new Set(policies.flatMap((p) => (p ? [...p.fields] : [])));
  const texts: TextField[] = ["provider", "region"];
  const wanted = (field: string, needed: boolean, text: TextField): void => {
    if (needed || fields.has(field)) texts.push(text);
  };
  const violations = policies.some((p) => p !== undefined && !p.compliance.enforce);
  wanted(
    "request_id",
    input.decisionsFile !== undefined || input.comparePolicy !== undefined || violations,
    "requestId",
  );
  wanted("use_case", input.comparePolicy !== undefined, "useCase");
  wanted("status", false, "status");
  wanted("cost_sensitivity", false, "costSensitivity");
  const metaColumns = [...fields].filter((f) => f.startsWith("meta.")).map((f) => f.slice("meta.".length));
  return { metaColumns, texts };
}
