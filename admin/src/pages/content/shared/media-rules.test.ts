import { claimedKind, suggestedTrackTitle, uploadProblem } from './media-rules';

const MB = 1024 * 1024;

describe('claimedKind', () => {
  test.each([
    [{ type: 'image/png', name: 'a.bin' }, 'image'],
    [{ type: 'audio/mpeg', name: 'x' }, 'audio'],
    [{ type: 'audio/x-m4a', name: 'x' }, 'audio'],
    [{ type: 'video/mp4', name: 'x' }, 'video'],
    // Some systems give no MIME type for .m4a; the extension decides then.
    [{ type: '', name: '海浪.M4A' }, 'audio'],
    [{ type: 'image/gif', name: 'a.gif' }, null],
    [{ type: 'application/pdf', name: 'a.pdf' }, null],
    [{ type: '', name: 'no-extension' }, null],
  ])('%p → %p', (file, kind) => {
    expect(claimedKind(file)).toBe(kind);
  });
});

describe('uploadProblem', () => {
  test('files within the limits of their kind go ahead', () => {
    expect(uploadProblem({ type: 'image/jpeg', name: 'c.jpg', size: 5 * MB })).toBeNull();
    expect(uploadProblem({ type: 'audio/mpeg', name: 'b.mp3', size: 50 * MB })).toBeNull();
    expect(uploadProblem({ type: 'video/mp4', name: 'v.mp4', size: 200 * MB })).toBeNull();
  });

  test('an oversized file is refused with its kind, the limit and its size', () => {
    expect(uploadProblem({ type: 'image/png', name: 'big.png', size: 5 * MB + 1 })).toBe('图片不能超过 5.0 MB，这个文件有 5.0 MB');
    expect(uploadProblem({ type: 'audio/mpeg', name: 'long.mp3', size: 60 * MB })).toBe('音频不能超过 50 MB，这个文件有 60 MB');
  });

  test('empty files and types we do not take are refused', () => {
    expect(uploadProblem({ type: 'audio/mpeg', name: 'a.mp3', size: 0 })).toContain('空的');
    expect(uploadProblem({ type: 'text/plain', name: 'notes.txt', size: 10 })).toContain('只能上传');
  });
});

describe('suggestedTrackTitle', () => {
  test('uses the media title, else a tidied file name', () => {
    expect(suggestedTrackTitle({ title: ' 海浪声 ', originalName: 'x.mp3' })).toBe('海浪声');
    expect(suggestedTrackTitle({ title: null, originalName: 'body_scan-10min.mp3' })).toBe('body scan 10min');
    expect(suggestedTrackTitle({ originalName: `${'长'.repeat(80)}.mp3` })).toHaveLength(60);
  });
});
