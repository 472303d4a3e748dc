import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { MeFragment } from '../gql/graphql';
import { isApiError } from './api-error';
import { gqlRequest, uploadFile } from './graphql-client';
import type { TypedDocumentString } from '../gql/graphql';

export type SessionUser = MeFragment;

interface SessionState {
  token: string | null;
  user: SessionUser | null;
  /** Why the user is looking at the sign-in form again, if not by choice. */
  notice: string | null;
}

export interface Session extends SessionState {
  signedIn(token: string, user: SessionUser): void;
  signOut(notice?: string): void;
  request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R>;
  upload(file: File, purpose: 'LOGO'): ReturnType<typeof uploadFile>;
  canManageCredentials: boolean;
}

const SessionContext = createContext<Session | null>(null);

/**
 * The session token lives in React state only: never in localStorage, sessionStorage, cookies,
 * URLs or logs. A reload signs the user out; the address bar keeps the page they were on.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ token: null, user: null, notice: null });

  const signOut = useCallback(
    (notice?: string) => {
      setState({ token: null, user: null, notice: notice ?? null });
      queryClient.clear();
    },
    [queryClient],
  );

  const guard = useCallback(
    async <T,>(call: () => Promise<T>): Promise<T> => {
      try {
        return await call();
      } catch (error) {
        if (isApiError(error, 'UNAUTHENTICATED') && state.token) signOut('Your session has ended. Sign in again to continue where you were.');
        throw error;
      }
    },
    [signOut, state.token],
  );

  const session = useMemo<Session>(
    () => ({
      ...state,
      signedIn: (token, user) => setState({ token, user, notice: null }),
      signOut,
      request: (document, variables) => guard(() => gqlRequest(document, variables, state.token)),
      upload: (file, purpose) => guard(() => uploadFile(file, purpose, state.token)),
      canManageCredentials: state.user ? state.user.role === 'SUPER_ADMIN' || state.user.canManageApiCredentials : false,
    }),
    [state, signOut, guard],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
