// What a traffic row's `status` says about the request: it succeeded, it failed, or the value is not one
// llmcost knows. A failed request is billed by the tokens its row says were consumed (empty token cells
// count as zero); an unknown value is billed like a success and reported as a warning.

/** Status values that mean the request failed (case-insensitive), besides HTTP codes 4xx and 5xx and AWS
 * error codes (`ThrottlingException`, `ValidationException`: a Bedrock invocation log's `errorCode`). */
export const FAILURE_STATUSES = [
  "error",
  "failed",
  "failure",
  "timeout",
  "timed_out",
  "throttled",
  "throttling",
  "rate_limited",
  "cancelled",
  "canceled",
] as const;

/** Status values that mean the request succeeded (case-insensitive), besides HTTP codes 2xx. */
const SUCCESS_STATUSES = ["ok", "success", "succeeded", "completed", "complete", "done"] as const;

export type StatusClass = "success" | "failure" | "unknown";

const FAILURES: ReadonlySet<string> = new Set(FAILURE_STATUSES);
const SUCCESSES: ReadonlySet<string> = new Set(SUCCESS_STATUSES);

/** How a status cell reads; an empty cell (or no status column) is a success. */
function classifyStatus(status: string | undefined): StatusClass {
  if (status === undefined || status === "") return "success";
  const value = status.trim().toLowerCase();
  if (value === "") return "success";
  if (/^\d{3}$/.test(value)) {
    const code = Number(value);
    if (code >= 400 && code <= 599) return "failure";
    if (code >= 200 && code <= 299) return "success";
    return "unknown";
  }
  if (FAILURES.has(value)) return "failure";
  if (SUCCESSES.has(value)) return "success";
  if (/^[a-z]+exception$/.test(value)) return "failure";
  return "unknown";
}

/** The warning for a status value llmcost does not know (`project` and `route` say the same). */
export function unknownStatusWarning(status: string, requests: number): string {
  return `status "${status}" (${requests} requests) is not a status llmcost knows: billed as succeeded (failure statuses: ${FAILURE_STATUSES.join(", ")}, HTTP 4xx and 5xx, AWS error codes ending in Exception)`;
}

/** How many distinct values a StatusClassifier remembers; past them it classifies each cell afresh. */
const REMEMBERED_STATUSES = 1024;

/**
 * classifyStatus for a reader or a replay: logs carry a handful of status values, so each distinct one is
 * classified once and a file of millions of rows pays one map lookup a row (classifying each cell afresh
 * was 6x that). A log of endless distinct values stops being remembered, not growing memory.
 */
export class StatusClassifier {
  private readonly classes = new Map<string, StatusClass>();

  classify(status: string | undefined): StatusClass {
    if (status === undefined || status === "") return "success";
    let statusClass = this.classes.get(status);
    if (statusClass === undefined) {
      statusClass = classifyStatus(status);
      if (this.classes.size < REMEMBERED_STATUSES) this.classes.set(status, statusClass);
    }
    return statusClass;
  }
}

/** Counts the requests of each status value llmcost does not know. */
export class UnknownStatusTally {
  private readonly statuses = new StatusClassifier();
  private readonly unknown = new Map<string, number>();

  add(status: string | undefined, requests: number): void {
    if (status === undefined) return;
    if (this.statuses.classify(status) === "unknown") {
      this.unknown.set(status, (this.unknown.get(status) ?? 0) + requests);
    }
  }

  /** Unknown values with their requests, most requests first. */
  finish(): { status: string; requests: number }[] {
    return [...this.unknown]
      .map(([status, requests]) => ({ status, requests }))
      .sort((a, b) => b.requests - a.requests || a.status.localeCompare(b.status));
  }
}
