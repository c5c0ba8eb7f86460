import { formatDate } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/langs.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { Layout, type PageFrame } from '../../web/layout.tsx';
import { EditorialLayout } from '../auth/index.ts';
import {
  answers,
  appealOutcomes,
  type PublicRequest,
  type RankingRow,
  type RefusalFilters,
  requesterKinds,
} from './registers.schemas.ts';
import {
  type FlashMessage,
  filteredHref,
  InputField,
  LocalizedFields,
  RecordHeading,
  type Region,
  RegionOptions,
  regionName,
  SelectField,
  type T,
  text,
  tFor,
} from './registers.views.tsx';

function requesterText(request: PublicRequest, t: T) {
  const kind = t(`requester_${request.requester.kind}`);
  return request.requester.anonymous
    ? t('anonymousRequester', { kind })
    : `${request.requester.name} (${kind})`;
}

function answerText(request: Pick<PublicRequest, 'answer' | 'late'>, t: T) {
  const answer = t(`answer_${request.answer}`);
  return request.late && request.answer !== 'late' ? `${answer} (${t('lateMark')})` : answer;
}

function YearRegionFilters({
  action,
  filters,
  years,
  regions,
  lang,
  t,
  withAnswer,
}: {
  action: string;
  filters: RefusalFilters;
  years: number[];
  regions: Region[];
  lang: Lang;
  t: T;
  withAnswer?: boolean;
}) {
  return (
    <form method="get" action={action} class="filters">
      <SelectField
        id="year"
        label={t('filterYear')}
        value={String(filters.year ?? '')}
        options={[['', t('filterAny')], ...years.map((year) => [String(year), String(year)] as const)]}
      />
      <SelectField
        id="region"
        label={t('filterRegion')}
        value={filters.region ?? ''}
        options={RegionOptions(regions, lang, t('filterAny'))}
      />
      {withAnswer ? (
        <SelectField
          id="answer"
          label={t('filterAnswer')}
          value={filters.answer ?? ''}
          options={[
            ['', t('filterAny')],
            ...(['refusals', 'late_answers', ...answers] as const).map(
              (answer) => [answer, t(`answer_${answer}`)] as const,
            ),
          ]}
        />
      ) : null}
      {withAnswer && filters.body ? <input type="hidden" name="body" value={filters.body} /> : null}
      <button type="submit">{t('filterApply')}</button>
    </form>
  );
}

export function RefusalsPage({
  frame,
  ranking,
  filters,
  years,
  regions,
}: {
  frame: PageFrame;
  ranking: RankingRow[];
  filters: RefusalFilters;
  years: number[];
  regions: Region[];
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  const records = `/${lang}/registers/refusals/records`;
  const cell = (row: RankingRow, count: number, answer?: string) => (
    <td>
      {count === 0 ? (
        '0'
      ) : (
        <a href={filteredHref(records, { body: row.body, year: row.year, region: row.region ?? '', answer })}>
          {count}
        </a>
      )}
    </td>
  );
  return (
    <Layout frame={frame}>
      <p>
        <a href={`/${lang}/registers`}>{t('registersTitle')}</a>
      </p>
      <h1>{t('refusalsTitle')}</h1>
      <p>{t('refusalsIntro')}</p>
      <YearRegionFilters action={`/${lang}/registers/refusals`} {...{ filters, years, regions, lang, t }} />
      <p>
        <a href={records}>{t('clearFilters')}</a> ·{' '}
        <a
          href={filteredHref('/api/v1/registers/refusals/ranking', {
            year: filters.year,
            region: filters.region,
          })}
        >
          {t('apiLink')}
        </a>
      </p>
      <section aria-labelledby="refusal-ranking">
        <h2 id="refusal-ranking">{t('rankingHeading')}</h2>
        <p>{t('rankingIntro')}</p>
        {ranking.length === 0 ? (
          <p>{t('noRecords')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('colBody')}</th>
                  <th scope="col">{t('colYear')}</th>
                  <th scope="col">{t('colRegion')}</th>
                  <th scope="col">{t('colRequests')}</th>
                  <th scope="col">{t('colRefusals')}</th>
                  <th scope="col">{t('colRefused')}</th>
                  <th scope="col">{t('colPartial')}</th>
                  <th scope="col">{t('colSilent')}</th>
                  <th scope="col">{t('colLate')}</th>
                </tr>
              </thead>
              <tbody>
                {ranking.map((row) => (
                  <tr key={`${row.body}|${row.year}|${row.region}`}>
                    <th scope="row">{row.body}</th>
                    <td>{row.year}</td>
                    <td>{row.region ? regionName(regions, row.region, lang) : '—'}</td>
                    {cell(row, row.requests)}
                    {cell(row, row.refusals, 'refusals')}
                    {cell(row, row.refused, 'refused')}
                    {cell(row, row.partial, 'partial')}
                    {cell(row, row.silent, 'silent')}
                    {cell(row, row.late, 'late_answers')}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  );
}

export function RequestsPage({
  frame,
  requests,
  filters,
  years,
  regions,
}: {
  frame: PageFrame;
  requests: PublicRequest[];
  filters: RefusalFilters;
  years: number[];
  regions: Region[];
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  const base = `/${lang}/registers/refusals`;
  return (
    <Layout frame={frame}>
      <p>
        <a href={base}>{t('backToRefusals')}</a>
      </p>
      <h1>{t('refusalsTitle')}</h1>
      <YearRegionFilters action={`${base}/records`} withAnswer {...{ filters, years, regions, lang, t }} />
      <p>
        {t('filtersShown', { count: requests.length })}
        {filters.body ? ` · ${t('filterBody')}: ${filters.body}` : ''}
        {' · '}
        <a href={`${base}/records`}>{t('clearFilters')}</a>
        {' · '}
        <a href={filteredHref('/api/v1/registers/refusals', { ...filters })}>{t('apiLink')}</a>
      </p>
      {requests.length === 0 ? (
        <p>{t('noRecords')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colRequestedOn')}</th>
                <th scope="col">{t('colBody')}</th>
                <th scope="col">{t('colSubject')}</th>
                <th scope="col">{t('colAnswer')}</th>
                <th scope="col">{t('colRegion')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <tr key={request.id}>
                  <td>
                    <a href={`${base}/${request.id}`}>{formatDate(request.requested_on, lang)}</a>
                  </td>
                  <td>{request.body}</td>
                  <td>{text(request.subject, lang)}</td>
                  <td>{answerText(request, t)}</td>
                  <td>{regionName(regions, request.region, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function RequestPage({
  frame,
  request,
  regions,
}: {
  frame: PageFrame;
  request: PublicRequest;
  regions: Region[];
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  return (
    <Layout frame={frame}>
      <p>
        <a href={`/${lang}/registers/refusals`}>{t('backToRefusals')}</a>
      </p>
      <article>
        <h1>{t('requestTitle', { body: request.body, date: formatDate(request.requested_on, lang) })}</h1>
        <dl class="facts">
          <dt>{t('colRequester')}</dt>
          <dd>{requesterText(request, t)}</dd>
          <dt>{t('colBody')}</dt>
          <dd>{request.body}</dd>
          {request.region ? (
            <>
              <dt>{t('colRegion')}</dt>
              <dd>{regionName(regions, request.region, lang)}</dd>
            </>
          ) : null}
          <dt>{t('colSubject')}</dt>
          <dd>{text(request.subject, lang)}</dd>
          <dt>{t('colDeadline')}</dt>
          <dd>{formatDate(request.deadline_on, lang)}</dd>
          <dt>{t('colAnswer')}</dt>
          <dd>{answerText(request, t)}</dd>
          {request.answered_on ? (
            <>
              <dt>{t('colAnsweredOn')}</dt>
              <dd>{formatDate(request.answered_on, lang)}</dd>
            </>
          ) : null}
          {request.grounds ? (
            <>
              <dt>{t('colGrounds')}</dt>
              <dd>{request.grounds}</dd>
            </>
          ) : null}
        </dl>
        <section aria-labelledby="request-appeals">
          <h2 id="request-appeals">{t('appealsHeading')}</h2>
          {request.appeals.length === 0 ? <p>{t('noAppeals')}</p> : null}
          <ul>
            {request.appeals.map((appeal) => (
              <li key={`${appeal.filed_on}-${appeal.appealed_to}`}>
                {t('appealLine', { date: formatDate(appeal.filed_on, lang), to: appeal.appealed_to })}:{' '}
                {t(`outcome_${appeal.outcome}`)}
                {appeal.decided_on
                  ? ` (${t('decidedOn', { date: formatDate(appeal.decided_on, lang) })})`
                  : ''}
              </li>
            ))}
          </ul>
        </section>
        {request.incident ? (
          <section aria-labelledby="request-incident">
            <h2 id="request-incident">{t('incidentHeading')}</h2>
            <p>
              <a href={`/${lang}/incidents/${encodeURIComponent(request.incident.id)}`}>
                {text(request.incident.title, lang)}
              </a>{' '}
              <span class="meta">{formatDate(request.incident.date, lang)}</span>
            </p>
          </section>
        ) : null}
        <p class="hint">
          <a href={`/api/v1/registers/refusals/${request.id}`}>{t('asJson')}</a>
        </p>
      </article>
    </Layout>
  );
}

export type RequestFormValues = {
  requester_kind: string;
  requester_name: string;
  requester_anonymous: boolean;
  body_name: string;
  region: string;
  requested_on: string;
  subject: Record<Lang, string>;
  deadline_on: string;
  answer: string;
  answered_on: string;
  grounds: string;
  incident: string;
  editorial_note: string;
};

export const emptyRequestForm: RequestFormValues = {
  requester_kind: 'journalist',
  requester_name: '',
  requester_anonymous: false,
  body_name: '',
  region: '',
  requested_on: '',
  subject: { kk: '', ru: '', en: '' },
  deadline_on: '',
  answer: 'pending',
  answered_on: '',
  grounds: '',
  incident: '',
  editorial_note: '',
};

export function RequestEditPage({
  frame,
  user,
  record,
  values,
  appeals,
  regions,
  flash,
}: {
  frame: PageFrame;
  user: CurrentUser;
  record?: { id: number; version: number; status: 'draft' | 'published' };
  values: RequestFormValues;
  appeals: Array<{
    id: number;
    filed_on: string;
    appealed_to: string;
    outcome: string;
    decided_on: string | null;
  }>;
  regions: Region[];
  flash?: FlashMessage | undefined;
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  const csrf = frame.editorial?.csrfToken ?? '';
  const base = record
    ? `/${lang}/editorial/registers/refusals/${record.id}`
    : `/${lang}/editorial/registers/refusals`;
  return (
    <EditorialLayout frame={frame} user={user}>
      <RecordHeading
        lang={lang}
        title={record ? t('editRequest') : t('newRequest')}
        flash={flash}
        {...(record
          ? { record: { ...record, publicPath: `/${lang}/registers/refusals/${record.id}`, base, csrf } }
          : {})}
      />
      <form method="post" action={base} class="editorial-form">
        <input type="hidden" name="_csrf" value={csrf} />
        {record ? <input type="hidden" name="version" value={String(record.version)} /> : null}
        <SelectField
          id="requester_kind"
          label={t('fieldRequesterKind')}
          value={values.requester_kind}
          options={requesterKinds.map((kind) => [kind, t(`requester_${kind}`)] as const)}
        />
        <InputField id="requester_name" label={t('fieldRequesterName')} value={values.requester_name} />
        <div class="field">
          <input
            id="requester_anonymous"
            name="requester_anonymous"
            type="checkbox"
            value="yes"
            checked={values.requester_anonymous}
          />{' '}
          <label for="requester_anonymous">{t('fieldRequesterAnonymous')}</label>
        </div>
        <InputField id="body_name" label={t('fieldBody')} value={values.body_name} required />
        <SelectField
          id="region"
          label={t('fieldRegion')}
          value={values.region}
          options={RegionOptions(regions, lang, '—')}
        />
        <InputField
          id="requested_on"
          label={t('fieldRequestedOn')}
          value={values.requested_on}
          type="date"
          required
        />
        <LocalizedFields
          name="subject"
          label={(name) => t('fieldSubject', { lang: name })}
          values={values.subject}
          t={t}
        />
        <InputField
          id="deadline_on"
          label={t('fieldDeadline')}
          value={values.deadline_on}
          type="date"
          required
        />
        <SelectField
          id="answer"
          label={t('fieldAnswer')}
          value={values.answer}
          options={answers.map((answer) => [answer, t(`answer_${answer}`)] as const)}
        />
        <InputField id="answered_on" label={t('fieldAnsweredOn')} value={values.answered_on} type="date" />
        <InputField id="grounds" label={t('fieldGrounds')} value={values.grounds} />
        <InputField id="incident" label={t('fieldIncident')} value={values.incident} />
        <div class="field">
          <label for="editorial_note">{t('fieldEditorialNote')}</label>
          <textarea id="editorial_note" name="editorial_note" rows={3}>
            {values.editorial_note}
          </textarea>
        </div>
        <button type="submit">{t('save')}</button>
      </form>
      {record ? (
        <section aria-labelledby="appeals-heading">
          <h2 id="appeals-heading">{t('appealsHeading')}</h2>
          {appeals.length === 0 ? <p>{t('noAppeals')}</p> : null}
          <ul>
            {appeals.map((appeal) => (
              <li key={appeal.id}>
                {t('appealLine', { date: formatDate(appeal.filed_on, lang), to: appeal.appealed_to })}:{' '}
                {t(`outcome_${appeal.outcome as (typeof appealOutcomes)[number]}`)}
              </li>
            ))}
          </ul>
          <form method="post" action={`${base}/appeals`} class="editorial-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <InputField id="filed_on" label={t('fieldFiledOn')} value="" type="date" required />
            <InputField id="appealed_to" label={t('fieldAppealedTo')} value="" required />
            <SelectField
              id="outcome"
              label={t('fieldOutcome')}
              value="pending"
              options={appealOutcomes.map((outcome) => [outcome, t(`outcome_${outcome}`)] as const)}
            />
            <InputField id="decided_on" label={t('fieldDecidedOn')} value="" type="date" />
            <button type="submit">{t('addAppeal')}</button>
          </form>
        </section>
      ) : null}
    </EditorialLayout>
  );
}

export function RequestEditorialTable({
  lang,
  records,
}: {
  lang: Lang;
  records: Array<{ id: number; body_name: string; requested_on: string; answer: string; status: string }>;
}) {
  const t = tFor(lang);
  return (
    <section aria-labelledby="editorial-refusals">
      <h2 id="editorial-refusals">{t('refusalsTitle')}</h2>
      {records.length === 0 ? (
        <p>{t('noneYet')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colRequestedOn')}</th>
                <th scope="col">{t('colBody')}</th>
                <th scope="col">{t('colAnswer')}</th>
                <th scope="col">{t('colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={record.id}>
                  <td>
                    <a href={`/${lang}/editorial/registers/refusals/${record.id}`}>
                      {formatDate(record.requested_on, lang)}
                    </a>
                  </td>
                  <td>{record.body_name}</td>
                  <td>{t(`answer_${record.answer as (typeof answers)[number]}`)}</td>
                  <td>{record.status === 'published' ? t('statusPublished') : t('statusDraft')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
