// The html reports in a real browser (Debian's Chromium through puppeteer-core): the bundled fixtures' reports
// open with no console error and no network request; every chart is there with its marks (a line per option,
// each breakeven marker within 3 px of its volume on the log axis, today's volume marked) and a text and table
// alternative; the markdown's Mermaid blocks pass mermaid.parse. Screenshots go to .ci-results/.
// Run with `npm run test:browser` (CI: its own step in .ci/run, which installs Chromium).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectionReport } from "../../src/report/projection-data.js";
import type { RouteReport } from "../../src/report/route-report.js";
import { ROOT, runCli, tempFiles } from "../cli.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const RESULTS = join(ROOT, ".ci-results");
const WEEK = "fixtures/traffic/saas-assistant-week.csv";
const AS_OF = "2026-12-01";
const ROUTE = (policy: string) => [
  "route",
  "--dry-run",
  "-t",
  WEEK,
  "--policy",
  `fixtures/policies/${policy}.yaml`,
];
/** The breakeven markers' tolerance: where the volume falls on the drawn axis, to 3 px. */
const TOLERANCE_PX = 3;

const dir = tempFiles({});
let browser: Browser;

/** Runs llmcost with --as-of pinned; writes `--output file` when `file` is given, else returns stdout. */
function llmcost(args: string[], file?: string): string {
  const result = runCli([...args, "--as-of", AS_OF, "-q", ...(file ? ["--output", join(dir, file)] : [])]);
  if (result.code !== 0) throw new Error(`llmcost ${args.join(" ")}: exit ${result.code}\n${result.stderr}`);
  return file ? readFileSync(join(dir, file), "utf8") : result.stdout;
}

interface Opened {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}

/** Opens a report file; every request but the page itself is recorded and refused. */
async function open(file: string): Promise<Opened> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  const url = pathToFileURL(join(dir, file)).href;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.url() === url) return void request.continue();
    requests.push(request.url());
    void request.abort();
  });
  await page.goto(url, { waitUntil: "load" });
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, file.replace(/\.html$/, ".png")), fullPage: true });
  return { page, consoleErrors, requests };
}

/** Chart marks: for each element of `selector` inside figure `chart`, its attributes and <title>. */
async function marks(page: Page, chart: string, selector: string) {
  return page.$$eval(`#chart-${chart} ${selector}`, (elements) =>
    elements.map((element) => ({
      title: element.querySelector("title")?.textContent ?? "",
      cx: Number(element.getAttribute("cx")),
      x1: Number(element.getAttribute("x1")),
      transform: element.getAttribute("transform") ?? "",
    })),
  );
}

/** A figure's words and data table: its caption and the number of rows of its alternative table. */
async function alternative(page: Page, chart: string) {
  return page.$eval(`#chart-${chart}`, (figure) => ({
    caption: figure.querySelector("figcaption")?.textContent ?? "",
    rows: figure.querySelectorAll("details table tbody tr").length,
    drawn: figure.querySelector("svg") !== null,
  }));
}

const SUFFIX: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9 };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe("project --output report.html (html chosen by the extension)", () => {
  let opened: Opened;
  let report: ProjectionReport;
  beforeAll(async () => {
    llmcost(["project", "-t", WEEK], "project-week.html");
    report = JSON.parse(llmcost(["project", "-t", WEEK, "--format", "json"]));
    opened = await open("project-week.html");
  });

  it("opens with no console error and no network request, verdict first", async () => {
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.requests).toEqual([]);
    const first = await opened.page.$eval("body", (body) => body.querySelector("h1 + section")?.id);
    expect(first).toBe("verdict");
  });

  it("cost by option: one stacked bar part per non-zero cost part", async () => {
    const parts = report.options.flatMap((o) =>
      [o.token_cost_usd, o.provisioned_cost_usd, o.infra_cost_usd, o.hidden_cost_usd].filter(
        (usd) => usd > 0,
      ),
    );
    expect(await marks(opened.page, "cost-breakdown", 'g[aria-description="cost part"] rect')).toHaveLength(
      parts.length,
    );
  });

  it("cost curves: a line per option, each breakeven marker within 3 px of its volume, today's volume marked", async () => {
    const page = opened.page;
    const lines = await marks(page, "cost-curves", 'g[aria-description="cost line"] path');
    expect(lines.map((l) => l.title)).toEqual(report.options.map((o) => o.id));
    const ticks = await page.$$eval('#chart-cost-curves g[aria-label="x-axis tick label"] text', (texts) =>
      texts.map((t) => ({ label: t.textContent ?? "", transform: t.getAttribute("transform") ?? "" })),
    );
    const axis = ticks.map((t) => ({
      x: Number(/translate\(([-\d.]+)/.exec(t.transform)?.[1]),
      value: Number.parseFloat(t.label) * (SUFFIX[t.label.slice(-1)] ?? 1),
    }));
    expect(axis.length).toBeGreaterThanOrEqual(2);
    const [a, b] = [axis[0], axis.at(-1)];
    if (!a || !b) throw new Error("no axis");
    // Log axis: pixels are linear in log10(volume) between any two labelled ticks.
    const xOf = (n: number) =>
      a.x +
      ((Math.log10(n) - Math.log10(a.value)) / (Math.log10(b.value) - Math.log10(a.value))) * (b.x - a.x);
    const markers = await marks(page, "cost-curves", 'g[aria-description="breakeven"] circle');
    const crossings = report.breakeven.flatMap((pair) => pair.crossings.map((n) => ({ ...pair, n })));
    expect(markers).toHaveLength(crossings.length);
    expect(crossings.length).toBeGreaterThan(0);
    for (const crossing of crossings) {
      const marker = markers.find((m) => m.title.startsWith(`${crossing.a} = ${crossing.b} at `));
      expect(marker, `${crossing.a} = ${crossing.b}`).toBeDefined();
      expect(Math.abs((marker?.cx ?? 0) - xOf(crossing.n))).toBeLessThanOrEqual(TOLERANCE_PX);
    }
    const today = await marks(page, "cost-curves", 'g[aria-description="today"] line');
    expect(today).toHaveLength(1);
    expect(Math.abs((today[0]?.x1 ?? 0) - xOf(report.traffic.requests ?? 0))).toBeLessThanOrEqual(
      TOLERANCE_PX,
    );
  });

  it("growth: a line per option; the flip month is marked when there is one, and said either way", async () => {
    const lines = await marks(opened.page, "growth", 'g[aria-description="growth line"] path');
    expect(lines.map((l) => l.title)).toEqual(report.options.map((o) => o.id));
    const flip = await marks(opened.page, "growth", 'g[aria-description="flip month"] line');
    expect(flip).toHaveLength(report.growth_flip_month === null ? 0 : 1);
    expect((await alternative(opened.page, "growth")).caption).toMatch(
      report.growth_flip_month === null ? /does not change/ : /changes in month/,
    );
  });

  it("every chart has a caption and a data table", async () => {
    for (const chart of ["cost-breakdown", "cost-curves", "growth"]) {
      const alt = await alternative(opened.page, chart);
      expect(alt.drawn, chart).toBe(true);
      expect(alt.caption.length, chart).toBeGreaterThan(40);
      expect(alt.rows, chart).toBeGreaterThan(0);
    }
  });
});

describe.each(["seed-hybrid", "failover-drill"])("route --dry-run --format html (%s)", (policy) => {
  let opened: Opened;
  let report: RouteReport;
  beforeAll(async () => {
    llmcost([...ROUTE(policy), "--format", "html"], `route-${policy}.html`);
    report = JSON.parse(llmcost([...ROUTE(policy), "--format", "json"]));
    opened = await open(`route-${policy}.html`);
  });

  it("opens with no console error and no network request", () => {
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.requests).toEqual([]);
  });

  it("share per target, model flow and baselines: a mark per row of the data", async () => {
    const page = opened.page;
    expect(await marks(page, "target-share", 'g[aria-description="target share"] rect')).toHaveLength(
      report.targets.length,
    );
    expect(await marks(page, "model-flow", 'g[aria-description="flow"] rect')).toHaveLength(
      report.flows.length,
    );
    expect(await marks(page, "baselines", 'g[aria-description="baseline"] rect')).toHaveLength(
      report.baselines.length,
    );
    expect(await marks(page, "baselines", 'g[aria-description="replayed"] line')).toHaveLength(1);
  });

  it("breaker timeline: drawn when the replay had openings or fallbacks, said in words when not", async () => {
    const alt = await alternative(opened.page, "breaker-timeline");
    const eventful = report.breaker.events.length > 0 || report.fallbacks.length > 0;
    expect(alt.drawn).toBe(eventful);
    if (eventful) {
      const spans = await marks(opened.page, "breaker-timeline", 'g[aria-description="timeline span"] rect');
      expect(spans.length).toBeGreaterThan(0);
      expect(spans).toHaveLength(alt.rows);
    } else expect(alt.caption).toMatch(/No circuit-breaker opening/);
  });

  it("every chart has a caption, and a data table when there is data", async () => {
    for (const chart of ["target-share", "model-flow", "baselines"]) {
      const alt = await alternative(opened.page, chart);
      expect(alt.caption.length, chart).toBeGreaterThan(40);
      expect(alt.rows, chart).toBeGreaterThan(0);
    }
  });
});

/** A line whose bracket never closes. */
const BROKEN = 'xychart-beta\n    x-axis "m" ["0", "1"]\n    line [1, 2';

describe("markdown Mermaid charts", () => {
  it("every xychart-beta block passes mermaid.parse", async () => {
    const markdown = llmcost(["project", "-t", WEEK, "--format", "markdown"]);
    const blocks = [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
    expect(blocks).toHaveLength(2);
    const page = await browser.newPage();
    await page.addScriptTag({ path: join(ROOT, "node_modules", "mermaid", "dist", "mermaid.min.js") });
    const verdicts = await page.evaluate(
      async (texts: string[]) => {
        const { mermaid } = globalThis as unknown as {
          mermaid: { parse(text: string): Promise<unknown> };
        };
        const results: string[] = [];
        for (const text of texts) {
          try {
            await mermaid.parse(text);
            results.push("ok");
          } catch (error) {
            results.push(String(error));
          }
        }
        return results;
      },
      [...blocks, BROKEN],
    );
    expect(verdicts.slice(0, -1)).toEqual(blocks.map(() => "ok"));
    // The control: parse does refuse a broken chart, so "ok" above means something.
    expect(verdicts.at(-1)).not.toBe("ok");
  });
});
