// Canonical copies of a column's values. The CSV parser hands out a fresh string for every cell; for the
// columns with few distinct values (model, provider, region, use case, status, cost sensitivity) the row
// parser keeps one string per value instead. The fresh cells then die young (cheap for the GC), and
// later `===` compares and Map lookups meet the same string, whose hash V8 computes only once.

/** Distinct values found by scanning with `===` (a short compare of short strings) before using a Map. */
const SCAN_LIMIT = 16;
/** Past this many distinct values a column is not low-cardinality: values are passed through as found,
 * so memory stays bounded whatever the file holds. */
export const INTERN_LIMIT = 4096;

export class Interner {
  /** The number of the value the last `intern` returned (0 to INTERN_LIMIT - 1), or -1 when it was passed
   * through: lets the route's batch builder find a value's code without comparing strings again. */
  id = -1;
  private readonly values: string[] = [];
  private many: Map<string, number> | undefined;

  intern(text: string): string {
    const many = this.many;
    if (many !== undefined) return this.fromMap(many, text);
    const values = this.values;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value === text) {
        this.id = i;
        return value;
      }
    }
    this.id = values.length;
    values.push(text);
    if (values.length > SCAN_LIMIT) this.many = new Map(values.map((value, i) => [value, i]));
    return text;
  }

  private fromMap(many: Map<string, number>, text: string): string {
    const known = many.get(text);
    if (known !== undefined) {
      this.id = known;
      return this.values[known] ?? text;
    }
    if (many.size >= INTERN_LIMIT) {
      this.id = -1;
      return text;
    }
    this.id = many.size;
    many.set(text, this.id);
    this.values.push(text);
    return text;
  }
}
