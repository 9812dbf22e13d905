// Circuit breakers, one per target, driven by replay time (the requests' timestamps), not the wall clock.
// Closed: consecutive failures are counted; at the threshold the breaker opens. Open: requests are routed
// around the target until the cooldown has passed. Half-open: requests go through as probes; the first
// failure reopens it, `halfOpenProbes` consecutive successes close it.
import type { BreakerSettings } from "./policy.js";

export type BreakerState = "closed" | "open" | "half_open";

export interface BreakerTransition {
  target: number;
  state: BreakerState;
  atMs: number;
}

const CLOSED = 0;
const OPEN = 1;
const HALF_OPEN = 2;

export class CircuitBreakers {
  private readonly state: Uint8Array;
  private readonly failures: Uint32Array;
  private readonly probeSuccesses: Uint32Array;
  private readonly openedAt: Float64Array;

  constructor(
    targetCount: number,
    private readonly settings: BreakerSettings | undefined,
    private readonly onTransition: (transition: BreakerTransition) => void = () => {},
  ) {
    this.state = new Uint8Array(targetCount);
    this.failures = new Uint32Array(targetCount);
    this.probeSuccesses = new Uint32Array(targetCount);
    this.openedAt = new Float64Array(targetCount);
  }

  /** Whether a request at `nowMs` may be sent to `target`; an open breaker past its cooldown half-opens. */
  allows(target: number, nowMs: number): boolean {
    if (!this.settings || this.state[target] !== OPEN) return true;
    if (nowMs < (this.openedAt[target] ?? 0) + this.settings.cooldownMs) return false;
    this.state[target] = HALF_OPEN;
    this.probeSuccesses[target] = 0;
    this.onTransition({ target, state: "half_open", atMs: nowMs });
    return true;
  }

  recordSuccess(target: number, nowMs: number): void {
    if (!this.settings) return;
    this.failures[target] = 0;
    if (this.state[target] !== HALF_OPEN) return;
    const successes = (this.probeSuccesses[target] ?? 0) + 1;
    this.probeSuccesses[target] = successes;
    if (successes >= this.settings.halfOpenProbes) {
      this.state[target] = CLOSED;
      this.onTransition({ target, state: "closed", atMs: nowMs });
    }
  }

  recordFailure(target: number, nowMs: number): void {
    if (!this.settings) return;
    const failures = (this.failures[target] ?? 0) + 1;
    this.failures[target] = failures;
    if (this.state[target] === HALF_OPEN || failures >= this.settings.failureThreshold) {
      this.state[target] = OPEN;
      this.openedAt[target] = nowMs;
      this.failures[target] = 0;
      this.onTransition({ target, state: "open", atMs: nowMs });
    }
  }
}
