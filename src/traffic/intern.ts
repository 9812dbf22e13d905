// Canonical copies of a column's values. The CSV parser hands out a fresh string for every cell; for the
// columns with few distinct values (model, provider, region, use case, status, cost sensitivity) the row
// parser keeps one string per value instead. The fresh cells then die young (cheap for the GC), and
// later `===` compares and Map lookups meet the same string, whose hash V8 computes only once.

/** Distinct values found by scanning with `===` (a short compare of short strings) before using a Map. */
const SCAN_LIMIT = 16;
/** Past this many distinct values a column is not low-cardinality: values are passed through as found,
 * so memory stays bounded whatever the file holds. */
const INTERN_LIMIT = 4096;

export class Interner {
  private readonly values: string[] = [];
  private many: Map<string, string> | undefined;

  intern(text: string): string {
    const many = this.many;
    if (many !== undefined) {
      const known = many.get(text);
      if (known !== undefined) return known;
      if (many.size < INTERN_LIMIT) many.set(text, text);
      return text;
    }
    const values = this.values;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value === text) return value;
    }
    if (values.length < SCAN_LIMIT) values.push(text);
    else this.many = new Map([...values, text].map((value) => [value, value]));
    return text;
  }
}
