// Counting distinct model names without holding them: the profile and the route replay keep up to
// NAMED_MODELS_LIMIT names one by one and fold the traffic of any further name into one "(other models)"
// entry, so memory stays bounded whatever the log holds (issue 17: a million distinct names). The folded
// names are still counted, by a 53-bit hash each.

/** Distinct model names kept one by one before the rest are folded together: ten thousand covers every
 * catalog and any real log many times over, and costs a few megabytes. */
export const NAMED_MODELS_LIMIT = 10_000;

/** The model name of the entry that holds the traffic of names past NAMED_MODELS_LIMIT. */
export const OTHER_MODELS = "(other models)";

/**
 * A set of `provider/model` names that only counts them: their 53-bit hashes in an open-addressing table in
 * a Float64Array (16 bytes an entry at most half full), where a Set<string> would hold every string.
 */
export class DistinctNames {
  private table = new Float64Array(1024);
  size = 0;

  add(model: string, provider: string | undefined): void {
    if ((this.size + 1) * 2 > this.table.length) this.grow();
    if (insert(this.table, nameHash(model, provider))) this.size++;
  }

  private grow(): void {
    const bigger = new Float64Array(this.table.length * 2);
    for (const hash of this.table) if (hash !== 0) insert(bigger, hash);
    this.table = bigger;
  }
}

function insert(table: Float64Array, hash: number): boolean {
  const mask = table.length - 1;
  for (let i = hash % table.length; ; i = (i + 1) & mask) {
    const there = table[i] ?? 0;
    if (there === hash) return false;
    if (there === 0) {
      table[i] = hash;
      return true;
    }
  }
}

/** FNV-1a, twice with different seeds, folded into 53 bits: a collision among a million names has odds
 * of about 1 in 10^4 (and would undercount the folded names by one). */
function nameHash(model: string, provider: string | undefined): number {
  const text = `${provider ?? ""}\u0000${model}`;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  // Never 0: the empty slot of the table.
  return (a >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff) || 1;
}
