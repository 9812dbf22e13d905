// Provider quotas (rate limits) as data: what a quota pool allows per UTC minute, where each figure comes
// from, and how a request's tokens count against it. Pure: the bundled figures live in quota-catalog.ts,
// overrides come from a scenario's `quotas:` or a policy target's `quota:`.
import type { ModelPrice } from "./price.js";

/** The per-minute limits a pool can have. `tpm` counts input + output x burndown; itpm/otpm count each side. */
export const QUOTA_LIMITS = ["rpm", "tpm", "itpm", "otpm"] as const;
export type QuotaLimit = (typeof QUOTA_LIMITS)[number];

/** A figure: a number, "none" (the source says no such limit is enforced) or "unknown" (never unlimited). */
export type QuotaFigure = number | "none" | "unknown";

/** What a user states on a target (`quota:`) or in a scenario (`quotas:`): exactly these keys. */
export interface StatedQuota {
  rpm?: number | undefined;
  tpm?: number | undefined;
  itpm?: number | undefined;
  otpm?: number | undefined;
  output_burndown?: number | undefined;
}

/** One figure with where it came from. */
interface SourcedFigure<T> {
  value: T;
  /** URL and as-of date of a bundled figure, or the file that stated it. */
  source: string;
}

/** A pool's effective quota: every limit and the burndown, each sourced; unknown when nothing states it. */
export interface PoolQuota {
  rpm: SourcedFigure<QuotaFigure>;
  tpm: SourcedFigure<QuotaFigure>;
  itpm: SourcedFigure<QuotaFigure>;
  otpm: SourcedFigure<QuotaFigure>;
  /** Quota tokens per output token (5 for the models AWS lists; 1 elsewhere); "unknown" when not known. */
  outputBurndown: SourcedFigure<number | "unknown">;
  /** Whether cache-read tokens count toward the input side (Anthropic excludes them on most models). */
  cacheReadsCount: boolean;
}

/** A bundled quota entry (quota-catalog.ts): a provider's defaults, or figures for some model families. */
export interface BundledQuota {
  provider: string;
  /** Catalog families the entry covers; absent: every model of the provider (its defaults). */
  families?: readonly string[];
  /** What the figures are: a usage tier, an endpoint. */
  scope: string;
  rpm?: QuotaFigure;
  tpm?: QuotaFigure;
  itpm?: QuotaFigure;
  otpm?: QuotaFigure;
  outputBurndown?: number | "unknown";
  cacheReadsCount?: boolean;
  source: string;
  asOf: string;
  note?: string;
}

const UNKNOWN: SourcedFigure<QuotaFigure> = { value: "unknown", source: "no bundled or stated figure" };

/** The bundled quota of a model: a family entry's figure wins over the provider's defaults, key by key. */
export function bundledQuota(price: ModelPrice, bundled: readonly BundledQuota[]): PoolQuota {
  const forProvider = bundled.filter((entry) => entry.provider === price.provider);
  const family = forProvider.filter(
    (entry) =>
      entry.families !== undefined && price.family !== undefined && entry.families.includes(price.family),
  );
  const defaults = forProvider.filter((entry) => entry.families === undefined);
  const ordered = [...family, ...defaults];
  const pick = <K extends QuotaLimit | "outputBurndown">(key: K) => {
    for (const entry of ordered) {
      const value = entry[key];
      if (value !== undefined)
        return { value, source: `${entry.source} (${entry.scope}, as of ${entry.asOf})` };
    }
    return undefined;
  };
  const cache = ordered.find((entry) => entry.cacheReadsCount !== undefined);
  return {
    rpm: pick("rpm") ?? UNKNOWN,
    tpm: pick("tpm") ?? UNKNOWN,
    itpm: pick("itpm") ?? UNKNOWN,
    otpm: pick("otpm") ?? UNKNOWN,
    outputBurndown: pick("outputBurndown") ?? { value: "unknown", source: UNKNOWN.source },
    cacheReadsCount: cache?.cacheReadsCount ?? true,
  };
}

/** A stated quota over a base (bundled, or all unknown): each stated key replaces the base's figure. */
export function withStated(base: PoolQuota, stated: StatedQuota, source: string): PoolQuota {
  const figure = (value: number | undefined, fallback: SourcedFigure<QuotaFigure>) =>
    value === undefined ? fallback : { value, source };
  return {
    rpm: figure(stated.rpm, base.rpm),
    tpm: figure(stated.tpm, base.tpm),
    itpm: figure(stated.itpm, base.itpm),
    otpm: figure(stated.otpm, base.otpm),
    outputBurndown:
      stated.output_burndown === undefined ? base.outputBurndown : { value: stated.output_burndown, source },
    cacheReadsCount: base.cacheReadsCount,
  };
}

/** A pool with nothing known: what a stated quota starts from when bundled figures are not asked for. */
export function unknownQuota(cacheReadsCount = true): PoolQuota {
  return {
    rpm: UNKNOWN,
    tpm: UNKNOWN,
    itpm: UNKNOWN,
    otpm: UNKNOWN,
    outputBurndown: { value: "unknown", source: UNKNOWN.source },
    cacheReadsCount,
  };
}

/** Per-minute demand of one request (or a pre-aggregated row): what each limit counts. */
export interface MinuteUse {
  requests: number;
  /** Input tokens as the quota counts them (cache reads left out where the provider leaves them out). */
  input: number;
  output: number;
}

/** Input + output x burndown; `NaN` when the burndown is unknown and there is output to count. */
export function quotaTokens(use: MinuteUse, quota: PoolQuota): number {
  const burndown = quota.outputBurndown.value;
  if (burndown === "unknown") return use.output === 0 ? use.input : Number.NaN;
  return use.input + use.output * burndown;
}

/** Input tokens as a quota counts them: cache reads out where the provider excludes them. */
export function quotaInput(inputTokens: number, cacheReadTokens: number, quota: PoolQuota): number {
  return quota.cacheReadsCount ? inputTokens : Math.max(0, inputTokens - cacheReadTokens);
}

/** The limits a pool can enforce: numeric figures only ("none" and "unknown" are not checked). */
export function enforcedLimits(quota: PoolQuota): Partial<Record<QuotaLimit, number>> {
  const limits: Partial<Record<QuotaLimit, number>> = {};
  for (const key of QUOTA_LIMITS) {
    const value = quota[key].value;
    if (typeof value === "number") limits[key] = value;
  }
  if (limits.tpm !== undefined && quota.outputBurndown.value === "unknown") delete limits.tpm;
  return limits;
}
