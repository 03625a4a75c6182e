/**
 * The demo people the tests use, by role and municipality. Municipality A is
 * Dordrecht (GM0505), B is Gorinchem (GM0512): the cross-municipality tests
 * act as A against B's data.
 */
import { DEMO_MUNICIPALITIES } from '../server/demo/demo-data';
import { demoResidentId } from '../server/demo/seed';

const [dordrecht, gorinchem] = DEMO_MUNICIPALITIES;
if (!dordrecht || !gorinchem) throw new Error('demo data must hold two municipalities');

const staff = (m: typeof dordrecht, localPart: string) => {
  const s = m.staff.find((p) => p.localPart === localPart);
  if (!s) throw new Error(`no demo person ${localPart} in ${m.name}`);
  return { id: s.id, email: `${localPart}@${m.slug}.example`, roles: s.roles };
};

export const A = {
  code: dordrecht.cbsCode,
  id: dordrecht.id,
  admin: staff(dordrecht, 'beheer'),
  resident: staff(dordrecht, 'inwoner'),
  volunteer: staff(dordrecht, 'vrijwilliger'),
  socialWorker: staff(dordrecht, 'sociaalwerker'),
  professional: staff(dordrecht, 'professional'),
  policyOfficer: staff(dordrecht, 'beleid'),
  mediator: staff(dordrecht, 'mediator'),
  arbiter: staff(dordrecht, 'arbiter'),
  organisationId: dordrecht.organisations[0]!.id,
  helpRequestId: dordrecht.helpRequest.id,
  /** A resident without an account, known to nobody but the administrator. */
  otherResidentId: demoResidentId(dordrecht.cbsCode, 1),
};

export const B = {
  code: gorinchem.cbsCode,
  id: gorinchem.id,
  admin: staff(gorinchem, 'beheer'),
  resident: staff(gorinchem, 'inwoner'),
  socialWorker: staff(gorinchem, 'sociaalwerker'),
  organisationId: gorinchem.organisations[0]!.id,
  helpRequestId: gorinchem.helpRequest.id,
};
