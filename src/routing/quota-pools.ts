// Quota pools of a routing policy: targets that share provider, model and Bedrock profile (or regions) share
// one quota. A pool's quota is what a target of it states (`quota:`), over the bundled figures when
// `--quotas bundled` asks for them; a pool with no numeric limit is not checked.
import {
  type BundledQuota,
  bundledQuota,
  enforcedLimits,
  type PoolQuota,
  type QuotaLimit,
  unknownQuota,
  withStated,
} from "../cost/quota.js";
import type { CompiledPolicy } from "./policy.js";
import { poolKey } from "./quota-pool-key.js";

interface QuotaPool {
  key: string;
  /** Target indices in the pool, in policy order. */
  targets: number[];
  quota: PoolQuota;
  /** The numeric limits enforced; empty: the pool is "not checked". */
  limits: Partial<Record<QuotaLimit, number>>;
}

export interface QuotaPlan {
  pools: QuotaPool[];
  /** Per target index: its pool's index. */
  poolOf: Int32Array;
}

/** The policy's quota pools, or undefined when nothing is to be enforced (the replay is then unchanged). */
export function planQuotas(
  policy: CompiledPolicy,
  bundled: readonly BundledQuota[] | undefined,
  policyFile: string,
): QuotaPlan | undefined {
  const stated = policy.targets.some((t) => policy.spec.targets[t.name]?.quota !== undefined);
  if (!stated && bundled === undefined) return undefined;
  const byKey = new Map<string, QuotaPool>();
  const poolOf = new Int32Array(policy.targets.length);
  const pools: QuotaPool[] = [];
  for (const target of policy.targets) {
    const key = poolKey(target);
    let pool = byKey.get(key);
    if (!pool) {
      const base = bundled ? bundledQuota(target.price, bundled) : unknownQuota();
      pool = { key, targets: [], quota: base, limits: {} };
      byKey.set(key, pool);
      pools.push(pool);
    }
    const own = policy.spec.targets[target.name]?.quota;
    if (own) pool.quota = withStated(pool.quota, own, `${policyFile} (targets.${target.name}.quota)`);
    pool.targets.push(target.index);
    poolOf[target.index] = pools.indexOf(pool);
  }
  for (const pool of pools) pool.limits = enforcedLimits(pool.quota);
  return { pools, poolOf };
}
