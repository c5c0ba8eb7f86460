import { describe, expect, it } from 'vitest';
import { bulletinMessages } from './bulletins.messages.ts';
import { countedNoun, dayAndMonth, monthPhrases } from './wording.ts';

describe('the wording of a bulletin', () => {
  it.each([
    [1, 'сообщение'],
    [2, 'сообщения'],
    [4, 'сообщения'],
    [5, 'сообщений'],
    [11, 'сообщений'],
    [13, 'сообщений'],
    [21, 'сообщение'],
    [22, 'сообщения'],
    [25, 'сообщений'],
    [101, 'сообщение'],
    [0, 'сообщений'],
  ])('agrees Russian nouns with %i', (count, noun) => {
    expect(countedNoun(bulletinMessages.ru.reports, count, 'ru')).toBe(noun);
  });

  it('agrees English nouns and keeps Kazakh ones after a numeral', () => {
    expect(countedNoun(bulletinMessages.en.reports, 1, 'en')).toBe('report');
    expect(countedNoun(bulletinMessages.en.reports, 22, 'en')).toBe('reports');
    expect(countedNoun(bulletinMessages.en.criminalCases, 0, 'en')).toBe('criminal cases');
    expect(countedNoun(bulletinMessages.kk.reports, 1, 'kk')).toBe('хабар');
    expect(countedNoun(bulletinMessages.kk.reports, 22, 'kk')).toBe('хабар');
    expect(countedNoun(bulletinMessages.ru.criminalCases, 3, 'ru')).toBe('уголовных дела');
    expect(countedNoun(bulletinMessages.ru.administrativeCharges, 5, 'ru')).toBe(
      'административных обвинений',
    );
  });

  it('puts the month in the form each phrase needs', () => {
    expect(monthPhrases('2024-05', 'en')).toEqual({
      title: 'May 2024',
      inMonthYear: 'May 2024',
      forMonthYear: 'May 2024',
      inMonth: 'May',
      year: '2024',
    });
    expect(monthPhrases('2024-05', 'ru')).toEqual({
      title: 'Май 2024',
      inMonthYear: 'мае 2024 года',
      forMonthYear: 'май 2024 года',
      inMonth: 'мае',
      year: '2024',
    });
    expect(monthPhrases('2020-09', 'kk')).toEqual({
      title: '2020 жылғы қыркүйек',
      inMonthYear: '2020 жылғы қыркүйек',
      forMonthYear: '2020 жылғы қыркүйек',
      inMonth: 'қыркүйек',
      year: '2020',
    });
  });

  it('dates items within their month', () => {
    expect(dayAndMonth('2024-05-10', 'en')).toBe('May 10');
    expect(dayAndMonth('2024-05-10', 'ru')).toBe('10 мая');
    expect(dayAndMonth('2024-05-10', 'kk')).toBe('10 мамыр');
  });
});
