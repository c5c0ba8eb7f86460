import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { compactRows, fieldId, issuesToErrors, numberOf, refusalOf, rowTotal } from './editorial.form.ts';
import { incidentFieldName, incidentInputOf } from './incident-form.ts';
import { pageHref } from './pages/list-parts.tsx';

const messages = {
  required: 'required',
  tooLong: (max: number) => `at most ${max}`,
  tooSmall: (min: number) => `at least ${min}`,
  tooBig: (max: number) => `at most ${max}`,
  chooseOne: 'choose one',
  chooseAtLeastOne: 'choose at least one',
  badFormat: 'bad format',
  notANumber: 'not a number',
  refinement: (field: string) => (field === 'date' ? 'a day or a month' : undefined),
};

describe('editorial forms', () => {
  it('drops blank spare rows and numbers the rest from 0', () => {
    const values = {
      'victims.0.name': '',
      'victims.0.kind': 'journalist',
      'victims.3.name': 'Second',
      'victims.3.anonymous': 'on',
      'victims.7.name': 'Third',
      title: 'kept',
    };
    const compacted = compactRows(values, 'victims', ['name']);
    expect(compacted).toEqual({
      title: 'kept',
      'victims.0.name': 'Second',
      'victims.0.anonymous': 'on',
      'victims.1.name': 'Third',
    });
    expect(rowTotal(compacted, 'victims', ['name'])).toBe(2);
  });

  it('names each problem in the words of the form, blank apart from wrong', () => {
    const schema = z.strictObject({
      date: z.string().refine((value) => /^\d{4}-\d{2}/.test(value), 'schema words'),
      amount: z.number().nullable(),
      kind: z.enum(['a', 'b']),
      categories: z.array(z.string()).min(1),
    });
    const input = { date: 'May', amount: 'ten', kind: '', categories: [] };
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(Object.fromEntries(issuesToErrors(parsed.error, input, messages))).toEqual({
      date: 'a day or a month',
      amount: 'not a number',
      kind: 'required',
      categories: 'choose at least one',
    });
  });

  it('places a service refusal next to its field, and a stale version above the form', () => {
    const invalid = refusalOf(
      new AppError('validation_failed', 'categories.1: "civil" is a legal code', { field: 'categories.1' }),
      'en',
      incidentFieldName,
    );
    expect(Object.fromEntries(invalid.errors)).toEqual({ categories: '"civil" is a legal code' });
    expect(invalid.status).toBe(422);
    const stale = refusalOf(new AppError('stale_version', 'changed by someone', { field: 'version' }), 'en');
    expect(Object.fromEntries(stale.errors)).toEqual({ '': 'changed by someone' });
    expect(stale).toMatchObject({ status: 409, stale: true });
    expect(() => refusalOf(new Error('database down'), 'en')).toThrow('database down');
    expect(() => refusalOf(new AppError('forbidden', 'no'), 'en')).toThrow('no');
  });

  it("words a refusal from the error catalog in the reader's language, never by parsing its English", () => {
    const refusal = AppError.of(
      'validation_failed',
      { key: 'legalCodeOnIncident', params: { code: 'civil' } },
      { field: 'categories.1' },
    );
    expect(refusal.message).toBe(
      'categories.1: "civil" is a legal code: it belongs to a case, linked to this incident',
    );
    expect(Object.fromEntries(refusalOf(refusal, 'ru', incidentFieldName).errors)).toEqual({
      categories: '«civil» — правовая категория: она относится к делу, связанному с этим случаем',
    });
    expect(Object.fromEntries(refusalOf(refusal, 'kk', incidentFieldName).errors)).toEqual({
      categories: '«civil» — құқықтық санат: ол осы оқиғаға байланысты іске жатады',
    });
  });

  it('keeps an actor row on its id while the name is unchanged, and matches a changed name', () => {
    const input = incidentInputOf({
      date: '2024-05',
      'victims.0.name': 'Kept Name',
      'victims.0.actor_id': 'actor-1',
      'victims.0.actor_name': 'Kept Name',
      'victims.1.name': 'Renamed',
      'victims.1.actor_id': 'actor-2',
      'victims.1.actor_name': 'Old Name',
      'victims.1.kind': 'blogger',
      'victims.1.anonymous': 'on',
    });
    expect(input.victims).toEqual([
      { actor_id: 'actor-1', anonymous: false },
      { name: 'Renamed', kind: 'blogger', anonymous: true },
    ]);
    expect(input.counted_in).toBeNull();
  });

  it('reads amounts typed with spaces and keeps a wrong one for the schema to refuse', () => {
    expect(numberOf({ a: '10 000 000' }, 'a')).toBe(10_000_000);
    expect(numberOf({ a: '' }, 'a')).toBeUndefined();
    expect(numberOf({ a: 'ten' }, 'a')).toBe('ten');
    expect(fieldId('victims.0.name')).toBe('f-victims-0-name');
  });

  it('links to another page of a list with every filter kept', () => {
    expect(
      pageHref('/en/editorial/incidents', { status: 'draft', q: 'a b', page: '2', done: 'saved' }, 3),
    ).toBe('/en/editorial/incidents?status=draft&q=a+b&page=3');
    expect(pageHref('/en/editorial/incidents', { status: 'draft' }, 1)).toBe(
      '/en/editorial/incidents?status=draft',
    );
  });
});
