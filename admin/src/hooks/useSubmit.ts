import { useCallback, useState } from 'react';
import { ApiError } from '../services/errors';

/**
 * A form's submit: `busy` while it runs, and the server's Chinese message as `problem` when the API refuses it
 * (anything else is a bug and is thrown on). The form stays open with what the user typed.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setProblem(err.message);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, setProblem, run };
}
