import { useMemo, useSyncExternalStore } from 'react';
import { accessFor, type AccessFlags } from '../access';
import { sessionStore, type SessionState } from '../services/session';

export function useSessionState(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getState);
}

export function useAccess(): AccessFlags {
  const { session } = useSessionState();
  const user = session?.user ?? null;
  return useMemo(() => accessFor(user), [user]);
}
