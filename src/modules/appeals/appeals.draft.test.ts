import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DraftIncident, draftAppealText, draftFact, orderForDraft } from './appeals.draft.ts';

const astana = { en: 'Astana', ru: 'Астана', kk: 'Астана' };
// Facts from the joint appeal in seed 003, summarized in our own words.
const incidents: DraftIncident[] = [
  {
    id: 'a-feb-12',
    date: '2019-02-12',
    datePrecision: 'day',
    region: astana,
    locality: null,
    title: { en: 'Reporter taken to a police station' },
    summary: {
      en: 'A radio reporter was brought to a police station for a talk and let go after half an hour.',
    },
  },
  {
    id: 'a-mar-22',
    date: '2019-03-22',
    datePrecision: 'day',
    region: astana,
    locality: null,
    title: { en: 'TV crew obstructed' },
    summary: {
      ru: 'Группа молодых людей мешала съёмочной группе телеканала; полиция не вмешалась.',
      en: 'Young people obstructed a TV crew filming a street poll; the police did not step in.',
    },
  },
  {
    id: 'a-mar',
    date: '2019-03-01',
    datePrecision: 'month',
    region: { en: 'Almaty', ru: 'Алматы', kk: 'Алматы' },
    locality: null,
    title: { ru: 'Руководителя бюро вызвали в акимат' },
    summary: {},
  },
];

describe('drafting an appeal from incidents', () => {
  it('lists the facts newest first, numbered', () => {
    expect(orderForDraft(incidents).map((incident) => incident.id)).toEqual([
      'a-mar-22',
      'a-mar',
      'a-feb-12',
    ]);
    const text = draftAppealText(incidents, 'en');
    const facts = text.split('\n\n').filter((paragraph) => /^\d+\. /.test(paragraph));
    expect(facts).toEqual([
      '1. 22 March 2019, Astana. Young people obstructed a TV crew filming a street poll; the police did not step in.',
      '2. March 2019, Almaty. [Russian: translate] Руководителя бюро вызвали в акимат',
      '3. 12 February 2019, Astana. A radio reporter was brought to a police station for a talk and let go after half an hour.',
    ]);
    expect(text.startsWith('We are writing to you')).toBe(true);
    expect(text.endsWith('inform the public of the results.')).toBe(true);
  });

  it('writes dates, places and the summary in the language of the draft', () => {
    expect(draftFact(incidents[1] as DraftIncident, 1, 'ru')).toBe(
      '1. 22 марта 2019 г., Астана. Группа молодых людей мешала съёмочной группе телеканала; полиция не вмешалась.',
    );
    expect(draftFact(incidents[0] as DraftIncident, 4, 'kk')).toMatch(
      /^4\. 2019 жылғы 12 ақпан, Астана\. \[ағылшын тілі: аудару керек\] A radio reporter/,
    );
  });

  it('gives as many facts as the seed appeal 003 numbers when built from its eight incidents', () => {
    const seedFolder = path.resolve('../shared/seeds');
    const seed = fs.readdirSync(seedFolder).find((file) => file.startsWith('003_'));
    const text = fs.readFileSync(path.join(seedFolder, seed ?? ''), 'utf8');
    const numbered = text.split('\n').filter((line) => /^\d+\. On |^\d+\. /.test(line.trim()));
    const eight = Array.from({ length: numbered.length }, (_, index) => ({
      ...(incidents[0] as DraftIncident),
      id: `seed-${index}`,
    }));
    const drafted = draftAppealText(eight, 'en')
      .split('\n\n')
      .filter((paragraph) => /^\d+\. /.test(paragraph));
    expect(numbered).toHaveLength(8);
    expect(drafted.map((fact) => Number(fact.split('.')[0]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
