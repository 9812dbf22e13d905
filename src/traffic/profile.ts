// The traffic profile: what a month of this traffic looks like to the cost code. Pure (no fs, no
// process); rows go in one at a time, so memory is bounded by the number of distinct buckets and by the
// minutes in the observed window, never by the number of rows. Worker threads build parts (`part()`) that
// `mergePart` adds up in file order.

import type { PricingMode } from "../cost/price.js";
import type { TokenCounts } from "../cost/request-cost.js";
import { addTokens, type TrafficBucket } from "../cost/traffic-mix.js";
import { DAY_MS } from "../units.js";
import { DistinctNames, OTHER_MODELS } from "./distinct-names.js";
import { MinuteDemand, type ModelMinutes } from "./minute-demand.js";
import type { ContextTier, TrafficRow } from "./row.js";
import type { RowValues } from "./row-values.js";
import { StatusClassifier } from "./status.js";

export interface TrafficProfile {
  rows: number;
  requests: number;
  /** Totals: each row's per-request token columns times its `requests` weight. */
  tokens: TokenCounts;
  /** First timestamp to the last row's end (its bucket_end, else its timestamp), epoch ms UTC; `days` is
   * their distance, 0 without timestamps. */
  window: { start?: number; end?: number; days: number };
  /** Some row carries a `requests` weight above 1, or token totals (pre-aggregated traffic). */
  weightedRows: boolean;
  /** Rows whose token columns are totals over their requests (`token_basis` total). */
  totalRows: number;
  /** Rows of totals without a request count: `requests` counts none of theirs (then the observed request
   * count is unknown; see monthlyScale). */
  unknownRequestRows: number;
  /** Some row says where its span ends (`bucket_end`). */
  bucketEnds: boolean;
  /** Busiest UTC minute; tokens are input + output (what provider TPM quotas count). */
  peak: { requestsPerMinute: number; tokensPerMinute: number };
  /** Some row stands for several requests over more than a minute (a warehouse aggregate, a daily usage
   * bucket, `--window`): their minutes are not known, so neither is the peak. */
  peakUnknown?: boolean;
  /** Rows sharing provider, model, region, use case, flags, failure and prompt band: the cost code's bucket. */
  buckets: TrafficBucket[];
  /** Requests whose status says they failed (billed by the tokens their rows say were consumed). */
  failedRequests: number;
  /** Status values llmcost does not know, with their requests (billed like successes), by first seen. */
  unknownStatuses: { status: string; requests: number }[];
  /** Distinct models counted together under OTHER_MODELS (see ProfileOptions.keepModel); 0 when none. */
  otherModels: number;
  /** Requests whose region and use case were counted together past ProfileOptions.maxBuckets; 0 when none. */
  foldedRequests: number;
  /** Requests and tokens per UTC minute per logged (provider, model): capacity planning's input. */
  minuteDemand?: ModelMinutes[];
  /** With ProfileOptions.groupMeta: requests whose metadata values were counted together as OTHER_GROUPS
   * past MAX_GROUPS distinct combinations; absent or 0 when none. */
  foldedGroupRequests?: number;
}

export interface ProfileOptions {
  longContextThresholds: number[];
  /**
   * Models this says no to (no price, no model_map entry: unpriced under every option) are kept one by one
   * only up to `maxModels` distinct names; the traffic of any further one goes to one OTHER_MODELS bucket,
   * its requests and tokens added exactly, the names only counted. Without it every model is kept.
   */
  keepModel?: (model: string, provider: string | undefined) => boolean;
  maxModels?: number;
  /**
   * Past this many buckets, a row that would open a new one has its region counted as OTHER_REGIONS and its
   * use case as OTHER_USE_CASES (unless `keepUseCase` says to keep it: a use case the scenario prices apart),
   * so a million distinct use cases or regions cannot make a million buckets. Tokens and requests stay exact;
   * only the split by region and use case is lost for them. Without it every combination is kept.
   */
  maxBuckets?: number;
  keepUseCase?: (useCase: string) => boolean;
  /**
   * Metadata keys whose values keep buckets apart (`--group-by meta.<key>`): each bucket then carries them in
   * `meta`. Past MAX_GROUPS distinct combinations of values, further ones are counted together under
   * OTHER_GROUPS (tokens and requests exact). Without it metadata is not read at all.
   */
  groupMeta?: readonly string[];
}

/** The buckets `project` keeps apart: a real log's models x regions x use cases x flags stay well below it,
 * and the analysis's time and memory grow with the buckets (a million of them took minutes and 2.9 GB). */
export const MAX_BUCKETS = 20_000;

/** Distinct combinations of ProfileOptions.groupMeta values kept apart; the rest are OTHER_GROUPS. */
export const MAX_GROUPS = 10_000;
/** The metadata value of the traffic counted together past MAX_GROUPS. */
export const OTHER_GROUPS = "(other groups)";

/** The region and use case of the traffic counted together past ProfileOptions.maxBuckets. */
export const OTHER_REGIONS = "(other regions)";
export const OTHER_USE_CASES = "(other use cases)";

/** How many distinct unknown status values a profile names (the rest are counted under the last). */
const MAX_UNKNOWN_STATUSES = 20;

const MINUTE_MS = 60_000;
/** The average month (365.25 / 12 days) that observed windows are scaled to. */
export const DAYS_PER_MONTH = 30.4375;

/** A builder's state as plain data, to send from a worker thread and merge in the main thread. */
export interface TrafficProfilePart {
  rows: number;
  buckets: TrafficBucket[];
  /** [minute since the epoch, requests, input + output tokens] */
  minutes: [number, number, number][];
  start?: number;
  end?: number;
  unknownStatuses: [string, number][];
  weightedRows: boolean;
  bucketEnds: boolean;
  totalRows: number;
  unknownRequestRows: number;
  demand: ModelMinutes[];
  peakUnknown?: boolean;
}

// Buckets are found through nested maps (model, provider, region, use case), then an array slot for the
// flags and prompt band: no key string is built per row (see docs/performance.md, "Parallel profile").
type Level<T> = Map<string | undefined, T>;
type BucketTree = Level<Level<Level<Level<Slots>>>>;

function child<T>(level: Level<T>, key: string | undefined, make: () => T): T {
  let next = level.get(key);
  if (next === undefined) {
    next = make();
    level.set(key, next);
  }
  return next;
}

type Slots = (TrafficBucket | undefined)[];
const newSlots = (): Slots => [];
const newUseCases = (): Level<Slots> => new Map();
const newRegions = (): Level<Level<Slots>> => new Map();
const newProviders = (): Level<Level<Level<Slots>>> => new Map();

export class TrafficProfileBuilder {
  private readonly thresholds: number[];
  private readonly keepModel: ProfileOptions["keepModel"];
  private readonly maxModels: number;
  private readonly maxBuckets: number;
  private readonly keepUseCase: ProfileOptions["keepUseCase"];
  private foldedRequests = 0;
  /** Distinct models with their own buckets that keepModel said no to. */
  private unknownModels = 0;
  /** 53-bit hashes of the names folded into OTHER_MODELS: counts them without holding the strings. */
  private readonly folded = new DistinctNames();
  /** The tree of the row being added: the only one without groupMeta, else its group's (see useGroup). */
  private tree: BucketTree = new Map();
  private readonly groupMeta: readonly string[] | undefined;
  private readonly groups = new Map<string, { tree: BucketTree; meta: Readonly<Record<string, string>> }>();
  private groupValues: Readonly<Record<string, string>> | undefined;
  private foldedGroupRequests = 0;
  /** Where each groupMeta key sits in the last RowValues' metadata (-1 absent), by its metaNames. */
  private metaIndex: { names: readonly string[]; at: number[] } | undefined;
  private readonly buckets: TrafficBucket[] = [];
  /** Minute -> its slot in minuteRequests / minuteTokens: no object per minute (a month of traffic spread
   * over every minute is 43,830 of them; a million distinct minutes must not cost an object each). */
  private readonly minutes = new Map<number, number>();
  private readonly minuteRequests: number[] = [];
  private readonly minuteTokens: number[] = [];
  private readonly demand = new MinuteDemand();
  private rows = 0;
  private readonly unknownStatuses = new Map<string, number>();
  private readonly statuses = new StatusClassifier();
  private weightedRows = false;
  private bucketEnds = false;
  private totalRows = 0;
  private unknownRequestRows = 0;
  private peakUnknown = false;
  private start: number | undefined;
  private end: number | undefined;

  constructor(options: ProfileOptions) {
    this.keepModel = options.keepModel;
    this.maxModels = options.maxModels ?? Number.POSITIVE_INFINITY;
    this.maxBuckets = options.maxBuckets ?? Number.POSITIVE_INFINITY;
    this.keepUseCase = options.keepUseCase;
    this.groupMeta = options.groupMeta?.length ? options.groupMeta : undefined;
    // Descending, so the first threshold a prompt exceeds is the largest one.
    this.thresholds = [...new Set(options.longContextThresholds)].filter((t) => t > 0).sort((a, b) => b - a);
  }

  add(row: TrafficRow): void {
    if (this.groupMeta)
      this.useGroup(
        this.groupMeta.map((key) => (row.meta[key] ?? "").trim()),
        row.requests,
      );
    // The row itself, not a copy with `failed` filled in: an object per row was 10x the cost of adding it.
    this.addRequest(row, row.timestamp ?? Number.NaN, row.bucketEnd ?? Number.NaN);
    if (this.statuses.classify(row.status) === "unknown")
      this.addUnknownStatus(row.status ?? "", row.requests);
  }

  /** The same from a reader's reused record (absent timestamp = NaN): no row object per row. */
  addValues(values: RowValues): void {
    if (this.groupMeta) this.useGroup(this.metaValuesOf(values, this.groupMeta), values.requests);
    this.addRequest(values, values.timestamp, values.bucketEnd);
    if (values.unknownStatus) this.addUnknownStatus(values.status ?? "(not kept)", values.requests);
  }

  private metaValuesOf(values: RowValues, keys: readonly string[]): string[] {
    let index = this.metaIndex;
    if (index?.names !== values.metaNames) {
      index = { names: values.metaNames, at: keys.map((key) => values.metaNames.indexOf(key)) };
      this.metaIndex = index;
    }
    return index.at.map((at) => (at < 0 ? "" : (values.meta[at] ?? "").trim()));
  }

  /** Makes the tree of the group of `values` (groupMeta's values, in order) the current one. */
  private useGroup(values: readonly string[], requests: number): void {
    let key = values.join("\u0000");
    let group = this.groups.get(key);
    if (group === undefined && this.groups.size >= MAX_GROUPS) {
      this.foldedGroupRequests += Number.isNaN(requests) ? 0 : requests;
      values = values.map(() => OTHER_GROUPS);
      key = values.join("\u0000");
      group = this.groups.get(key);
    }
    if (group === undefined) {
      const meta: Record<string, string> = Object.create(null);
      for (const [i, name] of (this.groupMeta ?? []).entries()) meta[name] = values[i] ?? "";
      group = { tree: new Map(), meta };
      this.groups.set(key, group);
    }
    this.tree = group.tree;
    this.groupValues = group.meta;
  }

  private addUnknownStatus(status: string, requests: number): void {
    const known = this.unknownStatuses.get(status);
    if (known !== undefined) this.unknownStatuses.set(status, known + requests);
    else if (this.unknownStatuses.size < MAX_UNKNOWN_STATUSES) this.unknownStatuses.set(status, requests);
    else {
      const last = [...this.unknownStatuses.keys()].at(-1) ?? status;
      this.unknownStatuses.set(last, (this.unknownStatuses.get(last) ?? 0) + requests);
    }
  }

  private addRequest(row: RequestInput, timestamp: number, bucketEnd: number): void {
    this.rows++;
    const total = row.tokenBasis === "total";
    const requests = row.requests;
    // NaN: a row of totals whose source has no request count.
    const known = !Number.isNaN(requests);
    if (total) this.totalRows++;
    if (!known) this.unknownRequestRows++;
    if (requests > 1 || total) this.weightedRows = true;
    // Several requests at one timestamp are in one minute only if the row says it spans at most a minute.
    if (requests !== 1 && !Number.isNaN(timestamp) && !(bucketEnd - timestamp <= MINUTE_MS))
      this.peakUnknown = true;
    if (!Number.isNaN(bucketEnd)) {
      this.bucketEnds = true;
      if (this.end === undefined || bucketEnd > this.end) this.end = bucketEnd;
    }
    // Per-request figures count `requests` times; totals once. A total row's band is its mean prompt.
    const weight = total ? 1 : requests;
    const prompt = total ? row.inputTokens / requests : row.inputTokens;
    const band = known ? this.bandIndex(prompt) : this.thresholds.length;
    const bucket = this.bucketFor(
      row,
      band,
      tierIndex(row.serviceTier),
      contextIndex(row.contextTier),
      !known,
      known ? requests : 0,
    );
    if (prompt > (bucket.largestPrompt?.tokens ?? 0)) bucket.largestPrompt = { tokens: prompt, row: row.row };
    if (row.inputTokens === 0 && row.outputTokens === 0 && !row.failed) {
      if (bucket.zeroTokens === undefined) bucket.zeroTokens = { requests: 0, row: row.row };
      bucket.zeroTokens.requests += known ? requests : 0;
    }
    if (known) bucket.requests += requests;
    const tokens = bucket.tokens;
    tokens.input += row.inputTokens * weight;
    tokens.output += row.outputTokens * weight;
    tokens.cacheRead += row.cacheReadTokens * weight;
    tokens.cacheWrite += row.cacheWriteTokens * weight;
    const oneHour = row.cacheWrite1hTokens ?? 0;
    if (oneHour !== 0) tokens.cacheWrite1h = (tokens.cacheWrite1h ?? 0) + oneHour * weight;
    if (!Number.isNaN(timestamp)) {
      this.observe(timestamp, known ? requests : 0, (row.inputTokens + row.outputTokens) * weight);
      this.demand.add(
        bucket.provider,
        bucket.model,
        Math.floor(timestamp / MINUTE_MS),
        known ? requests : 0,
        row.inputTokens * weight,
        row.outputTokens * weight,
        row.cacheReadTokens * weight,
      );
    }
  }

  /** This builder's state as plain data (structured-clone safe). */
  part(): TrafficProfilePart {
    const part: TrafficProfilePart = {
      rows: this.rows,
      buckets: this.buckets.map((b) => ({ ...b, tokens: { ...b.tokens } })),
      minutes: [...this.minutes].map(([minute, slot]) => [
        minute,
        this.minuteRequests[slot] ?? 0,
        this.minuteTokens[slot] ?? 0,
      ]),
      unknownStatuses: [...this.unknownStatuses],
      weightedRows: this.weightedRows,
      bucketEnds: this.bucketEnds,
      totalRows: this.totalRows,
      unknownRequestRows: this.unknownRequestRows,
      demand: this.demand.models(),
    };
    if (this.peakUnknown) part.peakUnknown = true;
    if (this.start !== undefined) part.start = this.start;
    if (this.end !== undefined) part.end = this.end;
    return part;
  }

  /** Adds a worker's part; `rowOffset`: the records of the file before the part's segment (its row numbers
   * count from the segment's start). */
  mergePart(part: TrafficProfilePart, rowOffset = 0): void {
    this.rows += part.rows;
    for (const theirs of part.buckets) {
      if (this.groupMeta) {
        const meta = theirs.meta;
        this.useGroup(
          this.groupMeta.map((key) => meta?.[key] ?? ""),
          0,
        );
      }
      const ours = this.bucketFor(
        theirs,
        this.bandOf(theirs.promptAbove),
        tierIndex(theirs.serviceTier),
        theirs.longContext === undefined ? 0 : theirs.longContext ? 2 : 1,
        theirs.requestsUnknown === true,
        theirs.requests,
      );
      ours.requests += theirs.requests;
      addTokens(ours.tokens, theirs.tokens);
      const prompt = theirs.largestPrompt;
      if (prompt !== undefined && prompt.tokens > (ours.largestPrompt?.tokens ?? 0)) {
        ours.largestPrompt = { tokens: prompt.tokens, row: prompt.row + rowOffset };
      }
      if (theirs.zeroTokens !== undefined) {
        if (ours.zeroTokens === undefined) {
          ours.zeroTokens = { requests: 0, row: theirs.zeroTokens.row + rowOffset };
        }
        ours.zeroTokens.requests += theirs.zeroTokens.requests;
      }
    }
    for (const [minute, requests, tokens] of part.minutes) this.addMinute(minute, requests, tokens);
    for (const [status, requests] of part.unknownStatuses) this.addUnknownStatus(status, requests);
    // Under the identity the buckets were merged under: a worker keeps every model name, this builder folds
    // those past maxModels into OTHER_MODELS (a minute series each would hold a million names otherwise).
    const other = this.tree.get(OTHER_MODELS);
    this.demand.merge(
      part.demand.map((series) =>
        series.model !== OTHER_MODELS &&
        other !== undefined &&
        this.modelLevel(series.model, series.provider) === other
          ? { ...series, provider: undefined, model: OTHER_MODELS }
          : series,
      ),
    );
    this.weightedRows ||= part.weightedRows;
    this.bucketEnds ||= part.bucketEnds;
    this.totalRows += part.totalRows;
    this.unknownRequestRows += part.unknownRequestRows;
    this.peakUnknown ||= part.peakUnknown === true;
    if (part.start !== undefined && (this.start === undefined || part.start < this.start))
      this.start = part.start;
    if (part.end !== undefined && (this.end === undefined || part.end > this.end)) this.end = part.end;
  }

  finish(): TrafficProfile {
    const buckets = this.buckets.map((b) => ({ ...b, tokens: { ...b.tokens } })).sort(compareBuckets);
    const tokens: TokenCounts = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0 };
    let requests = 0;
    let failedRequests = 0;
    for (const bucket of buckets) {
      requests += bucket.requests;
      if (bucket.failed) failedRequests += bucket.requests;
      addTokens(tokens, bucket.tokens);
    }
    const peak = { requestsPerMinute: 0, tokensPerMinute: 0 };
    for (const requests of this.minuteRequests) {
      peak.requestsPerMinute = Math.max(peak.requestsPerMinute, requests);
    }
    for (const tokens of this.minuteTokens) peak.tokensPerMinute = Math.max(peak.tokensPerMinute, tokens);
    const window: TrafficProfile["window"] = { days: 0 };
    if (this.start !== undefined && this.end !== undefined) {
      window.start = this.start;
      window.end = this.end;
      window.days = (this.end - this.start) / DAY_MS;
    }
    const unknownStatuses = [...this.unknownStatuses].map(([status, count]) => ({ status, requests: count }));
    return {
      rows: this.rows,
      requests,
      tokens,
      window,
      peak,
      buckets,
      failedRequests,
      unknownStatuses,
      weightedRows: this.weightedRows,
      bucketEnds: this.bucketEnds,
      totalRows: this.totalRows,
      unknownRequestRows: this.unknownRequestRows,
      otherModels: this.folded.size,
      foldedRequests: this.foldedRequests,
      minuteDemand: this.demand.models(),
      ...(this.peakUnknown && { peakUnknown: true }),
      ...(this.groupMeta && { foldedGroupRequests: this.foldedGroupRequests }),
    };
  }

  /** Index into the descending thresholds of the first one `inputTokens` exceeds; length when none. */
  private bandIndex(inputTokens: number): number {
    const { thresholds } = this;
    for (let i = 0; i < thresholds.length; i++) if (inputTokens > (thresholds[i] ?? 0)) return i;
    return thresholds.length;
  }

  /** The band index of another builder's bucket; both builders must share the thresholds. */
  private bandOf(promptAbove: number): number {
    if (promptAbove === 0) return this.thresholds.length;
    const band = this.thresholds.indexOf(promptAbove);
    if (band < 0) throw new Error(`cannot merge profiles built with different long-context thresholds`);
    return band;
  }

  /** Buckets so far: a worker posts its part when there are many. */
  get bucketCount(): number {
    return this.buckets.length;
  }

  /** The tree level of a model, or of OTHER_MODELS once too many models were refused by keepModel. */
  private modelLevel(model: string, provider: string | undefined): Level<Level<Level<Slots>>> {
    const level = this.tree.get(model);
    if (level !== undefined) return level;
    if (this.keepModel !== undefined && !this.keepModel(model, provider)) {
      if (this.unknownModels >= this.maxModels) {
        this.folded.add(model, provider);
        return child(this.tree, OTHER_MODELS, newProviders);
      }
      this.unknownModels++;
    }
    return child(this.tree, model, newProviders);
  }

  /** The bucket of `row`'s identity in prompt band `band`, with the log's service tier (index into
   * TIERS), context tier (0 unknown, 1 standard, 2 long) and whether its request count is unknown;
   * `requests` counts toward the folded requests if it lands past maxBuckets. */
  private bucketFor(
    row: BucketIdentity,
    band: number,
    tier: number,
    context: number,
    requestsUnknown: boolean,
    requests: number,
  ): TrafficBucket {
    const level = this.modelLevel(row.model, row.provider);
    const folded = level === this.tree.get(OTHER_MODELS) && row.model !== OTHER_MODELS;
    let identity: BucketIdentity = folded ? { ...row, model: OTHER_MODELS, provider: undefined } : row;
    const flags = (row.failed ? 4 : 0) + (row.requiresCompliance ? 2 : 0) + (row.requiresLatest ? 1 : 0);
    const logged = ((requestsUnknown ? 4 : 0) + tier) * 3 + context;
    const slot = (logged * 8 + flags) * (this.thresholds.length + 1) + band;
    const providers = child(level, identity.provider, newRegions);
    let bucket = providers.get(identity.region)?.get(identity.useCase)?.[slot];
    if (bucket === undefined && this.buckets.length >= this.maxBuckets) {
      const useCase =
        identity.useCase !== undefined && this.keepUseCase?.(identity.useCase)
          ? identity.useCase
          : OTHER_USE_CASES;
      identity = { ...identity, region: OTHER_REGIONS, useCase };
      this.foldedRequests += requests;
      bucket = providers.get(OTHER_REGIONS)?.get(useCase)?.[slot];
    }
    if (bucket === undefined) {
      bucket = newBucket(identity, this.thresholds[band] ?? 0, tier, context, requestsUnknown);
      if (this.groupValues) bucket.meta = this.groupValues;
      child(child(providers, identity.region, newUseCases), identity.useCase, newSlots)[slot] = bucket;
      this.buckets.push(bucket);
    }
    return bucket;
  }

  private observe(timestamp: number, requests: number, tokens: number): void {
    if (this.start === undefined || timestamp < this.start) this.start = timestamp;
    if (this.end === undefined || timestamp > this.end) this.end = timestamp;
    this.addMinute(Math.floor(timestamp / MINUTE_MS), requests, tokens);
  }

  private addMinute(minute: number, requests: number, tokens: number): void {
    const slot = this.minutes.get(minute);
    if (slot === undefined) {
      this.minutes.set(minute, this.minuteRequests.length);
      this.minuteRequests.push(requests);
      this.minuteTokens.push(tokens);
    } else {
      this.minuteRequests[slot] = (this.minuteRequests[slot] ?? 0) + requests;
      this.minuteTokens[slot] = (this.minuteTokens[slot] ?? 0) + tokens;
    }
  }
}

/** What identifies a bucket, read from a row, a reader's record or another builder's bucket. */
type BucketIdentity = Pick<
  TrafficRow,
  "provider" | "model" | "region" | "useCase" | "requiresCompliance" | "requiresLatest"
> & { failed?: boolean | undefined };

/** What a request adds to its bucket. */
type RequestInput = BucketIdentity &
  Pick<
    TrafficRow,
    | "row"
    | "inputTokens"
    | "outputTokens"
    | "cacheReadTokens"
    | "cacheWriteTokens"
    | "cacheWrite1hTokens"
    | "requests"
    | "tokenBasis"
    | "serviceTier"
    | "contextTier"
  >;

const TIERS: readonly PricingMode[] = ["standard", "batch", "flex", "priority"];

function tierIndex(tier: PricingMode | undefined): number {
  return tier === undefined ? 0 : TIERS.indexOf(tier);
}

function contextIndex(context: ContextTier | undefined): number {
  return context === undefined ? 0 : context === "standard" ? 1 : 2;
}

function newBucket(
  row: BucketIdentity,
  promptAbove: number,
  tier: number,
  context: number,
  requestsUnknown: boolean,
): TrafficBucket {
  const bucket: TrafficBucket = {
    model: row.model,
    requiresCompliance: row.requiresCompliance,
    requiresLatest: row.requiresLatest,
    promptAbove,
    requests: 0,
    tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0 },
  };
  const serviceTier = TIERS[tier];
  if (serviceTier !== undefined && serviceTier !== "standard") bucket.serviceTier = serviceTier;
  if (context !== 0) bucket.longContext = context === 2;
  if (requestsUnknown) bucket.requestsUnknown = true;
  if (row.provider !== undefined) bucket.provider = row.provider;
  if (row.region !== undefined) bucket.region = row.region;
  if (row.useCase !== undefined) bucket.useCase = row.useCase;
  if (row.failed) bucket.failed = true;
  return bucket;
}

// Code-unit order, not locale order, so the result is the same on every machine.
function compareText(a: string | undefined, b: string | undefined): number {
  const x = a ?? "";
  const y = b ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareBuckets(a: TrafficBucket, b: TrafficBucket): number {
  return (
    compareText(a.model, b.model) ||
    compareText(a.provider, b.provider) ||
    compareText(a.region, b.region) ||
    compareText(a.useCase, b.useCase) ||
    Number(a.requiresCompliance) - Number(b.requiresCompliance) ||
    Number(a.requiresLatest) - Number(b.requiresLatest) ||
    Number(a.failed === true) - Number(b.failed === true) ||
    a.promptAbove - b.promptAbove ||
    tierIndex(a.serviceTier) - tierIndex(b.serviceTier) ||
    Number(a.longContext ?? -1) - Number(b.longContext ?? -1) ||
    Number(a.requestsUnknown === true) - Number(b.requestsUnknown === true) ||
    compareText(metaText(a), metaText(b))
  );
}

function metaText(bucket: TrafficBucket): string | undefined {
  return bucket.meta && Object.values(bucket.meta).join("\u0000");
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
 * 30.4375 / the window's days; a file without a time span is taken as one month, and says so. The window
 * runs from the first timestamp to the last row's end: its `bucket_end`, or its timestamp plus `rowSpanMs`
 * (`--window`) when rows are pre-aggregated without one. Pre-aggregated rows that say neither have no
 * known span: that is a `problem`, not a guess. */
export function monthlyScale(
  profile: TrafficProfile,
  monthlyRequests?: number,
  rowSpanMs?: number,
): MonthlyScale | { problem: string } {
  // Without request counts, --monthly-requests cannot scale the tokens: the window does (see
  // pipeline/unknown-requests.ts for what it sets then).
  const requestsKnown = profile.unknownRequestRows === 0;
  if (monthlyRequests !== undefined && profile.requests > 0 && requestsKnown) {
    return {
      scale: monthlyRequests / profile.requests,
      basis: "monthly-requests",
      assumption: `the observed mix is rescaled to ${monthlyRequests} requests per month`,
    };
  }
  const { start, end } = profile.window;
  if (rowSpanMs !== undefined && profile.bucketEnds)
    return { problem: "the file has a bucket_end column and --window is given: say what a row covers once" };
  if (start !== undefined && end !== undefined && rowSpanMs !== undefined) {
    const days = (end + rowSpanMs - start) / DAY_MS;
    return {
      scale: DAYS_PER_MONTH / days,
      basis: "window",
      assumption: `each row covers ${formatDays(rowSpanMs / DAY_MS)} (--window): the ${formatDays(days)} from the first timestamp to the last row's end are scaled to a month of ${DAYS_PER_MONTH} days`,
    };
  }
  if (start !== undefined && profile.weightedRows && !profile.bucketEnds) {
    return {
      problem: requestsKnown
        ? "rows are pre-aggregated (requests above 1) but the file does not say what a row covers: add a bucket_end column, or pass --window (e.g. --window 7d), or --monthly-requests"
        : "rows are pre-aggregated (token totals) but the file does not say what a row covers: add a bucket_end column, or pass --window (e.g. --window 1d); some rows have no request count, so --monthly-requests cannot scale them",
    };
  }
  if (profile.window.days > 0) {
    const through = profile.bucketEnds ? " (to the last bucket_end)" : "";
    return {
      scale: DAYS_PER_MONTH / profile.window.days,
      basis: "window",
      assumption: `the observed ${formatDays(profile.window.days)}${through} are scaled to a month of ${DAYS_PER_MONTH} days`,
    };
  }
  const why = profile.window.start === undefined ? "no timestamps" : "all timestamps are equal";
  return { scale: 1, basis: "assumed-one-month", assumption: `${why}: the file is taken as one month` };
}

function formatDays(days: number): string {
  return days === 1 ? "1 day" : `${Number(days.toFixed(2))} days`;
}
