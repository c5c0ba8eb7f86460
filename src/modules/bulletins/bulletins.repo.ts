import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { BulletinItems, Bulletins } from '../../db/database.generated.ts';
import type { BulletinSection, CaseKind } from '../../db/types.ts';
import { bulletinSections } from '../../domain/vocabularies.ts';
import type { LocalizedText } from '../../i18n/langs.ts';
import { lastDayOfMonth } from '../stats/periods.ts';
import type { BulletinInput, BulletinItemInput, CaseEventSnapshot, ItemSnapshot } from './assemble.ts';

export async function loadLabels(db: Db): Promise<BulletinInput['labels']> {
  const [categories, regions] = await Promise.all([
    db
      .selectFrom('categories')
      .innerJoin('taxonomy_groups', 'taxonomy_groups.code', 'categories.group_code')
      .select(['categories.code', 'categories.group_code', 'categories.legal_kind', 'categories.labels'])
      .orderBy('taxonomy_groups.position')
      .orderBy('categories.position')
      .execute(),
    db.selectFrom('regions').select(['code', 'labels']).execute(),
  ]);
  return {
    categories: Object.fromEntries(categories.map((row) => [row.code, row.labels])),
    categoryGroups: Object.fromEntries(categories.map((row) => [row.code, row.group_code])),
    subjectKinds: Object.fromEntries(
      categories.flatMap((row) => (row.legal_kind ? [[row.code, row.legal_kind]] : [])),
    ),
    regions: Object.fromEntries(regions.map((row) => [row.code, row.labels])),
  };
}

const sectionOrder = Object.fromEntries(bulletinSections.map((section, index) => [section, index])) as Record<
  BulletinSection,
  number
>;

/**
 * The items a month offers: its published incidents (context first, then rights, then information),
 * the cases that began in it, and the ongoing cases with events in it. Only public-safe fields are
 * read; a restricted incident keeps only its month, region and categories.
 */
export async function collectMonthItems(db: Db, month: string): Promise<BulletinItemInput[]> {
  const from = `${month}-01`;
  const to = lastDayOfMonth(month);
  // The categories of the month's incidents are gathered in one pass and joined once: a subquery
  // per incident cost 200 ms of a bulletin of 8,000 incidents (1M on PostgreSQL).
  const incidents = (
    await sql<{
      id: string;
      date: string;
      date_precision: 'day' | 'month';
      visibility: 'public' | 'restricted';
      title: LocalizedText;
      summary: LocalizedText;
      region_code: string | null;
      categories: Array<{ code: string; group: string }> | null;
    }>`
      with month as (
        select i.id, i.date, i.date_precision, i.visibility, i.title, i.summary, i.region_code
        from incidents i where i.status = 'published' and i.counted_in = ${from}
      ), listed as (
        select ic.incident_id,
          json_agg(json_build_object('code', c.code, 'group', c.group_code) order by c.group_code, c.position) as list
        from incident_categories ic join categories c on c.code = ic.category_code
        where ic.incident_id in (select id from month)
        group by ic.incident_id
      )
      select m.*, l.list as categories from month m left join listed l on l.incident_id = m.id
      order by m.date, m.id`.execute(db)
  ).rows;

  const cases = await sql<{
    id: string;
    kind: CaseKind;
    title: LocalizedText;
    summary: LocalizedText;
    first_date: string;
    events: CaseEventSnapshot[];
  }>`
    select c.id, c.kind, c.title, c.summary, counting.first_date,
      (select json_agg(json_build_object('date', e.date, 'kind', e.kind, 'instance', e.instance, 'outcome', e.outcome,
                'awarded', e.awarded, 'note', e.note) order by e.date, e.position, e.id)
         from case_events e where e.case_id = c.id and e.date between ${from} and ${to}) as events
    from cases c
    -- When a case began (its earliest event) has one definition: case_counting, kept by
    -- src/db/functions/counting.sql, which the figures read too.
    join case_counting counting on counting.case_id = c.id
    where c.status = 'published'
      and c.id in (select case_id from case_events where date between ${from} and ${to})
    order by counting.first_date, c.id`.execute(db);

  const items: BulletinItemInput[] = [];
  for (const row of incidents) {
    const categories = row.categories ?? [];
    const groups = new Set(categories.map((category) => category.group));
    const section: BulletinSection = groups.has('rights')
      ? 'rights'
      : groups.has('information')
        ? 'information'
        : 'context';
    const restricted = row.visibility === 'restricted';
    const snapshot: ItemSnapshot = {
      type: 'incident',
      id: row.id,
      date: restricted ? from : row.date,
      datePrecision: restricted ? 'month' : row.date_precision,
      restricted,
      title: restricted ? {} : row.title,
      summary: restricted ? {} : row.summary,
      regionCode: row.region_code,
      categories: categories.map((category) => category.code),
    };
    items.push({ itemId: null, section, snapshot });
  }
  for (const row of cases.rows) {
    const snapshot: ItemSnapshot = {
      type: 'case',
      id: row.id,
      kind: row.kind,
      title: row.title,
      summary: row.summary,
      firstDate: row.first_date,
      events: (row.events ?? []).map((event) => ({ ...event, date: String(event.date).slice(0, 10) })),
    };
    items.push({ itemId: null, section: row.first_date >= from ? 'legal' : 'ongoing', snapshot });
  }
  return items.sort((a, b) => sectionOrder[a.section] - sectionOrder[b.section]);
}

export type BulletinRow = Awaited<ReturnType<typeof findBulletin>>;

export async function findBulletin(db: Db, month: string) {
  return db.selectFrom('bulletins').selectAll().where('month', '=', `${month}-01`).executeTakeFirst();
}

export async function findBulletinItems(db: Db, bulletinId: number) {
  return db
    .selectFrom('bulletin_items')
    .selectAll()
    .where('bulletin_id', '=', bulletinId)
    .orderBy('position')
    .execute();
}

export async function listPublishedBulletins(db: Db) {
  return db
    .selectFrom('bulletins')
    .select(['month', 'published_at'])
    .where('status', '=', 'published')
    .orderBy('month', 'desc')
    .execute();
}

export async function listAllBulletins(db: Db) {
  return db
    .selectFrom('bulletins')
    .select(['id', 'month', 'status', 'published_at', 'updated_at'])
    .orderBy('month', 'desc')
    .execute();
}

/** Incidents and cases whose audit entries come after a moment: the records that changed since publication. */
export async function recordsChangedSince(db: Db, since: Date) {
  return db
    .selectFrom('audit_log')
    .where('occurred_at', '>', since)
    .where('entity_type', 'in', ['incident', 'case'])
    .select([
      'entity_type',
      'entity_id',
      (eb) => eb.fn.max('occurred_at').as('last_change'),
      (eb) => eb.fn.count<number>('id').as('changes'),
    ])
    .groupBy(['entity_type', 'entity_id'])
    .orderBy('last_change', 'desc')
    .limit(500)
    .execute();
}

/** The bulletin's row, locked for the rest of the transaction. */
export async function lockBulletin(db: Db, bulletinId: number) {
  return db.selectFrom('bulletins').selectAll().where('id', '=', bulletinId).forUpdate().executeTakeFirst();
}

export async function insertBulletin(db: Db, input: { month: string; createdBy: number | null; now: Date }) {
  return db
    .insertInto('bulletins')
    .values({
      month: `${input.month}-01`,
      created_by: input.createdBy,
      created_at: input.now,
      updated_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateBulletin(db: Db, bulletinId: number, changes: Updateable<Bulletins>) {
  await db.updateTable('bulletins').set(changes).where('id', '=', bulletinId).execute();
}

export async function insertBulletinItems(db: Db, rows: Insertable<BulletinItems>[]) {
  await db.insertInto('bulletin_items').values(rows).execute();
}

export async function updateBulletinItem(db: Db, itemId: number, changes: Updateable<BulletinItems>) {
  await db.updateTable('bulletin_items').set(changes).where('id', '=', itemId).execute();
}

export async function deleteBulletinItems(db: Db, itemIds: number[]) {
  await db.deleteFrom('bulletin_items').where('id', 'in', itemIds).execute();
}
