import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { previewArticle, type ArticleCategory, type ArticlePreview } from '../../../services/content';
import { ApiError } from '../../../services/errors';
import { debounce, latestOnly, PREVIEW_DEBOUNCE_MS } from '../shared/debounce';

export interface PreviewInput {
  markdown: string;
  title?: string;
  summary?: string;
  category?: ArticleCategory;
}

export type PreviewStatus = 'idle' | 'waiting' | 'loading' | 'error';

/**
 * The live preview: POST /admin/articles/preview once typing pauses (~400 ms), the API's own renderer and
 * safe-messaging check. An older answer never replaces a newer one; leaving the page cancels what is pending.
 */
export function useArticlePreview(initial: ArticlePreview | null) {
  const [preview, setPreview] = useState<ArticlePreview | null>(initial);
  const [status, setStatus] = useState<PreviewStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const gate = useRef(latestOnly());
  const inFlight = useRef<AbortController | null>(null);

  const run = useCallback(async (input: PreviewInput) => {
    const ticket = gate.current.next();
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setStatus('loading');
    try {
      const result = await previewArticle(input, controller.signal);
      if (!gate.current.isCurrent(ticket)) return;
      setPreview(result);
      setError(null);
      setStatus('idle');
    } catch (err) {
      if (controller.signal.aborted || !gate.current.isCurrent(ticket)) return;
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
      setStatus('error');
    }
  }, []);

  const debounced = useMemo(() => debounce((input: PreviewInput) => void run(input), PREVIEW_DEBOUNCE_MS), [run]);

  useEffect(
    () => () => {
      debounced.cancel();
      inFlight.current?.abort();
    },
    [debounced],
  );

  const request = useCallback(
    (input: PreviewInput) => {
      setStatus((s) => (s === 'loading' ? s : 'waiting'));
      debounced(input);
    },
    [debounced],
  );

  /** Shows a known render at once (after load, save or restore) and drops anything pending. */
  const replace = useCallback(
    (next: ArticlePreview) => {
      debounced.cancel();
      inFlight.current?.abort();
      gate.current.next();
      setPreview(next);
      setError(null);
      setStatus('idle');
    },
    [debounced],
  );

  return { preview, status, error, request, replace };
}
