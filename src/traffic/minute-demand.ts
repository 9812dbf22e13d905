// Requests and tokens per UTC minute, per logged (provider, model): what capacity planning compares with a
// quota. Memory is minutes x models (a week of traffic is 10,080 minutes), never rows. Pure.

/** [minute since the epoch, requests, input tokens, output tokens, cache-read tokens] for each minute. */
export interface ModelMinutes {
  provider: string | undefined;
  model: string;
  /** Flat: 5 numbers per minute, minutes in first-seen order. */
  minutes: number[];
}

const STRIDE = 5;

class Series {
  readonly slots = new Map<number, number>();
  readonly values: number[] = [];
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
    const slot = series.slots.get(minute);
    const values = series.values;
    if (slot === undefined) {
      series.slots.set(minute, values.length);
      values.push(minute, requests, input, output, cacheRead);
      return;
    }
    values[slot + 1] = (values[slot + 1] ?? 0) + requests;
    values[slot + 2] = (values[slot + 2] ?? 0) + input;
    values[slot + 3] = (values[slot + 3] ?? 0) + output;
    values[slot + 4] = (values[slot + 4] ?? 0) + cacheRead;
  }

  /** As plain data (structured-clone safe), for a worker's part and for the capacity code: models by name,
   * minutes in time order, so the result does not depend on the order parts were merged in. */
  models(): ModelMinutes[] {
    const out: ModelMinutes[] = [];
    for (const [model, providers] of this.byModel) {
      for (const [provider, series] of providers) {
        const minutes: number[] = [];
        const slots = [...series.slots.values()].sort(
          (a, b) => (series.values[a] ?? 0) - (series.values[b] ?? 0),
        );
        for (const slot of slots) for (let k = 0; k < STRIDE; k++) minutes.push(series.values[slot + k] ?? 0);
        out.push({ provider, model, minutes });
      }
    }
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
