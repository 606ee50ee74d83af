// Typed calls for the relaxation library beyond what services/content.ts has: editing a track, and the videos
// (GET/POST/PATCH /admin/videos, POST /admin/videos/:id/archive).
import type { AudioCategory, AudioTrack, TrackState } from '../../../services/content';
import { http } from '../../../services/http';

/** A relaxation video as the admin API returns it; residents see all but state, ids and times. */
export interface AdminVideo {
  id: string;
  title: string;
  description: string;
  durationSec: number | null;
  /** Public address of the MP4: /api/v1/media/<id>. */
  url: string;
  cover: string | null;
  state: TrackState;
  mediaId: string;
  coverMediaId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewVideo {
  mediaId: string;
  title: string;
  description?: string;
  coverMediaId?: string | null;
}

export type VideoChanges = Partial<Pick<AdminVideo, 'title' | 'description' | 'coverMediaId' | 'state'>>;

export interface TrackChanges {
  title?: string;
  category?: AudioCategory;
  description?: string;
  coverMediaId?: string | null;
  transcript?: string | null;
  state?: TrackState;
}

const videoPath = (id: string) => `/admin/videos/${encodeURIComponent(id)}`;

/** Saves only the given fields of a track; residents see the change at once. */
export function updateAudioTrack(id: string, changes: TrackChanges): Promise<AudioTrack> {
  return http.request<AudioTrack>(`/admin/audio/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

export async function listVideos(signal?: AbortSignal): Promise<AdminVideo[]> {
  const result = await http.get<{ items: AdminVideo[] }>('/admin/videos', { signal });
  return result.items;
}

/** Published at once: like audio, videos have no review step. 400 MEDIA_KIND_MISMATCH when the file is not an MP4. */
export function createVideo(input: NewVideo): Promise<AdminVideo> {
  return http.post<AdminVideo>('/admin/videos', input);
}

export function updateVideo(id: string, changes: VideoChanges): Promise<AdminVideo> {
  return http.request<AdminVideo>(videoPath(id), { method: 'PATCH', body: changes });
}

export function archiveVideo(id: string): Promise<AdminVideo> {
  return http.post<AdminVideo>(`${videoPath(id)}/archive`, {});
}

/** Puts an archived video back on the residents' list. */
export const republishVideo = (id: string) => updateVideo(id, { state: 'published' });
