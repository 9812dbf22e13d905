// Units shared across layers.

/** Milliseconds in a day (UTC days: llmcost never uses local time). */
export const DAY_MS = 86_400_000;
