import { z } from 'zod';
import { objectId } from '../../http/schema-helpers';
import { TRACK_STATES } from './audio-track.model';
import { videoView } from './audio.schemas';

export const videoIdParams = z.object({ id: objectId('视频编号格式不正确') });
export const adminVideoListQuery = z.object({ state: z.enum(TRACK_STATES).optional() });

export const adminVideoView = videoView.extend({
  state: z.enum(TRACK_STATES),
  mediaId: z.string(),
  coverMediaId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminVideoView = z.infer<typeof adminVideoView>;

const title = z.string().max(60, '标题不能超过 60 个字').trim().min(1, '请填写标题');
const description = z.string().max(500, '简介不能超过 500 个字').trim();
const videoMediaId = objectId('请选择一个视频文件');
const coverMediaId = objectId('封面编号格式不正确').nullable();

export const createVideoBody = z.object({
  mediaId: videoMediaId,
  title,
  description: description.optional().describe('Defaults to empty'),
  coverMediaId: coverMediaId.optional(),
});

export const updateVideoBody = z.object({
  mediaId: videoMediaId.optional(),
  title: title.optional(),
  description: description.optional(),
  coverMediaId: coverMediaId.optional(),
  state: z.enum(TRACK_STATES).optional().describe('published puts an archived video back'),
});
