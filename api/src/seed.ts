import content from '@xinan/content';
import type { Config } from './config';
import type { Services } from './app';
import { bootstrapStaff } from './modules/staff/staff.bootstrap';
import { seedMedia } from './modules/audio/media-catalog.seed';
import { seedBookingDemo } from './modules/bookings/booking-demo.seed';
import { seedArticles } from './modules/articles/articles.seed';

export interface SeedOptions {
  config: Config;
  print: (line: string) => void;
  /** The article and media library (default true). API tests that never read content skip its ~23 MB of media. */
  content?: boolean;
}

/**
 * The idempotent seed step, run at every start (and by the API tests): staff accounts and demo stations, then the
 * content library from content/. Every seeder upserts by a stable key, so several instances starting at once and
 * restarts create nothing twice, and editors' later changes to seeded records are kept.
 */
export async function seed(services: Services, { config, print, content: withContent = true }: SeedOptions): Promise<void> {
  await bootstrapStaff(services.stations, {
    dataDir: config.dataDir,
    isProduction: config.isProduction,
    adminInitialPassword: config.adminInitialPassword,
    demoPassword: config.demoPassword,
    demoStations: content.demoStations.stations,
    print,
  });
  // The content seeders are independent of each other (they need the stations above): run them side by side.
  await Promise.all([
    withContent ? seedMedia({ media: services.media }, content.mediaDir, print) : undefined,
    withContent ? seedArticles(content.articlesDir, { print, helplines: services.articles.helplines }) : undefined,
    seedBookingDemo(services, content.demoCounselors, { isProduction: config.isProduction }),
  ]);
}
