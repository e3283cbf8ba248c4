// Who is signed in on the citizen side (GET /citizen/me), apart from the staff session: a citizen is
// not staff and holds another cookie. Asked only when a citizen page first needs it, so that a staff
// session or a visit to the catalogue costs no request. A 401 from any citizen call ends it, and
// the citizen's cached data (query keys under 'citizen') goes with it.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../../app/http.ts';
import {
  getCitizen,
  setCitizenUnauthorizedHandler,
  signOutCitizen,
  type CitizenView,
} from './citizen-http.ts';

export type CitizenSession =
  | { status: 'unknown' }
  | { status: 'loading' }
  | { status: 'signed-in'; citizen: CitizenView }
  | { status: 'signed-out'; reason: 'initial' | 'signed-out' | 'expired' }
  | { status: 'error'; error: unknown };

type CitizenSessionApi = {
  session: CitizenSession;
  /** Asks the server (again): on first use and after an error. */
  load: () => void;
  signOut: () => Promise<void>;
};

const CitizenSessionContext = createContext<CitizenSessionApi | null>(null);

export function CitizenSessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<CitizenSession>({ status: 'unknown' });
  const queryClient = useQueryClient();
  const forget = useCallback(() => queryClient.removeQueries({ queryKey: ['citizen'] }), [queryClient]);

  const load = useCallback(() => {
    setSession({ status: 'loading' });
    getCitizen()
      .then(({ citizen }) => setSession({ status: 'signed-in', citizen }))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401)
          setSession({ status: 'signed-out', reason: 'initial' });
        else setSession({ status: 'error', error });
      });
  }, []);

  useEffect(() => {
    setCitizenUnauthorizedHandler(() => {
      forget();
      setSession({ status: 'signed-out', reason: 'expired' });
    });
    return () => setCitizenUnauthorizedHandler(() => {});
  }, [forget]);

  const signOut = useCallback(async () => {
    try {
      await signOutCitizen();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    forget();
    setSession({ status: 'signed-out', reason: 'signed-out' });
  }, [forget]);

  const value = useMemo(() => ({ session, load, signOut }), [session, load, signOut]);
  return <CitizenSessionContext value={value}>{children}</CitizenSessionContext>;
}

/** The citizen session, asked of the server the first time a page uses it. */
export function useCitizenSession(): CitizenSessionApi {
  const value = useContext(CitizenSessionContext);
  if (!value) throw new Error('useCitizenSession outside CitizenSessionProvider');
  const { session, load } = value;
  useEffect(() => {
    if (session.status === 'unknown') load();
  }, [session.status, load]);
  return value;
}
