export interface Hotline { key: string; name: string; phone: string; note: string }
export interface DemoStationSeed {
  key: string;
  name: string;
  level: 'district' | 'street' | 'community';
  parent: string | null;
  address: string;
  phone: string;
}
export interface DemoWeeklyWindow { weekday: number; start: string; end: string; services: Array<'individual' | 'family'> }
export interface DemoGroupWindow { weekday: number; start: string; end: string; capacity: number; title: string }
export interface DemoCounselorSeed {
  key: string;
  /** Key of a demo station. */
  station: string;
  name: string;
  title: string;
  qualification: string;
  certificateNo: string;
  credentialValidFrom: string | null;
  credentialValidUntil: string | null;
  verified: boolean;
  specialties: string[];
  intro: string;
  schedule: { sessionMinutes: number; familySessionMinutes: number; bufferMinutes: number; weekly: DemoWeeklyWindow[]; groups: DemoGroupWindow[] };
}
export interface DemoStationProfile {
  location: { lat: number; lng: number };
  openingHours: string;
  services: Array<'individual' | 'family' | 'group'>;
  intro: string;
}
export interface DemoActivitySeed {
  key: string;
  station: string;
  kind: 'group_counseling' | 'lecture' | 'checkup' | 'other';
  title: string;
  description: string;
  place: string;
  /** Days after the first seeding; start is China time. */
  daysFromSeed: number;
  start: string;
  durationMinutes: number;
  seats: number;
}
declare const content: {
  hotlines: { national: Hotline[]; local: Hotline };
  demoStations: { stations: DemoStationSeed[] };
  /** Demo counselors with weekly schedules, demo station details (location, hours, services) and demo activities. */
  demoCounselors: { stationProfiles: Record<string, DemoStationProfile>; counselors: DemoCounselorSeed[]; activities: DemoActivitySeed[] };
  /** Absolute path of content/articles (seed articles, `<slug>.md`). */
  articlesDir: string;
  /** Absolute path of content/media (catalog.json and the files it names). */
  mediaDir: string;
  /** Front matter (parsed YAML, or null when the file has none) and the Markdown body after it. */
  parseFrontMatter(source: string): { data: unknown; body: string };
};
export = content;
