/**
 * Partner profiles: how our categories read in the taxonomies of the platforms we exchange data
 * with. The table in CONTEXT.md is the documentation of this constant (a test keeps them equal).
 * Context categories are not violations and are never exported; legal cases travel in our own
 * interchange file, not in these incident-level files.
 */
export const profiles = ['mmf', 'jfj', 'coe'] as const;
export type Profile = (typeof profiles)[number];

export const profileNames: Record<Profile, string> = {
  mmf: 'Mapping Media Freedom',
  jfj: "Justice for Journalists' Media Risk Map",
  coe: 'Council of Europe Platform for the Safety of Journalists',
};

// The CoE platform's five alert categories, written once.
const coePhysical = 'Attacks on physical safety and integrity of journalists';
const coeDetention = 'Detention and imprisonment of journalists';
const coeHarassment = 'Harassment and intimidation of journalists';
const coeChilling = 'Other acts having chilling effects on media freedom';

/** Our category code → the partner's category, per profile. */
export const categoryMapping: Record<string, Record<Profile, string>> = {
  murder: { mmf: 'Killing', jfj: 'Murder', coe: coePhysical },
  attack: { mmf: 'Physical assault', jfj: 'Physical attack', coe: coePhysical },
  threat: { mmf: 'Intimidation / threat', jfj: 'Threat', coe: coeHarassment },
  detention: { mmf: 'Arrest / detention / imprisonment', jfj: 'Detention / arrest', coe: coeDetention },
  obstruction: {
    mmf: 'Interference / obstruction',
    jfj: 'Obstruction of professional activity',
    coe: coeHarassment,
  },
  censorship: { mmf: 'Censorship', jfj: 'Censorship', coe: coeChilling },
  summons: { mmf: 'Legal incident', jfj: 'Summons / interrogation', coe: coeHarassment },
  expulsion: { mmf: 'Restriction of movement / entry ban', jfj: 'Expulsion / entry ban', coe: coeChilling },
  image_misuse: { mmf: 'Discrediting', jfj: 'Fakes under a media brand', coe: coeChilling },
  discrediting: { mmf: 'Discrediting', jfj: 'Discrediting / insult', coe: coeHarassment },
  copyright_violation: { mmf: 'Other', jfj: 'Other', coe: coeChilling },
  info_refusal: {
    mmf: 'Access to information denied',
    jfj: 'Denial of access to information',
    coe: coeChilling,
  },
  court_transparency: {
    mmf: 'Access to information denied',
    jfj: 'Denial of access to courts',
    coe: coeChilling,
  },
  media_discrimination: { mmf: 'Other', jfj: 'Discrimination of media', coe: coeChilling },
  accreditation_denial: { mmf: 'Denial of accreditation', jfj: 'Denial of accreditation', coe: coeChilling },
  blocking: { mmf: 'Blocked access', jfj: 'Blocking of websites and accounts', coe: coeChilling },
  closure_suspension: { mmf: 'Censorship', jfj: 'Closure / suspension of media', coe: coeChilling },
  cyberattack: { mmf: 'Cyber attack', jfj: 'Cyber attack', coe: coeHarassment },
  persecution_for_dissemination: {
    mmf: 'Legal incident',
    jfj: 'Prosecution for dissemination',
    coe: coeChilling,
  },
};

/** Who acted, in the partners' words (MMF "source of threat", JfJ "aggressor"). */
export function actorGroup(kind: string): string {
  if (kind === 'police' || kind === 'national_security' || kind === 'prosecutor')
    return 'Police / security services';
  if (kind === 'court') return 'Court';
  if (['official', 'local_executive', 'ministry', 'election_commission', 'other_state_body'].includes(kind)) {
    return 'State / government';
  }
  if (kind === 'company' || kind === 'security_guard') return 'Company / private security';
  if (kind === 'private_person' || kind === 'citizen') return 'Private individual';
  if (kind === 'platform') return 'Online platform';
  if (kind === 'foreign_state') return 'Foreign state';
  if (kind === 'unknown') return 'Unknown';
  return 'Other';
}

/** The row of one incident, in the columns of a profile. */
export type ExchangeIncident = {
  id: string;
  url: string;
  date: string;
  country: string;
  region: string;
  locality: string;
  title: string;
  description: string;
  categories: string[];
  victims: string;
  victimKinds: string;
  outlets: string;
  aggressors: string;
  sources: string;
};

export const profileColumns: Record<
  Profile,
  ReadonlyArray<readonly [string, (row: ExchangeIncident) => string]>
> = {
  mmf: [
    ['Title', (row) => row.title],
    ['Date', (row) => row.date],
    ['Country', (row) => row.country],
    ['Region', (row) => row.region],
    ['City', (row) => row.locality],
    ['Type of incident', (row) => row.categories.join('; ')],
    ['Source of threat', (row) => row.aggressors],
    ['Victim', (row) => row.victims],
    ['Victim type', (row) => row.victimKinds],
    ['Media outlet', (row) => row.outlets],
    ['Description', (row) => row.description],
    ['Source URL', (row) => row.sources],
    ['Original ID', (row) => row.id],
    ['Original URL', (row) => row.url],
  ],
  jfj: [
    ['Date', (row) => row.date],
    ['Country', (row) => row.country],
    ['Region', (row) => row.region],
    ['Category', (row) => row.categories.join('; ')],
    ['Victim', (row) => row.victims],
    ['Victim type', (row) => row.victimKinds],
    ['Aggressor', (row) => row.aggressors],
    ['Description', (row) => (row.description ? `${row.title}. ${row.description}` : row.title)],
    ['Source', (row) => row.sources],
    ['ID', (row) => row.id],
    ['Link', (row) => row.url],
  ],
  coe: [
    ['Title', (row) => row.title],
    ['Date of the event', (row) => row.date],
    ['Country', (row) => row.country],
    ['Category', (row) => row.categories.join('; ')],
    ['Journalists', (row) => row.victims],
    ['Media', (row) => row.outlets],
    ['Description', (row) => row.description],
    ['Sources', (row) => row.sources],
    ['Reference', (row) => row.url],
  ],
};
