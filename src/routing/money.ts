// Money sums over millions of rows without drift: Neumaier-compensated sums, one slot per bucket,
// stored in typed arrays so adding a row allocates nothing.
export class CompensatedSums {
  private readonly sums: Float64Array;
  private readonly compensation: Float64Array;

  constructor(readonly size: number) {
    this.sums = new Float64Array(size);
    this.compensation = new Float64Array(size);
  }

  add(slot: number, value: number): void {
    const sum = this.sums[slot] ?? 0;
    const next = sum + value;
    const lost = Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    this.compensation[slot] = (this.compensation[slot] ?? 0) + lost;
    this.sums[slot] = next;
  }

  total(slot: number): number {
    return (this.sums[slot] ?? 0) + (this.compensation[slot] ?? 0);
  }
}
