import { useCallback, useEffect, useRef, useState } from 'react';
import { uploadMedia, type MediaItem } from '../../../services/content';
import { ApiError } from '../../../services/errors';
import { uploadProblem } from './media-rules';

export interface UploadEntry {
  uid: string;
  name: string;
  loaded: number;
  total: number;
  status: 'uploading' | 'done' | 'error';
  error?: string;
}

let uidCounter = 0;

/**
 * Uploads files one request each, keeping a visible entry per file with its progress and outcome. Leaving the
 * page aborts what is still running.
 */
export function useMediaUploads(onUploaded?: (item: MediaItem) => void) {
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const onUploadedRef = useRef(onUploaded);
  useEffect(() => {
    onUploadedRef.current = onUploaded;
  }, [onUploaded]);

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
      running.clear();
    };
  }, []);

  const patch = useCallback((uid: string, change: Partial<UploadEntry>) => {
    setEntries((list) => list.map((entry) => (entry.uid === uid ? { ...entry, ...change } : entry)));
  }, []);

  /** Resolves with the stored media, or null when it was refused, failed or cancelled (the entry says why). */
  const start = useCallback(
    async (file: File): Promise<MediaItem | null> => {
      uidCounter += 1;
      const uid = `upload-${uidCounter}`;
      const problem = uploadProblem(file);
      const entry: UploadEntry = { uid, name: file.name, loaded: 0, total: file.size, status: 'uploading' };
      if (problem) {
        setEntries((list) => [{ ...entry, status: 'error', error: problem }, ...list]);
        return null;
      }
      setEntries((list) => [entry, ...list]);
      const controller = new AbortController();
      controllers.current.set(uid, controller);
      try {
        const item = await uploadMedia(file, file.name, {
          signal: controller.signal,
          onProgress: ({ loaded, total }) => patch(uid, { loaded, total: total || file.size }),
        });
        patch(uid, { status: 'done', loaded: file.size, total: file.size });
        onUploadedRef.current?.(item);
        return item;
      } catch (err) {
        if (err instanceof DOMException && err.name === 'AbortError') {
          if (!controller.signal.aborted) return null;
          patch(uid, { status: 'error', error: '已取消上传' });
          return null;
        }
        if (err instanceof ApiError) {
          patch(uid, { status: 'error', error: err.message });
          return null;
        }
        throw err;
      } finally {
        controllers.current.delete(uid);
      }
    },
    [patch],
  );

  const cancel = useCallback((uid: string) => controllers.current.get(uid)?.abort(), []);
  const dismiss = useCallback((uid: string) => setEntries((list) => list.filter((entry) => entry.uid !== uid)), []);
  const clearFinished = useCallback(() => setEntries((list) => list.filter((entry) => entry.status === 'uploading')), []);

  return { entries, start, cancel, dismiss, clearFinished };
}
