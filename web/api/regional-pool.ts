/**
 * The regional pool in the API (ADR 0007): the municipality's pool with its
 * partners, and joining, starting or leaving one (admins). Types mirror
 * server/modules/neighbour-help/regional-pool.routes.ts.
 */
import { request } from './client';

export interface PoolMember {
  /** CBS code, e.g. GM0512. */
  code: string;
  name: string;
}

export interface RegionalPool {
  id: string;
  name: string;
  /** Municipalities that share: accepted by the pool, or that started it. */
  members: PoolMember[];
  /** Municipalities that joined and wait for a member to accept them. */
  waiting: PoolMember[];
}

export interface RegionalPoolState {
  /** This municipality's pool; `partners` are the other members. */
  pool: (RegionalPool & { accepted: boolean; partners: PoolMember[] }) | null;
  /** Other pools this municipality could join. */
  pools: RegionalPool[];
}

const path = (code: string) => `/api/municipalities/${encodeURIComponent(code)}/regional-pool`;

export const getRegionalPool = (code: string) => request<RegionalPoolState>('GET', path(code));
export const joinRegionalPool = (code: string, body: { poolId: string } | { name: string }) => request<RegionalPoolState>('PUT', path(code), { body });
export const leaveRegionalPool = (code: string) => request<RegionalPoolState>('DELETE', path(code));
export const acceptPoolMember = (code: string, memberCode: string) =>
  request<RegionalPoolState>('POST', `${path(code)}/members/${encodeURIComponent(memberCode)}/accept`);
