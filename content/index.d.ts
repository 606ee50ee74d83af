export interface Hotline { key: string; name: string; phone: string; note: string }
export interface DemoStationSeed {
  key: string;
  name: string;
  level: 'district' | 'street' | 'community';
  parent: string | null;
  address: string;
  phone: string;
}
declare const content: {
  hotlines: { national: Hotline[]; local: Hotline };
  demoStations: { stations: DemoStationSeed[] };
};
export = content;
