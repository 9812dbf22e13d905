import { describe, expect, it } from "vitest";
import { monthlyScale, type TrafficProfile, TrafficProfileBuilder } from "../../src/traffic/profile.js";
import { profileTraffic } from "../../src/traffic/profile-traffic.js";
import type { TrafficRow } from "../../src/traffic/row.js";
import { trafficRow } from "../factories/traffic-row.js";

function profileOf(rows: TrafficRow[], thresholds: number[] = [200_000]): TrafficProfile {
  const builder = new TrafficProfileBuilder({ longContextThresholds: thresholds });
  for (const r of rows) builder.add(r);
  return builder.finish();
}

const T0 = Date.UTC(2025, 5, 2, 9, 0, 0);

describe("TrafficProfileBuilder", () => {
  it("sums tokens times the requests weight, exactly", () => {
    const profile = profileOf([
      trafficRow({ inputTokens: 1000, outputTokens: 100, cacheReadTokens: 400, requests: 3 }),
      trafficRow({
        model: "claude-sonnet-4-5",
        provider: "anthropic",
        inputTokens: 500,
        outputTokens: 50,
        cacheWriteTokens: 200,
      }),
    ]);
    expect(profile.rows).toBe(2);
    expect(profile.requests).toBe(3 + 1);
    expect(profile.tokens).toEqual({
      input: 1000 * 3 + 500, // 3500
      output: 100 * 3 + 50, // 350
      cacheRead: 400 * 3, // 1200
      cacheWrite: 200,
      cacheWrite1h: 0,
    });
  });

  it("gives the same totals when a row is split into weighted rows", () => {
    const whole = profileOf([
      trafficRow({ inputTokens: 700, outputTokens: 70, cacheReadTokens: 7, requests: 10 }),
    ]);
    const split = profileOf([
      trafficRow({ inputTokens: 700, outputTokens: 70, cacheReadTokens: 7, requests: 4 }),
      trafficRow({ inputTokens: 700, outputTokens: 70, cacheReadTokens: 7, requests: 6 }),
    ]);
    const ones = profileOf(
      Array.from({ length: 10 }, () =>
        trafficRow({ inputTokens: 700, outputTokens: 70, cacheReadTokens: 7 }),
      ),
    );
    expect(split.tokens).toEqual(whole.tokens);
    expect(ones.tokens).toEqual(whole.tokens);
    expect(split.buckets).toEqual(whole.buckets);
    expect(ones.buckets).toEqual(whole.buckets);
  });

  it("bands prompts by the largest threshold strictly exceeded (200000 is not above, 200001 is)", () => {
    const profile = profileOf(
      [
        trafficRow({ inputTokens: 128_000 }),
        trafficRow({ inputTokens: 128_001 }),
        trafficRow({ inputTokens: 200_000 }),
        trafficRow({ inputTokens: 200_001 }),
      ],
      [200_000, 128_000],
    );
    expect(profile.buckets.map((b) => [b.promptAbove, b.requests, b.tokens.input])).toEqual([
      [0, 1, 128_000],
      [128_000, 2, 128_001 + 200_000],
      [200_000, 1, 200_001],
    ]);
  });

  it("groups by provider, model, region, use case and flags, sorted deterministically", () => {
    const rows = [
      trafficRow({ model: "gpt-4o", region: "eu-west-1" }),
      trafficRow({ model: "claude-haiku-4-5", provider: "anthropic" }),
      trafficRow({ model: "gpt-4o", region: "us-east-1", useCase: "chat" }),
      trafficRow({ model: "gpt-4o", region: "us-east-1", useCase: "chat", requiresCompliance: true }),
      trafficRow({ model: "gpt-4o", region: "us-east-1", useCase: "chat" }),
    ];
    const forward = profileOf(rows);
    const backward = profileOf([...rows].reverse());
    expect(forward.buckets).toEqual(backward.buckets);
    expect(
      forward.buckets.map((b) => [b.model, b.region, b.useCase, b.requiresCompliance, b.requests]),
    ).toEqual([
      ["claude-haiku-4-5", undefined, undefined, false, 1],
      ["gpt-4o", "eu-west-1", undefined, false, 1],
      ["gpt-4o", "us-east-1", "chat", false, 2],
      ["gpt-4o", "us-east-1", "chat", true, 1],
    ]);
  });

  it("measures the window and the busiest UTC minute", () => {
    const profile = profileOf([
      trafficRow({ timestamp: T0 + 5_000, requests: 2, inputTokens: 100, outputTokens: 10 }),
      trafficRow({ timestamp: T0 + 59_999, inputTokens: 300, outputTokens: 30 }),
      trafficRow({ timestamp: T0 + 60_000, inputTokens: 5000, outputTokens: 0 }),
      trafficRow({ timestamp: T0 + 2 * 86_400_000 }),
      trafficRow({}), // no timestamp: counted, not placed in a minute
    ]);
    expect(profile.window).toEqual({
      start: T0 + 5_000,
      end: T0 + 2 * 86_400_000,
      days: 2 - 5_000 / 86_400_000,
    });
    // Minute 09:00 holds 2 + 1 requests and (100 + 10) x 2 + 300 + 30 = 550 tokens; 09:01 holds 5000 tokens.
    expect(profile.peak).toEqual({ requestsPerMinute: 3, tokensPerMinute: 5000 });
  });

  it("merging a part gives the same profile as adding every row to one builder", () => {
    const rows = Array.from({ length: 40 }, (_, i) =>
      trafficRow({
        model: i % 3 === 0 ? "gpt-4o" : "claude-haiku-4-5",
        inputTokens: 1000 + i * 10_000,
        requests: 1 + (i % 4),
        timestamp: T0 + i * 20_000,
      }),
    );
    const a = new TrafficProfileBuilder({ longContextThresholds: [200_000] });
    const b = new TrafficProfileBuilder({ longContextThresholds: [200_000] });
    for (const [i, r] of rows.entries()) (i % 2 === 0 ? a : b).add(r);
    a.mergePart(b.part());
    expect(a.finish()).toEqual(profileOf(rows));
  });
});

describe("folding models past maxModels", () => {
  it("a worker's per-minute demand is merged under the folded name, as its buckets are", () => {
    // Five unknown models in a worker's part; the merging builder keeps 2 by name and folds the other 3:
    // the minute demand holds 3 series (2 named + "(other models)"), not 5, with every request in them.
    const rows = Array.from({ length: 5 }, (_, i) =>
      trafficRow({ model: `m${i}`, provider: "acme", requests: i + 1, timestamp: T0 + i * 60_000 }),
    );
    const worker = new TrafficProfileBuilder({ longContextThresholds: [] });
    for (const r of rows) worker.add(r);
    const merged = new TrafficProfileBuilder({
      longContextThresholds: [],
      keepModel: () => false,
      maxModels: 2,
    });
    merged.mergePart(worker.part());
    const profile = merged.finish();
    const series = profile.minuteDemand ?? [];
    expect(series.map((s) => s.model)).toEqual(["(other models)", "m0", "m1"]);
    // Requests are every 5th number of a series' flat minutes: 3 + 4 + 5 = 12 in the folded series.
    const requests = (s: { minutes: Float64Array }) =>
      s.minutes.filter((_, i) => i % 5 === 1).reduce((a, b) => a + b, 0);
    expect(series.map(requests)).toEqual([12, 1, 2]);
  });
});

describe("monthlyScale", () => {
  it("scales the observed window to 30.4375 days", () => {
    const profile = profileOf([
      trafficRow({ timestamp: T0 }),
      trafficRow({ timestamp: T0 + 7 * 86_400_000 }),
    ]);
    expect(monthlyScale(profile)).toEqual({
      scale: 30.4375 / 7,
      basis: "window",
      assumption: "the observed 7 days are scaled to a month of 30.4375 days",
    });
  });

  it("rescales to --monthly-requests when given", () => {
    const profile = profileOf([trafficRow({ requests: 40 }), trafficRow({ requests: 10, timestamp: T0 })]);
    expect(monthlyScale(profile, 1_000)).toMatchObject({ scale: 1_000 / 50, basis: "monthly-requests" });
  });

  it("takes a file without timestamps, or with a zero-length window, as one month and says so", () => {
    expect(monthlyScale(profileOf([trafficRow()]))).toEqual({
      scale: 1,
      basis: "assumed-one-month",
      assumption: "no timestamps: the file is taken as one month",
    });
    expect(
      monthlyScale(profileOf([trafficRow({ timestamp: T0 }), trafficRow({ timestamp: T0 })])),
    ).toMatchObject({
      scale: 1,
      assumption: "all timestamps are equal: the file is taken as one month",
    });
  });
});

describe("profileTraffic", () => {
  it("profiles the pre-aggregated month fixture", async () => {
    const { profile, summary } = await profileTraffic("fixtures/traffic/preaggregated-month.csv", {
      longContextThresholds: [200_000],
    });
    expect(summary.rows).toBe(18);
    // gpt-4o chat rows: 12000 + 12500 + 13000 + 13500 requests.
    const chat = profile.buckets.filter((b) => b.model === "gpt-4o");
    expect(chat.map((b) => b.requests)).toEqual([51_000]);
    expect(chat[0]?.tokens.input).toBe(51_000 * 1800);
    // The one 240K-token prompt row lands in the 200K band.
    const long = profile.buckets.filter((b) => b.promptAbove === 200_000);
    expect(long.map((b) => [b.model, b.requests, b.tokens.input])).toEqual([
      ["claude-sonnet-4-5", 40, 40 * 240_000],
    ]);
    // Four weekly rows: 2025-05-01T00:00:00Z to the last bucket_end, 2025-05-29T00:00:00Z = 28 days (not the
    // 21 days from the first to the last row's start).
    expect(profile.window.days).toBe(28);
    expect(profile.bucketEnds).toBe(true);
  });
});
