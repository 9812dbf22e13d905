// Turns a schema-valid policy into the compiled form the replay runs on, checking what the schema cannot:
// target references, fallback cycles, targets without a price, rules shadowed by an earlier catch-all,
// and condition problems. Every issue carries its path in the document so the loader can add the line.
import type { ModelPrice, ProfileScope } from "../cost/price.js";
import { whyNotLatest } from "../cost/price-history.js";
import { unofferedProfile, unofferedScope } from "../cost/profiles.js";
import { alwaysTrue, compileCondition, fieldsOf, type RowPredicate } from "./condition.js";
import { expandChain, findCycle } from "./policy-graph.js";
import type {
  ConditionSpec,
  PolicySpec,
  ReasonCode,
  RouteSpec,
  RuleSpec,
  ScoringWeights,
} from "./policy-schema.js";
import { quotaConflicts } from "./quota-pool-key.js";

/** The part of the pricing catalog routing needs (PricingCatalog satisfies it). */
export interface PriceLookup {
  resolve(modelId: string, provider?: string): { price: ModelPrice; scope?: ProfileScope } | undefined;
  /** The model's record with its first known price and whole history; without it, `price` is all there is. */
  firstKnown?(price: ModelPrice): ModelPrice;
  /** Why a known model is not priced (image, audio, video, per-query rerank), if it is one. */
  unpricedReason?(modelId: string, provider?: string): string | undefined;
  /** The date prices and `latest` are fixed to (--as-of), for messages. */
  readonly asOf?: string | undefined;
}

export interface PolicyIssue {
  path: (string | number)[];
  message: string;
}

export interface RouteTarget {
  index: number;
  name: string;
  provider: string;
  model: string;
  price: ModelPrice;
  scope: ProfileScope | undefined;
  /** Regions the target serves; undefined means every region. */
  regions: ReadonlySet<string> | undefined;
  performance: number;
  latencyMs: number;
  labels: readonly string[];
  /** Carries the policy's compliance label (or any label when none is named). */
  compliant: boolean;
  /** The policy's `latest` when it states one, else the catalog's derived `latest` at --as-of. */
  latest: boolean;
}

export type RouteKind = "target" | "cheapest" | "best_scored";

export interface CompiledRoute {
  kind: RouteKind;
  /** Target indices in the order written. */
  candidates: readonly number[];
  weights: ScoringWeights;
  /** Some candidate carries the compliance label (the route can serve compliance-required requests). */
  hasCompliant: boolean;
}

export interface CompiledRule {
  /** Position in `rules`; the default route has index `rules.length`. */
  index: number;
  name: string;
  matches: RowPredicate;
  route: CompiledRoute;
  confidence: number | undefined;
  reason: ReasonCode;
  spec: RuleSpec | undefined;
}

interface FailureWindow {
  fromMs: number;
  toMs: number;
  errorRate: number;
}

export interface BreakerSettings {
  failureThreshold: number;
  cooldownMs: number;
  halfOpenProbes: number;
}

export interface CompiledPolicy {
  targets: readonly RouteTarget[];
  rules: readonly CompiledRule[];
  defaultRule: CompiledRule;
  /** Per target index: the targets tried after it fails, its fallback chain expanded depth-first. */
  fallbackChains: readonly (readonly number[])[];
  breaker: BreakerSettings | undefined;
  /** Per target index: its simulated failure windows. */
  failures: readonly (readonly FailureWindow[])[];
  compliance: {
    label: string | undefined;
    enforce: boolean;
    /** Whether a request requires compliance: its requires_compliance column, or a `required_when` match. */
    requires: RowPredicate;
  };
  /** Fields the rules read (`meta.<column>` included): what of a row the replay needs beyond the basics. */
  fields: ReadonlySet<string>;
  spec: PolicySpec;
  /** Problems that do not stop the replay (a `latest_model` rule listing a target that is not the latest):
   * the loader locates them, the runner warns (an error with --strict). */
  warnings: PolicyIssue[];
}

const DEFAULT_WEIGHTS: ScoringWeights = { cost: 0.3, performance: 0.4, latency: 0.3 };
const DEFAULT_RULE_NAME = "(default)";

export type CompileResult = { ok: true; policy: CompiledPolicy } | { ok: false; issues: PolicyIssue[] };

export function compilePolicy(spec: PolicySpec, catalog: PriceLookup): CompileResult {
  const issues: PolicyIssue[] = [];
  const label = spec.compliance?.label;
  const targets = compileTargets(spec, catalog, label, issues);
  const indexOf = new Map(targets.map((t) => [t.name, t.index]));
  const weights = { ...DEFAULT_WEIGHTS, ...spec.scoring?.weights };
  const compileRoute = (route: RouteSpec, path: (string | number)[]) =>
    compileRouteSpec(route, path, { indexOf, declared: spec.targets }, targets, weights, issues);

  const warnings: PolicyIssue[] = [];
  const rules = spec.rules.map((rule, index): CompiledRule => {
    const conditionIssues: PolicyIssue[] = [];
    const matches = compileCondition(rule.when, conditionIssues, ["rules", index, "when"]);
    issues.push(...conditionIssues);
    const reason = rule.reason ?? inferReason(rule);
    let route = compileRoute(rule.route, ["rules", index, "route"]);
    if (reason === "latest_model")
      route = latestOnly(route, rule, ["rules", index, "route"], targets, catalog, warnings);
    return {
      index,
      name: rule.name,
      matches,
      route,
      confidence: rule.confidence,
      reason,
      spec: rule,
    };
  });
  const defaultRule: CompiledRule = {
    index: spec.rules.length,
    name: DEFAULT_RULE_NAME,
    matches: () => true,
    route: compileRoute(spec.default.route, ["default", "route"]),
    confidence: spec.default.confidence,
    reason: spec.default.reason ?? "default",
    spec: undefined,
  };
  const enforce = spec.compliance?.enforce ?? true;
  const requires = compileRequiredWhen(spec, issues);
  checkDuplicateNames(spec.rules, issues);
  issues.push(...quotaConflicts(spec, targets));
  checkUnreachableRules(rules, enforce, issues);
  const fallbackChains = compileFallbacks(spec, indexOf, targets.length, issues);
  const failures = compileFailures(spec, indexOf, targets.length, issues);
  if (issues.length > 0) return { ok: false, issues };
  const breakerSpec = spec.circuit_breaker;
  const breaker = breakerSpec && {
    failureThreshold: breakerSpec.failure_threshold,
    cooldownMs: breakerSpec.cooldown_seconds * 1000,
    halfOpenProbes: breakerSpec.half_open_probes,
  };
  return {
    ok: true,
    policy: {
      targets,
      rules,
      defaultRule,
      fallbackChains,
      breaker,
      failures,
      compliance: { label, enforce, requires },
      fields: fieldsOfRules(spec.rules, spec.compliance?.required_when ?? []),
      spec,
      warnings,
    },
  };
}

function compileTargets(
  spec: PolicySpec,
  catalog: PriceLookup,
  label: string | undefined,
  issues: PolicyIssue[],
): RouteTarget[] {
  const targets: RouteTarget[] = [];
  for (const [name, target] of Object.entries(spec.targets)) {
    let resolved: ReturnType<PriceLookup["resolve"]>;
    try {
      resolved = catalog.resolve(target.model, target.provider);
    } catch (error) {
      issues.push({
        path: ["targets", name, "model"],
        message: error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    if (!resolved) {
      issues.push({
        path: ["targets", name, "model"],
        message:
          catalog.unpricedReason?.(target.model, target.provider) ??
          `no price for ${target.provider}/${target.model} in the pricing catalog (add it with --pricing FILE)`,
      });
      continue;
    }
    const unoffered = unofferedProfile(resolved.price, target.model);
    if (unoffered) {
      issues.push({ path: ["targets", name, "model"], message: unoffered });
      continue;
    }
    const scope = targetScope(resolved, target.inference_profile);
    if ("problem" in scope) {
      issues.push({ path: ["targets", name, "inference_profile"], message: scope.problem });
      continue;
    }
    // A stated profile must be one AWS offers; the default (global) prices alike where it is not offered.
    const unofferedStated =
      target.inference_profile && unofferedScope(resolved.price, target.inference_profile);
    if (unofferedStated) {
      issues.push({ path: ["targets", name, "inference_profile"], message: unofferedStated });
      continue;
    }
    targets.push({
      index: targets.length,
      name,
      provider: target.provider,
      model: target.model,
      price: resolved.price,
      scope: scope.scope,
      regions: target.regions ? new Set(target.regions) : undefined,
      performance: target.performance,
      latencyMs: target.latency_ms,
      labels: target.compliance,
      compliant: label === undefined ? target.compliance.length > 0 : target.compliance.includes(label),
      latest: target.latest ?? resolved.price.latest ?? false,
    });
  }
  return targets;
}

/**
 * The inference profile a target is priced at, the same way `project` prices a Bedrock option: a profile
 * prefix on the id (`us.`, `global.`) says it; otherwise the target's `inference_profile`, default global.
 * (The catalog reads a plain Bedrock id as in-region, which is what a logged plain id was billed at.)
 */
const DEFAULT_TARGET_PROFILE: ProfileScope = "global";

function targetScope(
  resolved: { price: ModelPrice; scope?: ProfileScope },
  wanted: ProfileScope | undefined,
): { scope: ProfileScope | undefined } | { problem: string } {
  if (resolved.scope === undefined) {
    return wanted === undefined
      ? { scope: undefined }
      : {
          problem: `inference_profile applies to Bedrock targets only (${resolved.price.key} is not on Bedrock)`,
        };
  }
  const fromPrefix = resolved.scope === "in-region" ? undefined : resolved.scope;
  if (fromPrefix !== undefined && wanted !== undefined && wanted !== fromPrefix) {
    return {
      problem: `the model id's profile prefix says ${fromPrefix}, inference_profile says ${wanted}: keep one`,
    };
  }
  return { scope: fromPrefix ?? wanted ?? DEFAULT_TARGET_PROFILE };
}

function compileRouteSpec(
  route: RouteSpec,
  path: (string | number)[],
  names: TargetNames,
  targets: readonly RouteTarget[],
  policyWeights: ScoringWeights,
  issues: PolicyIssue[],
): CompiledRoute {
  const kind: RouteKind = route.target !== undefined ? "target" : route.cheapest ? "cheapest" : "best_scored";
  const listed = route.target !== undefined ? [route.target] : (route.cheapest ?? route.best_scored ?? []);
  const candidates: number[] = [];
  listed.forEach((name, i) => {
    const index = names.indexOf.get(name);
    if (index !== undefined) candidates.push(index);
    else if (!(name in names.declared)) {
      issues.push({
        path: kind === "target" ? [...path, "target"] : [...path, kind, i],
        message: unknownTarget(name, names.declared),
      });
    }
  });
  const weights = { ...policyWeights, ...route.weights };
  if (weights.cost + weights.performance + weights.latency <= 0) {
    issues.push({ path: [...path, "weights"], message: "scoring weights must not all be zero" });
  }
  const hasCompliant = candidates.some((i) => targets[i]?.compliant === true);
  return { kind, candidates, weights, hasCompliant };
}

/**
 * A `latest_model` rule must not send requests to an old model: candidates that are not `latest` are
 * dropped from its route when some candidate is, and each is a warning; when none is, the route is kept as
 * written and that is the warning.
 */
function latestOnly(
  route: CompiledRoute,
  rule: RuleSpec,
  path: (string | number)[],
  targets: readonly RouteTarget[],
  catalog: PriceLookup,
  warnings: PolicyIssue[],
): CompiledRoute {
  const old = route.candidates.filter((t) => targets[t]?.latest === false);
  if (old.length === 0) return route;
  const kept = route.candidates.filter((t) => targets[t]?.latest === true);
  const at = catalog.asOf ? ` on ${catalog.asOf}` : "";
  const written =
    route.kind === "target" ? [rule.route.target] : (rule.route.cheapest ?? rule.route.best_scored ?? []);
  for (const t of old) {
    const target = targets[t];
    if (!target) continue;
    const position = written.indexOf(target.name);
    warnings.push({
      path: route.kind === "target" ? [...path, "target"] : [...path, route.kind, position],
      message:
        `rule "${rule.name}" serves requests that require the latest model, but target "${target.name}" ` +
        `(${target.price.key}) ${whyNotLatest(target.price, catalog.asOf)}${at}` +
        (kept.length > 0
          ? `; the rule leaves it out and routes to ${kept.map((k) => targets[k]?.name).join(", ")}`
          : "; the rule routes to it as written") +
        ` (set \`latest: true\` on the target to keep it deliberately)`,
    });
  }
  if (kept.length === 0) return route;
  return { ...route, candidates: kept, hasCompliant: kept.some((t) => targets[t]?.compliant === true) };
}

/** Target names: the priced ones by index, and every declared one (an unpriced target is reported once). */
interface TargetNames {
  indexOf: ReadonlyMap<string, number>;
  declared: Readonly<Record<string, unknown>>;
}

function unknownTarget(name: string, declared: Readonly<Record<string, unknown>>): string {
  return `unknown target "${name}"; the policy's targets are ${Object.keys(declared).join(", ")}`;
}

/** A rule's reason code when it does not declare one: from what it tests, else from how it routes. */
function inferReason(rule: RuleSpec): ReasonCode {
  if (rule.when?.requires_compliance === true) return "compliance";
  if (rule.when?.requires_latest === true) return "latest_model";
  if (rule.route.cheapest) return "cost";
  if (rule.route.best_scored) return "score";
  return "rule";
}

function checkDuplicateNames(rules: readonly RuleSpec[], issues: PolicyIssue[]): void {
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (seen.has(rule.name))
      issues.push({ path: ["rules", i, "name"], message: `duplicate rule name "${rule.name}"` });
    seen.add(rule.name);
  });
}

/**
 * A rule after one that applies to every request can never be reached. With compliance enforced, a
 * catch-all whose targets lack the label still lets compliance-required requests through to later rules.
 */
function checkUnreachableRules(
  rules: readonly CompiledRule[],
  enforce: boolean,
  issues: PolicyIssue[],
): void {
  let catchAll: CompiledRule | undefined;
  for (const rule of rules) {
    if (catchAll) {
      const throughCompliance = enforce && !catchAll.route.hasCompliant;
      if (!throughCompliance) {
        issues.push({
          path: ["rules", rule.index, "name"],
          message: `rule "${rule.name}" can never be reached: rule "${catchAll.name}" (rules[${catchAll.index}]) matches every request`,
        });
        continue;
      }
    }
    if (!catchAll && alwaysTrue(rule.spec?.when)) catchAll = rule;
  }
}

function compileFallbacks(
  spec: PolicySpec,
  indexOf: ReadonlyMap<string, number>,
  targetCount: number,
  issues: PolicyIssue[],
): number[][] {
  const direct: number[][] = Array.from({ length: targetCount }, () => []);
  for (const [from, list] of Object.entries(spec.fallbacks)) {
    const fromIndex = indexOf.get(from);
    if (fromIndex === undefined && !(from in spec.targets)) {
      issues.push({ path: ["fallbacks", from], message: unknownTarget(from, spec.targets) });
    }
    list.forEach((to, i) => {
      const toIndex = indexOf.get(to);
      if (toIndex === undefined) {
        if (!(to in spec.targets))
          issues.push({ path: ["fallbacks", from, i], message: unknownTarget(to, spec.targets) });
      } else if (fromIndex !== undefined) direct[fromIndex]?.push(toIndex);
    });
  }
  const names = [...indexOf.keys()];
  const cycle = findCycle(direct);
  if (cycle) {
    const [first] = cycle;
    const text = [...cycle, first ?? 0].map((i) => names[i]).join(" -> ");
    issues.push({ path: ["fallbacks", names[first ?? 0] ?? ""], message: `fallback cycle: ${text}` });
    return direct.map(() => []);
  }
  return direct.map((_, start) => expandChain(direct, start));
}

function compileFailures(
  spec: PolicySpec,
  indexOf: ReadonlyMap<string, number>,
  targetCount: number,
  issues: PolicyIssue[],
): FailureWindow[][] {
  const windows: FailureWindow[][] = Array.from({ length: targetCount }, () => []);
  spec.simulate?.failures.forEach((failure, i) => {
    const index = indexOf.get(failure.target);
    if (index === undefined) {
      if (!(failure.target in spec.targets)) {
        issues.push({
          path: ["simulate", "failures", i, "target"],
          message: unknownTarget(failure.target, spec.targets),
        });
      }
      return;
    }
    windows[index]?.push({
      fromMs: Date.parse(failure.from),
      toMs: Date.parse(failure.to),
      errorRate: failure.error_rate,
    });
  });
  return windows;
}

function fieldsOfRules(rules: readonly RuleSpec[], requiredWhen: readonly ConditionSpec[]): Set<string> {
  const fields = new Set<string>();
  for (const rule of rules) fieldsOf(rule.when, fields);
  for (const condition of requiredWhen) fieldsOf(condition, fields);
  return fields;
}

/** The policy's `compliance.required_when` as one predicate, ORed with the requires_compliance column. */
function compileRequiredWhen(spec: PolicySpec, issues: PolicyIssue[]): RowPredicate {
  const conditions = spec.compliance?.required_when ?? [];
  const predicates = conditions.map((condition, i) =>
    compileCondition(condition, issues, ["compliance", "required_when", i]),
  );
  if (predicates.length === 0) return (row) => row.requiresCompliance;
  return (row) => row.requiresCompliance || predicates.some((matches) => matches(row));
}
