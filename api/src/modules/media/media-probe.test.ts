import fs from 'node:fs';
import path from 'node:path';
import { readDurationSec, sniffFile, sniffHead, SNIFF_HEAD_BYTES } from './media-probe';

const fixture = (name: string) => path.join(__dirname, '../../../test/fixtures/media', name);

describe('media-probe (file-type and music-metadata)', () => {
  test.each([
    ['tone-3s.mp3', 'mp3'], ['tone-3s.m4a', 'm4a'], ['tiny-2s.mp4', 'mp4'], ['cover.png', 'png'], ['cover.jpg', 'jpg'], ['cover.webp', 'webp'],
  ])('recognises %s by its bytes', async (name, ext) => {
    expect((await sniffFile(fixture(name)))?.ext).toBe(ext);
    const head = fs.readFileSync(fixture(name)).subarray(0, SNIFF_HEAD_BYTES);
    expect((await sniffHead(head))?.ext).toBe(ext);
  });

  test('text is not recognised as anything', async () => {
    expect(await sniffHead(Buffer.from('这不是音频 just text pretending to be an mp3\n'.repeat(50)))).toBeUndefined();
  });

  test.each([['tone-3s.mp3', 3.1], ['tone-3s.m4a', 3], ['tiny-2s.mp4', 2]])('reads the duration of %s', async (name, seconds) => {
    expect(await readDurationSec(fixture(name))).toBeCloseTo(seconds, 0);
  });

  test('an image or a broken file has no duration', async () => {
    expect(await readDurationSec(fixture('cover.png'))).toBeNull();
    expect(await readDurationSec('/nonexistent/file.mp3')).toBeNull();
  });
});
