import { formatBytes, formatDateTime, formatDuration, formatUploadProgress, uploadPercent } from './format';

describe('formatBytes', () => {
  test.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
    [12.4 * 1024 * 1024, '12 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%p bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatDuration', () => {
  test.each([
    [0, '0:00'],
    [59.6, '1:00'],
    [185.4, '3:05'],
    [3725, '1:02:05'],
    [null, '—'],
    [undefined, '—'],
    [-3, '—'],
  ])('%p s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('upload progress', () => {
  test('the percent never reaches 100 until every byte is sent', () => {
    expect(uploadPercent(0, 100)).toBe(0);
    expect(uploadPercent(999, 1000)).toBe(99);
    expect(uploadPercent(1000, 1000)).toBe(100);
    expect(uploadPercent(50, 0)).toBe(0);
  });

  test('reads as bytes sent of the total with the percent, or just the bytes when the total is unknown', () => {
    expect(formatUploadProgress(1.5 * 1024 * 1024, 10 * 1024 * 1024)).toBe('已上传 1.5 MB / 10 MB（15%）');
    expect(formatUploadProgress(2048, 0)).toBe('已上传 2.0 KB');
    // A progress event can overshoot the file size (multipart framing): it is capped, not shown as 103%.
    expect(formatUploadProgress(1100, 1000)).toBe('已上传 1000 B / 1000 B（100%）');
  });
});

describe('formatDateTime', () => {
  test('shows Beijing time whatever the machine zone is', () => {
    expect(formatDateTime('2026-03-21T01:30:00Z')).toBe('2026-03-21 09:30');
    expect(formatDateTime('2026-12-31T16:05:00Z')).toBe('2027-01-01 00:05');
  });

  test('empty or broken input reads as a dash', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});
