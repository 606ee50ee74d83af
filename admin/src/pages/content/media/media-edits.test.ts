import type { AudioTrack } from '../../../services/content';
import type { AdminVideo } from './media-api';
import { hasChanges, newVideoBody, trackChanges, trackFormValues, videoChanges, videoFormValues } from './media-edits';

const track: AudioTrack = {
  id: 't1', title: '4-7-8 呼吸', category: '呼吸练习', durationSec: 62, url: '/api/v1/media/a', cover: '/api/v1/media/c',
  description: '吸气四拍', guided: true, state: 'published', mediaId: 'a', coverMediaId: 'c', transcript: '现在，轻轻吸气', plays: 3,
};

const video: AdminVideo = {
  id: 'v1', title: '方块呼吸', description: '', durationSec: 30, url: '/api/v1/media/m', cover: null, state: 'published',
  mediaId: 'm', coverMediaId: null, createdAt: '2026-05-01T00:00:00.000Z', updatedAt: '2026-05-01T00:00:00.000Z',
};

describe('trackChanges', () => {
  test('the unchanged form sends nothing', () => {
    const changes = trackChanges(track, trackFormValues(track));
    expect(changes).toEqual({});
    expect(hasChanges(changes)).toBe(false);
  });

  test('only the changed fields are sent, trimmed', () => {
    expect(trackChanges(track, { ...trackFormValues(track), title: ' 睡前呼吸 ', category: '助眠' })).toEqual({ title: '睡前呼吸', category: '助眠' });
    // Whitespace added around an unchanged value is not a change.
    expect(trackChanges(track, { ...trackFormValues(track), description: '  吸气四拍 \n' })).toEqual({});
  });

  test('a blank transcript removes it; a first transcript is sent', () => {
    expect(trackChanges(track, { ...trackFormValues(track), transcript: '   ' })).toEqual({ transcript: null });
    const bare = { ...track, transcript: null };
    expect(trackChanges(bare, { ...trackFormValues(bare), transcript: '' })).toEqual({});
    expect(trackChanges(bare, { ...trackFormValues(bare), transcript: ' 新的引导语 ' })).toEqual({ transcript: '新的引导语' });
  });

  test('a cover can be changed or removed', () => {
    expect(trackChanges(track, { ...trackFormValues(track), coverMediaId: 'd' })).toEqual({ coverMediaId: 'd' });
    expect(trackChanges(track, { ...trackFormValues(track), coverMediaId: null })).toEqual({ coverMediaId: null });
  });

  test('a track listed without its admin fields (older API answer) still compares correctly', () => {
    const { transcript: _t, coverMediaId: _c, ...listed } = track;
    expect(trackChanges(listed, trackFormValues(listed))).toEqual({});
  });
});

describe('videos', () => {
  test('publishing trims the text and leaves out an empty cover', () => {
    expect(newVideoBody('m', { title: ' 方块呼吸 ', description: ' 跟着方块 ', coverMediaId: null })).toEqual({
      mediaId: 'm', title: '方块呼吸', description: '跟着方块',
    });
    expect(newVideoBody('m', { title: 'x', description: '', coverMediaId: 'c' })).toEqual({ mediaId: 'm', title: 'x', description: '', coverMediaId: 'c' });
  });

  test('editing sends only what changed', () => {
    expect(videoChanges(video, videoFormValues(video))).toEqual({});
    expect(videoChanges(video, { ...videoFormValues(video), title: '慢慢呼吸', coverMediaId: 'c' })).toEqual({ title: '慢慢呼吸', coverMediaId: 'c' });
    expect(videoChanges({ ...video, coverMediaId: 'c' }, { ...videoFormValues(video), coverMediaId: null })).toEqual({ coverMediaId: null });
    expect(videoChanges(video, { ...videoFormValues(video), description: '  ' })).toEqual({});
  });
});
