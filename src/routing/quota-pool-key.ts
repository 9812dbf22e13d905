// What makes targets share a quota pool, kept apart from policy.ts (which checks quota conflicts when it
// compiles a policy) so that neither imports the other.
import type { ProfileScope } from "../cost/price.js";
import type { PolicySpec } from "./policy-schema.js";

/** The parts of a compiled target that name its pool. */
interface PooledTarget {
  name: string;
  price: { provider: string; model: string };
  scope: ProfileScope | undefined;
  regions: ReadonlySet<string> | undefined;
}

/** provider/model@profile for Bedrock (plus the regions for an in-region profile); provider/model elsewhere. */
export function poolKey(target: PooledTarget): string {
  const base = `${target.price.provider}/${target.price.model}`;
  if (target.price.provider !== "bedrock") return base;
  const scope = target.scope ?? "global";
  const regions = scope === "in-region" && target.regions ? `:${[...target.regions].sort().join("+")}` : "";
  return `${base}@${scope}${regions}`;
}

/** Two targets of one pool stating different quotas: the pool would have two quotas. */
export function quotaConflicts(
  spec: PolicySpec,
  targets: readonly PooledTarget[],
): { path: (string | number)[]; message: string }[] {
  const stated = new Map<string, { name: string; text: string }>();
  const issues: { path: (string | number)[]; message: string }[] = [];
  for (const target of targets) {
    const quota = spec.targets[target.name]?.quota;
    if (quota === undefined) continue;
    const key = poolKey(target);
    const text = JSON.stringify(quota);
    const first = stated.get(key);
    if (first === undefined) stated.set(key, { name: target.name, text });
    else if (first.text !== text)
      issues.push({
        path: ["targets", target.name, "quota"],
        message: `targets "${first.name}" and "${target.name}" share the quota pool ${key} but state different quotas; state one quota (or the same) for the pool`,
      });
  }
  return issues;
}
