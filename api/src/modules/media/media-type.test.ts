import { allowedType, nameContradictsKind, ORIGINAL_NAME_MAX, sanitizeOriginalName } from './media-type';

describe('allowedType', () => {
  test.each([
    ['png', 'image/png', 'image', 'image/png'],
    ['jpg', 'image/jpeg', 'image', 'image/jpeg'],
    ['webp', 'image/webp', 'image', 'image/webp'],
    ['mp3', 'audio/mpeg', 'audio', 'audio/mpeg'],
    ['m4a', 'audio/x-m4a', 'audio', 'audio/mp4'],
    ['aac', 'audio/aac', 'audio', 'audio/aac'],
    ['mp4', 'video/mp4', 'video', 'video/mp4'],
  ])('%s is accepted as %s', (ext, mime, kind, stored) => {
    expect(allowedType({ ext, mime })).toEqual({ kind: expect.stringMatching(kind), mime: stored });
  });
  test.each([['svg', 'image/svg+xml'], ['gif', 'image/gif'], ['pdf', 'application/pdf'], ['exe', 'application/x-msdownload'], ['mov', 'video/quicktime'], ['wav', 'audio/wav']])(
    '%s is refused', (ext, mime) => { expect(allowedType({ ext, mime })).toBeNull(); },
  );
  test('unknown content is refused', () => { expect(allowedType(undefined)).toBeNull(); });
});

describe('nameContradictsKind', () => {
  test('a picture called .mp3 or a sound called .png contradicts its name', () => {
    expect(nameContradictsKind('song.mp3', 'image')).toBe(true);
    expect(nameContradictsKind('cover.PNG', 'audio')).toBe(true);
    expect(nameContradictsKind('clip.mp4', 'audio')).toBe(true);
  });
  test('matching, unknown or missing extensions do not', () => {
    expect(nameContradictsKind('song.MP3', 'audio')).toBe(false);
    expect(nameContradictsKind('voice.m4a', 'audio')).toBe(false);
    expect(nameContradictsKind('photo.jpeg', 'image')).toBe(false);
    expect(nameContradictsKind('blob', 'video')).toBe(false);
    expect(nameContradictsKind('notes.dat', 'audio')).toBe(false);
  });
});

describe('sanitizeOriginalName', () => {
  test('keeps a plain Chinese name', () => {
    expect(sanitizeOriginalName('4-7-8 呼吸练习.mp3')).toBe('4-7-8 呼吸练习.mp3');
  });
  test('drops directories, control and bidi characters', () => {
    expect(sanitizeOriginalName('C:\\Users\\x\\..\\evil.mp3')).toBe('evil.mp3');
    expect(sanitizeOriginalName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeOriginalName('a\u0000b\r\nc.png')).toBe('abc.png');
    expect(sanitizeOriginalName('invoice\u202Egnp.exe')).toBe('invoicegnp.exe');
  });
  test('caps the length and keeps the extension', () => {
    const name = sanitizeOriginalName('长'.repeat(500) + '.mp3');
    expect([...name]).toHaveLength(ORIGINAL_NAME_MAX);
    expect(name.endsWith('.mp3')).toBe(true);
  });
  test('an empty name becomes untitled', () => {
    expect(sanitizeOriginalName('')).toBe('untitled');
    expect(sanitizeOriginalName(undefined)).toBe('untitled');
    expect(sanitizeOriginalName(' \u200b ')).toBe('untitled');
  });
});
