import mongoose from 'mongoose';
import { StationModel } from '../stations/station.model';
import { seedStationId } from '../stations/stations.service';
import type { ActivitiesService } from '../activities/activities.service';
import type { CounselorsService } from '../counselors/counselors.service';
import type { DemoActivitySeed, DemoCounselorSeed, DemoStationProfile } from '@xinan/content';

export interface BookingDemo {
  stationProfiles: Record<string, DemoStationProfile>;
  counselors: DemoCounselorSeed[];
  activities: DemoActivitySeed[];
}

/**
 * Demo data outside production: station details (only where a station has none yet), about 15 counselors with
 * weekly schedules and a few activities. Only for demo stations that exist; every insert is keyed, so restarts and
 * concurrent instances add nothing twice and staff edits are kept.
 */
export async function seedBookingDemo(deps: { counselors: CounselorsService; activities: ActivitiesService }, demo: BookingDemo, opts: { isProduction: boolean }): Promise<void> {
  if (opts.isProduction) return;
  const existing = new Set((await StationModel.find({ seedKey: mongoose.trusted({ $ne: null }) }, { seedKey: 1 }).lean()).map((s) => s.seedKey));
  for (const [key, profile] of Object.entries(demo.stationProfiles)) {
    if (!existing.has(key)) continue;
    await StationModel.updateOne({ _id: seedStationId(key), location: null }, { $set: { location: profile.location, services: profile.services } });
    await StationModel.updateOne({ _id: seedStationId(key), openingHours: '' }, { $set: { openingHours: profile.openingHours } });
    await StationModel.updateOne({ _id: seedStationId(key), intro: '' }, { $set: { intro: profile.intro } });
  }
  await deps.counselors.seedDemo(demo.counselors.filter((c) => existing.has(c.station)).map(({ station, ...c }) => ({ ...c, stationId: String(seedStationId(station)) })));
  await deps.activities.seedDemo(demo.activities.filter((a) => existing.has(a.station)).map(({ station, ...a }) => ({ ...a, stationId: seedStationId(station) })));
}
