import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userContext } from '../../../test/context.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { createCase } from '../cases/index.ts';
import {
  changeIncidentStatus,
  createIncident,
  getIncident,
  linkRecords,
  listIncidents,
  unlinkRecords,
  updateIncident,
} from './index.ts';

let database: TestDatabase;
let monitor: ServiceContext;
let editor: ServiceContext;
let otherEditor: ServiceContext;
let lawyer: ServiceContext;

beforeAll(async () => {
  database = await createTestDatabase();
  monitor = await userContext(database.db, 'monitor', { displayName: 'Aigul Monitor' });
  editor = await userContext(database.db, 'editor', { displayName: 'Bolat Editor' });
  otherEditor = await userContext(database.db, 'editor', { displayName: 'Dana Second' });
  lawyer = await userContext(database.db, 'lawyer');
});
afterAll(async () => {
  await database.close();
});

const auditCount = async (id: string) =>
  Number(
    (
      await database.db
        .selectFrom('audit_log')
        .where('entity_id', '=', id)
        .where('entity_type', '=', 'incident')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('incidents', () => {
  it('creates a draft with actors matched or created by name, sources, and a default counting month', async () => {
    const created = await createIncident(monitor, {
      date: '2024-05-13',
      region: 'almaty_city',
      locality: 'Almaty',
      categories: ['obstruction', 'detention'],
      victims: [{ name: 'Demo Journalist Aruzhan', kind: 'journalist', anonymous: true }],
      perpetrators: [{ name: 'Demo District Police', kind: 'police' }],
      legal_articles: ['CAO-667'],
      sources: [
        { url: 'https://example.org/a', outlet: 'Example', confidential: true, correspondent: 'R. Demo' },
      ],
      title: { en: 'A journalist was detained', ru: 'Журналистку задержали' },
      correspondent: 'Correspondent Demo',
    });
    expect(created.status).toBe('draft');
    expect(created.version).toBe(1);
    expect(created.counted_in).toBe('2024-05');
    expect(created.categories).toEqual(['detention', 'obstruction']);
    expect(created.victims).toEqual([
      { actor_id: expect.any(String), name: 'Demo Journalist Aruzhan', kind: 'journalist', anonymous: true },
    ]);
    expect(created.sources[0]).toMatchObject({ confidential: true, correspondent: 'R. Demo' });
    expect(created.created_by).toBe(monitor.user?.id);
    expect(await auditCount(created.id)).toBe(1);

    const again = await createIncident(monitor, {
      date: '2024-06',
      categories: ['threat'],
      victims: [{ name: 'Demo Journalist Aruzhan', kind: 'journalist' }],
      title: { kk: 'Қорқыту' },
    });
    expect(again.victims[0]?.actor_id).toBe(created.victims[0]?.actor_id);
    expect(again.date).toBe('2024-06');
    expect(again.counted_in).toBe('2024-06');
  });

  it('refuses bad input with the field at fault', async () => {
    await expect(
      createIncident(monitor, { date: '2024-02-30', categories: ['threat'], title: { en: 'x' } }),
    ).rejects.toMatchObject({ code: 'validation_failed', field: 'date' });
    await expect(
      createIncident(monitor, { date: '2024-02-03', categories: [], title: { en: 'x' } }),
    ).rejects.toMatchObject({
      field: 'categories',
    });
    await expect(
      createIncident(monitor, { date: '2024-02-03', categories: ['no_such_code'], title: { en: 'x' } }),
    ).rejects.toMatchObject({ field: 'categories.0', message: expect.stringContaining('unknown category') });
    await expect(
      createIncident(monitor, { date: '2024-02-03', categories: ['civil'], title: { en: 'x' } }),
    ).rejects.toMatchObject({ field: 'categories.0', message: expect.stringContaining('belongs to a case') });
    await expect(
      createIncident(monitor, {
        date: '2019-03-11',
        region: 'abai',
        categories: ['threat'],
        title: { en: 'x' },
      }),
    ).rejects.toMatchObject({ field: 'region', message: expect.stringContaining('did not exist yet') });
    await expect(
      createIncident(monitor, { date: '2024-02-03', categories: ['threat'], title: {} }),
    ).rejects.toMatchObject({ field: 'title' });
    await expect(
      createIncident(monitor, {
        date: '2024-02-03',
        categories: ['threat'],
        title: { en: 'x' },
        colour: 'red',
      } as never),
    ).rejects.toMatchObject({ field: 'colour', message: expect.stringContaining('unknown field') });
    await expect(
      createIncident(monitor, {
        date: '2024-02-03',
        categories: ['threat'],
        title: { en: 'x' },
        sources: [{ url: 'javascript:alert(1)' }],
      }),
    ).rejects.toMatchObject({ field: 'sources.0.url' });
  });

  it('keeps a lawyer from recording incidents', async () => {
    await expect(
      createIncident(lawyer, { date: '2024-02-03', categories: ['threat'], title: { en: 'x' } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses the second of two concurrent edits, naming who changed the record and when', async () => {
    const created = await createIncident(monitor, {
      date: '2024-03-01',
      categories: ['threat'],
      title: { en: 'Start' },
    });
    const first = await updateIncident(editor, {
      id: created.id,
      version: created.version,
      title: { en: 'First edit' },
    });
    expect(first.version).toBe(2);
    const refused = updateIncident(otherEditor, {
      id: created.id,
      version: created.version,
      title: { en: 'Second edit' },
    });
    await expect(refused).rejects.toMatchObject({ code: 'stale_version', field: 'version' });
    await expect(refused).rejects.toThrow(/changed by Bolat Editor .* on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect((await getIncident(editor, created.id)).title).toEqual({ en: 'First edit' });
    expect(await auditCount(created.id)).toBe(2);
  });

  it('keeps the counting month when an editor set it apart, and follows the date otherwise', async () => {
    const created = await createIncident(monitor, {
      date: '2024-03-30',
      categories: ['threat'],
      title: { en: 'x' },
    });
    const moved = await updateIncident(monitor, { id: created.id, version: 1, date: '2024-04-02' });
    expect(moved.counted_in).toBe('2024-04');
    const late = await updateIncident(monitor, { id: created.id, version: 2, counted_in: '2024-05' });
    const redated = await updateIncident(monitor, {
      id: created.id,
      version: late.version,
      date: '2024-04-03',
    });
    expect(redated.counted_in).toBe('2024-05');
    await expect(
      updateIncident(monitor, { id: created.id, version: 4, counted_in: '2024-03' }),
    ).rejects.toMatchObject({
      field: 'counted_in',
    });
  });

  it('moves through the workflow, audited, and only editors publish', async () => {
    const created = await createIncident(monitor, {
      date: '2024-03-02',
      categories: ['threat'],
      title: { en: 'x' },
    });
    const submitted = await changeIncidentStatus(monitor, created.id, 'submit');
    expect(submitted.status).toBe('in_review');
    // The workflow refuses; whether it calls that forbidden or an invalid step is the workflow's business.
    const refused = await changeIncidentStatus(monitor, created.id, 'publish').catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: expect.stringMatching(/^(forbidden|invalid_transition)$/) });
    const published = await changeIncidentStatus(editor, created.id, 'publish');
    expect(published.status).toBe('published');
    expect(published.published_at).not.toBeNull();
    await expect(
      updateIncident(monitor, { id: created.id, version: published.version, title: { en: 'y' } }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    const actions = await database.db
      .selectFrom('audit_log')
      .where('entity_id', '=', created.id)
      .orderBy('id')
      .select(['action', 'before', 'after'])
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'incident.create',
      'incident.transition',
      'incident.transition',
    ]);
    expect(actions[2]?.before).toMatchObject({ status: 'in_review' });
    expect(actions[2]?.after).toMatchObject({ status: 'published' });
  });

  it('links incidents to cases and to each other', async () => {
    const legalCase = await createCase(lawyer, {
      kind: 'civil',
      subjects: ['civil_honor_dignity'],
      events: [{ date: '2024-03-01', kind: 'filed' }],
      title: { en: 'Demo lawsuit' },
    });
    const a = await createIncident(monitor, {
      date: '2024-03-03',
      categories: ['threat'],
      title: { en: 'a' },
    });
    const b = await createIncident(monitor, {
      date: '2024-03-04',
      categories: ['threat'],
      title: { en: 'b' },
    });
    const linked = await linkRecords(lawyer, { incident_id: a.id, case_id: legalCase.id });
    expect(linked.cases).toEqual([legalCase.id]);
    expect(linked.related.cases[0]).toMatchObject({ id: legalCase.id, kind: 'civil' });
    await linkRecords(monitor, { incident_id: a.id, linked_incident_id: b.id });
    const fromB = await getIncident(monitor, b.id);
    expect(fromB.related.linked_from.map((l) => l.id)).toEqual([a.id]);
    await expect(linkRecords(monitor, { incident_id: a.id, linked_incident_id: a.id })).rejects.toMatchObject(
      {
        field: 'linked_incident_id',
      },
    );
    const versionBefore = (await getIncident(monitor, a.id)).version;
    await linkRecords(monitor, { incident_id: a.id, case_id: legalCase.id });
    expect((await getIncident(monitor, a.id)).version).toBe(versionBefore);
    const unlinked = await unlinkRecords(monitor, { incident_id: a.id, case_id: legalCase.id });
    expect(unlinked.cases).toEqual([]);
    const list = await listIncidents(monitor, { case: legalCase.id });
    expect(list.total).toBe(0);
  });

  it('lists with filters', async () => {
    const list = await listIncidents(monitor, {
      status: 'draft',
      from: '2024-03-01',
      to: '2024-03-31',
      page_size: 5,
    });
    expect(list.items.every((item) => item.status === 'draft' && item.date.startsWith('2024-03'))).toBe(true);
    const mine = await listIncidents(editor, { mine: 'true' } as never);
    expect(mine.total).toBe(0);
    const byCategory = await listIncidents(monitor, { category: 'detention' });
    expect(byCategory.items.map((i) => i.title.en)).toContain('A journalist was detained');
  });

  it('writes the audit entry in the same transaction as the change', async () => {
    const created = await createIncident(monitor, {
      date: '2024-03-05',
      categories: ['threat'],
      title: { en: 'Before' },
    });
    // A database failure in the middle of the change (while writing its sources) leaves no entry.
    await sql`create function fail_source() returns trigger language plpgsql as $$
      begin if new.url = 'https://fail.example/' then raise exception 'simulated failure'; end if; return new; end $$`.execute(
      database.db,
    );
    await sql`create trigger fail_source before insert on incident_sources for each row execute function fail_source()`.execute(
      database.db,
    );
    await expect(
      updateIncident(monitor, {
        id: created.id,
        version: 1,
        title: { en: 'After' },
        sources: [{ url: 'https://fail.example/' }],
      }),
    ).rejects.toThrow();
    expect(await auditCount(created.id)).toBe(1);
    expect((await getIncident(monitor, created.id)).title).toEqual({ en: 'Before' });
    // And a failing audit entry undoes the change.
    await sql`create function fail_audit() returns trigger language plpgsql as $$
      begin if new.action = 'incident.update' then raise exception 'simulated audit failure'; end if; return new; end $$`.execute(
      database.db,
    );
    await sql`create trigger fail_audit before insert on audit_log for each row execute function fail_audit()`.execute(
      database.db,
    );
    await expect(
      updateIncident(monitor, { id: created.id, version: 1, title: { en: 'After' } }),
    ).rejects.toThrow();
    const after = await getIncident(monitor, created.id);
    expect(after.title).toEqual({ en: 'Before' });
    expect(after.version).toBe(1);
    await sql`drop trigger fail_audit on audit_log`.execute(database.db);
    await sql`drop trigger fail_source on incident_sources`.execute(database.db);
  });
});
