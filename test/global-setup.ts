import pg from 'pg';

/**
 * Extensions are per database, not per schema: create them once, before parallel test files race
 * to do it in their migrations.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create extension if not exists pg_trgm with schema public');
    await client.query('create extension if not exists unaccent with schema public');
  } finally {
    await client.end();
  }
}
