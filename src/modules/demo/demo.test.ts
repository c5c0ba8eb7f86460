import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import {
  type ActorLine,
  type CaseLine,
  type IncidentLine,
  parseInterchangeObjects,
} from '../interchange/index.ts';
import { type DemoReport, demoRecords, describeDemo, loadDemo } from './index.ts';

let database: TestDatabase;
let report: DemoReport;

const records = demoRecords();
const incidents = records.filter((r): r is IncidentLine => (r as { type?: string }).type === 'incident');
const cases = records.filter((r): r is CaseLine => (r as { type?: string }).type === 'case');
const actors = records.filter((r): r is ActorLine => (r as { type?: string }).type === 'actor');

beforeAll(async () => {
  database = await createTestDatabase();
  report = await loadDemo(database.db);
});
afterAll(async () => {
  await database.close();
});

describe('the demo data set', () => {
  it('is valid interchange data', () => {
    const parsed = parseInterchangeObjects(records, 'demo');
    expect(parsed.incidents.length).toBe(incidents.length);
  });

  it('has at least 60 incidents and 15 cases across 2018–2024, some in all three languages', () => {
    expect(incidents.length).toBeGreaterThanOrEqual(60);
    expect(cases.length).toBeGreaterThanOrEqual(15);
    const years = new Set(incidents.map((incident) => incident.date.slice(0, 4)));
    expect([...years].sort()).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    const trilingual = incidents.filter(
      (incident) => incident.title.kk && incident.title.ru && incident.title.en && incident.summary?.kk,
    );
    expect(trilingual.length).toBeGreaterThanOrEqual(20);
    // Kazakh text uses Kazakh letters, not Russian written under a kk key.
    for (const incident of trilingual)
      expect(`${incident.title.kk} ${incident.summary?.kk}`).toMatch(/[әғқңөұүһі]/i);
  });

  it('has cases running over several months, linked to actors and incidents', () => {
    const long = cases.filter((legalCase) => {
      const dates = legalCase.events.map((event) => event.date).sort();
      const first = new Date(dates[0] ?? '');
      const last = new Date(dates.at(-1) ?? '');
      return last.getTime() - first.getTime() > 60 * 86_400_000;
    });
    expect(long.length).toBeGreaterThanOrEqual(4);
    for (const legalCase of long) {
      expect(legalCase.parties?.length).toBeGreaterThan(0);
      expect(incidents.filter((incident) => incident.cases?.includes(legalCase.id)).length).toBeGreaterThan(
        0,
      );
    }
  });

  it('holds restricted incidents, anonymous victims, confidential sources, drafts and items under review', () => {
    expect(incidents.filter((i) => i.visibility === 'restricted').length).toBeGreaterThanOrEqual(2);
    expect(incidents.filter((i) => i.victims?.some((v) => v.anonymous)).length).toBeGreaterThanOrEqual(3);
    expect(incidents.filter((i) => i.sources?.some((s) => s.confidential)).length).toBeGreaterThanOrEqual(3);
    for (const status of ['draft', 'in_review', 'published', 'archived'] as const) {
      expect(incidents.filter((i) => i.status === status).length).toBeGreaterThan(0);
    }
  });

  it('marks every record as demo data, and says in every invented summary that it is invented', () => {
    for (const record of [...incidents, ...cases, ...actors]) expect(record.demo).toBe(true);
    const invented = [...incidents, ...cases].filter((record) => record.id.startsWith('demo-x-'));
    expect(invented.length).toBeGreaterThan(30);
    for (const record of invented) {
      expect(record.summary?.en).toContain('Demo data: the names and events are invented.');
      expect(record.summary?.ru).toContain('Демонстрационные данные');
      expect(record.summary?.kk).toContain('Демонстрациялық деректер');
    }
    const seeded = [...incidents, ...cases].filter((record) => !record.id.startsWith('demo-x-'));
    for (const record of seeded) expect(record.summary?.en).toMatch(/Demo data set, written from the/);
  });

  it('copies no sentence from the seed reports', () => {
    const seeds = path.resolve('../shared/seeds');
    const seedText = fs
      .readdirSync(seeds)
      .map((file) => fs.readFileSync(path.join(seeds, file), 'utf8'))
      .join('\n')
      .toLowerCase()
      .replace(/\s+/g, ' ');
    const texts = [...incidents, ...cases].flatMap((record) => [
      ...Object.values(record.title ?? {}),
      ...Object.values(record.summary ?? {}),
    ]);
    // Any run of eight words shared with a seed would be a copied sentence, not a fact.
    for (const text of texts) {
      const words = text.toLowerCase().replace(/\s+/g, ' ').split(' ');
      for (let start = 0; start + 8 <= words.length; start++) {
        const run = words.slice(start, start + 8).join(' ');
        expect(seedText.includes(run), `copied from a seed: "${run}"`).toBe(false);
      }
    }
  });

  it('loads into the database with the demo accounts, argon2id-hashed', async () => {
    expect(report.import.incidents.created).toBe(incidents.length);
    expect(report.import.cases.created).toBe(cases.length);
    expect(report.createdUsers.map((user) => user.role)).toEqual(['admin', 'editor', 'monitor', 'lawyer']);
    const users = await database.db.selectFrom('users').select(['email', 'role', 'password_hash']).execute();
    for (const user of users) expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const lines = describeDemo(report);
    expect(lines.join('\n')).toContain(
      `admin@demo.example.org  password: ${report.createdUsers[0]?.password}`,
    );
  });

  it('loads a second time without changing anything', async () => {
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const again = await loadDemo(database.db);
    expect(again.import.incidents).toEqual({ created: 0, updated: 0, unchanged: incidents.length });
    expect(again.createdUsers).toEqual([]);
    expect(await count()).toBe(before);
    expect(describeDemo(again)).toHaveLength(1);
  });
});
