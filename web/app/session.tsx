// Who is signed in. Asked of the server once at start (GET /auth/me); sign-in and sign-out go
// through here; a 401 from any later request means the session ended. When it ends, the cached server data
// goes with it: the next officer at this desk sees nothing of the last one's.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UserView } from '../../common/contracts/auth.ts';
import { ApiError, apiGet, apiPost, setUnauthorizedHandler } from './http.ts';

export type Session =
  | { status: 'loading' }
  | { status: 'signed-out'; reason: 'initial' | 'signed-out' | 'expired' }
  | { status: 'signed-in'; user: UserView };

type SessionApi = {
  session: Session;
  signIn: (username: string, password: string) => Promise<UserView>;
  signOut: () => Promise<void>;
  /** The signed-in user as the server now describes them (after changing the password). */
  updateUser: (user: UserView) => void;
};

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const queryClient = useQueryClient();

  useEffect(() => {
    let cancelled = false;
    apiGet<{ user: UserView }>('/api/v1/auth/me')
      .then(({ user }) => {
        if (!cancelled) setSession({ status: 'signed-in', user });
      })
      .catch(() => {
        // 401 (not signed in) and any failure alike: the sign-in page will report a real outage.
        if (!cancelled) setSession({ status: 'signed-out', reason: 'initial' });
      });
    setUnauthorizedHandler(() => {
      queryClient.clear();
      setSession({ status: 'signed-out', reason: 'expired' });
    });
    return () => {
      cancelled = true;
      setUnauthorizedHandler(() => {});
    };
  }, [queryClient]);

  const signIn = useCallback(async (username: string, password: string) => {
    const { user } = await apiPost<{ user: UserView }>('/api/v1/auth/login', { username, password });
    setSession({ status: 'signed-in', user });
    return user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiPost<void>('/api/v1/auth/logout');
    } catch (error) {
      // Already signed out on the server: the result the user asked for.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    queryClient.clear();
    setSession({ status: 'signed-out', reason: 'signed-out' });
  }, [queryClient]);

  const updateUser = useCallback((user: UserView) => setSession({ status: 'signed-in', user }), []);

  const value = useMemo(
    () => ({ session, signIn, signOut, updateUser }),
    [session, signIn, signOut, updateUser],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
