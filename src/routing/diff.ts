// --diff: the same traffic under two policies. Counts requests whose target changed, a from -> to matrix
// and the cost delta per use case. Memory grows with targets and use cases, not with rows.

import { type RoutingDecision, requestIdOf } from "./decision.js";
import { CompensatedSums } from "./money.js";
import { MAX_EXAMPLES } from "./summary.js";

export interface RouteDiff {
  requests: number;
  changedRequests: number;
  changedExamples: {
    requestId: string;
    from: string;
    to: string;
    ruleBefore: string;
    ruleAfter: string;
    costDeltaUsd: number | null;
  }[];
  matrix: { from: string; to: string; requests: number }[];
  useCases: {
    useCase: string;
    requests: number;
    costBeforeUsd: number;
    costAfterUsd: number;
    deltaUsd: number;
  }[];
  totals: { costBeforeUsd: number; costAfterUsd: number; deltaUsd: number };
}

const UNROUTABLE = "(unroutable)";
const NO_USE_CASE = "(none)";

export class RouteDiffAccumulator {
  private requests = 0;
  private changed = 0;
  private readonly examples: RouteDiff["changedExamples"] = [];
  private readonly matrix = new Map<string, Map<string, number>>();
  private readonly useCaseSlots = new Map<string, number>();
  private useCaseRequests: number[] = [];
  /** Per use case slot u: 2u before, 2u + 1 after; grown on demand. */
  private useCaseCosts = new CompensatedSums(64);
  private readonly totals = new CompensatedSums(2);

  add(before: RoutingDecision, after: RoutingDecision): void {
    const weight = before.requests;
    this.requests += weight;
    const from = before.target || UNROUTABLE;
    const to = after.target || UNROUTABLE;
    let row = this.matrix.get(from);
    if (!row) {
      row = new Map();
      this.matrix.set(from, row);
    }
    row.set(to, (row.get(to) ?? 0) + weight);
    const slot = this.slotOf(before.useCase ?? NO_USE_CASE);
    this.useCaseRequests[slot] = (this.useCaseRequests[slot] ?? 0) + weight;
    this.useCaseCosts.add(2 * slot, before.costUsd ?? 0);
    this.useCaseCosts.add(2 * slot + 1, after.costUsd ?? 0);
    this.totals.add(0, before.costUsd ?? 0);
    this.totals.add(1, after.costUsd ?? 0);
    if (from === to) return;
    this.changed += weight;
    if (this.examples.length < MAX_EXAMPLES) {
      this.examples.push({
        requestId: requestIdOf(before),
        from,
        to,
        ruleBefore: before.rule,
        ruleAfter: after.rule,
        costDeltaUsd:
          before.costUsd !== null && after.costUsd !== null ? after.costUsd - before.costUsd : null,
      });
    }
  }

  private slotOf(useCase: string): number {
    let slot = this.useCaseSlots.get(useCase);
    if (slot !== undefined) return slot;
    slot = this.useCaseSlots.size;
    this.useCaseSlots.set(useCase, slot);
    if (2 * slot + 1 >= this.useCaseCosts.size) {
      // Rare (new use case beyond capacity): copy the running totals into a larger accumulator.
      const grown = new CompensatedSums(this.useCaseCosts.size * 2);
      for (let i = 0; i < this.useCaseCosts.size; i++) grown.add(i, this.useCaseCosts.total(i));
      this.useCaseCosts = grown;
    }
    return slot;
  }

  finish(): RouteDiff {
    const before = this.totals.total(0);
    const after = this.totals.total(1);
    return {
      requests: this.requests,
      changedRequests: this.changed,
      changedExamples: [...this.examples],
      matrix: [...this.matrix].flatMap(([from, row]) =>
        [...row].map(([to, requests]) => ({ from, to, requests })),
      ),
      useCases: [...this.useCaseSlots].map(([useCase, slot]) => {
        const costBefore = this.useCaseCosts.total(2 * slot);
        const costAfter = this.useCaseCosts.total(2 * slot + 1);
        return {
          useCase,
          requests: this.useCaseRequests[slot] ?? 0,
          costBeforeUsd: costBefore,
          costAfterUsd: costAfter,
          deltaUsd: costAfter - costBefore,
        };
      }),
      totals: { costBeforeUsd: before, costAfterUsd: after, deltaUsd: after - before },
    };
  }
}
