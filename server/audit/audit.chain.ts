/**
 * The audit hash chain, as pure functions. Each municipality's events form
 * one chain: hash(n) = sha256(hash(n-1) + "\n" + canonical(event n)). A
 * changed row breaks its own hash; a deleted row breaks the sequence and the
 * next event's prevHash. Both are found by verifyChain().
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields that are sealed by the chain, in their fixed order. */
export interface ChainedEvent {
  tenantId: string;
  seq: number;
  id: string;
  occurredAt: Date;
  actorAccountId: string | null;
  actorPersonId: string | null;
  onBehalfOfPersonId: string | null;
  action: string;
  subjectPersonId: string | null;
  resourceType: string;
  resourceId: string | null;
  purpose: string;
  outcome: string;
  requestId: string;
}

export function canonicalEvent(e: ChainedEvent): string {
  return JSON.stringify([
    e.tenantId,
    e.seq,
    e.id,
    e.occurredAt.toISOString(),
    e.actorAccountId,
    e.actorPersonId,
    e.onBehalfOfPersonId,
    e.action,
    e.subjectPersonId,
    e.resourceType,
    e.resourceId,
    e.purpose,
    e.outcome,
    e.requestId,
  ]);
}

export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash('sha256').update(`${prevHash}\n${canonicalEvent(event)}`).digest('hex');
}

export interface StoredEvent extends ChainedEvent {
  prevHash: string;
  hash: string;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** The first sequence number at which the chain no longer holds. */
  brokenAtSeq: number | null;
  reason: 'changed' | 'missing' | 'head_mismatch' | null;
}

/**
 * Checks a chain event by event, in seq order, without holding it in memory.
 * `finish` compares with the stored head: when the newest events were
 * deleted, the head still remembers the last seq and hash.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private broken: ChainVerdict | null = null;

  /** Returns false once the chain is broken; further events are ignored. */
  push(e: StoredEvent): boolean {
    if (this.broken) return false;
    if (e.seq !== this.expectedSeq || e.prevHash !== this.prevHash) {
      this.broken = { ok: false, checked: this.checked, brokenAtSeq: this.expectedSeq, reason: 'missing' };
      return false;
    }
    if (chainHash(this.prevHash, e) !== e.hash) {
      this.broken = { ok: false, checked: this.checked, brokenAtSeq: e.seq, reason: 'changed' };
      return false;
    }
    this.prevHash = e.hash;
    this.expectedSeq += 1;
    this.checked += 1;
    return true;
  }

  finish(head: { lastSeq: number; lastHash: string } | null): ChainVerdict {
    if (this.broken) return this.broken;
    if (head && (head.lastSeq !== this.checked || head.lastHash !== this.prevHash)) {
      return { ok: false, checked: this.checked, brokenAtSeq: this.checked + 1, reason: 'head_mismatch' };
    }
    return { ok: true, checked: this.checked, brokenAtSeq: null, reason: null };
  }
}

export function verifyChain(
  events: Iterable<StoredEvent>,
  head: { lastSeq: number; lastHash: string } | null,
): ChainVerdict {
  const verifier = new ChainVerifier();
  for (const e of events) if (!verifier.push(e)) break;
  return verifier.finish(head);
}
