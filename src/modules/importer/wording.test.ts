import { describe, expect, it } from 'vitest';
import type { Fact } from './facts.ts';
import { parseReport } from './parse-report.ts';

/**
 * Each rule the archive needed, tried on at least two phrasings written here in our own words (the
 * real wording stays in ../shared). A rule that holds only for the excerpt it was made on fails here.
 */
function report(...lines: string[]) {
  return parseReport(lines.flatMap((line) => [line, '']).join('\n'));
}

const plain = (facts: Fact[]) => facts.map(({ span: _span, ...fact }) => fact);
const counts = (facts: Fact[]) =>
  facts.flatMap((fact) => (fact.type === 'count' ? [`${fact.scope} ${fact.category} ${fact.count}`] : []));

describe('category lines in new words land on their codes (the lexicon)', () => {
  it.each([
    [
      'English, first phrasing',
      [
        'In March 2025, the following were recorded:',
        '9 reports of violations of the rights of journalists and media, including:',
        '- 3 cases of obstruction of reporters’ lawful work,',
        '- 2 instances where fakes were spread under the logo of a news site,',
        '- 1 detention of a blogger,',
        '- 3 threats to editors.',
      ],
    ],
    [
      'English, second phrasing',
      [
        'In March 2025, the following were recorded:',
        '9 reports about violations of journalists’ rights, including:',
        '- 3 incidents of interfering with the lawful professional work of the press,',
        '- 2 cases of misuse of a media brand image,',
        '- 1 case of a journalist detained by police,',
        '- 3 cases of intimidation of reporters.',
      ],
    ],
  ])('%s', (_label, lines) => {
    const { facts } = report(
      'Violations of freedom of speech in Kazakhstan March 2025',
      '2 april 2025',
      ...lines,
    );
    expect(counts(facts)).toEqual([
      'month rights 9',
      'month obstruction 3',
      'month image_misuse 2',
      'month detention 1',
      'month threat 3',
    ]);
  });

  it.each([
    [
      'a glued number and a lone "Including:"',
      '12reports on the right to receive and disseminate information,',
      'Including:',
    ],
    [
      'a number, a space and the list marker at the end',
      '12 reports related to the right to access information, including:',
    ],
  ])('information group: %s', (_label, ...head) => {
    const { facts } = report(
      'Violations of freedom of speech in Kazakhstan June 2025',
      '3 july 2025',
      'In June 2025, there were recorded:',
      ...head,
      '- 7 refusals to provide socially significant information;',
      '- 2 DDoS attacks on news sites;',
      '- Case of blocking of an outlet’s channel.',
      '- 2 cases of hacking of editorial accounts and blocking of pages.',
    );
    expect(counts(facts)).toEqual([
      'month information 12',
      'month info_refusal 7',
      'month cyberattack 2',
      'month blocking 1',
    ]);
  });

  it('Russian lines of the legal block, with the kind from the line they stand under', () => {
    const { facts } = report(
      'Нарушения свободы слова в Казахстане. Май 2025',
      '5 июня 2025',
      'В мае 2025 года зафиксированы:',
      '8 сообщений о досудебных и судебных претензиях и исках к журналистам и СМИ, в том числе:',
      '- 5 гражданских исков к СМИ;',
      '- 3 административных дела, в том числе 2 за распространение ложной информации и 1 за клевету.',
    );
    expect(counts(facts)).toEqual([
      'month legal 8',
      'month civil 5',
      'month administrative 3',
      'month administrative_false_information 2',
      'month administrative_defamation 1',
    ]);
  });
});

describe('less common categories in two wordings each', () => {
  it.each([
    [
      'first wording',
      [
        '- 2 cases of pressure on editorial offices,',
        '- 1 case of insulting journalists,',
        '- 2 cases of preventing journalists from filming,',
        '- 3 fakes published on behalf of news outlets,',
      ],
      ['- 1 restriction of access to court hearings,', '- 1 internet shutdown in a region.'],
    ],
    [
      'second wording',
      [
        '- 2 instances of censorship of materials,',
        '- 1 smear campaign against a reporter,',
        '- 2 cases of obstruction of the work of reporters,',
        '- 3 cases of misuse of the logos of media outlets,',
      ],
      ['- 1 closed court hearing,', '- 1 case of blocking of a news website.'],
    ],
  ])('%s', (_label, rights, information) => {
    const { facts } = report(
      'Violations of freedom of speech in Kazakhstan November 2025',
      '4 december 2025',
      'In November 2025, the following were recorded:',
      '8 reports of violations of the rights of journalists and media, including:',
      ...rights,
      '2 reports related to the right to receive and disseminate information, including:',
      ...information,
    );
    expect(counts(facts)).toEqual([
      'month rights 8',
      'month censorship 2',
      'month discrediting 1',
      'month obstruction 2',
      'month image_misuse 3',
      'month information 2',
      'month court_transparency 1',
      'month blocking 1',
    ]);
  });
});

describe('a line that counts several things together is flagged, not counted', () => {
  it.each([
    ['hacking and blocking', '- 4 cases of hacking of accounts and blocking of sites;'],
    ['defamation and insult', '- 6 charges of defamation and insult;'],
  ])('%s', (_label, line) => {
    const parsed = report(
      'Violations of freedom of speech in Kazakhstan May 2025',
      '5 june 2025',
      'In May 2025, the following were recorded:',
      '10 reports of pre-trial and court claims and lawsuits against journalists and media, including:',
      '- 1 criminal charge;',
      line,
    );
    expect(counts(parsed.facts)).toEqual(['month legal 10', 'month criminal 1']);
    expect(parsed.flags.map((flag) => flag.code)).toContain('ambiguous_figure');
  });
});

describe('yearly statistics pages', () => {
  it.each([
    [
      'English',
      [
        'Violations of Freedom of Speech: 2021',
        '18 january 2022',
        'The Foundation made statistics of violations of freedom of speech in 2021.',
        'It recorded:',
        'Detentions of journalists - 12',
        'Attacks on reporters – 4 facts',
        'Criminal charges:',
        'Spreading knowingly false information – 6',
        'Incitement of hatred – 2',
        'Civil suits - 40 including 30 suits for the protection of honour and dignity.',
        'Administrative charges - 9',
      ],
    ],
    [
      'Russian',
      [
        'Нарушения свободы слова: итоги 2021',
        '18 января 2022',
        'Фонд подвёл итоги 2021 года.',
        'Зафиксировано:',
        'Задержания журналистов – 12',
        'Нападения на журналистов – 4',
        'Уголовные обвинения:',
        'Распространение заведомо ложной информации – 6',
        'Возбуждение розни – 2',
        'Гражданские иски – 40, из них 30 о защите чести и достоинства.',
        'Административные обвинения – 9',
      ],
    ],
  ])('%s: scope year, never an appeal', (_label, lines) => {
    const parsed = report(...lines);
    expect(parsed.format).toBe('annual');
    expect(parsed.month).toBe('2021-12');
    expect(counts(parsed.facts)).toEqual([
      'year detention 12',
      'year attack 4',
      'year criminal_false_information 6',
      'year criminal_incitement 2',
      'year civil 40',
      'year civil_honor_dignity 30',
      'year administrative 9',
    ]);
  });
});

describe('digest wording', () => {
  it.each([
    [
      'number words and a lead without a colon',
      [
        'In March, 2016 the media dealt with one suit for protection of honour and business reputation in the amount of KZT two million.',
        'Five judgments of earlier cases were rendered; 2 of them on appeal. None of them in favour of the media.',
        'Since the start of the year the media and citizens were brought',
        '- 4 charges of slander;',
        '- 6 pre-trial complaints for protection of honour and dignity.',
      ],
    ],
    [
      'digits and a lead with a colon',
      [
        'In March, 2016 media outlets faced 1 lawsuit on protection of honour and dignity for a total amount of KZT 2000000.',
        'In March, 5 judicial acts were issued (including 2 in the appellate instance); 0 of them in favour of journalists.',
        'Since the beginning of the year, the following charges were brought against media and citizens:',
        '- 4 charges with libel;',
        '- 6 pre-trial claims and suits for protection of honour.',
      ],
    ],
  ])('%s', (_label, lines) => {
    const parsed = report(
      'Violations of freedom of speech in Kazakhstan March, 2016 (Digest)',
      '1 march 2016',
      ...lines,
    );
    expect(parsed.format).toBe('digest');
    expect(plain(parsed.facts)).toEqual(
      expect.arrayContaining([
        { type: 'count', scope: 'month', category: 'civil_honor_dignity', count: 1 },
        { type: 'money', scope: 'month', kind: 'claims_non_pecuniary', tenge: 2_000_000 },
        expect.objectContaining({ type: 'judicial_acts', scope: 'month', count: 5, for_media: 0 }),
        { type: 'count', scope: 'ytd', category: 'criminal_defamation', count: 4 },
      ]),
    );
    // Pre-trial complaints are letters before action: flagged, not a figure of honour suits.
    expect(counts(parsed.facts)).not.toContain('ytd civil_honor_dignity 6');
    expect(parsed.facts).toHaveLength(4);
  });
});

describe('judicial acts named in other words', () => {
  it.each([
    'In April, courts passed 4 decisions on earlier suits for protection of honour; one of them was in favour of the media.',
    'In April, 4 rulings in previously considered cases were issued, 1 of them in favour of journalists and citizens.',
    'В апреле суды вынесли 4 решения по искам о защите чести, из них 1 – в пользу СМИ.',
  ])('%s', (sentence) => {
    const { facts } = report(
      'Violations of freedom of speech in Kazakhstan April, 2015 (Digest)',
      '1 may 2015',
      sentence,
    );
    expect(plain(facts)).toEqual([
      expect.objectContaining({ type: 'judicial_acts', scope: 'month', count: 4, for_media: 1 }),
    ]);
  });
});

describe('overview: all of a month’s claims of one kind', () => {
  it.each([
    'There were 5 documented cases of accusations against journalists over published materials. All of them were civil claims.',
    'There were 5 documented cases of allegations against journalists and media. This month all claims were brought in a civil manner.',
  ])('%s', (sentence) => {
    const parsed = report(
      'Violations of freedom of speech in Kazakhstan August 2023',
      '10 september 2023',
      'In August, 20 incidents related to freedom of speech were registered. Among them, 9 concern violations of journalists’ rights.',
      sentence,
      'Among the events in August:',
    );
    expect(counts(parsed.facts)).toEqual(
      expect.arrayContaining(['month legal 5', 'month civil 5', 'month total 20', 'month rights 9']),
    );
  });
});

describe('the year to date and the same period of last year', () => {
  it.each([
    [
      'English',
      'The changes by case category in 2025 are as follows:',
      '- Criminal charges rose by 1.5 times: 6 cases against 4 in 2024. Of the 6 cases in 2025, 5 concern the article on knowingly false information, while in 2024 there were 2 cases under this article.',
    ],
    [
      'English, other words',
      'In 2025 the categories changed as follows:',
      '- The number of criminal charges grew: 6 cases compared to 4 in 2024. Of these 6 cases in 2025, 5 are related to dissemination of false information; in 2024 there were 2 cases under the same article.',
    ],
  ])('%s', (_label, lead, line) => {
    const parsed = report(
      'Violations of freedom of speech in Kazakhstan August 2025',
      '5 september 2025',
      'In August 2025, the following were recorded:',
      '3 reports of violations of the rights of journalists.',
      lead,
      line,
    );
    expect(counts(parsed.facts)).toEqual(
      expect.arrayContaining([
        'ytd criminal 6',
        'same_period_last_year criminal 4',
        'ytd criminal_false_information 5',
        'same_period_last_year criminal_false_information 2',
      ]),
    );
  });
});

describe('a page cut off in the middle of a sentence', () => {
  it.each([
    ['a list line cut short', '- 6 criminal charges were brought against', []],
    [
      'an aside cut short keeps the figure before it',
      '- 45 charges of slander (20 of them carried over from',
      ['ytd criminal_defamation 45'],
    ],
  ])('%s', (_label, last, expected) => {
    const parsed = report(
      'Violations of freedom of speech in Kazakhstan August 2017',
      '1 september 2017',
      'It reports:',
      '- A reporter was detained in Aktau.',
      'Since the beginning of the year, the following charges were brought:',
      last,
    );
    expect(counts(parsed.facts)).toEqual(expected);
    expect(parsed.flags.some((flag) => flag.code === 'truncated')).toBe(expected.length === 0);
  });
});
