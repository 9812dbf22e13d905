// The traffic profile: what a month of this traffic looks like to the cost code. Pure (no fs, no
// process); rows go in one at a time, so memory is bounded by the number of distinct buckets and by the
// minutes in the observed window, never by the number of rows. `merge` lets workers build parts.
import type { TokenCounts } from "../cost/request-cost.js";
import type { TrafficRow } from "./row.js";

/** Rows sharing provider, model, region, use case, flags and prompt band. Tokens are sums over requests. */
export interface ProfileBucket {
  provider?: string;
  model: string;
  region?: string;
  useCase?: string;
  requiresCompliance: boolean;
  requiresLatest: boolean;
  /** Largest long-context threshold the per-request prompt strictly exceeds; 0 when none. A model's
   * long-context tier applies to the bucket iff promptAbove >= that model's threshold. */
  promptAbove: number;
  requests: number;
  tokens: TokenCounts;
}

export interface TrafficProfile {
  rows: number;
  requests: number;
  /** Totals: each row's per-request token columns times its `requests` weight. */
  tokens: TokenCounts;
  /** First and last timestamp (epoch ms, UTC); `days` is their distance, 0 without timestamps. */
  window: { start?: number; end?: number; days: number };
  /** Busiest UTC minute; tokens are input + output (what provider TPM quotas count). */
  peak: { requestsPerMinute: number; tokensPerMinute: number };
  buckets: ProfileBucket[];
}

const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** The average month (365.25 / 12 days) that observed windows are scaled to. */
export const DAYS_PER_MONTH = 30.4375;

interface MinuteLoad {
  requests: number;
  tokens: number;
}

export class TrafficProfileBuilder {
  private readonly thresholds: number[];
  private readonly buckets = new Map<string, ProfileBucket>();
  private readonly minutes = new Map<number, MinuteLoad>();
  private rows = 0;
  private start: number | undefined;
  private end: number | undefined;

  constructor(options: { longContextThresholds: number[] }) {
    // Descending, so the first threshold a prompt exceeds is the largest one.
    this.thresholds = [...new Set(options.longContextThresholds)].filter((t) => t > 0).sort((a, b) => b - a);
  }

  add(row: TrafficRow): void {
    this.rows++;
    const promptAbove = this.promptBand(row.inputTokens);
    const key = bucketKey(row, promptAbove);
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = newBucket(row, promptAbove);
      this.buckets.set(key, bucket);
    }
    const weight = row.requests;
    bucket.requests += weight;
    bucket.tokens.input += row.inputTokens * weight;
    bucket.tokens.output += row.outputTokens * weight;
    bucket.tokens.cacheRead += row.cacheReadTokens * weight;
    bucket.tokens.cacheWrite += row.cacheWriteTokens * weight;
    if (row.timestamp !== undefined) {
      this.observe(row.timestamp, weight, (row.inputTokens + row.outputTokens) * weight);
    }
  }

  merge(other: TrafficProfileBuilder): void {
    this.rows += other.rows;
    for (const [key, theirs] of other.buckets) {
      const ours = this.buckets.get(key);
      if (ours === undefined) {
        this.buckets.set(key, { ...theirs, tokens: { ...theirs.tokens } });
        continue;
      }
      ours.requests += theirs.requests;
      addTokens(ours.tokens, theirs.tokens);
    }
    for (const [minute, load] of other.minutes) this.addMinute(minute, load.requests, load.tokens);
    if (other.start !== undefined && (this.start === undefined || other.start < this.start))
      this.start = other.start;
    if (other.end !== undefined && (this.end === undefined || other.end > this.end)) this.end = other.end;
  }

  finish(): TrafficProfile {
    const buckets = [...this.buckets.values()]
      .map((b) => ({ ...b, tokens: { ...b.tokens } }))
      .sort(compareBuckets);
    const tokens: TokenCounts = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
    let requests = 0;
    for (const bucket of buckets) {
      requests += bucket.requests;
      addTokens(tokens, bucket.tokens);
    }
    const peak = { requestsPerMinute: 0, tokensPerMinute: 0 };
    for (const load of this.minutes.values()) {
      peak.requestsPerMinute = Math.max(peak.requestsPerMinute, load.requests);
      peak.tokensPerMinute = Math.max(peak.tokensPerMinute, load.tokens);
    }
    const window: TrafficProfile["window"] = { days: 0 };
    if (this.start !== undefined && this.end !== undefined) {
      window.start = this.start;
      window.end = this.end;
      window.days = (this.end - this.start) / DAY_MS;
    }
    return { rows: this.rows, requests, tokens, window, peak, buckets };
  }

  private promptBand(inputTokens: number): number {
    for (const threshold of this.thresholds) if (inputTokens > threshold) return threshold;
    return 0;
  }

  private observe(timestamp: number, requests: number, tokens: number): void {
    if (this.start === undefined || timestamp < this.start) this.start = timestamp;
    if (this.end === undefined || timestamp > this.end) this.end = timestamp;
    this.addMinute(Math.floor(timestamp / MINUTE_MS), requests, tokens);
  }

  private addMinute(minute: number, requests: number, tokens: number): void {
    const load = this.minutes.get(minute);
    if (load === undefined) this.minutes.set(minute, { requests, tokens });
    else {
      load.requests += requests;
      load.tokens += tokens;
    }
  }
}

function bucketKey(row: TrafficRow, promptAbove: number): string {
  // \u0001 cannot appear in a trimmed CSV cell by accident, so keys cannot collide.
  return `${row.provider ?? ""}\u0001${row.model}\u0001${row.region ?? ""}\u0001${row.useCase ?? ""}\u0001${
    row.requiresCompliance ? 1 : 0
  }${row.requiresLatest ? 1 : 0}\u0001${promptAbove}`;
}

function newBucket(row: TrafficRow, promptAbove: number): ProfileBucket {
  const bucket: ProfileBucket = {
    model: row.model,
    requiresCompliance: row.requiresCompliance,
    requiresLatest: row.requiresLatest,
    promptAbove,
    requests: 0,
    tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
  };
  if (row.provider !== undefined) bucket.provider = row.provider;
  if (row.region !== undefined) bucket.region = row.region;
  if (row.useCase !== undefined) bucket.useCase = row.useCase;
  return bucket;
}

function addTokens(into: TokenCounts, from: TokenCounts): void {
  into.input += from.input;
  into.output += from.output;
  into.cacheRead += from.cacheRead;
  into.cacheWrite += from.cacheWrite;
}

// Code-unit order, not locale order, so the result is the same on every machine.
function compareText(a: string | undefined, b: string | undefined): number {
  const x = a ?? "";
  const y = b ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareBuckets(a: ProfileBucket, b: ProfileBucket): number {
  return (
    compareText(a.model, b.model) ||
    compareText(a.provider, b.provider) ||
    compareText(a.region, b.region) ||
    compareText(a.useCase, b.useCase) ||
    Number(a.requiresCompliance) - Number(b.requiresCompliance) ||
    Number(a.requiresLatest) - Number(b.requiresLatest) ||
    a.promptAbove - b.promptAbove
  );
}

/** How observed traffic becomes a month, and on what basis, so reports can state the assumption. */
export interface MonthlyScale {
  /** Multiply observed requests and tokens by this to get a month. */
  scale: number;
  basis: "window" | "monthly-requests" | "assumed-one-month";
  /** One sentence for the report's assumptions. */
  assumption: string;
}

/** Scale factor from the observed traffic to a month: `monthlyRequests / requests` when given, else
 * 30.4375 / window.days; a file without a time span is taken as one month, and says so. */
export function monthlyScale(profile: TrafficProfile, monthlyRequests?: number): MonthlyScale {
  if (monthlyRequests !== undefined && profile.requests > 0) {
    return {
      scale: monthlyRequests / profile.requests,
      basis: "monthly-requests",
      assumption: `the observed mix is rescaled to ${monthlyRequests} requests per month`,
    };
  }
  if (profile.window.days > 0) {
    return {
      scale: DAYS_PER_MONTH / profile.window.days,
      basis: "window",
      assumption: `the observed ${formatDays(profile.window.days)} are scaled to a month of ${DAYS_PER_MONTH} days`,
    };
  }
  const why = profile.window.start === undefined ? "no timestamps" : "all timestamps are equal";
  return { scale: 1, basis: "assumed-one-month", assumption: `${why}: the file is taken as one month` };
}

function formatDays(days: number): string {
  return days === 1 ? "1 day" : `${Number(days.toFixed(2))} days`;
}
