import { expect } from 'vitest';
import type { Db } from '../src/db/client.ts';
import type { ServiceContext } from '../src/lib/context.ts';
import { changeCaseStatus, createCase } from '../src/modules/cases/index.ts';
import { changeIncidentStatus, createIncident, linkRecords } from '../src/modules/incidents/index.ts';
import { insertUser } from './factories.ts';

/**
 * The privacy leak scan. `plantPrivateMarkers` records incidents and cases through the services
 * with a unique marker in every field that must never leave the editorial side; `expectNoLeaks`
 * then scans any list of public outputs (JSON, JSONL, CSV, HTML pages) for every marker. The
 * portal's pages, feeds and bulletins can be added to the list of outputs as they are built.
 *
 * Markers are plain letters and digits, so that HTML escaping, CSV quoting or JSON encoding cannot
 * hide them, and a control marker that is public must be found, so that an empty output never
 * passes the scan by accident.
 */
export type PublicOutput = { name: string; body: string };
export type Leak = { output: string; marker: string; field: string; context: string };

export const privateMarkers = {
  anonymousVictimName: 'zqxAnonVictimName',
  anonymousVictimVariant: 'zqxAnonVictimVariant',
  confidentialSourceUrl: 'zqxConfidentialSourceUrl',
  confidentialSourceOutlet: 'zqxConfidentialSourceOutlet',
  confidentialSourceTitle: 'zqxConfidentialSourceTitle',
  confidentialSourceCorrespondent: 'zqxConfidentialSourceCorrespondent',
  confidentialSourceNote: 'zqxConfidentialSourceNote',
  publicSourceCorrespondent: 'zqxPublicSourceCorrespondent',
  publicSourceNote: 'zqxPublicSourceNote',
  incidentCorrespondent: 'zqxIncidentCorrespondent',
  incidentEditorialNote: 'zqxIncidentEditorialNote',
  restrictedId: 'zqxRestrictedId',
  restrictedTitle: 'zqxRestrictedTitle',
  restrictedSummary: 'zqxRestrictedSummary',
  restrictedLocality: 'zqxRestrictedLocality',
  restrictedVictim: 'zqxRestrictedVictim',
  restrictedPerpetrator: 'zqxRestrictedPerpetrator',
  restrictedSourceUrl: 'zqxRestrictedSourceUrl',
  restrictedCorrespondent: 'zqxRestrictedCorrespondent',
  caseEditorialNote: 'zqxCaseEditorialNote',
  draftIncidentTitle: 'zqxDraftIncidentTitle',
  draftIncidentVictim: 'zqxDraftIncidentVictim',
  draftCaseTitle: 'zqxDraftCaseTitle',
} as const;

/** Public on purpose: the scan must find it, or the outputs were not really scanned. */
export const publicControlMarker = 'zqxPublicControlTitle';

export type PlantedRecords = {
  publicIncidentId: string;
  restrictedIncidentId: string;
  draftIncidentId: string;
  publicCaseId: string;
  draftCaseId: string;
};

/** Records with a marker in every private field, published where publishing is the point. */
export async function plantPrivateMarkers(db: Db): Promise<PlantedRecords> {
  const user = await insertUser(db, { role: 'editor', displayName: 'Leak scan editor' });
  const ctx: ServiceContext = { db, user, via: 'web', now: () => new Date() };
  const m = privateMarkers;
  const publish = async (id: string, kind: 'incident' | 'case') => {
    if (kind === 'incident') {
      await changeIncidentStatus(ctx, id, 'submit');
      await changeIncidentStatus(ctx, id, 'publish');
    } else {
      await changeCaseStatus(ctx, id, 'submit');
      await changeCaseStatus(ctx, id, 'publish');
    }
  };

  const publicCase = await createCase(ctx, {
    kind: 'civil',
    subjects: ['civil_honor_dignity'],
    title: { en: 'Leak scan case' },
    parties: [{ name: 'Leak Scan Plaintiff', kind: 'official', role: 'plaintiff' }],
    events: [{ date: '2024-05-02', kind: 'filed' }],
    editorial_note: m.caseEditorialNote,
  });
  await publish(publicCase.id, 'case');
  const draftCase = await createCase(ctx, {
    kind: 'criminal',
    title: { en: m.draftCaseTitle },
    events: [{ date: '2024-05-03', kind: 'investigation_opened' }],
  });

  const restricted = await createIncident(ctx, {
    id: m.restrictedId,
    date: '2024-05-07',
    region: 'almaty_city',
    locality: m.restrictedLocality,
    categories: ['attack'],
    visibility: 'restricted',
    title: { en: m.restrictedTitle, ru: m.restrictedTitle, kk: m.restrictedTitle },
    summary: { en: m.restrictedSummary, ru: m.restrictedSummary, kk: m.restrictedSummary },
    victims: [{ name: m.restrictedVictim, kind: 'journalist' }],
    perpetrators: [{ name: m.restrictedPerpetrator, kind: 'unknown' }],
    sources: [{ url: `https://leak.example/${m.restrictedSourceUrl}` }],
    correspondent: m.restrictedCorrespondent,
    cases: [publicCase.id],
  });
  await publish(restricted.id, 'incident');

  const open = await createIncident(ctx, {
    date: '2024-05-06',
    region: 'almaty_city',
    categories: ['obstruction'],
    title: { en: publicControlMarker },
    victims: [
      { name: m.anonymousVictimName, kind: 'journalist', anonymous: true },
      { name: 'Leak Scan Named Victim', kind: 'journalist' },
    ],
    perpetrators: [{ name: 'Leak Scan Police', kind: 'police' }],
    sources: [
      {
        url: `https://leak.example/${m.confidentialSourceUrl}`,
        outlet: m.confidentialSourceOutlet,
        title: m.confidentialSourceTitle,
        correspondent: m.confidentialSourceCorrespondent,
        note: m.confidentialSourceNote,
        confidential: true,
      },
      {
        url: 'https://public.example/article',
        outlet: 'Leak Scan Gazette',
        correspondent: m.publicSourceCorrespondent,
        note: m.publicSourceNote,
      },
    ],
    correspondent: m.incidentCorrespondent,
    editorial_note: m.incidentEditorialNote,
    cases: [publicCase.id, draftCase.id],
    links: [restricted.id],
  });
  await publish(open.id, 'incident');
  // The anonymous victim's other spellings are private too.
  const anonymousId = open.victims.find((victim) => victim.anonymous)?.actor_id ?? '';
  await db
    .insertInto('actor_names')
    .values({ actor_id: anonymousId, name: m.anonymousVictimVariant })
    .execute();

  const draft = await createIncident(ctx, {
    date: '2024-05-08',
    categories: ['threat'],
    title: { en: m.draftIncidentTitle },
    victims: [{ name: m.draftIncidentVictim, kind: 'journalist' }],
  });
  await linkRecords(ctx, { incident_id: draft.id, case_id: publicCase.id });

  return {
    publicIncidentId: open.id,
    restrictedIncidentId: restricted.id,
    draftIncidentId: draft.id,
    publicCaseId: publicCase.id,
    draftCaseId: draftCase.id,
  };
}

export function findLeaks(outputs: readonly PublicOutput[]): Leak[] {
  const leaks: Leak[] = [];
  for (const output of outputs) {
    const body = output.body.toLowerCase();
    for (const [field, marker] of Object.entries(privateMarkers)) {
      const at = body.indexOf(marker.toLowerCase());
      if (at >= 0) {
        leaks.push({
          output: output.name,
          marker,
          field,
          context: output.body.slice(Math.max(0, at - 80), at + 80),
        });
      }
    }
  }
  return leaks;
}

/** Fails with every leak found (output, private field, and the text around it). */
export function expectNoLeaks(outputs: readonly PublicOutput[]) {
  expect(outputs.length).toBeGreaterThan(0);
  expect(
    outputs.some((output) => output.body.includes(publicControlMarker)),
    'the public control marker appears in no output: the scan read nothing real',
  ).toBe(true);
  expect(findLeaks(outputs)).toEqual([]);
}
