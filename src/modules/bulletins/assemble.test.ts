import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { testTaxonomy } from '../stats/counting.arbitraries.ts';
import { computeStats } from '../stats/index.ts';
import { assembleBulletin, type BulletinInput, lineText } from './assemble.ts';
import { renderHtmlFile } from './bulletin.view.tsx';
import { renderDocx } from './render-docx.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderPdf } from './render-pdf.ts';

const incidents = [
  ...Array.from({ length: 9 }, (_, index) => ({
    id: `rights-${index}`,
    status: 'published' as const,
    countedIn: '2024-05',
    categories: index < 2 ? ['attack', 'threat'] : ['obstruction'],
  })),
  ...Array.from({ length: 7 }, (_, index) => ({
    id: `last-year-${index}`,
    status: 'published' as const,
    countedIn: '2023-03',
    categories: ['obstruction'],
  })),
  { id: 'refusal', status: 'published' as const, countedIn: '2024-05', categories: ['info_refusal'] },
];
const cases = [
  {
    id: 'civil-1',
    status: 'published' as const,
    kind: 'civil' as const,
    subjects: ['civil_honor_dignity'],
    claimNonPecuniary: 78_100_000,
    events: [
      { date: '2024-05-06', kind: 'filed', instance: null, outcome: null, awarded: null },
      {
        date: '2024-05-20',
        kind: 'decision',
        instance: 'first' as const,
        outcome: 'partial' as const,
        awarded: 935_993,
      },
    ],
  },
];

const input: BulletinInput = {
  month: '2024-05',
  state: 'published',
  publishedAt: '2024-07-16T09:00:00.000Z',
  organization: loadConfig({}).organization,
  figures: computeStats(testTaxonomy, incidents, cases, '2024-05'),
  labels: {
    categories: {
      attack: { en: 'Attack', ru: 'Нападение', kk: 'Шабуыл' },
      threat: { en: 'Threat', ru: 'Угроза', kk: 'Қорқыту' },
      obstruction: { en: 'Obstruction', ru: 'Воспрепятствование', kk: 'Кедергі келтіру' },
      info_refusal: {
        en: 'Refusal of information',
        ru: 'Отказ в информации',
        kk: 'Ақпарат беруден бас тарту',
      },
      civil_honor_dignity: { en: 'Honour and dignity', ru: 'Честь и достоинство', kk: 'Ар-намыс' },
    },
    categoryGroups: Object.fromEntries(testTaxonomy.map((category) => [category.code, category.group])),
    subjectKinds: { civil_honor_dignity: 'civil', criminal_false_information: 'criminal' },
    regions: { aktobe: { en: 'Aktobe region', ru: 'Актюбинская область', kk: 'Ақтөбе облысы' } },
  },
  introduction: { ru: 'Вступление редактора.\n\nВторой абзац.' },
  sectionNotes: { rights: { en: 'A note of the editor.' } },
  items: [
    {
      itemId: 1,
      section: 'rights',
      snapshot: {
        type: 'incident',
        id: 'rights-0',
        date: '2024-05-10',
        datePrecision: 'day',
        restricted: false,
        title: { ru: 'Только по-русски' },
        summary: { en: 'First paragraph.\n\nSecond paragraph.' },
        regionCode: null,
        categories: ['attack'],
      },
    },
    {
      itemId: 2,
      section: 'rights',
      snapshot: {
        type: 'incident',
        id: 'hidden',
        date: '2024-05-01',
        datePrecision: 'month',
        restricted: true,
        title: {},
        summary: {},
        regionCode: 'aktobe',
        categories: ['threat'],
      },
    },
    {
      itemId: 3,
      section: 'ongoing',
      snapshot: {
        type: 'case',
        id: 'ongoing-1',
        kind: 'criminal',
        title: { en: 'An ongoing case', kk: 'Жалғасып жатқан іс' },
        summary: {},
        firstDate: '2024-04-01',
        events: [
          {
            date: '2024-05-21',
            kind: 'measure',
            instance: 'first',
            outcome: null,
            awarded: null,
            note: { en: 'Detention extended.' },
          },
        ],
      },
    },
  ],
};

describe('assembleBulletin', () => {
  it('writes the title, the date and the organization in three languages', () => {
    const en = assembleBulletin(input, 'en');
    expect(en.title).toBe('Violations of freedom of speech in Kazakhstan May 2024');
    expect(en.dateLine).toBe('Published 16 July 2024');
    expect(en.organizationNames.map((name) => name.lang)).toEqual(['kk', 'ru', 'en']);
    expect(assembleBulletin(input, 'ru').title).toBe('Нарушения свободы слова в Казахстане. Май 2024');
    expect(assembleBulletin(input, 'kk').title).toBe('Қазақстандағы сөз бостандығын бұзу. 2024 жылғы мамыр');
    expect(assembleBulletin(input, 'ru').dateLine).toBe('Опубликовано 16 июля 2024 г.');
  });

  it('uses the editor’s introduction, or the standard sentence in a language without one', () => {
    expect(assembleBulletin(input, 'ru').introduction).toEqual(['Вступление редактора.', 'Второй абзац.']);
    expect(assembleBulletin(input, 'en').introduction).toEqual(['Вступление редактора.', 'Второй абзац.']);
    const withoutIntroduction = assembleBulletin({ ...input, introduction: {} }, 'en').introduction[0];
    expect(withoutIntroduction).toContain('in Kazakhstan in May 2024');
  });

  it('states the figures with number agreement, each figure linkable to its records', () => {
    const ru = assembleBulletin(input, 'ru');
    const texts = ru.summary.lines.map(lineText);
    expect(texts[0]).toBe('9 сообщений о нарушениях прав журналистов, СМИ и ньюсмейкеров, в том числе:');
    expect(texts[1]).toBe(
      '1 сообщение о нарушениях права на получение и распространение информации, в том числе:',
    );
    expect(ru.summary.lines[0]?.fragments[0]).toEqual({
      text: '9',
      figure: { scope: 'month', path: 'groups.rights' },
    });
    expect(ru.summary.lines[0]?.children.map(lineText)).toEqual([
      'Нападение: 2',
      'Угроза: 2',
      'Воспрепятствование: 7',
    ]);
    const legal = ru.summary.lines[2];
    expect(legal && lineText(legal)).toContain('1 случай досудебных и судебных претензий');
    expect(legal?.children.map(lineText)).toEqual([
      '0 уголовных дел (в суде — 0)',
      '1 иск в гражданском порядке, в том числе:',
      '0 административных обвинений',
    ]);
    expect(assembleBulletin(input, 'en').summary.lines.map(lineText)[0]).toBe(
      '9 reports of violations of the rights of journalists, media and newsmakers, including:',
    );
    expect(assembleBulletin(input, 'kk').summary.lines.map(lineText)[0]).toBe(
      'Журналистердің, БАҚ пен ньюсмейкерлердің құқықтарын бұзу туралы 9 хабар, оның ішінде:',
    );
  });

  it('compares with the same period of last year (rule 8) and writes the money in words', () => {
    const en = assembleBulletin(input, 'en');
    expect(en.lastYear.lines.map(lineText)[0]).toBe(
      'Violations of the rights of journalists and media: 9 against 7, 1.2 times more',
    );
    expect(en.lastYear.lines.map(lineText)[1]).toBe(
      'Access to information: 1 (none in the same period of 2023)',
    );
    expect(en.money.lines.map(lineText)).toEqual([
      'Claims for compensation of non-pecuniary damage since the beginning of the year: 78 million 100 thousand tenge.',
      'Collected by the courts since the beginning of the year: 935 thousand 993 tenge.',
    ]);
    expect(assembleBulletin(input, 'ru').money.lines.map(lineText)[0]).toContain(
      '78 миллионов 100 тысяч тенге',
    );
    expect(assembleBulletin(input, 'kk').money.lines.map(lineText)[1]).toContain('935 мың 993 теңге');
    expect(assembleBulletin(input, 'ru').lastYear.lines.map(lineText)[0]).toContain(
      '9 против 7, в 1,2 раза больше',
    );
  });

  it('lays out the items: dated, in the reader’s language when there is one, a restricted one without its details', () => {
    const en = assembleBulletin(input, 'en');
    const rights = en.sections.find((section) => section.key === 'rights');
    expect(rights?.note).toEqual(['A note of the editor.']);
    expect(rights?.items[0]).toMatchObject({
      dateLabel: 'May 10',
      heading: 'Только по-русски',
      headingLang: 'ru',
      paragraphs: ['First paragraph.', 'Second paragraph.'],
    });
    expect(rights?.items[1]?.record).toBeNull();
    expect(rights?.items[1]?.heading).toBe(
      'A report withheld from publication for the safety of those involved (Threat; Aktobe region).',
    );
    const ongoing = en.sections.find((section) => section.key === 'ongoing');
    expect(ongoing?.heading).toBe('Also in May:');
    expect(ongoing?.items[0]?.paragraphs).toEqual([
      'May 21: measure of restraint (first instance). Detention extended.',
      'As a reminder, this criminal case began on 1 April 2024.',
    ]);
    expect(assembleBulletin(input, 'ru').sections.find((section) => section.key === 'ongoing')?.heading).toBe(
      'Также в мае:',
    );
  });
});

describe('the renderers', () => {
  const kk = assembleBulletin(input, 'kk');

  it('write Markdown and an HTML file with the same content', () => {
    const markdown = renderMarkdown(kk);
    expect(markdown).toContain('# Қазақстандағы сөз бостандығын бұзу. 2024 жылғы мамыр');
    expect(markdown).toContain('- Журналистердің, БАҚ пен ньюсмейкерлердің');
    expect(markdown).toContain('78 миллион 100 мың теңге');
    const html = renderHtmlFile(kk);
    expect(html).toMatch(/^<!doctype html><html lang="kk">/);
    expect(html).toContain('<h1>Қазақстандағы сөз бостандығын бұзу. 2024 жылғы мамыр</h1>');
  });

  it('write a PDF in which every Kazakh letter survives (checked with pdftotext)', async () => {
    const pdf = await renderPdf({ ...kk, introduction: ['Әріптер: ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І'] });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-pdf-'));
    try {
      const file = path.join(folder, 'kk.pdf');
      fs.writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      for (const letter of 'әғқңөұүһіӘҒҚҢӨҰҮҺІ') expect(text, letter).toContain(letter);
      expect(text).toContain('Қазақстандағы сөз бостандығын бұзу');
      expect(text).toContain('78 миллион 100 мың теңге');
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/DejaVuSans.*yes/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('write a DOCX document', async () => {
    const docx = await renderDocx(kk);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.length).toBeGreaterThan(5000);
  });
});
