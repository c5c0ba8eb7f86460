import type { FastifyPluginAsync } from 'fastify';
import type { ModuleOptions } from '../../../lib/deps.ts';
import { loadReferenceData as loadCaseReference } from '../../../lib/reference-data.ts';
import { editorialGuard } from '../../auth/index.ts';
import { listCases, loadCaseViews } from '../../cases/index.ts';
import { listIncidents, loadIncidentViews } from '../../incidents/index.ts';
import { anyRole, deskRoles, editorial, incidentRoles, page } from '../editorial.http.tsx';
import { loadReferenceData, recentlyPublishedIds, returnedDrafts } from '../editorial.repo.ts';
import { caseItem, incidentItem, ReviewPage, WorkPage, type WorkSection } from '../pages/work.tsx';

const empty = { items: [], total: 0, page: 1, page_size: 0 };

export const workPages: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  /**
   * "My work" (the overview page belongs to auth): my drafts, the ones an editor sent back to me,
   * mine waiting for review, the desk's queue for editors, and what was published last.
   */
  app.get(
    '/:lang(kk|ru|en)/editorial/my-work',
    { preHandler: editorialGuard(deps, anyRole) },
    async (request, reply) => {
      const ed = editorial(request, deps, anyRole);
      const { t, user } = ed;
      const incidents = incidentRoles.includes(user.role);
      const desk = deskRoles.includes(user.role);
      const mine = (status: 'draft' | 'in_review') => ({ status, mine: true, page_size: 100 });
      const [
        draftIncidents,
        draftCases,
        waitingIncidents,
        waitingCases,
        queueIncidents,
        queueCases,
        published,
      ] = await Promise.all([
        incidents ? listIncidents(ed.ctx, mine('draft')) : empty,
        listCases(ed.ctx, mine('draft')),
        incidents ? listIncidents(ed.ctx, mine('in_review')) : empty,
        listCases(ed.ctx, mine('in_review')),
        desk ? listIncidents(ed.ctx, { status: 'in_review', page_size: 20 }) : empty,
        desk ? listCases(ed.ctx, { status: 'in_review', page_size: 20 }) : empty,
        recentlyPublishedIds(deps.db, 10),
      ]);
      const [returnedIncidents, returnedCases, publishedIncidents, publishedCases] = await Promise.all([
        returnedDrafts(
          deps.db,
          'incident',
          draftIncidents.items.map((item) => item.id),
          user.id,
        ),
        returnedDrafts(
          deps.db,
          'case',
          draftCases.items.map((item) => item.id),
          user.id,
        ),
        incidents ? loadIncidentViews(deps.db, published.incidents) : new Map(),
        loadCaseViews(deps.db, published.cases, await loadCaseReference(deps.db)),
      ]);
      const drafts = [
        ...draftIncidents.items.filter((item) => !returnedIncidents.has(item.id)).map(incidentItem),
        ...draftCases.items.filter((item) => !returnedCases.has(item.id)).map(caseItem),
      ];
      const returned = [
        ...draftIncidents.items.filter((item) => returnedIncidents.has(item.id)).map(incidentItem),
        ...draftCases.items.filter((item) => returnedCases.has(item.id)).map(caseItem),
      ];
      const sections: WorkSection[] = [
        { id: 'returned', title: t('returnedToMe'), hint: t('returnedHint'), items: returned },
        { id: 'drafts', title: t('myDrafts'), items: drafts },
        {
          id: 'waiting',
          title: t('inReviewMine'),
          items: [...waitingIncidents.items.map(incidentItem), ...waitingCases.items.map(caseItem)],
        },
      ];
      if (desk) {
        sections.push({
          id: 'queue',
          title: t('reviewQueue'),
          items: [...queueIncidents.items.map(incidentItem), ...queueCases.items.map(caseItem)],
          more: `${ed.base}/review`,
        });
      }
      sections.push({
        id: 'published',
        title: t('recentlyPublished'),
        items: [
          ...published.incidents.flatMap((id) => {
            const view = publishedIncidents.get(id);
            return view ? [incidentItem(view)] : [];
          }),
          ...published.cases.flatMap((id) => {
            const view = publishedCases.get(id);
            return view ? [caseItem(view)] : [];
          }),
        ],
      });
      return page(reply, <WorkPage ed={ed} sections={sections} />);
    },
  );

  app.get(
    '/:lang(kk|ru|en)/editorial/review',
    { preHandler: editorialGuard(deps, deskRoles) },
    async (request, reply) => {
      const ed = editorial(request, deps, deskRoles);
      const [incidents, cases, reference] = await Promise.all([
        listIncidents(ed.ctx, { status: 'in_review', page_size: 200 }),
        listCases(ed.ctx, { status: 'in_review', page_size: 200 }),
        loadReferenceData(deps.db),
      ]);
      return page(
        reply,
        <ReviewPage ed={ed} incidents={incidents.items} cases={cases.items} reference={reference} />,
      );
    },
  );
};
