import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { baseUrl } from './browser';
import { adminLogin, apiResponse, pollUntil, publicGet, repoRoot } from './content-flow';
import { visiblePage } from './selftest-flow';

// Steps of the booking journeys (issue 5): a resident books in the H5 app, station staff work the live inbox in
// the admin site. Each side runs in its own browser; the slot is chosen from the public API so a run is
// deterministic whatever earlier runs or tests booked.

interface DemoStation { key: string; name: string; level: string }
interface StationView { id: string; name: string; level: string; policies: { cancelWindowHours: number; minNoticeHours: number } }
interface Slot { start: string; end: string; counselorId: string; counselorName: string; service: string; remaining: number }

export interface ChosenSlot { stationId: string; date: string; start: string; counselorName: string }

/** A community station from the demo tree and its staff login (`station-<key>`, see staff.bootstrap.ts). */
export function demoStation(key: string): { name: string; staffLogin: string } {
  const file = path.join(repoRoot, 'content', 'demo-stations.json');
  const { stations } = JSON.parse(fs.readFileSync(file, 'utf8')) as { stations: DemoStation[] };
  const station = stations.find((s) => s.key === key);
  if (!station) throw new Error(`no demo station ${key} in content/demo-stations.json`);
  return { name: station.name, staffLogin: `station-${key}` };
}

export async function stationByName(name: string): Promise<StationView> {
  const { status, body } = await publicGet<{ items: StationView[] }>('/stations?level=community');
  if (status !== 200) throw new Error(`GET /stations answered ${status}: ${JSON.stringify(body)}`);
  const station = body.items.find((s) => s.name === name);
  if (!station) throw new Error(`station ${name} is not listed by GET /stations`);
  return station;
}

/** Asia/Shanghai is UTC+8 all year. */
export const chinaDateOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

export async function freeSlots(stationId: string, date: string): Promise<Slot[]> {
  const { status, body } = await publicGet<{ items: Slot[] }>(`/stations/${stationId}/slots?date=${date}&service=individual`);
  if (status !== 200) throw new Error(`GET slots answered ${status}: ${JSON.stringify(body)}`);
  return body.items.filter((s) => s.remaining > 0);
}

/**
 * The first individual slot with a seat left, on the first day that has one, as the public API sees it
 * (optionally not before `notBefore`, e.g. so that the cancel window is still open).
 */
export async function firstFreeSlot(stationId: string, notBefore = new Date(0)): Promise<ChosenSlot> {
  const { status, body } = await publicGet<{ days: { date: string; free: number }[] }>(`/stations/${stationId}/availability?service=individual`);
  if (status !== 200) throw new Error(`GET availability answered ${status}: ${JSON.stringify(body)}`);
  for (const day of body.days) {
    if (day.free < 1) continue;
    const slot = (await freeSlots(stationId, day.date)).find((s) => Date.parse(s.start) >= notBefore.getTime());
    if (slot) return { stationId, date: day.date, start: slot.start, counselorName: slot.counselorName };
  }
  throw new Error(`no free individual slot at ${stationId} in its horizon: ${JSON.stringify(body.days)}`);
}

// ---------------------------------------------------------------- admin side

/**
 * Records every booking event the admin page's EventSource receives (before the page's own listeners run), so
 * the test can tell that a row came through the live stream and check what the stream carried.
 */
export async function recordStreamEvents(context: BrowserContext) {
  await context.addInitScript(() => {
    const Native = window.EventSource;
    const seen: { type: string; data: string }[] = [];
    (window as unknown as { __e2eStream: typeof seen }).__e2eStream = seen;
    class RecordingEventSource extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        for (const type of ['booking.created', 'booking.updated']) {
          super.addEventListener(type, (ev) => seen.push({ type, data: (ev as MessageEvent<string>).data }));
        }
      }
    }
    window.EventSource = RecordingEventSource;
  });
}

export async function streamEvents(page: Page): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const raw = await page.evaluate(() => (window as unknown as { __e2eStream?: { type: string; data: string }[] }).__e2eStream ?? []);
  return raw.map((e) => ({ type: e.type, data: JSON.parse(e.data) as Record<string, unknown> }));
}

/** Staff sign in and open 预约收件箱; returns once the live stream is connected (实时连接中). */
export async function openInbox(page: Page, staffLogin: string) {
  await adminLogin(page, staffLogin);
  await page.goto(`${baseUrl()}/admin/bookings`);
  await page.locator('.booking-inbox').waitFor();
  await page.locator('.stream-status[data-status="open"]').filter({ hasText: '实时连接中' }).waitFor({ timeout: 30000 });
}

/**
 * Marks the current document: a reload or any full navigation would lose the mark and count another load.
 * `stillSameDocument()` fails loudly when that happened.
 */
export async function watchForReloads(page: Page) {
  let loads = 0;
  page.on('load', () => {
    loads += 1;
  });
  const marker = `e2e-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((m) => {
    (window as unknown as { __e2eMarker: string }).__e2eMarker = m;
  }, marker);
  return {
    async stillSameDocument() {
      const seen = await page.evaluate(() => (window as unknown as { __e2eMarker?: string }).__e2eMarker ?? null);
      expect({ marker: seen, loads }).toEqual({ marker, loads: 0 });
    },
  };
}

export const inboxRow = (page: Page, bookingId: string) => page.locator(`.booking-inbox .booking-row[data-booking-id="${bookingId}"]`);

/** Waits for a row's status tag to read `label`; a timeout says what it read instead. */
export async function rowStatusBecomes(page: Page, bookingId: string, label: string, timeout = 30000) {
  await pollUntil(
    `inbox row ${bookingId} to read ${label}`,
    async () => {
      const row = inboxRow(page, bookingId);
      return (await row.count()) ? (await row.locator('.booking-row__status').innerText()).trim() : '(no row)';
    },
    (text) => text === label,
    { timeout, interval: 250 },
  );
}

/** antd puts a space between two-character button labels; the words are what matter. */
export const buttonText = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

// ---------------------------------------------------------------- resident side (H5)

/** 首页 → 预约咨询 → 按区域 → the station: its page with the date strip loaded. */
export async function openStationFromHome(page: Page, stationName: string): Promise<Locator> {
  await page.goto(`${baseUrl()}/app/`);
  await visiblePage(page, 'home').locator('.home-entry').filter({ hasText: '预约咨询' }).click();
  const list = visiblePage(page, 'booking-stations');
  // By area, not by distance: no location prompt, the same order on every machine.
  await list.locator('.stations-tab--area').click();
  await list.locator('.station-card').filter({ has: page.locator('.station-card__name', { hasText: stationName }) }).click();
  const station = visiblePage(page, 'booking-station');
  await station.locator('.station-header__name').filter({ hasText: stationName }).waitFor();
  await station.locator('.date-chip').first().waitFor();
  return station;
}

/**
 * Picks the chosen date on the strip and returns the starts of the free slots the page lists for it, once the
 * list shows that day (slots of the day shown before may linger for a frame).
 */
export async function freeStartsShown(page: Page, station: Locator, date: string): Promise<string[]> {
  const service = station.locator('.service-tab--individual');
  if (await service.count()) await service.click();
  await station.locator(`.date-chip[data-date="${date}"]`).click();
  await station.locator(`.date-chip--selected[data-date="${date}"]`).waitFor();
  return pollUntil(
    `the slots of ${date} on the station page`,
    async () => {
      if (await station.locator('.slot-loading').count()) return null;
      const starts = await station.locator('.slot-item').evaluateAll((items) =>
        items.map((el) => ({ start: el.getAttribute('data-start') ?? '', full: el.classList.contains('slot-item--full') })),
      );
      if (!starts.length || starts.some((s) => chinaDateOf(s.start) !== date)) return null;
      return starts.filter((s) => !s.full).map((s) => s.start);
    },
    (starts) => starts !== null,
  ) as Promise<string[]>;
}

export interface Booker { name: string; phone: string }

/** Fills the confirm form, consents, submits; returns the API's answer to POST /bookings. */
export async function submitBooking(page: Page, booker: Booker): Promise<{ id: string; status: string; start: string; stationName: string }> {
  const confirm = visiblePage(page, 'booking-confirm');
  await confirm.locator('.booking-form').waitFor();
  await confirm.locator('.booking-name input').fill(booker.name);
  await confirm.locator('.booking-phone input').fill(booker.phone);
  await confirm.locator('.booking-consent').click();
  await confirm.locator('.booking-consent--checked').waitFor();
  const posted = apiResponse(page, 'POST', '/bookings');
  await confirm.locator('.booking-submit').click();
  const response = await posted;
  if (response.status() !== 201) {
    const shown = await confirm.locator('.booking-error--submit').innerText().catch(() => '(no error shown)');
    throw new Error(`POST /bookings answered ${response.status()} ${await response.text()}; the page says: ${shown}`);
  }
  expect(response.request().headers()['idempotency-key']).toBeTruthy();
  await visiblePage(page, 'booking-done').locator('.booking-success').waitFor();
  return (await response.json()) as { id: string; status: string; start: string; stationName: string };
}

/** The booking's row in 我的预约 (the tab it is listed under must be the shown one). */
export const myBooking = (page: Page, bookingId: string) => visiblePage(page, 'booking-mine').locator(`#booking-${bookingId}`);

export async function myStatusBecomes(page: Page, bookingId: string, label: string, timeout = 30000) {
  await pollUntil(
    `我的预约 to show ${label} for ${bookingId}`,
    async () => {
      const item = myBooking(page, bookingId);
      return (await item.count()) ? (await item.locator('.booking-status').innerText()).trim() : '(not listed)';
    },
    (text) => text === label,
    { timeout, interval: 250 },
  );
}

/** A made-up mainland mobile number (never a real person's): 139 + 8 random digits. */
export function fakeMobile(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}
