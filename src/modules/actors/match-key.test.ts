import { describe, expect, it } from 'vitest';
import { matchKey } from './match-key.ts';

describe('the actor match key', () => {
  it.each([
    [['Kaidarova', 'Kaydarova', 'Кайдарова', 'Qaidarova', 'KAIDAROVA']],
    [['Toyken', 'Toiken', 'Тойкен']],
    [['Aidasheva', 'Aydasheva', 'Айдашева']],
    [['Akayeva', 'Akaeva', 'Акаева']],
    [['Ergaliyeva', 'Ерғалиева', 'Ergalieva']],
    [['Yerlan', 'Ерлан', 'Erlan']],
    [['Tsoi', 'Tsoy', 'Цой']],
    [['Ilyashev', 'Ильяшев']],
    [['Zhoyamergen', 'Жоямерген']],
    [['Khadisha', 'Хадиша', 'Hadisha']],
    [['Şaimerden', 'Shaimerden', 'Шаймерден']],
    [['Nurbek', 'Нұрбек', 'Nürbek']],
  ])('gives one key to %j', (spellings) => {
    expect(new Set(spellings.map(matchKey)).size).toBe(1);
  });

  it('keeps words, drops punctuation and case', () => {
    expect(matchKey('  «Дикая   Орда» ')).toBe('dikaia orda');
    expect(matchKey('Dilyara  Kaydarova')).toBe('diliara kaidarova');
    expect(matchKey('RFE/RL')).toBe('rfe rl');
  });

  it('keeps different names apart', () => {
    expect(matchKey('Kaidarova')).not.toBe(matchKey('Kaldarbek'));
    expect(matchKey('Adasheva')).not.toBe(matchKey('Aidasheva'));
  });
});
