import type { Db } from '../src/db/client.ts';
import { insertActor, insertCase, insertIncident, insertUser } from './factories.ts';

/**
 * A small registry with everything the public side must show and everything it must never show.
 * Every secret is a unique marker, so a test can assert that no page, feed, download or API answer
 * contains any of them.
 */
export const secrets = [
  'ANON-VICTIM-NAME',
  'CONFIDENTIAL-OUTLET',
  'secret.example',
  'CORRESPONDENT-NAME',
  'SOURCE-CORRESPONDENT',
  'SOURCE-NOTE',
  'EDITORIAL-NOTE',
  'PROVENANCE-FILE',
  'RESTRICTED-TITLE',
  'RESTRICTED-SUMMARY',
  'RESTRICTED-ONLY-ACTOR',
  'RESTRICTED-LOCALITY',
  'DRAFT-TITLE',
  'DRAFT-CASE',
  'CASE-EDITORIAL-NOTE',
  'editor-secret@example.test',
  // Import files and the demo put surnames in ids: a restricted incident's own id is a secret too.
  'RESTRICTED-ID',
] as const;

export const restrictedIncidentId = 'inc-restricted-RESTRICTED-ID';

/** The id under which the public side shows the restricted incident ('restricted-' and its reference). */
export async function restrictedPublicId(db: Db): Promise<string> {
  const row = await db
    .selectFrom('incidents')
    .select('public_ref')
    .where('id', '=', restrictedIncidentId)
    .executeTakeFirstOrThrow();
  return `restricted-${row.public_ref}`;
}

export async function insertPublicRecords(db: Db) {
  await insertUser(db, { role: 'editor', email: 'editor-secret@example.test' });
  const journalist = await insertActor(db, {
    id: 'actor-kaidarova',
    name: 'Zhanna Kaidarova',
    variants: ['Жанна Кайдарова', 'Zhanna Kaydarova'],
  });
  const outlet = await insertActor(db, { id: 'actor-outlet', name: 'Demo Weekly', kind: 'media_outlet' });
  const police = await insertActor(db, { id: 'actor-police', name: 'Demo city police', kind: 'police' });
  const anonymous = await insertActor(db, { id: 'actor-anonymous', name: 'ANON-VICTIM-NAME' });
  const restrictedOnly = await insertActor(db, { id: 'actor-restricted', name: 'RESTRICTED-ONLY-ACTOR' });
  const merged = await insertActor(db, { id: 'actor-merged', name: 'Zhanna Kaidarova (duplicate)' });
  await db.updateTable('actors').set({ merged_into: journalist }).where('id', '=', merged).execute();

  const civilCase = await insertCase(db, {
    id: 'case-honor',
    kind: 'civil',
    subjects: ['civil_honor_dignity'],
    claimNonPecuniary: 10_000_000,
    title: { en: 'Honor and dignity claim against Demo Weekly', ru: 'Иск о защите чести к Demo Weekly' },
    parties: [
      { actorId: outlet, role: 'defendant' },
      { actorId: journalist, role: 'defendant' },
    ],
    events: [
      { date: '2024-02-05', kind: 'filed' },
      { date: '2024-04-10', kind: 'decision', instance: 'first', outcome: 'against_media', awarded: 500_000 },
      { date: '2024-06-20', kind: 'decision', instance: 'appeal', outcome: 'for_media', awarded: 0 },
    ],
  });
  await db
    .updateTable('cases')
    .set({ editorial_note: 'CASE-EDITORIAL-NOTE' })
    .where('id', '=', civilCase)
    .execute();
  await insertCase(db, { id: 'case-draft', status: 'draft', title: { en: 'DRAFT-CASE' } });

  const main = await insertIncident(db, {
    id: 'inc-main',
    date: '2024-05-13',
    region: 'almaty_city',
    categories: ['detention', 'obstruction'],
    title: {
      en: 'Journalist detained outside the court',
      ru: 'Журналистку задержали у здания суда',
      kk: 'Тілшіні сот ғимаратының жанында ұстады',
    },
    summary: { en: 'Police detained the journalist while she was filming.' },
    victims: [{ actorId: journalist }, { actorId: anonymous, anonymous: true }],
    perpetrators: [police],
    articles: ['CAO-667'],
    sources: [
      { url: 'https://news.example/report', outlet: 'Demo Weekly', correspondent: 'SOURCE-CORRESPONDENT' },
      { url: 'https://secret.example/leak', outlet: 'CONFIDENTIAL-OUTLET', confidential: true },
    ],
    cases: [civilCase],
    correspondent: 'CORRESPONDENT-NAME',
  });
  await db
    .updateTable('incidents')
    .set({ editorial_note: 'EDITORIAL-NOTE', provenance: JSON.stringify({ file: 'PROVENANCE-FILE' }) })
    .where('id', '=', main)
    .execute();
  await db
    .updateTable('incident_sources')
    .set({ note: 'SOURCE-NOTE' })
    .where('incident_id', '=', main)
    .execute();

  const attack = await insertIncident(db, {
    id: 'inc-attack',
    date: '2024-04-02',
    region: 'astana',
    categories: ['attack'],
    title: { en: 'Camera operator attacked', ru: 'Нападение на оператора' },
    victims: [{ actorId: outlet }],
  });
  const restricted = await insertIncident(db, {
    id: restrictedIncidentId,
    date: '2024-05-20',
    region: 'abai',
    visibility: 'restricted',
    categories: ['threat'],
    title: { en: 'RESTRICTED-TITLE' },
    summary: { en: 'RESTRICTED-SUMMARY' },
    victims: [{ actorId: restrictedOnly }],
    sources: [{ url: 'https://secret.example/restricted', outlet: 'CONFIDENTIAL-OUTLET' }],
    cases: [civilCase],
  });
  await db
    .updateTable('incidents')
    .set({ locality: 'RESTRICTED-LOCALITY' })
    .where('id', '=', restricted)
    .execute();
  await db
    .insertInto('incident_links')
    .values({ incident_id: main, linked_incident_id: restricted })
    .execute();
  await db.insertInto('incident_links').values({ incident_id: main, linked_incident_id: attack }).execute();
  const draft = await insertIncident(db, {
    id: 'inc-draft',
    date: '2024-05-21',
    status: 'draft',
    title: { en: 'DRAFT-TITLE' },
    victims: [{ actorId: journalist }],
  });
  const historic = await insertIncident(db, {
    id: 'inc-historic',
    date: '2017-03-01',
    region: 'south_kazakhstan',
    categories: ['blocking'],
    title: { ru: 'Заблокирован сайт газеты', en: 'Newspaper site blocked' },
  });
  return {
    restrictedPublicId: await restrictedPublicId(db),
    journalist,
    outlet,
    police,
    anonymous,
    restrictedOnly,
    merged,
    civilCase,
    main,
    attack,
    restricted,
    draft,
    historic,
  };
}
