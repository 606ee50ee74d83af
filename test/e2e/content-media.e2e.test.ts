import fs from 'node:fs';
import { baseUrl, snapshot } from './support/browser';
import {
  ADMIN_VIEWPORT,
  FIXTURE_MP3,
  adminLogin,
  apiResponse,
  browsers,
  mediaState,
  parseProgress,
  pollUntil,
  publicGet,
  randomWord,
  rememberPlayingMedia,
} from './support/content-flow';

// Issue 3, end to end: an editor uploads an mp3 and publishes it as a relaxation track; a resident plays it in
// the H5 app, sees the time advance, and skips forward.

jest.setTimeout(180000);

const opened = browsers();
afterEach(async () => {
  await opened.closeAll();
});

interface Track { id: string; title: string; category: string; durationSec: number; url: string }

describe('relaxation audio: from the media library to the resident (admin + H5)', () => {
  test('an editor uploads an mp3 and publishes it as a track; a resident plays it, the time advances, and 前进15秒 seeks', async () => {
    const word = randomWord();
    const fileName = `e2e-tone-${Date.now()}.mp3`;
    const title = `睡前听一听的低音（${word}）`;

    // ---- The editor uploads the file and publishes it under 音乐放松.
    const editor = await opened.open(ADMIN_VIEWPORT);
    const desk = editor.page;
    await adminLogin(desk, 'demo-editor');
    await desk.goto(`${baseUrl()}/admin/media`);
    await desk.locator('.media-upload').waitFor();
    const uploaded = apiResponse(desk, 'POST', '/admin/media');
    await desk.locator('.media-upload input[type=file]').setInputFiles({
      name: fileName,
      mimeType: 'audio/mpeg',
      buffer: fs.readFileSync(FIXTURE_MP3),
    });
    const uploadResponse = await uploaded;
    expect(uploadResponse.status()).toBe(201);
    const media = (await uploadResponse.json()) as { id: string; kind: string; durationSec: number | null };
    expect(media.kind).toBe('audio');
    // The duration is read from the file itself.
    expect(media.durationSec).toBeGreaterThanOrEqual(44);
    expect(media.durationSec).toBeLessThanOrEqual(46);
    await desk.locator('.media-upload-entry.is-done').filter({ hasText: fileName }).waitFor();

    const item = desk.locator(`.media-item.media-item-audio[data-media-id="${media.id}"]`);
    await item.waitFor();
    expect(await item.locator('.media-item-name').innerText()).toBe(fileName);
    await item.getByRole('button', { name: '发布为放松音频' }).click();
    const modal = desk.locator('.publish-audio-modal');
    await modal.getByLabel('标题', { exact: true }).fill(title);
    await modal.getByLabel('分类', { exact: true }).fill('音乐放松');
    await modal.getByLabel('分类', { exact: true }).press('Enter');
    await modal.getByLabel('简介', { exact: true }).fill('一段平稳的低音，躺着听就好。');
    const published = apiResponse(desk, 'POST', '/admin/audio');
    // antd puts a space between the two characters of a two-character button label.
    await modal.getByRole('button', { name: /^发\s*布$/ }).click();
    const publishedResponse = await published;
    expect(publishedResponse.status()).toBe(201);
    const track = (await publishedResponse.json()) as Track;
    expect(track).toMatchObject({ title, category: '音乐放松' });
    await modal.waitFor({ state: 'hidden' });
    await editor.close();

    // Residents can list it now (no review step for audio).
    const { body: library } = await publicGet<{ items: Track[] }>(`/audio?category=${encodeURIComponent('音乐放松')}`);
    expect(library.items.map((t) => t.id)).toContain(track.id);

    // ---- The resident opens it under 放松 and presses play.
    const resident = await opened.open();
    await rememberPlayingMedia(resident.context);
    const phone = resident.page;
    await phone.goto(`${baseUrl()}/app/#/pages/relax/index`);
    const relax = phone.locator('.page.relax:visible');
    const card = relax.locator('.track-card').filter({ hasText: title });
    await card.waitFor();
    expect(await card.locator('.track-card__title').innerText()).toBe(title);
    await card.click();

    const player = phone.locator('.page.player-page:visible');
    await player.locator('.player-title').filter({ hasText: title }).waitFor();
    const clock = player.locator('.player-time');
    const shown = async () => parseProgress(await clock.innerText());
    expect(await shown()).toEqual({ current: 0, duration: 45 });
    expect(await player.locator('.player-toggle').innerText()).toBe('播放');

    await player.locator('.player-toggle').click();
    await player.locator('.player-toggle').filter({ hasText: '暂停' }).waitFor();
    // The clock follows the real playback: past 00:02 within a generous time on a busy CI machine.
    await pollUntil('the shown time to pass 00:02', shown, (t) => t.current > 2, { timeout: 30000 });
    const readAt = Date.now();
    const beforeSkip = await mediaState(phone);
    expect(beforeSkip).not.toBeNull();
    expect(beforeSkip!.paused).toBe(false);
    expect(beforeSkip!.src).toContain(new URL(track.url, baseUrl()).pathname);
    expect(beforeSkip!.currentTime).toBeGreaterThan(2);

    // ---- 前进15秒: the clock and the element jump ~15 s ahead (plus the little that played meanwhile).
    const shownBefore = (await shown()).current;
    await player.locator('.player-forward').click();
    const afterShown = await pollUntil('the shown time to jump ~15 s ahead', shown, (t) => t.current >= shownBefore + 14, { timeout: 15000 });
    const afterSkip = (await mediaState(phone))!;
    const elapsed = (Date.now() - readAt) / 1000;
    const moved = afterSkip.currentTime - beforeSkip!.currentTime;
    expect(moved).toBeGreaterThanOrEqual(14.5);
    // Not more than the skip plus what can have played since the first reading (and a second of slack): a jump.
    expect(moved).toBeLessThanOrEqual(15 + elapsed + 1);
    expect(afterShown.current).toBeLessThan(45);
    // The page shows what the element says (whole seconds, and a re-render apart).
    expect(Math.abs((await shown()).current - (await mediaState(phone))!.currentTime)).toBeLessThanOrEqual(1.5);
    expect(afterSkip.paused).toBe(false);
    await snapshot(phone, 'h5-player-after-skip');
  });

  test('on the editor\'s shelf an editor renames a track and archives a video; residents\' lists follow, and 重新上架 brings it back', async () => {
    const { body: tracks } = await publicGet<{ items: Track[] }>('/audio');
    const track = tracks.items[0]!;
    const { body: videos } = await publicGet<{ items: Array<{ id: string; title: string }> }>('/videos');
    const video = videos.items[0]!;
    const renamed = `${track.title}（${randomWord()}）`.slice(0, 60);

    const editor = await opened.open(ADMIN_VIEWPORT);
    const desk = editor.page;
    await adminLogin(desk, 'demo-editor');

    // 放松音频: 编辑 → a new title, saved, and the list and the residents' library show it.
    await desk.goto(`${baseUrl()}/admin/media?tab=tracks`);
    const trackRow = desk.locator('.audio-track-table tr').filter({ has: desk.locator('.audio-track-title', { hasText: track.title }) }).first();
    await trackRow.locator('.audio-track-edit').click();
    const modal = desk.locator('.edit-track-modal');
    await modal.getByLabel('标题', { exact: true }).fill(renamed);
    const saved = apiResponse(desk, 'PATCH', `/admin/audio/${track.id}`);
    await modal.getByRole('button', { name: /^保\s*存$/ }).click();
    expect((await saved).status()).toBe(200);
    await desk.locator('.audio-track-title', { hasText: renamed }).waitFor();
    const { body: after } = await publicGet<{ items: Track[] }>('/audio');
    expect(after.items.find((t) => t.id === track.id)?.title).toBe(renamed);

    // 放松视频: 归档 asks first; once confirmed residents no longer get it, and 重新上架 returns it.
    await desk.getByRole('tab', { name: '放松视频' }).click();
    const videoRow = desk.locator('.video-table tr').filter({ has: desk.locator('.video-title', { hasText: video.title }) }).first();
    await videoRow.locator('.video-archive').click();
    const archived = apiResponse(desk, 'POST', `/admin/videos/${video.id}/archive`);
    await desk.locator('.ant-popconfirm').getByRole('button', { name: /^归\s*档$/ }).click();
    expect((await archived).status()).toBe(200);
    await videoRow.locator('.video-republish').waitFor();
    expect(await videoRow.innerText()).toContain('已归档');
    expect((await publicGet<{ items: Array<{ id: string }> }>('/videos')).body.items.map((v) => v.id)).not.toContain(video.id);

    const republished = apiResponse(desk, 'PATCH', `/admin/videos/${video.id}`);
    await videoRow.locator('.video-republish').click();
    expect((await republished).status()).toBe(200);
    await videoRow.locator('.video-archive').waitFor();
    expect((await publicGet<{ items: Array<{ id: string }> }>('/videos')).body.items.map((v) => v.id)).toContain(video.id);
  });
});
