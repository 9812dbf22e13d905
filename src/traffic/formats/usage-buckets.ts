// The shape the OpenAI and Anthropic usage exports share: a page holds `data[]`, time buckets, and each
// bucket holds `results[]` over its span. The formats keep what differs: how a page and a bucket are
// recognised, the span's field names and time encoding, and what a result maps onto.
import type { RecordLocation } from "./log-format.js";
import { arrayAt, fieldError, type JsonObject, objectAt, path } from "./record-fields.js";

/** A bucket's span, epoch milliseconds. */
export interface BucketSpan {
  start: number;
  end: number;
}

export interface BucketShape {
  isPage(value: unknown): value is JsonObject;
  /** The span's field names, e.g. `start_time` / `end_time`. */
  start: string;
  end: string;
  /** Reads one of the span's times (epoch ms), or throws an InputError located at `field`. */
  time(value: unknown, at: RecordLocation, field: string): number;
}

/** A page's buckets (so errors name the bucket's index), an array's pages' buckets, or the record itself. */
export function* pageBuckets(shape: BucketShape, document: unknown): Iterable<unknown> {
  if (Array.isArray(document)) for (const item of document) yield* pageBuckets(shape, item);
  else if (shape.isPage(document)) yield* document.data as unknown[];
  else yield document;
}

/** Each result of a page's buckets (`data[i]`) or of one bucket, with its field path and its bucket's span. */
export function forEachBucketResult(
  shape: BucketShape,
  record: unknown,
  at: RecordLocation,
  each: (result: JsonObject, field: string, span: BucketSpan) => void,
): void {
  if (shape.isPage(record)) {
    (record.data as unknown[]).forEach((bucket, i) => {
      bucketResults(shape, bucket, at, path("data", i), each);
    });
  } else bucketResults(shape, record, at, "", each);
}

function bucketResults(
  shape: BucketShape,
  bucket: unknown,
  at: RecordLocation,
  base: string,
  each: (result: JsonObject, field: string, span: BucketSpan) => void,
): void {
  const object = objectAt(bucket, at, base || "(record)");
  const span = {
    start: shape.time(object[shape.start], at, path(base, shape.start)),
    end: shape.time(object[shape.end], at, path(base, shape.end)),
  };
  if (span.end <= span.start)
    fieldError(at, path(base, shape.end), `expected a bucket end after its ${shape.start}`);
  arrayAt(object.results, at, path(base, "results")).forEach((result, i) => {
    const field = path(path(base, "results"), i);
    each(objectAt(result, at, field), field, span);
  });
}
