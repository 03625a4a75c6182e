/**
 * Page guards. They decide what the interface shows; the server enforces
 * the same rules on every request, so a guard is a courtesy, not a wall.
 */
import { useEffect, type ReactNode } from 'react';
import type { Role } from '../../shared/roles';
import type { Membership, Session } from '../api/types';
import { signInPath } from '../app/navigation';
import { useSession } from '../app/session';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import { navigate, useLocation } from '../router';
import { Loading } from './LoadState';

export interface SignedIn {
  session: Session;
  membership: Membership;
}

/**
 * Renders `children` for a signed-in person with a membership in the active
 * municipality; sends everyone else to the sign-in page and back here after.
 */
export function RequireSignIn({ children }: { children: (signedIn: SignedIn) => ReactNode }) {
  const { state, membership } = useSession();
  const { pathname, search } = useLocation();
  const signedOut = state.status === 'signedOut';

  useEffect(() => {
    if (signedOut) navigate(signInPath(pathname + search), { replace: true });
  }, [signedOut, pathname, search]);

  if (state.status !== 'signedIn') return <Loading />;
  if (!membership) return <ForbiddenPage />;
  return <>{children({ session: state.session, membership })}</>;
}

/** Like RequireSignIn, and shows "Geen toegang" without the role in the active municipality. */
export function RequireRole({ role, children }: { role: Role; children: (signedIn: SignedIn) => ReactNode }) {
  const { hasRole } = useSession();
  return <RequireSignIn>{(signedIn) => (hasRole(role) ? children(signedIn) : <ForbiddenPage />)}</RequireSignIn>;
}
