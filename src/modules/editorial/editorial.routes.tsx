import type { FastifyPluginAsync } from 'fastify';
import type { ModuleOptions } from '../../lib/deps.ts';
import { actorPages } from './routes/actors.routes.tsx';
import { casePages } from './routes/cases.routes.tsx';
import { incidentPages } from './routes/incidents.routes.tsx';
import { workPages } from './routes/work.routes.tsx';

/** The editorial records app: incidents, legal cases, actors, and each user's work. */
export const editorialRoutes: FastifyPluginAsync<ModuleOptions> = async (app, options) => {
  await app.register(workPages, options);
  await app.register(incidentPages, options);
  await app.register(casePages, options);
  await app.register(actorPages, options);
};
