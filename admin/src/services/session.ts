// The signed-in staff session.
//
// The access token and the user live in memory only. The refresh token is the one thing kept in the
// browser, in sessionStorage (per tab, gone when the tab closes; never localStorage), so a page reload
// can silently refresh and restore the session. Nothing personal is written to browser storage.
import type { AuthResult, StaffUser } from './types';

export interface Session {
  accessToken: string;
  user: StaffUser;
}

/** Why the last session ended: the user signed out, or the server stopped accepting it. */
export type SessionEndReason = 'logout' | 'expired';

export interface SessionState {
  session: Session | null;
  endReason: SessionEndReason | null;
}

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SessionStore {
  /** Immutable snapshot; a new object after every change (usable with useSyncExternalStore). */
  getState(): SessionState;
  get(): Session | null;
  getRefreshToken(): string | null;
  set(result: Pick<AuthResult, 'accessToken' | 'refreshToken' | 'user'>): void;
  /** Replaces the signed-in user (same tokens), e.g. after a password change. No-op without a session. */
  setUser(user: StaffUser): void;
  clear(reason: SessionEndReason): void;
  subscribe(listener: () => void): () => void;
}

export const REFRESH_TOKEN_KEY = 'xinan.admin.refreshToken';

/** `storage` is a getter so that importing this module never touches `window` (tests run in Node). */
export function createSessionStore(storage: () => KeyValueStorage): SessionStore {
  let state: SessionState = { session: null, endReason: null };
  const listeners = new Set<() => void>();

  function update(next: SessionState): void {
    state = next;
    for (const listener of listeners) listener();
  }

  return {
    getState: () => state,
    get: () => state.session,
    getRefreshToken: () => storage().getItem(REFRESH_TOKEN_KEY),
    set({ accessToken, refreshToken, user }) {
      storage().setItem(REFRESH_TOKEN_KEY, refreshToken);
      update({ session: { accessToken, user }, endReason: null });
    },
    setUser(user) {
      if (!state.session) return;
      update({ session: { ...state.session, user }, endReason: null });
    },
    clear(reason) {
      storage().removeItem(REFRESH_TOKEN_KEY);
      update({ session: null, endReason: reason });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export const sessionStore = createSessionStore(() => window.sessionStorage);
