/**
 * The fragmentation signal: how many distinct professionals and
 * organisations were involved with the resident in the last twelve months
 * (seed 001: one family met 48 in eight years). Counted from the network
 * map and the people on the plan; a person or organisation known by id
 * counts once however often it appears, one known only by name counts by
 * its name (case and spacing ignored).
 */
export interface InvolvedMember {
  circle: string;
  name: string;
  personId: string | null;
  organisationId: string | null;
  involvedSince: string | null;
  involvedUntil: string | null;
}

export interface InvolvedParticipant {
  personId: string;
  organisationId: string | null;
  professional: boolean;
  /** YYYY-MM-DD */
  addedOn: string;
  removedOn: string | null;
}

export interface Fragmentation {
  professionals: number;
  organisations: number;
  total: number;
  threshold: number;
  warning: boolean;
  since: string;
}

const nameKey = (name: string) => `name:${name.trim().replace(/\s+/g, ' ').toLowerCase()}`;

/** The day twelve months before `today` (YYYY-MM-DD). */
export function twelveMonthsBefore(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
}

export function fragmentation(members: InvolvedMember[], participants: InvolvedParticipant[], today: string, threshold: number): Fragmentation {
  const since = twelveMonthsBefore(today);
  const overlaps = (from: string | null, until: string | null) => (until === null || until >= since) && (from === null || from <= today);
  const professionals = new Set<string>();
  const organisations = new Set<string>();
  for (const m of members) {
    if (!overlaps(m.involvedSince, m.involvedUntil)) continue;
    if (m.circle === 'professionals') {
      professionals.add(m.personId ?? nameKey(m.name));
      if (m.organisationId) organisations.add(m.organisationId);
    } else if (m.circle === 'organisations') {
      organisations.add(m.organisationId ?? nameKey(m.name));
    }
  }
  for (const p of participants) {
    if (!p.professional || !overlaps(p.addedOn, p.removedOn)) continue;
    professionals.add(p.personId);
    if (p.organisationId) organisations.add(p.organisationId);
  }
  const total = professionals.size + organisations.size;
  return { professionals: professionals.size, organisations: organisations.size, total, threshold, warning: total > threshold, since };
}
