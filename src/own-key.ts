// Lookups keyed by names from user files (model names, target names, CSV columns). A plain object answers
// `constructor`, `toString` or `__proto__` from Object.prototype, so a model named `constructor` would find
// a function; these helpers read own properties only.

/** `record[key]` when `key` is an own property of `record`, else undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty object without a prototype, for records keyed by user names. */
export function nameRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
