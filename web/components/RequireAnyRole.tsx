/**
 * Like RequireRole, for pages that several roles share (social workers and
 * administrators coordinate neighbour help alike). A courtesy: the server
 * checks the same rule.
 */
import type { ReactNode } from 'react';
import type { Role } from '../../shared/roles';
import { useSession } from '../app/session';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import { RequireSignIn, type SignedIn } from './Guards';

export function RequireAnyRole({ roles, children }: { roles: readonly Role[]; children: (signedIn: SignedIn) => ReactNode }) {
  const { hasRole } = useSession();
  return <RequireSignIn>{(signedIn) => (roles.some(hasRole) ? children(signedIn) : <ForbiddenPage />)}</RequireSignIn>;
}
