import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MeFragment } from '../gql/graphql';
import { isApiError } from './api-error';
import { gqlRequest, uploadFile } from './graphql-client';
import { LogoutDocument, MeDocument } from './operations';
import type { TypedDocumentString } from '../gql/graphql';

export type SessionUser = MeFragment;

interface SessionState {
  /** True until the first `me` answer says whether the browser's cookie still holds a session. */
  checking: boolean;
  user: SessionUser | null;
  /** Why the user is looking at the sign-in form again, if not by choice. */
  notice: string | null;
}

export interface Session extends SessionState {
  signedIn(user: SessionUser): void;
  signOut(notice?: string): void;
  /** Sign out: ends the session on the server (which clears the cookie) and tells the other tabs. */
  endSession(): Promise<void>;
  request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R>;
  upload(file: File, purpose: 'LOGO'): ReturnType<typeof uploadFile>;
  canManageCredentials: boolean;
  /** The role grants applications.eeo: the EEO report's nav entry shows only then. */
  canReadEeoReport: boolean;
}

const SessionContext = createContext<Session | null>(null);

/** Tabs of this console tell each other about sign-in and sign-out; no token ever travels on it. */
const TABS_CHANNEL = 'jobgate-console-session';
type TabMessage = 'signed-in' | 'signed-out';

function openTabsChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(TABS_CHANNEL);
}

/**
 * The session token lives in an HttpOnly cookie set by `login`: never in localStorage,
 * sessionStorage, script-readable cookies, URLs or logs, and this code never sees it. On load
 * the console asks `me` to learn whether it is signed in, so a reload, a new tab or a bookmark
 * keeps the session. Signing out in one tab signs out the others at once (BroadcastChannel);
 * without it, their next request answers UNAUTHENTICATED, which shows sign-in as well.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ checking: true, user: null, notice: null });
  const [channel] = useState(openTabsChannel);

  const signOut = useCallback(
    (notice?: string) => {
      setState({ checking: false, user: null, notice: notice ?? null });
      queryClient.clear();
    },
    [queryClient],
  );

  const checkSession = useCallback(async () => {
    try {
      const { me } = await gqlRequest(MeDocument, {});
      setState({ checking: false, user: me ?? null, notice: null });
    } catch (error) {
      setState({ checking: false, user: null, notice: isApiError(error, 'UNAUTHENTICATED') ? null : `Could not check your session: ${error instanceof Error ? error.message : String(error)}` });
    }
  }, []);

  useEffect(() => {
    void checkSession();
  }, [checkSession]);

  useEffect(() => {
    if (!channel) return undefined;
    channel.onmessage = (event: MessageEvent<TabMessage>) => {
      if (event.data === 'signed-out') signOut('You have signed out in another tab.');
      if (event.data === 'signed-in') void checkSession();
    };
    return () => {
      channel.onmessage = null;
    };
  }, [channel, signOut, checkSession]);

  const guard = useCallback(
    async <T,>(call: () => Promise<T>): Promise<T> => {
      try {
        return await call();
      } catch (error) {
        if (isApiError(error, 'UNAUTHENTICATED') && state.user) signOut('Your session has ended. Sign in again to continue where you were.');
        throw error;
      }
    },
    [signOut, state.user],
  );

  const endSession = useCallback(async () => {
    try {
      await gqlRequest(LogoutDocument, {});
    } finally {
      signOut('You have signed out.');
      channel?.postMessage('signed-out' satisfies TabMessage);
    }
  }, [signOut, channel]);

  const session = useMemo<Session>(
    () => ({
      ...state,
      signedIn: (user) => {
        setState({ checking: false, user, notice: null });
        channel?.postMessage('signed-in' satisfies TabMessage);
      },
      signOut,
      endSession,
      request: (document, variables) => guard(() => gqlRequest(document, variables)),
      upload: (file, purpose) => guard(() => uploadFile(file, purpose)),
      canManageCredentials: state.user ? state.user.role === 'SUPER_ADMIN' || state.user.canManageApiCredentials : false,
      canReadEeoReport: state.user?.canReadEeoReport ?? false,
    }),
    [state, signOut, endSession, guard, channel],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
