import { describe, expect, it, vi } from 'vitest';
import type * as safetyApi from '../api/safety';
import { NOTIFICATION_KINDS } from '../api/safety';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';

const countUnread = vi.fn<(code: string) => Promise<number>>();
vi.mock('../api/safety', async (importOriginal) => ({
  ...(await importOriginal<typeof safetyApi>()),
  countUnreadNotifications: (code: string) => countUnread(code),
}));

const { getUnreadSnapshot, notificationLink, notificationMessageKeys, refreshUnreadCount, setUnreadCount } = await import('./notifications');

const ID = '0b6f1c1e-8f3a-4c55-9d2e-3a1b2c3d4e5f';

describe('notificationLink', () => {
  it('leads every match notification and new message to the match page, by id only', () => {
    for (const kind of ['match.proposed', 'match.volunteer_accepted', 'match.confirmed', 'match.declined', 'match.withdrawn', 'match.ended', 'message.received'] as const) {
      expect(notificationLink({ kind, refId: ID }), kind).toBe(`/koppelingen/${ID}`);
    }
  });

  it('leads rota notifications to the rota, a stalled request to the coach, a reminder to the meet-up', () => {
    expect(notificationLink({ kind: 'rota.approved', refId: ID })).toBe(`/roosters/${ID}`);
    expect(notificationLink({ kind: 'rota.gap', refId: ID })).toBe(`/roosters/${ID}`);
    expect(notificationLink({ kind: 'request.stalled', refId: ID })).toBe(`/coach/hulpvragen/${ID}`);
    expect(notificationLink({ kind: 'meetup.reminder', refId: ID })).toBe(`/ontmoetingen/${ID}`);
  });

  it('gives no link without an id, and escapes what it puts in a path', () => {
    expect(notificationLink({ kind: 'match.proposed', refId: null })).toBeNull();
    expect(notificationLink({ kind: 'match.proposed', refId: 'a/b' })).toBe('/koppelingen/a%2Fb');
  });
});

describe('notification texts', () => {
  it('has what happened and what to do next for every kind, in Dutch and English', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const { text, next } = notificationMessageKeys(kind);
      for (const catalogue of [nl, en]) {
        expect(catalogue[text], `${kind} text`).toBeTruthy();
        expect(catalogue[next], `${kind} next`).toBeTruthy();
      }
    }
  });
});

describe('the unread count', () => {
  it('ignores a count that arrives after the page set a newer one', async () => {
    let answer: (n: number) => void = () => undefined;
    countUnread.mockImplementationOnce(() => new Promise<number>((resolve) => (answer = resolve)));
    const pending = refreshUnreadCount('GM0505');
    setUnreadCount('GM0505', 0);
    answer(4);
    await pending;
    expect(getUnreadSnapshot()).toEqual({ code: 'GM0505', unread: 0 });
  });

  it('keeps the last count when asking again fails', async () => {
    countUnread.mockResolvedValueOnce(2);
    await refreshUnreadCount('GM0505');
    countUnread.mockRejectedValueOnce(new Error('offline'));
    await refreshUnreadCount('GM0505');
    expect(getUnreadSnapshot()).toEqual({ code: 'GM0505', unread: 2 });
  });
});
