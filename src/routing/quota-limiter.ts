// Enforces quota pools during a replay (docs/route.md, "Quotas and throttling"). Per pool, in replay order:
// a request (or a pre-aggregated row, whole) is throttled when admitting it would push its UTC minute's
// requests over rpm, or its quota tokens (input + output x burndown) over tpm, or its input or output tokens
// over itpm / otpm. A throttled request consumes nothing. Memory: a few numbers per pool and per target.
import { QUOTA_LIMITS, type QuotaLimit } from "../cost/quota.js";
import type { TrafficRow } from "../traffic/row.js";
import type { QuotaPlan } from "./quota-pools.js";

const MINUTE_MS = 60_000;

/** What one request or row asks of a pool's minute. */
interface Use {
  rpm: number;
  tpm: number;
  itpm: number;
  otpm: number;
}

/** A pool's minute when a request was throttled (--explain). */
export interface ThrottleState {
  pool: string;
  target: string;
  minute: string;
  limit: QuotaLimit;
  /** The minute's use before the request, the request's own use, and the limits. */
  used: Use;
  request: Use;
  limits: Partial<Record<QuotaLimit, number>>;
}

interface QuotaTargetStats {
  target: string;
  throttledRequests: number;
  minutesOverQuota: number;
}

interface QuotaPoolStats {
  pool: string;
  targets: string[];
  checked: boolean;
  limits: Partial<Record<QuotaLimit, number>>;
  outputBurndown: number | "unknown";
  sources: Partial<Record<QuotaLimit | "output_burndown", string>>;
  throttledRequests: number;
  minutesOverQuota: number;
}

export interface QuotaReplaySummary {
  totals: {
    throttledRequests: number;
    /** Throttled requests that no later target served. */
    throttledUnserved: number;
    /** Served elsewhere: their cost where they went minus their cost on the throttled target. */
    overflowCostImpactUsd: number;
  };
  /** Per target, in policy order. */
  targets: QuotaTargetStats[];
  pools: QuotaPoolStats[];
}

export class QuotaLimiter {
  private readonly minute: Float64Array;
  private readonly used: Use[];
  private readonly targetThrottled: Float64Array;
  private readonly targetLastMinute: Float64Array;
  private readonly targetMinutes: Uint32Array;
  private readonly poolThrottled: Float64Array;
  private readonly poolLastMinute: Float64Array;
  private readonly poolMinutes: Uint32Array;
  private readonly use: Use = { rpm: 0, tpm: 0, itpm: 0, otpm: 0 };
  private throttledUnserved = 0;
  private overflowCostImpactUsd = 0;
  /** The last throttle, for --explain. */
  lastThrottle: ThrottleState | undefined;

  constructor(
    private readonly plan: QuotaPlan,
    private readonly targetNames: readonly string[],
  ) {
    const pools = plan.pools.length;
    this.minute = new Float64Array(pools).fill(Number.NaN);
    this.used = plan.pools.map(() => ({ rpm: 0, tpm: 0, itpm: 0, otpm: 0 }));
    this.targetThrottled = new Float64Array(targetNames.length);
    this.targetLastMinute = new Float64Array(targetNames.length).fill(Number.NaN);
    this.targetMinutes = new Uint32Array(targetNames.length);
    this.poolThrottled = new Float64Array(pools);
    this.poolLastMinute = new Float64Array(pools).fill(Number.NaN);
    this.poolMinutes = new Uint32Array(pools);
  }

  /** The limit admitting `row` on `target` at `nowMs` would break (the request is then throttled), if any. */
  throttles(target: number, nowMs: number, row: TrafficRow): QuotaLimit | undefined {
    const p = this.plan.poolOf[target] ?? -1;
    const pool = this.plan.pools[p];
    if (!pool) return undefined;
    const limits = pool.limits;
    if (
      limits.rpm === undefined &&
      limits.tpm === undefined &&
      limits.itpm === undefined &&
      limits.otpm === undefined
    )
      return undefined;
    const minute = Math.floor(nowMs / MINUTE_MS);
    const used = this.usedAt(p, minute);
    this.measure(row, p);
    const use = this.use;
    let broken: QuotaLimit | undefined;
    for (const key of QUOTA_LIMITS) {
      const limit = limits[key];
      if (limit !== undefined && used[key] + use[key] > limit) {
        broken = key;
        break;
      }
    }
    if (broken === undefined) return undefined;
    const requests = row.requests;
    this.targetThrottled[target] = (this.targetThrottled[target] ?? 0) + requests;
    if (this.targetLastMinute[target] !== minute) {
      this.targetLastMinute[target] = minute;
      this.targetMinutes[target] = (this.targetMinutes[target] ?? 0) + 1;
    }
    this.poolThrottled[p] = (this.poolThrottled[p] ?? 0) + requests;
    if (this.poolLastMinute[p] !== minute) {
      this.poolLastMinute[p] = minute;
      this.poolMinutes[p] = (this.poolMinutes[p] ?? 0) + 1;
    }
    this.lastThrottle = {
      pool: pool.key,
      target: this.targetNames[target] ?? "?",
      minute: new Date(minute * MINUTE_MS).toISOString(),
      limit: broken,
      used: { ...used },
      request: { ...use },
      limits,
    };
    return broken;
  }

  /** Counts an admitted request against its pool's minute. */
  consume(target: number, nowMs: number, row: TrafficRow): void {
    const p = this.plan.poolOf[target] ?? -1;
    if (!this.plan.pools[p]) return;
    const used = this.usedAt(p, Math.floor(nowMs / MINUTE_MS));
    this.measure(row, p);
    used.rpm += this.use.rpm;
    used.tpm += this.use.tpm;
    used.itpm += this.use.itpm;
    used.otpm += this.use.otpm;
  }

  /** A request throttled on some target: served elsewhere at `costDeltaUsd` more, or not served. */
  overflow(served: boolean, costDeltaUsd: number, requests: number): void {
    if (served) this.overflowCostImpactUsd += costDeltaUsd;
    else this.throttledUnserved += requests;
  }

  summary(): QuotaReplaySummary {
    return {
      totals: {
        throttledRequests: this.targetThrottled.reduce((sum, n) => sum + n, 0),
        throttledUnserved: this.throttledUnserved,
        overflowCostImpactUsd: this.overflowCostImpactUsd,
      },
      targets: this.targetNames.map((target, t) => ({
        target,
        throttledRequests: this.targetThrottled[t] ?? 0,
        minutesOverQuota: this.targetMinutes[t] ?? 0,
      })),
      pools: this.plan.pools.map((pool, p) => ({
        pool: pool.key,
        targets: pool.targets.map((t) => this.targetNames[t] ?? "?"),
        checked: Object.keys(pool.limits).length > 0,
        limits: pool.limits,
        outputBurndown: pool.quota.outputBurndown.value,
        sources: {
          ...Object.fromEntries(Object.keys(pool.limits).map((k) => [k, pool.quota[k as QuotaLimit].source])),
          output_burndown: pool.quota.outputBurndown.source,
        },
        throttledRequests: this.poolThrottled[p] ?? 0,
        minutesOverQuota: this.poolMinutes[p] ?? 0,
      })),
    };
  }

  /** The pool's use in `minute`, reset when the minute moves on (rows come in timestamp order). */
  private usedAt(p: number, minute: number): Use {
    const used = this.used[p] ?? { rpm: 0, tpm: 0, itpm: 0, otpm: 0 };
    if (this.minute[p] !== minute) {
      this.minute[p] = minute;
      used.rpm = 0;
      used.tpm = 0;
      used.itpm = 0;
      used.otpm = 0;
    }
    return used;
  }

  private measure(row: TrafficRow, p: number): void {
    const quota = this.plan.pools[p]?.quota;
    const w = row.requests;
    const input =
      (quota?.cacheReadsCount === false ? row.inputTokens - row.cacheReadTokens : row.inputTokens) * w;
    const output = row.outputTokens * w;
    const burndown = quota?.outputBurndown.value;
    this.use.rpm = w;
    this.use.itpm = Math.max(0, input);
    this.use.otpm = output;
    this.use.tpm = this.use.itpm + output * (typeof burndown === "number" ? burndown : 1);
  }
}
