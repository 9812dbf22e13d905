// Requests and tokens per UTC minute, per logged (provider, model): what capacity planning compares with a
// quota. Memory is minutes x models (a week of traffic is 10,080 minutes), never rows. Pure.

/** [minute since the epoch, requests, input tokens, output tokens, cache-read tokens] for each minute. */
export interface ModelMinutes {
  provider: string | undefined;
  model: string;
  /** Flat: 5 numbers per minute, minutes in time order (a typed array: compact, cheap to post). */
  minutes: Float64Array;
}

const STRIDE = 5;
/** Numbers a dense minute holds: requests, input, output, cache reads. */
const FIELDS = 4;

/**
 * One model's minutes, dense from its first to its last minute (no object or map entry per minute: a month
 * is 43,830 minutes x 32 bytes = 1.4 MB). Rows come mostly in time order; an earlier minute grows the
 * array at the front.
 */
class Series {
  start = Number.NaN;
  span = 0;
  data = new Float64Array(8 * FIELDS);

  add(minute: number, requests: number, input: number, output: number, cacheRead: number): void {
    if (Number.isNaN(this.start)) this.start = minute;
    if (minute < this.start) this.growFront(this.start - minute);
    const offset = minute - this.start;
    if (offset >= this.span) {
      this.ensure(offset + 1);
      this.span = offset + 1;
    }
    const at = offset * FIELDS;
    const data = this.data;
    data[at] = (data[at] ?? 0) + requests;
    data[at + 1] = (data[at + 1] ?? 0) + input;
    data[at + 2] = (data[at + 2] ?? 0) + output;
    data[at + 3] = (data[at + 3] ?? 0) + cacheRead;
  }

  private ensure(minutes: number): void {
    if (minutes * FIELDS <= this.data.length) return;
    const grown = new Float64Array(Math.max(minutes, (this.data.length / FIELDS) * 2) * FIELDS);
    grown.set(this.data);
    this.data = grown;
  }

  private growFront(by: number): void {
    const grown = new Float64Array(Math.max(this.span + by, this.data.length / FIELDS) * FIELDS);
    grown.set(this.data.subarray(0, this.span * FIELDS), by * FIELDS);
    this.data = grown;
    this.start -= by;
    this.span += by;
  }

  /** Minutes with traffic, in time order, flat (STRIDE numbers each). */
  flat(): Float64Array {
    const data = this.data;
    const used = (m: number) => {
      const at = m * FIELDS;
      return (data[at] ?? 0) !== 0 || (data[at + 1] ?? 0) !== 0 || (data[at + 2] ?? 0) !== 0;
    };
    let count = 0;
    for (let m = 0; m < this.span; m++) if (used(m)) count++;
    const out = new Float64Array(count * STRIDE);
    let i = 0;
    for (let m = 0; m < this.span; m++) {
      if (!used(m)) continue;
      const at = m * FIELDS;
      out[i] = this.start + m;
      out[i + 1] = data[at] ?? 0;
      out[i + 2] = data[at + 1] ?? 0;
      out[i + 3] = data[at + 2] ?? 0;
      out[i + 4] = data[at + 3] ?? 0;
      i += STRIDE;
    }
    return out;
  }
}

export class MinuteDemand {
  private readonly byModel = new Map<string, Map<string | undefined, Series>>();

  add(
    provider: string | undefined,
    model: string,
    minute: number,
    requests: number,
    input: number,
    output: number,
    cacheRead: number,
  ): void {
    let providers = this.byModel.get(model);
    if (providers === undefined) {
      providers = new Map();
      this.byModel.set(model, providers);
    }
    let series = providers.get(provider);
    if (series === undefined) {
      series = new Series();
      providers.set(provider, series);
    }
    series.add(minute, requests, input, output, cacheRead);
  }

  /** As plain data (structured-clone safe), for a worker's part and for the capacity code: models by name,
   * minutes in time order, so the result does not depend on the order parts were merged in. */
  models(): ModelMinutes[] {
    const out: ModelMinutes[] = [];
    for (const [model, providers] of this.byModel)
      for (const [provider, series] of providers) out.push({ provider, model, minutes: series.flat() });
    return out.sort((a, b) => compare(a.model, b.model) || compare(a.provider ?? "", b.provider ?? ""));
  }

  merge(parts: readonly ModelMinutes[]): void {
    for (const part of parts) {
      const m = part.minutes;
      for (let i = 0; i + STRIDE <= m.length; i += STRIDE)
        this.add(
          part.provider,
          part.model,
          m[i] ?? 0,
          m[i + 1] ?? 0,
          m[i + 2] ?? 0,
          m[i + 3] ?? 0,
          m[i + 4] ?? 0,
        );
    }
  }
}

/** Visits each minute of a ModelMinutes: minute, requests, input, output, cache reads. */
export function forEachMinute(
  series: ModelMinutes,
  visit: (minute: number, requests: number, input: number, output: number, cacheRead: number) => void,
): void {
  const m = series.minutes;
  for (let i = 0; i + STRIDE <= m.length; i += STRIDE)
    visit(m[i] ?? 0, m[i + 1] ?? 0, m[i + 2] ?? 0, m[i + 3] ?? 0, m[i + 4] ?? 0);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
