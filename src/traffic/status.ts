// What a traffic row's `status` says about the request: it succeeded, it failed, or the value is not one
// llmcost knows. A failed request is billed by the tokens its row says were consumed (empty token cells
// count as zero); an unknown value is billed like a success and reported as a warning.

/** Status values that mean the request failed (case-insensitive), besides HTTP codes 4xx and 5xx. */
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
export function classifyStatus(status: string | undefined): StatusClass {
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
  return "unknown";
}
