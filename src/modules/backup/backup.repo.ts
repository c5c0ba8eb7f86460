import type { PGlite } from '@electric-sql/pglite';

/**
 * The embedded database's data folder as a gzipped tar, taken while it serves. A checkpoint first
 * writes the changed pages to the files, so little is left to replay from the write-ahead log; PGlite
 * then copies the folder between two queries (dumpDataDir holds its query lock), so the copy is what a
 * power cut would leave at that moment, which PostgreSQL opens as it does after any crash.
 */
export async function dumpEmbeddedDatabase(pglite: PGlite): Promise<Buffer> {
  await pglite.exec('CHECKPOINT');
  const dump = await pglite.dumpDataDir('gzip');
  return Buffer.from(await dump.arrayBuffer());
}
