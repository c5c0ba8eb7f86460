import type { RecordStatus } from '../../../db/types.ts';
import { formatDate } from '../../../i18n/format.ts';
import type { LocalizedText } from '../../../i18n/langs.ts';
import type { CaseView } from '../../cases/index.ts';
import type { IncidentView } from '../../incidents/index.ts';
import type { Editorial } from '../editorial.http.tsx';
import type { ReferenceData } from '../editorial.repo.ts';
import { CaseTable, caseHref } from './cases.tsx';
import { IncidentTable, incidentHref } from './incidents.tsx';
import { EditorialPage, Localized, StatusBadge } from './shell.tsx';

export type WorkItem = {
  kind: 'incident' | 'case';
  id: string;
  title: LocalizedText;
  date: string;
  status: RecordStatus;
};

export type WorkSection = {
  id: string;
  title: string;
  hint?: string;
  items: readonly WorkItem[];
  more?: string;
};

export function incidentItem(incident: IncidentView): WorkItem {
  return {
    kind: 'incident',
    id: incident.id,
    title: incident.title,
    date: incident.date,
    status: incident.status,
  };
}

export function caseItem(record: CaseView): WorkItem {
  const last = record.events[record.events.length - 1];
  return { kind: 'case', id: record.id, title: record.title, date: last?.date ?? '', status: record.status };
}

/** "My work": the signed-in user's drafts, what came back to them, and the desk's queue. */
export function WorkPage({ ed, sections }: { ed: Editorial; sections: readonly WorkSection[] }) {
  const { t } = ed;
  return (
    <EditorialPage ed={ed} title={t('myWorkTitle')}>
      <h1>{t('myWorkTitle')}</h1>
      <ul class="record-links">
        {ed.user.role !== 'lawyer' ? (
          <li>
            <a class="button" href={`${ed.base}/incidents/new`}>
              {t('newIncident')}
            </a>
          </li>
        ) : null}
        <li>
          <a class="button" href={`${ed.base}/cases/new`}>
            {t('newCase')}
          </a>
        </li>
      </ul>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`work-${section.id}`} class="work-section">
          <h2 id={`work-${section.id}`}>
            {section.title} ({section.items.length})
          </h2>
          {section.hint ? <p class="hint">{section.hint}</p> : null}
          {section.items.length === 0 ? (
            <p>{t('nothingHere')}</p>
          ) : (
            <ul class="work-list">
              {section.items.map((item) => (
                <li key={`${item.kind}-${item.id}`}>
                  <a href={item.kind === 'incident' ? incidentHref(ed, item.id) : caseHref(ed, item.id)}>
                    <Localized text={item.title} lang={ed.lang} fallback={item.id} />
                  </a>{' '}
                  <span class="hint">
                    ({item.kind === 'incident' ? t('kindIncident') : t('kindCase')}
                    {item.date ? `, ${formatDate(item.date, ed.lang)}` : ''})
                  </span>{' '}
                  <StatusBadge status={item.status} t={t} />
                </li>
              ))}
            </ul>
          )}
          {section.more ? (
            <p>
              <a href={section.more}>{t('seeAll')}</a>
            </p>
          ) : null}
        </section>
      ))}
    </EditorialPage>
  );
}

/** The desk's queue: every incident and case waiting for review. */
export function ReviewPage({
  ed,
  incidents,
  cases,
  reference,
}: {
  ed: Editorial;
  incidents: readonly IncidentView[];
  cases: readonly CaseView[];
  reference: ReferenceData;
}) {
  const { t } = ed;
  return (
    <EditorialPage ed={ed} title={t('reviewTitle')} current="review">
      <h1>{t('reviewTitle')}</h1>
      <section aria-labelledby="review-incidents">
        <h2 id="review-incidents">
          {t('incidentsTitle')} ({incidents.length})
        </h2>
        {incidents.length === 0 ? (
          <p>{t('nothingHere')}</p>
        ) : (
          <IncidentTable ed={ed} items={incidents} reference={reference} />
        )}
      </section>
      <section aria-labelledby="review-cases">
        <h2 id="review-cases">
          {t('casesTitle')} ({cases.length})
        </h2>
        {cases.length === 0 ? <p>{t('nothingHere')}</p> : <CaseTable ed={ed} items={cases} />}
      </section>
    </EditorialPage>
  );
}
