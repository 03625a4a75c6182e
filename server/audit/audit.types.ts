/** What a service hands to audit(): the vocabulary itself is in shared/audit.ts. */
import type { AuditAction, AuditOutcome, AuditPurpose } from '../../shared/audit';

export { AUDIT_ACTIONS, AUDIT_PURPOSES, AUDIT_OUTCOMES } from '../../shared/audit';
export type { AuditAction, AuditOutcome, AuditPurpose };

export interface AuditEntry {
  action: AuditAction;
  purpose: AuditPurpose;
  resourceType: string;
  resourceId?: string | null;
  /** The resident whose data this is about, if any. */
  subjectPersonId?: string | null;
  onBehalfOfPersonId?: string | null;
  outcome?: AuditOutcome;
}
