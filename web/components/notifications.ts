/**
 * Notifications in the interface: where each one leads, and the number of
 * unread ones that the menu shows.
 *
 * The count is one small shared store: the menu asks the server again on
 * every navigation (not on a timer), and the notifications page sets it
 * directly after marking notifications read.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { AppNotification, NotificationKind } from '../api/safety';
import { countUnreadNotifications } from '../api/safety';
import type { MessageKey } from '../i18n/nl';
import { coachRequestPath, matchPath, meetupPath, rotaPath } from '../app/navigation';

/**
 * Pages a notification can lead to. Kept here, in one place, so that the
 * paths follow the match and rota pages when those change: a match page at
 * `/koppelingen/{id}`, a rota at `/roosters/{id}`, a stalled request in the
 * coach's queue at `/coach/hulpvragen/{id}`, a meet-up at `/ontmoetingen/{id}`.
 */
export const NOTIFICATION_TARGETS = {
  match: matchPath,
  rota: rotaPath,
  stalledRequest: (id: string) => coachRequestPath(id),
  meetup: meetupPath,
} as const;

/** The page a notification leads to, or null when it has nowhere to go. Ids only, never a name. */
export function notificationLink(notification: Pick<AppNotification, 'kind' | 'refId'>): string | null {
  const { kind, refId } = notification;
  if (!refId) return null;
  switch (kind) {
    case 'match.proposed':
    case 'match.volunteer_accepted':
    case 'match.confirmed':
    case 'match.declined':
    case 'match.withdrawn':
    case 'match.ended':
    case 'message.received':
      return NOTIFICATION_TARGETS.match(refId);
    case 'rota.approved':
    case 'rota.gap':
      return NOTIFICATION_TARGETS.rota(refId);
    case 'request.stalled':
      return NOTIFICATION_TARGETS.stalledRequest(refId);
    case 'meetup.reminder':
      return NOTIFICATION_TARGETS.meetup(refId);
    default:
      return null;
  }
}

/** What happened (the link text) and what to do next, from the catalogue. */
export function notificationMessageKeys(kind: NotificationKind): { text: MessageKey; next: MessageKey } {
  return { text: `notifications.kind.${kind}.text`, next: `notifications.kind.${kind}.next` };
}

// --- The unread count -------------------------------------------------------

interface CountState {
  code: string | null;
  unread: number;
}

let state: CountState = { code: null, unread: 0 };
let ticket = 0;
const listeners = new Set<() => void>();

function setState(next: CountState): void {
  if (next.code === state.code && next.unread === state.unread) return;
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The count as it is now (for tests and non-React callers). */
export function getUnreadSnapshot(): Readonly<CountState> {
  return state;
}

/** Sets the count from an answer the page already has (after listing or marking read). */
export function setUnreadCount(code: string, unread: number): void {
  ticket++;
  setState({ code, unread: Math.max(0, unread) });
}

/** Asks the server again; an older answer that arrives late is ignored. A failure keeps the last count. */
export async function refreshUnreadCount(code: string): Promise<void> {
  const mine = ++ticket;
  try {
    const unread = await countUnreadNotifications(code);
    if (mine === ticket) setState({ code, unread });
  } catch {
    // The badge is a courtesy: a failed count must not disturb the page.
  }
}

/**
 * The unread count for the active municipality. With `refreshKey`, asked
 * again whenever it changes (the menu passes the current path); without it,
 * only read. 0 while signed out.
 */
export function useUnreadCount(code: string | null, refreshKey?: string): number {
  const current = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (code && refreshKey !== undefined) void refreshUnreadCount(code);
  }, [code, refreshKey]);
  return code && current.code === code ? current.unread : 0;
}
