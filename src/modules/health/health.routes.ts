import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import type { ModuleOptions } from '../../lib/deps.ts';

export const healthRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  app.get('/healthz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok', database: deps.engine };
    } catch {
      return reply
        .code(503)
        .send({ error: { code: 'database_unavailable', message: 'the database does not answer' } });
    }
  });
};
