import { describe, expect, it } from 'vitest';
import { findArticles } from './articles.ts';
import { suggestCategories } from './categories.ts';
import { findOutlets, findPeople } from './entities.ts';
import { nameKey, sameSurname } from './names.ts';
import { findPlaces } from './places.ts';
import { decodeReport, repairText } from './source-text.ts';

const regions = (text: string, date: string) => findPlaces(text, date).map((place) => place.region);

describe('places resolve to the region of their date', () => {
  it('follows the 2022 reform for Semey and the 2018 reform for Shymkent', () => {
    expect(regions('police in Semey', '2020-09-25')).toEqual(['east_kazakhstan']);
    expect(regions('police in Semey', '2022-06-08')).toEqual(['abai']);
    expect(regions('в Семее задержали', '2023-01-10')).toEqual(['abai']);
    expect(regions('a court in Shymkent', '2018-02-01')).toEqual(['south_kazakhstan']);
    expect(regions('a court in Shymkent', '2019-02-01')).toEqual(['shymkent']);
    expect(regions('residents of Kentau', '2017-05')).toEqual(['south_kazakhstan']);
    expect(regions('in Taldykorgan', '2021-05-01')).toEqual(['almaty_region']);
    expect(regions('in Taldykorgan', '2023-05-01')).toEqual(['zhetysu']);
    expect(regions('в Жезказгане', '2023-05-01')).toEqual(['ulytau']);
  });

  it('reads historic and local names', () => {
    expect(regions('the Nur-Sultan city court', '2020-01-01')).toEqual(['astana']);
    expect(regions('in Ust-Kamenogorsk and Oskemen', '2020-01-01')).toEqual([
      'east_kazakhstan',
      'east_kazakhstan',
    ]);
    expect(regions('в Усть-Каменогорске', '2020-01-01')).toEqual(['east_kazakhstan']);
    expect(regions('в Павлодарской области', '2020-01-01')).toEqual(['pavlodar']);
    expect(regions('the Almaty region akimat and the city of Almaty', '2020-01-01')).toEqual([
      'almaty_region',
      'almaty_city',
    ]);
    expect(regions('South Kazakhstan region', '2016-01-01')).toEqual(['south_kazakhstan']);
  });

  it('does not take a district or a common word for a region', () => {
    expect(regions('the Zhetysu district court of Almaty', '2018-02-05')).toEqual(['almaty_city']);
    expect(regions('oral or written requests', '2018-02-05')).toEqual([]);
  });
});

describe('legal articles', () => {
  const codes = (text: string) => findArticles(text).map((article) => article.code);

  it.each([
    ['under Art. 174 of the Criminal Code', ['CC-174']],
    ['Article 456-2 of the Administrative Offenses Code', ['CAO-456-2']],
    ['article 201 of the Code of Criminal Procedure', ['CPC-201']],
    ['Article 419 was requalified to Article 274 of the Penal Code', ['CC-419', 'CC-274']],
    ['the Constitution, Article 20 of which guarantees', ['CONST-20']],
    ['по ч. 2 ст. 274 УК РК', ['CC-274']],
    ['статьи 456-2 КоАП РК', ['CAO-456-2']],
    ['ст. 201 УПК', ['CPC-201']],
    ['Articles 130 and 131 of the Criminal Code', ['CC-130', 'CC-131']],
    ['article 143 of the Civil Code', ['CIVC-143']],
  ])('%s', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('leaves an article without its code alone', () => {
    expect(codes('under article 12 of the charter')).toEqual([]);
  });
});

describe('people and outlets', () => {
  it('finds people by role, first name, surname shape and initials', () => {
    const names = findPeople(
      'Journalist Oleg Petrenko met editor Saule Akhmetova. Judge Bektursynova refused. K.Tokayev spoke, and Elena S. complained.',
    ).map((person) => person.name);
    expect(names).toEqual(['Oleg Petrenko', 'Saule Akhmetova', 'Bektursynova', 'K.Tokayev', 'Elena S.']);
  });

  it('does not take institutions, places or outlets for people', () => {
    expect(
      findPeople('The Supreme Court of Kazakhstan and Radio Azattyk and Nur Otan met in Almaty.'),
    ).toEqual([]);
  });

  it('gives the kind of person from the role before the name', () => {
    const [person] = findPeople('blogger Arman Zhumabekov');
    expect(person?.kind).toBe('blogger');
  });

  it('finds outlets by domain, quoted title and known name', () => {
    const names = findOutlets('the newspaper "Steppe Herald", the portal news-steppe.kz and KazTAG').map(
      (outlet) => outlet.name,
    );
    expect(names).toEqual(['Steppe Herald', 'news-steppe.kz', 'KazTAG']);
    expect(findOutlets('газета «Степной вестник»').map((outlet) => outlet.name)).toEqual(['Степной вестник']);
  });

  it('matches one name across spellings and scripts', () => {
    expect(sameSurname('Kaidarova', 'Kaydarova')).toBe(true);
    expect(sameSurname('Toyken', 'Toiken')).toBe(true);
    expect(sameSurname('Aidasheva', 'Adasheva')).toBe(true);
    expect(sameSurname('Кайдарова', 'Kaidarova')).toBe(true);
    expect(sameSurname('Кайдаровой', 'Кайдарова')).toBe(true);
    expect(sameSurname('Petrova', 'Ivanova')).toBe(false);
    expect(nameKey('Жанар')).toBe(nameKey('Zhanar'));
  });
});

describe('category suggestions', () => {
  it('ranks the codes an item signals, with confidences between 0 and 1', () => {
    const suggestions = suggestCategories({
      headline: 'Police detained a reporter covering a rally',
      body: 'Officers detained the reporter and took her phone.',
      articles: [],
    });
    expect(suggestions[0]?.code).toBe('detention');
    for (const suggestion of suggestions) {
      expect(suggestion.confidence).toBeGreaterThan(0);
      expect(suggestion.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('reads Russian and legal articles', () => {
    const codes = suggestCategories({
      headline: 'Блогера оштрафовали',
      body: 'по статье',
      articles: ['CAO-456-2'],
    }).map((suggestion) => suggestion.code);
    expect(codes).toContain('administrative_false_information');
  });

  it('always offers a code an incident may carry', () => {
    expect(suggestCategories({ headline: 'Nothing in particular', body: '', articles: [] })).toEqual([
      { code: 'other_context', confidence: 0.2 },
    ]);
  });
});

describe('the input text and its repairs', () => {
  it('reads literal escapes, run-together words and misspelt key words, keeping spans on the input', () => {
    const input = 'Itreports:\\r\\nTwo journlists were held.\\r\\nThecourtscollected 5 thousandtenge.';
    const source = repairText(input);
    expect(source.text).toBe(
      'It reports:\nTwo journalists were held.\nThe courts collected 5 thousand tenge.',
    );
    expect(source.flags.map((flag) => flag.code)).toEqual([
      'literal_escapes',
      'glued_words',
      'typo',
      'glued_words',
      'glued_words',
    ]);
    const at = source.text.indexOf('journalists');
    const [start, end] = source.toOriginal(at, at + 'journalists'.length);
    expect(input.slice(start, end)).toBe('journlists');
    const held = source.text.indexOf('held');
    expect(input.slice(...source.toOriginal(held, held + 4))).toBe('held');
  });

  it('leaves real words alone', () => {
    for (const word of ['criminals', 'charged', 'journalism', 'reported', 'another', 'inbusiness']) {
      expect(repairText(`the ${word} said`).text).toBe(`the ${word} said`);
    }
  });

  it('refuses empty, binary and oversized input and reads HTML and Windows-1251', () => {
    expect(decodeReport(new Uint8Array())).toEqual({ error: 'empty' });
    expect(decodeReport(new TextEncoder().encode('  \n\t '))).toEqual({ error: 'empty' });
    expect(decodeReport(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))).toEqual({
      error: 'binary data, not text or HTML',
    });
    expect(decodeReport(new TextEncoder().encode('%PDF-1.7 ...'))).toMatchObject({
      error: expect.stringContaining('PDF'),
    });
    expect(decodeReport(new Uint8Array(5 * 1024 * 1024 + 1).fill(65))).toMatchObject({
      error: expect.stringContaining('too large'),
    });
    const html = decodeReport(
      new TextEncoder().encode('<html><body><h1>Title</h1><ul><li>one</li></ul></body></html>'),
    );
    expect(html).toMatchObject({ html: true, text: expect.stringContaining('Title') });
    expect(html).toMatchObject({ text: expect.stringContaining('- one') });
    const cp1251 = new Uint8Array([0xcd, 0xe0, 0xf0, 0xf3, 0xf8, 0xe5, 0xed, 0xe8, 0xff]);
    expect(decodeReport(cp1251)).toMatchObject({ text: 'Нарушения', flags: [{ code: 'encoding' }] });
  });
});
