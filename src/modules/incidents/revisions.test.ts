import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userContext } from '../../../test/context.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { createActor, updateActor } from '../actors/index.ts';
import { createCase, updateCase } from '../cases/index.ts';
import {
  changeIncidentStatus,
  createIncident,
  listRecordRevisions,
  restoreRevision,
  updateIncident,
} from './index.ts';

let database: TestDatabase;
let monitor: ServiceContext;
let editor: ServiceContext;

beforeAll(async () => {
  database = await createTestDatabase();
  monitor = await userContext(database.db, 'monitor', { displayName: 'Monitor Mira' });
  editor = await userContext(database.db, 'editor', { displayName: 'Editor Erlan' });
});
afterAll(async () => {
  await database.close();
});

describe('revision history', () => {
  it('lists every change of an incident with who made it and a diff', async () => {
    const created = await createIncident(monitor, {
      date: '2024-05-13',
      categories: ['threat'],
      title: { en: 'First title' },
      victims: [{ name: 'Demo Victim', kind: 'journalist' }],
    });
    await updateIncident(monitor, {
      id: created.id,
      version: 1,
      title: { en: 'Second title' },
      locality: 'Taraz',
    });
    await changeIncidentStatus(monitor, created.id, 'submit');
    await changeIncidentStatus(editor, created.id, 'publish');
    const revisions = await listRecordRevisions(editor, 'incident', created.id);
    expect(revisions.map((r) => [r.action, r.user?.display_name, r.version])).toEqual([
      ['incident.transition', 'Editor Erlan', 4],
      ['incident.transition', 'Monitor Mira', 3],
      ['incident.update', 'Monitor Mira', 2],
      ['incident.create', 'Monitor Mira', 1],
    ]);
    const update = revisions[2];
    expect(update?.changed_fields).toEqual(['locality', 'title']);
    const removed = update?.diff
      .filter((part) => part.op === 'remove')
      .map((part) => part.text)
      .join('');
    const added = update?.diff
      .filter((part) => part.op === 'add')
      .map((part) => part.text)
      .join('');
    expect(removed).toContain('First title');
    expect(added).toContain('Second title');
    expect(added).toContain('Taraz');
    expect(revisions[3]?.changed_fields).toContain('title');
    expect(revisions[0]?.changed_fields).toEqual(['status']);
  });

  it('restores a revision as a new, audited change, keeping the status', async () => {
    const created = await createIncident(monitor, {
      date: '2024-05-14',
      categories: ['threat'],
      title: { en: 'Original' },
    });
    await updateIncident(monitor, {
      id: created.id,
      version: 1,
      title: { en: 'Vandalised' },
      categories: ['attack'],
    });
    await changeIncidentStatus(monitor, created.id, 'submit');
    const first = (await listRecordRevisions(editor, 'incident', created.id)).at(-1);
    const restored = await restoreRevision(editor, 'incident', created.id, first?.audit_id ?? 0);
    expect(restored).toMatchObject({
      title: { en: 'Original' },
      categories: ['threat'],
      status: 'in_review',
      version: 4,
    });
    const latest = (await listRecordRevisions(editor, 'incident', created.id))[0];
    expect(latest).toMatchObject({
      action: 'incident.restore',
      version: 4,
      changed_fields: ['categories', 'title'],
    });
  });

  it('restores cases and actors too, and refuses a revision of another record', async () => {
    const actor = await createActor(monitor, { name: 'Restore Person', kind: 'citizen' });
    await updateActor(monitor, { id: actor.id, version: 1, name: 'Renamed Person' });
    const actorFirst = (await listRecordRevisions(monitor, 'actor', actor.id)).at(-1);
    expect((await restoreRevision(monitor, 'actor', actor.id, actorFirst?.audit_id ?? 0)).name).toBe(
      'Restore Person',
    );

    const legalCase = await createCase(monitor, {
      kind: 'civil',
      claim_non_pecuniary: 1_000,
      events: [{ date: '2024-01-01', kind: 'filed' }],
    });
    await updateCase(monitor, {
      id: legalCase.id,
      version: 1,
      claim_non_pecuniary: 9_000,
      events: [...legalCase.events, { date: '2024-02-01', kind: 'hearing' }],
    });
    const caseFirst = (await listRecordRevisions(monitor, 'case', legalCase.id)).at(-1);
    const restoredCase = await restoreRevision(monitor, 'case', legalCase.id, caseFirst?.audit_id ?? 0);
    expect([restoredCase.claim_non_pecuniary, restoredCase.events.length, restoredCase.version]).toEqual([
      1_000, 1, 3,
    ]);

    await expect(
      restoreRevision(monitor, 'case', legalCase.id, actorFirst?.audit_id ?? 0),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(listRecordRevisions(monitor, 'incident', 'no-such-incident')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
