// Every log and export format llmcost reads, in detection order.
import type { LogFormat } from "./log-format.js";

export const LOG_FORMATS: readonly LogFormat[] = [];
