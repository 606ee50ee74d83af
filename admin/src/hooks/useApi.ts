import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../services/errors';

export type ApiState<T> =
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: ApiError };

/**
 * Runs `load` on mount (and on reload()), aborting it on unmount. ApiErrors become the 'error' state
 * for the page to show; anything else is a bug and is rethrown into the route's error boundary.
 * `load` must be stable (a module-level service function).
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>): ApiState<T> & { reload: () => void } {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        if (err instanceof ApiError) setState({ status: 'error', error: err });
        else
          setState(() => {
            throw err;
          });
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
