import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertActor } from '../../../test/factories.ts';
import { matchKeyOf } from './match-key.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const keysOf = (names: string[]) => Promise.all(names.map((name) => matchKeyOf(database.db, name)));

describe('the name match key', () => {
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
    [['Qasymov', 'Kasymov', 'Касымов', 'Қасымов']],
    [['Alexandrova', 'Aleksandrova', 'Александрова']],
    [['Şaripova', 'Sharipova', 'Шарипова']],
    [['Azattyq', 'Азаттық', 'Azattik']],
    [['René', 'Rene', 'Рене']],
  ])('gives one key to %j', async (spellings) => {
    expect(new Set(await keysOf(spellings)).size).toBe(1);
  });

  it('keeps words, drops punctuation and case', async () => {
    expect(await keysOf(['  «Дикая   Орда» ', 'Dilyara  Kaydarova', 'RFE/RL'])).toEqual([
      'dikaia orda',
      'diliara kaidarova',
      'rfe rl',
    ]);
  });

  it('keeps different names apart', async () => {
    const [kaidarova, kaldarbek, adasheva, aidasheva] = await keysOf([
      'Kaidarova',
      'Kaldarbek',
      'Adasheva',
      'Aidasheva',
    ]);
    expect(kaidarova).not.toBe(kaldarbek);
    expect(adasheva).not.toBe(aidasheva);
  });

  it('is what the database stores for every spelling, whoever writes it', async () => {
    const id = await insertActor(database.db, { name: 'Qasymov Erlan', variants: ['Қасымов Ерлан'] });
    const stored = await database.db
      .selectFrom('actor_names')
      .where('actor_id', '=', id)
      .select('match_key')
      .execute();
    expect(stored.map((row) => row.match_key)).toEqual(['kasimov erlan', 'kasimov erlan']);
    expect(await matchKeyOf(database.db, 'Касымов Yerlan')).toBe('kasimov erlan');
  });
});
