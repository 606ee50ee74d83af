import { snapshot } from './support/browser';
import { ADMIN_VIEWPORT, apiResponse, browsers, randomWord } from './support/content-flow';
import {
  buttonText,
  demoStation,
  fakeMobile,
  firstFreeSlot,
  freeSlots,
  freeStartsShown,
  inboxRow,
  myBooking,
  myStatusBecomes,
  openInbox,
  openStationFromHome,
  recordStreamEvents,
  rowStatusBecomes,
  stationByName,
  streamEvents,
  submitBooking,
  watchForReloads,
} from './support/booking-flow';
import { visiblePage } from './support/selftest-flow';

// Issue 5, end to end: a resident books counseling in the H5 app while the station's staff have the admin inbox
// open; the booking arrives over the live stream (no reload), staff confirm it, the resident sees 已确认.
// Each role has its own browser, as they are different people on different machines.

jest.setTimeout(240000);

const opened = browsers();
afterEach(async () => {
  await opened.closeAll();
});

// A community station ("one counselor per community") and its own staff account.
const STATION = demoStation('s1c1');

describe('booking: a resident books, the station receives it live (H5 + admin)', () => {
  test('the booking appears in the open inbox without a reload; staff confirm it and the resident sees 已确认', async () => {
    const station = await stationByName(STATION.name);
    const slot = await firstFreeSlot(station.id);
    const booker = { name: `居民${randomWord(2)}`, phone: fakeMobile() };

    // ---- Station staff open the inbox first and keep it open.
    const staff = await opened.open(ADMIN_VIEWPORT);
    const inbox = staff.page;
    await recordStreamEvents(staff.context);
    await openInbox(inbox, STATION.staffLogin);
    const reloads = await watchForReloads(inbox);

    // ---- The resident: 首页 → 预约咨询 → the station → the first free time of the first day that has one.
    const resident = await opened.open();
    const phone = resident.page;
    const stationPage = await openStationFromHome(phone, STATION.name);
    const shown = await freeStartsShown(phone, stationPage, slot.date);
    expect(shown[0]).toBe(slot.start);
    await stationPage.locator(`.slot-item[data-start="${slot.start}"]`).click();
    const summary = visiblePage(phone, 'booking-confirm').locator('.booking-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain(STATION.name);

    const booking = await submitBooking(phone, booker);
    expect(booking).toMatchObject({ id: expect.stringMatching(/^bk_[0-9a-f]{24}$/), status: 'pending', start: slot.start, stationName: STATION.name });
    await snapshot(phone, 'h5-booking-success');

    // ---- It arrives in the inbox that was already open, through the stream, on the same document.
    const row = inboxRow(inbox, booking.id);
    await row.waitFor({ timeout: 30000 });
    await rowStatusBecomes(inbox, booking.id, '待确认');
    await reloads.stillSameDocument();
    const created = (await streamEvents(inbox)).filter((e) => e.type === 'booking.created' && e.data.id === booking.id);
    expect(created).toHaveLength(1);
    // The stream says only what changed, never who booked.
    expect(Object.keys(created[0]!.data).sort()).toEqual(['id', 'start', 'stationId', 'status', 'version']);
    expect(created[0]!.data).toMatchObject({ stationId: station.id, start: slot.start, status: 'pending', version: 1 });
    // The list itself shows no name or phone either (the drawer does).
    const rowText = await row.innerText();
    expect(rowText).not.toContain(booker.name);
    expect(rowText).not.toContain(booker.phone);
    await snapshot(inbox, 'admin-booking-inbox-live');

    // ---- The resident looks at 我的预约 meanwhile: 待确认.
    await visiblePage(phone, 'booking-done').locator('.booking-success__mine').click();
    await myBooking(phone, booking.id).waitFor();
    await myStatusBecomes(phone, booking.id, '待确认');

    // ---- Staff open it, see who booked, confirm it.
    await row.click();
    const drawer = inbox.locator('.booking-drawer');
    await drawer.locator(`.booking-drawer__body[data-booking-id="${booking.id}"]`).waitFor();
    await drawer.locator('.booking-contact__attendee').filter({ hasText: booker.phone }).waitFor();
    expect(await drawer.locator('.booking-contact__attendee').innerText()).toContain(booker.name);
    const confirmed = apiResponse(inbox, 'POST', `/admin/bookings/${booking.id}/confirm`);
    await drawer.getByRole('button', { name: buttonText('确认预约') }).click();
    expect((await confirmed).status()).toBe(200);
    await drawer.locator('.booking-drawer__status').filter({ hasText: '已确认' }).waitFor();
    await rowStatusBecomes(inbox, booking.id, '已确认');
    await reloads.stillSameDocument();

    // ---- The resident's open list turns to 已确认 by itself (it polls every 10 s while shown).
    await myStatusBecomes(phone, booking.id, '已确认', 45000);
    await snapshot(phone, 'h5-booking-confirmed');
  });

  test('the resident cancels from 我的预约 and the open inbox row turns to 居民已取消 without a reload', async () => {
    const station = await stationByName(STATION.name);
    // Far enough ahead that the cancel window (hours before the start) is still open.
    const notBefore = new Date(Date.now() + (station.policies.cancelWindowHours + 1) * 3600_000);
    const slot = await firstFreeSlot(station.id, notBefore);
    const booker = { name: `居民${randomWord(2)}`, phone: fakeMobile() };

    const staff = await opened.open(ADMIN_VIEWPORT);
    const inbox = staff.page;
    await recordStreamEvents(staff.context);
    await openInbox(inbox, STATION.staffLogin);
    const reloads = await watchForReloads(inbox);

    const resident = await opened.open();
    const phone = resident.page;
    const stationPage = await openStationFromHome(phone, STATION.name);
    const shown = await freeStartsShown(phone, stationPage, slot.date);
    expect(shown).toContain(slot.start);
    await stationPage.locator(`.slot-item[data-start="${slot.start}"]`).click();
    const booking = await submitBooking(phone, booker);
    await rowStatusBecomes(inbox, booking.id, '待确认');
    // Taken now: the public slots no longer offer it.
    expect((await freeSlots(station.id, slot.date)).map((s) => s.start)).not.toContain(slot.start);

    // ---- 我的预约 → 取消预约 → confirm in the dialog.
    await visiblePage(phone, 'booking-done').locator('.booking-success__mine').click();
    const item = myBooking(phone, booking.id);
    await item.waitFor();
    await myStatusBecomes(phone, booking.id, '待确认');
    await item.locator('.booking-cancel').click();
    const cancelled = apiResponse(phone, 'POST', `/me/bookings/${booking.id}/cancel`);
    await phone.locator('.taro-model__confirm:visible').click();
    const cancelResponse = await cancelled;
    expect(cancelResponse.status()).toBe(200);
    expect(await cancelResponse.json()).toMatchObject({ id: booking.id, status: 'cancelled_by_resident' });

    // It leaves 即将到来 for 已结束, marked 已取消.
    await item.waitFor({ state: 'detached' });
    await visiblePage(phone, 'booking-mine').locator('.mine-tab--past').click();
    await myStatusBecomes(phone, booking.id, '已取消');

    // ---- The station's open inbox follows, live.
    await rowStatusBecomes(inbox, booking.id, '居民已取消');
    await reloads.stillSameDocument();
    const events = (await streamEvents(inbox)).filter((e) => e.data.id === booking.id).map((e) => `${e.type}:${String(e.data.status)}`);
    expect(events).toEqual(['booking.created:pending', 'booking.updated:cancelled_by_resident']);
    await snapshot(inbox, 'admin-booking-inbox-cancelled');

    // The time is free again for the next person.
    expect((await freeSlots(station.id, slot.date)).map((s) => s.start)).toContain(slot.start);
  });
});
