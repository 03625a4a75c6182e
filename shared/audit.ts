/**
 * The audit vocabulary: every kind of audit event and every purpose. Adding
 * an action or purpose here is the only way to write a new kind of event, so
 * the log stays searchable. Isomorphic: the web interface names each one.
 */
export const AUDIT_ACTIONS = [
  'person.read',
  'person.list',
  'person.create',
  'person.update',
  'person.roles.update',
  'person.access_log.read',
  'organisation.create',
  'audit.search',
  'audit.verify',
  'help_request.create',
  'help_request.read',
  'help_request.list',
  'help_request.cancel',
  'volunteer_profile.read',
  'volunteer_profile.update',
  'vog.record',
  'help_request.candidates.read',
  'help_request.suggestions.read',
  'help_match.propose',
  'help_match.invite',
  'help_match.offer',
  'help_match.list',
  'help_match.read',
  'help_match.contact.read',
  'help_match.decide',
  'help_match.withdraw',
  'help_match.end',
  'help_match.no_show',
  'match_message.list',
  'match_message.send',
  'help_session.record',
  'coach.queue.read',
  'help_request.stalls.read',
  'help_request.coaching.update',
  'help_request.refer',
  'help_request.resolve_network',
  'network_contact.list',
  'network_contact.create',
  'network_contact.update',
  'rota.proposal.read',
  'rota.approve',
  'rota.read',
  'rota.refill',
  'neighbour_help.figures.read',
  'notification.list',
  'notification.preferences.update',
  'abuse_report.create',
  'abuse_report.list',
  'abuse_report.handle',
  'person_block.create',
  'person_block.list',
  'person_block.delete',
  'meetup.create',
  'meetup.update',
  'meetup.cancel',
  'meetup.read',
  'meetup.list',
  'meetup.signup',
  'meetup.signup.cancel',
  'meetup.attendance.update',
  'meetup.attendees.read',
  'regional_pool.join',
  'regional_pool.leave',
  'regional_volunteer.host',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_PURPOSES = [
  /** The person looks at or changes their own data. */
  'self_service',
  /** A functional administrator manages users and roles. */
  'account_management',
  /** A privacy officer inspects the audit log. */
  'privacy_oversight',
  /** Neighbour help: posting, matching and coaching requests for informal help. */
  'neighbour_help',
  /** A one-off load by the system (demo data, a migration of records). */
  'system_data_load',
] as const;
export type AuditPurpose = (typeof AUDIT_PURPOSES)[number];

export const AUDIT_OUTCOMES = ['success', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
