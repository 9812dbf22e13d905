// The I/O edge of the profile: read a traffic file straight into a TrafficProfile.
import { type TrafficProfile, TrafficProfileBuilder } from "./profile.js";
import { type ReadTrafficOptions, readTraffic, type TrafficReadSummary } from "./read.js";

export async function profileTraffic(
  file: string,
  options: ReadTrafficOptions & { longContextThresholds: number[] },
): Promise<{ profile: TrafficProfile; summary: TrafficReadSummary }> {
  const builder = new TrafficProfileBuilder({ longContextThresholds: options.longContextThresholds });
  const summary = await readTraffic(file, (row) => builder.add(row), options);
  return { profile: builder.finish(), summary };
}
