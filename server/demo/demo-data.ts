/**
 * Synthetic demo data: two municipalities of the Zuid-Holland Zuid region,
 * fictional organisations, and invented people. Every name, address and
 * e-mail here is made up; e-mail addresses use the reserved .example domain.
 */
import type { OrganisationKind, Role } from '../../shared/roles';

export const DEMO_PASSWORD = 'samenspel-demo-2026';

export interface DemoMunicipality {
  id: string;
  cbsCode: string;
  name: string;
  slug: string;
  /** Where the demo volunteers live (a PC4 area of the municipality). */
  volunteerPc4: string;
  /** One open help request by the demo resident. */
  helpRequest: { id: string; categoryCode: string; schedule: 'weekly' | 'fortnightly'; description: string; postcode: string; houseNumber: number };
  organisations: Array<{ id: string; name: string; kind: OrganisationKind }>;
  /** Meet-ups at public venues, relative to the day the demo data is loaded (negative: already held). */
  meetups: DemoMeetup[];
  /** People who can sign in, one per role to show each role's view. */
  staff: Array<{ id: string; localPart: string; givenName: string; familyName: string; roles: Role[]; organisationIndex?: number }>;
}

/**
 * A demo meet-up. Who signed up: demo staff by local part, or synthetic
 * residents by index; `attended` only for meet-ups already held.
 */
export interface DemoMeetup {
  id: string;
  organisationIndex: number;
  title: string;
  place: string;
  postcode: string;
  /** Days from the load date, and the local (Amsterdam) start time. */
  inDays: number;
  startTime: string;
  minutes: number;
  capacity: number;
  notes: string;
  signups: Array<{ staff?: string; resident?: number; attended?: boolean }>;
}

export const DEMO_MUNICIPALITIES: DemoMunicipality[] = [
  {
    id: '0b9d6a4e-5f3c-4e0a-9a51-000000000505',
    cbsCode: 'GM0505',
    name: 'Dordrecht',
    slug: 'dordrecht',
    volunteerPc4: '3317',
    helpRequest: {
      id: 'd0000000-0000-4000-8000-000000050501',
      categoryCode: 'company',
      schedule: 'weekly',
      description: 'Mijn man heeft dementie. Wie wil op dinsdagmiddag een uurtje met hem wandelen of koffie drinken?',
      postcode: '3317AB',
      houseNumber: 12,
    },
    organisations: [
      { id: '5a1e0c2d-0000-4000-8000-000000050501', name: 'Zorggroep Oude Haven (fictief)', kind: 'care_provider' },
      { id: '5a1e0c2d-0000-4000-8000-000000050502', name: 'Stichting Buurtkracht (fictief)', kind: 'welfare_organisation' },
      { id: '5a1e0c2d-0000-4000-8000-000000050503', name: 'Woonstichting Rivierstad (fictief)', kind: 'housing_corporation' },
      { id: '5a1e0c2d-0000-4000-8000-000000050504', name: 'Basisschool De Wielewaal (fictief)', kind: 'school' },
    ],
    meetups: [
      {
        id: 'e0000000-0000-4000-8000-000000050501',
        organisationIndex: 1,
        title: 'Buurtcafé De Lindeboom',
        place: 'Wijkcentrum De Lindeboom (fictief), zaal 1',
        postcode: '3317',
        inDays: 3,
        startTime: '14:00',
        minutes: 120,
        capacity: 20,
        notes: 'Koffie, thee en een praatje. Iedereen is welkom, ook als u niemand kent. De zaal is met een rolstoel bereikbaar.',
        signups: [{ staff: 'vrijwilliger' }, { resident: 2 }, { resident: 3 }, { resident: 5 }],
      },
      {
        id: 'e0000000-0000-4000-8000-000000050502',
        organisationIndex: 1,
        title: 'Samen eten',
        place: 'Buurthuis Het Bolwerk (fictief), keuken en eetzaal',
        postcode: '3311',
        inDays: 9,
        startTime: '17:30',
        minutes: 120,
        capacity: 12,
        notes: 'Wij koken samen een eenvoudige maaltijd. Eet u geen vlees of heeft u een dieet? Zeg het bij de deur.',
        signups: [{ resident: 6 }, { resident: 7 }, { resident: 8 }],
      },
      {
        id: 'e0000000-0000-4000-8000-000000050503',
        organisationIndex: 0,
        title: 'Wandelen en koffie',
        place: 'Parkpaviljoen De Wilg (fictief), bij de ingang',
        postcode: '3318',
        inDays: 16,
        startTime: '10:00',
        minutes: 90,
        capacity: 3,
        notes: 'Een rustige wandeling van een half uur, daarna koffie. Bij regen gaat het niet door.',
        signups: [{ resident: 9 }, { resident: 10 }, { resident: 11 }],
      },
      {
        id: 'e0000000-0000-4000-8000-000000050504',
        organisationIndex: 1,
        title: 'Buurtcafé De Lindeboom',
        place: 'Wijkcentrum De Lindeboom (fictief), zaal 1',
        postcode: '3317',
        inDays: -4,
        startTime: '14:00',
        minutes: 120,
        capacity: 20,
        notes: 'Koffie, thee en een praatje.',
        signups: [
          { staff: 'inwoner', attended: true },
          { staff: 'vrijwilliger', attended: true },
          { resident: 4, attended: true },
          { resident: 5, attended: false },
        ],
      },
    ],
    staff: [
      { id: 'a0000000-0000-4000-8000-000000050501', localPart: 'beheer', givenName: 'Bram', familyName: 'Beheerder', roles: ['admin'] },
      { id: 'a0000000-0000-4000-8000-000000050502', localPart: 'inwoner', givenName: 'Ineke', familyName: 'de Vries', roles: ['resident'] },
      { id: 'a0000000-0000-4000-8000-000000050503', localPart: 'vrijwilliger', givenName: 'Victor', familyName: 'Jansen', roles: ['volunteer', 'resident'] },
      { id: 'a0000000-0000-4000-8000-000000050504', localPart: 'sociaalwerker', givenName: 'Sanne', familyName: 'Bakker', roles: ['social_worker'], organisationIndex: 1 },
      { id: 'a0000000-0000-4000-8000-000000050505', localPart: 'professional', givenName: 'Peter', familyName: 'Visser', roles: ['professional'], organisationIndex: 0 },
      { id: 'a0000000-0000-4000-8000-000000050506', localPart: 'beleid', givenName: 'Lotte', familyName: 'Smit', roles: ['policy_officer'] },
      { id: 'a0000000-0000-4000-8000-000000050507', localPart: 'mediator', givenName: 'Mehmet', familyName: 'Yilmaz', roles: ['mediator'] },
      { id: 'a0000000-0000-4000-8000-000000050508', localPart: 'arbiter', givenName: 'Anouk', familyName: 'Mulder', roles: ['arbiter'] },
    ],
  },
  {
    id: '0b9d6a4e-5f3c-4e0a-9a51-000000000512',
    cbsCode: 'GM0512',
    name: 'Gorinchem',
    slug: 'gorinchem',
    volunteerPc4: '4205',
    helpRequest: {
      id: 'd0000000-0000-4000-8000-000000051201',
      categoryCode: 'groceries',
      schedule: 'fortnightly',
      description: 'Ik kan na mijn operatie niet goed lopen. Wie kan om de week boodschappen voor mij doen?',
      postcode: '4205AA',
      houseNumber: 7,
    },
    organisations: [
      { id: '5a1e0c2d-0000-4000-8000-000000051201', name: 'Thuiszorg Lingeoever (fictief)', kind: 'care_provider' },
      { id: '5a1e0c2d-0000-4000-8000-000000051202', name: 'Welzijn Vestingstad (fictief)', kind: 'welfare_organisation' },
    ],
    meetups: [
      {
        id: 'e0000000-0000-4000-8000-000000051201',
        organisationIndex: 1,
        title: 'Koffieochtend in de vesting',
        place: 'Ontmoetingsruimte De Poort (fictief)',
        postcode: '4201',
        inDays: 2,
        startTime: '10:00',
        minutes: 120,
        capacity: 15,
        notes: 'Een kop koffie en een praatje met buren.',
        signups: [{ resident: 1 }, { resident: 2 }],
      },
      {
        id: 'e0000000-0000-4000-8000-000000051202',
        organisationIndex: 1,
        title: 'Samen eten',
        place: 'Buurthuis De Lingeborg (fictief)',
        postcode: '4205',
        inDays: 8,
        startTime: '17:30',
        minutes: 120,
        capacity: 10,
        notes: 'Wij koken samen. Een bijdrage van 3 euro is welkom, maar niet verplicht.',
        signups: [{ staff: 'inwoner' }, { resident: 3 }],
      },
    ],
    staff: [
      { id: 'a0000000-0000-4000-8000-000000051201', localPart: 'beheer', givenName: 'Gert', familyName: 'Hoekstra', roles: ['admin'] },
      { id: 'a0000000-0000-4000-8000-000000051202', localPart: 'inwoner', givenName: 'Fatima', familyName: 'El Amrani', roles: ['resident'] },
      { id: 'a0000000-0000-4000-8000-000000051203', localPart: 'sociaalwerker', givenName: 'Joost', familyName: 'van Dijk', roles: ['social_worker'], organisationIndex: 1 },
    ],
  },
];

/** Invented given and family names for residents without an account. */
export const GIVEN_NAMES = ['Anna', 'Bas', 'Chantal', 'Daan', 'Esra', 'Fenna', 'Gijs', 'Hanna', 'Ilse', 'Jesse', 'Kees', 'Layla', 'Milan', 'Noor', 'Olaf', 'Priya', 'Rik', 'Saar', 'Tom', 'Yara'];
export const FAMILY_NAMES = ['de Boer', 'Kok', 'Dekker', 'Verbeek', 'Koster', 'Prins', 'Hendriks', 'Bos', 'Vos', 'Peters', 'Willems', 'Meijer', 'Kaya', 'Brouwer', 'de Graaf'];
