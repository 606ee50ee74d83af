import { z } from 'zod';
import { objectId } from '../../http/schema-helpers';
import { AUDIO_CATEGORIES, TRACK_STATES } from './audio-track.model';

export const audioCategory = z.enum(AUDIO_CATEGORIES);
export const trackIdParams = z.object({ id: objectId('音频编号格式不正确') });
export const listeningParams = z.object({ trackId: objectId('音频编号格式不正确') });
export const audioListQuery = z.object({ category: audioCategory.optional() });
export const adminAudioListQuery = z.object({ category: audioCategory.optional(), state: z.enum(TRACK_STATES).optional() });

export const trackView = z.object({
  id: z.string(),
  title: z.string(),
  category: audioCategory,
  durationSec: z.number().nullable(),
  url: z.string().describe('/api/v1/media/<id>: the audio bytes, with Range support'),
  cover: z.string().nullable(),
  description: z.string(),
  guided: z.boolean(),
});
export type TrackView = z.infer<typeof trackView>;

export const trackDetail = trackView.extend({ transcript: z.string().nullable(), plays: z.number().int() });

export const adminTrackView = trackView.extend({
  state: z.enum(TRACK_STATES),
  mediaId: z.string(),
  coverMediaId: z.string().nullable(),
  transcript: z.string().nullable(),
  plays: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminTrackView = z.infer<typeof adminTrackView>;

export const videoView = z.object({
  id: z.string(), title: z.string(), durationSec: z.number().nullable(), url: z.string(), cover: z.string().nullable(), description: z.string(),
});

const title = z.string().max(60, '标题不能超过 60 个字').trim().min(1, '请填写标题');
const description = z.string().max(500, '简介不能超过 500 个字').trim();
const transcript = z.string().max(10000, '文字稿不能超过 10000 个字').trim().nullable();

export const createTrackBody = z.object({
  mediaId: objectId('请选择一个音频文件'),
  title,
  category: audioCategory,
  description,
  coverMediaId: objectId('封面编号格式不正确').nullable().optional(),
  transcript: transcript.optional(),
  guided: z.boolean().optional().describe('A voice guides the listener; defaults to true when a transcript is given'),
});

export const updateTrackBody = z.object({
  mediaId: objectId('请选择一个音频文件').optional(),
  title: title.optional(),
  category: audioCategory.optional(),
  description: description.optional(),
  coverMediaId: objectId('封面编号格式不正确').nullable().optional(),
  transcript: transcript.optional(),
  guided: z.boolean().optional(),
  state: z.enum(TRACK_STATES).optional().describe('published puts an archived track back'),
});

// A day is far longer than any track; anything beyond is a client bug, not a place to resume from.
export const MAX_POSITION_SEC = 24 * 3600;
export const listeningBody = z.object({
  positionSec: z.number().min(0, '播放位置不能为负数').max(MAX_POSITION_SEC, '播放位置超出范围'),
});
export const listeningView = z.object({ trackId: z.string(), positionSec: z.number(), updatedAt: z.string() });
