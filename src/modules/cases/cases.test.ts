import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userContext } from '../../../test/context.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { changeCaseStatus, createCase, getCase, listCases, updateCase } from './index.ts';

let database: TestDatabase;
let lawyer: ServiceContext;
let editor: ServiceContext;
let monitor: ServiceContext;

beforeAll(async () => {
  database = await createTestDatabase();
  lawyer = await userContext(database.db, 'lawyer', { displayName: 'Lawyer One' });
  editor = await userContext(database.db, 'editor');
  monitor = await userContext(database.db, 'monitor');
});
afterAll(async () => {
  await database.close();
});

describe('legal cases', () => {
  it('keeps parties, a sorted timeline, and requalification over time', async () => {
    const created = await createCase(lawyer, {
      kind: 'criminal',
      subjects: ['criminal_false_denunciation'],
      legal_articles: ['CC-274'],
      parties: [
        { name: 'Demo Blogger', kind: 'blogger', role: 'suspect' },
        { name: 'Demo Lawyer', kind: 'lawyer', role: 'representative' },
      ],
      events: [
        { date: '2024-05-21', kind: 'measure', note: { en: 'Detention extended' } },
        { date: '2024-04-01', kind: 'requalified', articles: ['CC-419'] },
        { date: '2024-04-01', kind: 'measure', bail: 2_000_000 },
        { date: '2024-04-19', kind: 'requalified', articles: ['CC-274'] },
        { date: '2024-05-01', kind: 'requalified', articles: ['CC-419'] },
      ],
      title: { ru: 'Дело демо-блогера' },
    });
    expect(created.status).toBe('draft');
    expect(created.events.map((e) => [e.date, e.kind])).toEqual([
      ['2024-04-01', 'requalified'],
      ['2024-04-01', 'measure'],
      ['2024-04-19', 'requalified'],
      ['2024-05-01', 'requalified'],
      ['2024-05-21', 'measure'],
    ]);
    expect(created.qualification).toEqual([
      { date: '2024-04-01', articles: ['CC-274'] },
      { date: '2024-04-01', articles: ['CC-419'] },
      { date: '2024-04-19', articles: ['CC-274'] },
      { date: '2024-05-01', articles: ['CC-419'] },
    ]);
    expect(created.current_articles).toEqual(['CC-419']);
    expect(created.money.bail).toBe(2_000_000);
    expect(created.parties.map((p) => [p.name, p.role])).toEqual([
      ['Demo Blogger', 'suspect'],
      ['Demo Lawyer', 'representative'],
    ]);
  });

  it('converts fines in MCI with the value of the event’s date, and sums the money', async () => {
    const created = await createCase(lawyer, {
      kind: 'civil',
      subjects: ['civil_honor_dignity'],
      claim_non_pecuniary: 10_000_000,
      claim_other: 100_000,
      events: [
        { date: '2019-03-12', kind: 'decision', instance: 'first', fine_mci: 20, awarded: 300_000 },
        { date: '2022-03-15', kind: 'decision', instance: 'appeal', fine_mci: 10, awarded: 100_000 },
        { date: '2022-04-02', kind: 'enforcement', fine_mci: 10, collected: 150_000 },
        { date: '2024-05-13', kind: 'decision', instance: 'cassation', fine_tenge: 73_840 },
      ],
    });
    expect(created.money).toEqual({
      claim_non_pecuniary: 10_000_000,
      claim_other: 100_000,
      awarded: 400_000,
      collected: 150_000,
      fines_tenge: 50_500 + 30_630 + 31_800 + 73_840,
      fines: [
        { date: '2019-03-12', mci: 20, mci_value: 2525, tenge: 50_500 },
        { date: '2022-03-15', mci: 10, mci_value: 3063, tenge: 30_630 },
        { date: '2022-04-02', mci: 10, mci_value: 3180, tenge: 31_800 },
        { date: '2024-05-13', mci: null, mci_value: null, tenge: 73_840 },
      ],
      bail: null,
    });
  });

  it('refuses bad input with the field at fault', async () => {
    const events = [{ date: '2024-01-01', kind: 'filed' as const }];
    await expect(
      createCase(lawyer, { kind: 'civil', subjects: ['criminal_incitement'], events }),
    ).rejects.toMatchObject({
      field: 'subjects.0',
      message: expect.stringContaining('criminal cases, not civil'),
    });
    await expect(
      createCase(lawyer, { kind: 'criminal', events: [{ date: '2024-01-01', kind: 'requalified' }] }),
    ).rejects.toMatchObject({ field: 'events.0.articles' });
    await expect(
      createCase(lawyer, {
        kind: 'criminal',
        events: [...events, { date: '2024-02-01', kind: 'requalified', articles: ['CC-999'] }],
      }),
    ).rejects.toMatchObject({ field: 'events.1.articles.0' });
    await expect(
      createCase(lawyer, { kind: 'civil', claim_non_pecuniary: -5, events }),
    ).rejects.toMatchObject({
      field: 'claim_non_pecuniary',
    });
    await expect(createCase(lawyer, { kind: 'civil', claim_other: 10.5, events })).rejects.toMatchObject({
      field: 'claim_other',
    });
    await expect(createCase(lawyer, { kind: 'civil', events: [] })).rejects.toMatchObject({
      field: 'events',
    });
    await expect(
      createCase(lawyer, {
        kind: 'civil',
        events: [{ date: '2024-01-01', kind: 'filed', note: { de: 'x' } } as never],
      }),
    ).rejects.toMatchObject({ field: 'events.0.note.de' });
  });

  it('lets lawyers keep a published case’s timeline, refuses stale edits, and keeps archived cases for editors', async () => {
    const created = await createCase(lawyer, {
      kind: 'administrative',
      events: [{ date: '2023-04-03', kind: 'filed' }],
    });
    await changeCaseStatus(lawyer, created.id, 'submit');
    const published = await changeCaseStatus(editor, created.id, 'publish');
    expect(published.status).toBe('published');
    const updated = await updateCase(lawyer, {
      id: created.id,
      version: published.version,
      events: [
        ...published.events,
        { date: '2023-04-12', kind: 'decision', instance: 'first', fine_mci: 10 },
      ],
    });
    expect(updated.events).toHaveLength(2);
    expect(updated.status).toBe('published');
    await expect(
      updateCase(monitor, { id: created.id, version: published.version, court: 'x' }),
    ).rejects.toThrow(/changed by Lawyer One/);
    await changeCaseStatus(editor, created.id, 'archive');
    const archived = await getCase(lawyer, created.id);
    await expect(
      updateCase(lawyer, { id: created.id, version: archived.version, court: 'x' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('lists by kind, subject, party and the dates of the timeline', async () => {
    const byKind = await listCases(lawyer, { kind: 'criminal' });
    expect(byKind.items.every((c) => c.kind === 'criminal')).toBe(true);
    const bySubject = await listCases(lawyer, { subject: 'civil_honor_dignity' });
    expect(bySubject.total).toBe(1);
    const inMay2024 = await listCases(lawyer, { from: '2024-05-01', to: '2024-05-31' });
    expect(inMay2024.total).toBe(2);
    const party = (await listCases(lawyer, { kind: 'criminal' })).items[0]?.parties[0]?.actor_id ?? '';
    expect((await listCases(lawyer, { actor: party })).total).toBe(1);
  });
});
