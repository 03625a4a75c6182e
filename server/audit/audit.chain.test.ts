/**
 * The audit hash chain as pure functions: an intact chain verifies, and any
 * change to a sealed field, any deletion, or a reordering is found at the
 * right sequence number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainVerifier, GENESIS_HASH, chainHash, verifyChain, type ChainedEvent, type StoredEvent } from './audit.chain';

const TENANT = '0b9d6a4e-5f3c-4e0a-9a51-000000000505';

const eventFields = fc.record({
  id: fc.uuid(),
  occurredAt: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
  actorAccountId: fc.option(fc.uuid(), { nil: null }),
  actorPersonId: fc.option(fc.uuid(), { nil: null }),
  onBehalfOfPersonId: fc.option(fc.uuid(), { nil: null }),
  action: fc.constantFrom('person.read', 'person.update', 'person.create', 'audit.search'),
  subjectPersonId: fc.option(fc.uuid(), { nil: null }),
  resourceType: fc.constantFrom('person', 'organisation', 'audit_event'),
  resourceId: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
  purpose: fc.constantFrom('self_service', 'account_management', 'privacy_oversight'),
  outcome: fc.constantFrom('success', 'denied'),
  requestId: fc.string({ minLength: 1, maxLength: 40 }),
});

/** Seals events the way the repository does: seq from 1, each hash over the previous one. */
function seal(fields: Array<Omit<ChainedEvent, 'tenantId' | 'seq'>>): { events: StoredEvent[]; head: { lastSeq: number; lastHash: string } } {
  let prevHash = GENESIS_HASH;
  const events = fields.map((f, i) => {
    const event: ChainedEvent = { tenantId: TENANT, seq: i + 1, ...f };
    const hash = chainHash(prevHash, event);
    const stored: StoredEvent = { ...event, prevHash, hash };
    prevHash = hash;
    return stored;
  });
  return { events, head: { lastSeq: events.length, lastHash: prevHash } };
}

const chain = (minLength = 1) => fc.array(eventFields, { minLength, maxLength: 25 }).map(seal);

/** The sealed fields, and a change to each that always gives a different value. */
const SEALED_CHANGES: Record<string, (e: StoredEvent) => Partial<StoredEvent>> = {
  tenantId: () => ({ tenantId: '0b9d6a4e-5f3c-4e0a-9a51-000000000512' }),
  id: (e) => ({ id: e.id === '00000000-0000-4000-8000-000000000000' ? '00000000-0000-4000-8000-000000000001' : '00000000-0000-4000-8000-000000000000' }),
  occurredAt: (e) => ({ occurredAt: new Date(e.occurredAt.getTime() + 1) }),
  actorAccountId: (e) => ({ actorAccountId: e.actorAccountId === null ? TENANT : null }),
  actorPersonId: (e) => ({ actorPersonId: e.actorPersonId === null ? TENANT : null }),
  onBehalfOfPersonId: (e) => ({ onBehalfOfPersonId: e.onBehalfOfPersonId === null ? TENANT : null }),
  action: (e) => ({ action: `${e.action}x` }),
  subjectPersonId: (e) => ({ subjectPersonId: e.subjectPersonId === null ? TENANT : null }),
  resourceType: (e) => ({ resourceType: `${e.resourceType}x` }),
  resourceId: (e) => ({ resourceId: e.resourceId === null ? '' : null }),
  purpose: (e) => ({ purpose: e.purpose === 'self_service' ? 'account_management' : 'self_service' }),
  outcome: (e) => ({ outcome: e.outcome === 'success' ? 'denied' : 'success' }),
  requestId: (e) => ({ requestId: `${e.requestId}x` }),
  hash: (e) => ({ hash: e.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) }),
};

describe('verifyChain', () => {
  it('accepts an intact chain and counts its events', () => {
    fc.assert(
      fc.property(chain(0), ({ events, head }) => {
        expect(verifyChain(events, head)).toEqual({ ok: true, checked: events.length, brokenAtSeq: null, reason: null });
      }),
    );
  });

  it('accepts a new municipality whose chain is still empty', () => {
    expect(verifyChain([], { lastSeq: 0, lastHash: GENESIS_HASH }).ok).toBe(true);
  });

  it('finds a change to any sealed field of any event, at that event', () => {
    fc.assert(
      fc.property(chain(), fc.nat(), fc.constantFrom(...Object.keys(SEALED_CHANGES)), ({ events, head }, pick, field) => {
        const i = pick % events.length;
        const tampered = events.map((e, j) => (j === i ? { ...e, ...SEALED_CHANGES[field]!(e) } : e));
        expect(verifyChain(tampered, head)).toEqual({ ok: false, checked: i, brokenAtSeq: i + 1, reason: 'changed' });
      }),
    );
  });

  it("finds a change even when the event's own hash was recomputed to match", () => {
    fc.assert(
      fc.property(chain(), fc.nat(), ({ events, head }, pick) => {
        const i = pick % events.length;
        const tampered = events.map((e) => ({ ...e }));
        const t = tampered[i]!;
        t.purpose = t.purpose === 'self_service' ? 'account_management' : 'self_service';
        t.hash = chainHash(t.prevHash, t);
        const verdict = verifyChain(tampered, head);
        expect(verdict.ok).toBe(false);
        // The next event no longer links to it; for the newest event the head still remembers the old hash.
        expect(verdict.brokenAtSeq).toBe(i + 2);
        expect(verdict.reason).toBe(i === events.length - 1 ? 'head_mismatch' : 'missing');
      }),
    );
  });

  it('finds a deleted event in the middle as missing, at its sequence number', () => {
    fc.assert(
      fc.property(chain(2), fc.nat(), ({ events, head }, pick) => {
        const i = pick % (events.length - 1);
        const without = events.filter((_, j) => j !== i);
        expect(verifyChain(without, head)).toEqual({ ok: false, checked: i, brokenAtSeq: i + 1, reason: 'missing' });
      }),
    );
  });

  it('finds deleted newest events through the stored head', () => {
    fc.assert(
      fc.property(chain(), fc.integer({ min: 1, max: 25 }), ({ events, head }, drop) => {
        const n = Math.min(drop, events.length);
        const kept = events.slice(0, events.length - n);
        expect(verifyChain(kept, head)).toEqual({ ok: false, checked: kept.length, brokenAtSeq: kept.length + 1, reason: 'head_mismatch' });
      }),
    );
  });

  it('finds any deletion of a random event, wherever it is', () => {
    fc.assert(
      fc.property(chain(), fc.nat(), ({ events, head }, pick) => {
        const i = pick % events.length;
        const verdict = verifyChain(
          events.filter((_, j) => j !== i),
          head,
        );
        expect(verdict.ok).toBe(false);
        expect(verdict.brokenAtSeq).toBe(i + 1);
      }),
    );
  });

  it('finds two events swapped', () => {
    fc.assert(
      fc.property(chain(2), fc.nat(), ({ events, head }, pick) => {
        const i = pick % (events.length - 1);
        const swapped = [...events];
        [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
        expect(verifyChain(swapped, head)).toMatchObject({ ok: false, brokenAtSeq: i + 1, reason: 'missing' });
      }),
    );
  });

  it('is deterministic: the same events give the same verdict and the same hashes', () => {
    fc.assert(
      fc.property(chain(0), fc.nat(), fc.boolean(), ({ events, head }, pick, tamper) => {
        const input = tamper && events.length > 0 ? events.map((e, j) => (j === pick % events.length ? { ...e, outcome: `${e.outcome}!` } : e)) : events;
        expect(verifyChain(input, head)).toEqual(verifyChain(input, head));
        const resealed = seal(events.map(({ tenantId: _t, seq: _s, prevHash: _p, hash: _h, ...rest }) => rest));
        expect(resealed.events.map((e) => e.hash)).toEqual(events.map((e) => e.hash));
      }),
    );
  });

  it("does not depend on the order of the event object's keys", () => {
    fc.assert(
      fc.property(chain(), ({ events }) => {
        const e = events[0]!;
        const reversed = Object.fromEntries(Object.entries(e).reverse()) as unknown as StoredEvent;
        expect(chainHash(GENESIS_HASH, reversed)).toBe(e.hash);
      }),
    );
  });

  it('stops at the first break and ignores what follows', () => {
    const { events, head } = seal([
      { id: 'a', occurredAt: new Date(0), actorAccountId: null, actorPersonId: null, onBehalfOfPersonId: null, action: 'x', subjectPersonId: null, resourceType: 'r', resourceId: null, purpose: 'p', outcome: 'success', requestId: 'r1' },
      { id: 'b', occurredAt: new Date(0), actorAccountId: null, actorPersonId: null, onBehalfOfPersonId: null, action: 'x', subjectPersonId: null, resourceType: 'r', resourceId: null, purpose: 'p', outcome: 'success', requestId: 'r2' },
      { id: 'c', occurredAt: new Date(0), actorAccountId: null, actorPersonId: null, onBehalfOfPersonId: null, action: 'x', subjectPersonId: null, resourceType: 'r', resourceId: null, purpose: 'p', outcome: 'success', requestId: 'r3' },
    ]);
    const verifier = new ChainVerifier();
    expect(verifier.push(events[0]!)).toBe(true);
    expect(verifier.push({ ...events[1]!, purpose: 'q' })).toBe(false);
    expect(verifier.push(events[2]!)).toBe(false);
    expect(verifier.finish(head)).toEqual({ ok: false, checked: 1, brokenAtSeq: 2, reason: 'changed' });
  });
});
