// The track and video forms ↔ the API's bodies. Edits send only what changed, so two editors changing different
// fields of one item do not undo each other (the API saves the fields it is given). Pure.
import type { AudioCategory, AudioTrack } from '../../../services/content';
import type { AdminVideo, NewVideo, TrackChanges, VideoChanges } from './media-api';

export const TITLE_MAX = 60;
export const DESCRIPTION_MAX = 500;
export const TRANSCRIPT_MAX = 10_000;

export interface TrackFormValues {
  title: string;
  category: AudioCategory;
  description: string;
  transcript: string;
  coverMediaId: string | null;
}

export interface VideoFormValues {
  title: string;
  description: string;
  coverMediaId: string | null;
}

export function trackFormValues(track: AudioTrack): TrackFormValues {
  return {
    title: track.title,
    category: track.category,
    description: track.description,
    transcript: track.transcript ?? '',
    coverMediaId: track.coverMediaId ?? null,
  };
}

/** What the track form changed, as a PATCH body; empty when nothing did. A blank transcript removes it. */
export function trackChanges(track: AudioTrack, values: TrackFormValues): TrackChanges {
  const changes: TrackChanges = {};
  const title = values.title.trim();
  if (title !== track.title) changes.title = title;
  if (values.category !== track.category) changes.category = values.category;
  const description = (values.description ?? '').trim();
  if (description !== track.description) changes.description = description;
  const transcript = (values.transcript ?? '').trim() || null;
  if (transcript !== (track.transcript ?? null)) changes.transcript = transcript;
  const cover = values.coverMediaId ?? null;
  if (cover !== (track.coverMediaId ?? null)) changes.coverMediaId = cover;
  return changes;
}

export function videoFormValues(video: AdminVideo): VideoFormValues {
  return { title: video.title, description: video.description, coverMediaId: video.coverMediaId };
}

/** The POST body that publishes an uploaded MP4 as a video. */
export function newVideoBody(mediaId: string, values: VideoFormValues): NewVideo {
  return {
    mediaId,
    title: values.title.trim(),
    description: (values.description ?? '').trim(),
    ...(values.coverMediaId ? { coverMediaId: values.coverMediaId } : {}),
  };
}

/** What the video form changed, as a PATCH body; empty when nothing did. */
export function videoChanges(video: AdminVideo, values: VideoFormValues): VideoChanges {
  const changes: VideoChanges = {};
  const title = values.title.trim();
  if (title !== video.title) changes.title = title;
  const description = (values.description ?? '').trim();
  if (description !== video.description) changes.description = description;
  const cover = values.coverMediaId ?? null;
  if (cover !== video.coverMediaId) changes.coverMediaId = cover;
  return changes;
}

export const hasChanges = (changes: object) => Object.keys(changes).length > 0;
