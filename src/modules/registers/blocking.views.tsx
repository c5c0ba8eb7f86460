import { formatDate } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/langs.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { Layout, type PageFrame } from '../../web/layout.tsx';
import { EditorialLayout } from '../auth/index.ts';
import {
  type BlockingFilters,
  type BlockingYear,
  type PublicBlocking,
  resourceKinds,
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

function stateText(record: { lifted_on: string | null }, lang: Lang, t: T) {
  return record.lifted_on
    ? t('stateLifted', { date: formatDate(record.lifted_on, lang) })
    : t('stateBlocked');
}

export function BlockingListPage({
  frame,
  records,
  figures,
  filters,
  regions,
}: {
  frame: PageFrame;
  records: PublicBlocking[];
  figures: BlockingYear[];
  filters: BlockingFilters;
  regions: Region[];
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  const base = `/${lang}/registers/blocking`;
  return (
    <Layout frame={frame}>
      <p>
        <a href={`/${lang}/registers`}>{t('registersTitle')}</a>
      </p>
      <h1>{t('blockingTitle')}</h1>
      <p>{t('blockingIntro')}</p>
      <section aria-labelledby="blocking-figures">
        <h2 id="blocking-figures">{t('figuresByYear')}</h2>
        {figures.length === 0 ? (
          <p>{t('noRecords')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('colYear')}</th>
                  <th scope="col">{t('colBlocked')}</th>
                  <th scope="col">{t('colLifted')}</th>
                  <th scope="col">{t('colStillBlocked')}</th>
                </tr>
              </thead>
              <tbody>
                {figures.map((row) => (
                  <tr key={row.year}>
                    <th scope="row">{row.year}</th>
                    <td>
                      <a href={filteredHref(base, { year: row.year })}>{row.blocked}</a>
                    </td>
                    <td>{row.lifted}</td>
                    <td>{row.still_blocked_at_year_end}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <form method="get" action={base} class="filters">
        <SelectField
          id="year"
          label={t('filterYear')}
          value={String(filters.year ?? '')}
          options={[
            ['', t('filterAny')],
            ...figures.map((row) => [String(row.year), String(row.year)] as const),
          ]}
        />
        <SelectField
          id="state"
          label={t('filterState')}
          value={filters.state ?? ''}
          options={[
            ['', t('filterAny')],
            ['blocked', t('filterBlocked')],
            ['lifted', t('filterLifted')],
          ]}
        />
        <SelectField
          id="region"
          label={t('filterRegion')}
          value={filters.region ?? ''}
          options={RegionOptions(regions, lang, t('filterAny'))}
        />
        <button type="submit">{t('filterApply')}</button>
      </form>
      <p>
        {t('filtersShown', { count: records.length })}
        {filters.year || filters.state || filters.region ? (
          <>
            {' · '}
            <a href={base}>{t('clearFilters')}</a>
          </>
        ) : null}
        {' · '}
        <a href={filteredHref('/api/v1/registers/blocking', { ...filters })}>{t('apiLink')}</a>
      </p>
      {records.length === 0 ? (
        <p>{t('noRecords')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colResource')}</th>
                <th scope="col">{t('colOrderedBy')}</th>
                <th scope="col">{t('colBlockedOn')}</th>
                <th scope="col">{t('colState')}</th>
                <th scope="col">{t('colRegion')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={record.id}>
                  <td>
                    <a href={`${base}/${record.id}`} class="break-anywhere">
                      {record.resource}
                    </a>{' '}
                    <span class="meta">({t(`kind_${record.resource_kind}`)})</span>
                  </td>
                  <td>{record.ordered_by}</td>
                  <td>{formatDate(record.blocked_on, lang)}</td>
                  <td>{stateText(record, lang, t)}</td>
                  <td>{regionName(regions, record.region, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function BlockingPage({
  frame,
  record,
  regions,
}: {
  frame: PageFrame;
  record: PublicBlocking;
  regions: Region[];
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  return (
    <Layout frame={frame}>
      <p>
        <a href={`/${lang}/registers/blocking`}>{t('backToBlocking')}</a>
      </p>
      <article>
        <h1 class="break-anywhere">{record.resource}</h1>
        <dl class="facts">
          <dt>{t('colKind')}</dt>
          <dd>{t(`kind_${record.resource_kind}`)}</dd>
          <dt>{t('colOrderedBy')}</dt>
          <dd>{record.ordered_by}</dd>
          {record.legal_basis ? (
            <>
              <dt>{t('colLegalBasis')}</dt>
              <dd>{record.legal_basis}</dd>
            </>
          ) : null}
          <dt>{t('colBlockedOn')}</dt>
          <dd>
            <time dateTime={record.blocked_on}>{formatDate(record.blocked_on, lang)}</time>
          </dd>
          <dt>{t('colState')}</dt>
          <dd>{stateText(record, lang, t)}</dd>
          {record.region ? (
            <>
              <dt>{t('colRegion')}</dt>
              <dd>{regionName(regions, record.region, lang)}</dd>
            </>
          ) : null}
        </dl>
        {text(record.description, lang) ? (
          <section aria-labelledby="blocking-description">
            <h2 id="blocking-description">{t('descriptionHeading')}</h2>
            <p>{text(record.description, lang)}</p>
          </section>
        ) : null}
        <section aria-labelledby="blocking-evidence">
          <h2 id="blocking-evidence">{t('evidenceHeading')}</h2>
          {record.evidence.length === 0 ? <p>{t('noEvidence')}</p> : null}
          <ul class="evidence-list">
            {record.evidence.map((item) => (
              <li key={item.id}>
                <p>
                  <strong>{t('evidenceChecked', { date: formatDate(item.checked_on, lang) })}</strong>:{' '}
                  {item.still_blocked ? t('evidenceStillBlocked') : t('evidenceNotBlocked')}
                </p>
                {item.link ? (
                  <p class="break-anywhere">
                    {t('evidenceLink')}: <a href={item.link}>{item.link}</a>
                  </p>
                ) : null}
                {item.content_sha256 ? (
                  <p class="break-anywhere">
                    {t('evidenceContentHash')}: <code>{item.content_sha256}</code>
                  </p>
                ) : null}
                {item.screenshot_url && item.screenshot_sha256 ? (
                  <figure>
                    <img
                      src={item.screenshot_url}
                      alt={t('screenshotAlt', {
                        resource: record.resource,
                        date: formatDate(item.checked_on, lang),
                      })}
                    />
                    <figcaption class="break-anywhere">
                      <a href={item.screenshot_url}>
                        {t('evidenceScreenshot', { hash: item.screenshot_sha256 })}
                      </a>
                    </figcaption>
                  </figure>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
        {record.incidents.length > 0 ? (
          <section aria-labelledby="blocking-incidents">
            <h2 id="blocking-incidents">{t('incidentsHeading')}</h2>
            <ul>
              {record.incidents.map((incident) => (
                <li key={incident.id}>
                  <a href={`/${lang}/incidents/${encodeURIComponent(incident.id)}`}>
                    {text(incident.title, lang)}
                  </a>{' '}
                  <span class="meta">{formatDate(incident.date, lang)}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <p class="hint">
          <a href={`/api/v1/registers/blocking/${record.id}`}>{t('asJson')}</a>
        </p>
      </article>
    </Layout>
  );
}

export type BlockingFormValues = {
  resource: string;
  resource_kind: string;
  ordered_by: string;
  legal_basis: string;
  blocked_on: string;
  lifted_on: string;
  region: string;
  description: Record<Lang, string>;
  editorial_note: string;
  incidents: string;
};

export const emptyBlockingForm: BlockingFormValues = {
  resource: '',
  resource_kind: 'site',
  ordered_by: '',
  legal_basis: '',
  blocked_on: '',
  lifted_on: '',
  region: '',
  description: { kk: '', ru: '', en: '' },
  editorial_note: '',
  incidents: '',
};

export function BlockingEditPage({
  frame,
  user,
  record,
  values,
  evidence,
  regions,
  flash,
}: {
  frame: PageFrame;
  user: CurrentUser;
  /** Absent for a new record. */
  record?: { id: number; version: number; status: 'draft' | 'published' };
  values: BlockingFormValues;
  evidence: Array<{
    id: number;
    checked_on: string;
    still_blocked: boolean;
    link: string;
    content_sha256: string | null;
    screenshot_sha256: string | null;
  }>;
  regions: Region[];
  flash?: FlashMessage | undefined;
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  const csrf = frame.editorial?.csrfToken ?? '';
  const base = record
    ? `/${lang}/editorial/registers/blocking/${record.id}`
    : `/${lang}/editorial/registers/blocking`;
  return (
    <EditorialLayout frame={frame} user={user}>
      <RecordHeading
        lang={lang}
        title={record ? t('editBlocking') : t('newBlocking')}
        flash={flash}
        {...(record
          ? { record: { ...record, publicPath: `/${lang}/registers/blocking/${record.id}`, base, csrf } }
          : {})}
      />
      <form method="post" action={base} class="editorial-form">
        <input type="hidden" name="_csrf" value={csrf} />
        {record ? <input type="hidden" name="version" value={String(record.version)} /> : null}
        <InputField id="resource" label={t('fieldResource')} value={values.resource} required />
        <SelectField
          id="resource_kind"
          label={t('fieldResourceKind')}
          value={values.resource_kind}
          options={resourceKinds.map((kind) => [kind, t(`kind_${kind}`)] as const)}
        />
        <InputField id="ordered_by" label={t('fieldOrderedBy')} value={values.ordered_by} required />
        <InputField id="legal_basis" label={t('fieldLegalBasis')} value={values.legal_basis} />
        <InputField
          id="blocked_on"
          label={t('fieldBlockedOn')}
          value={values.blocked_on}
          type="date"
          required
        />
        <InputField id="lifted_on" label={t('fieldLiftedOn')} value={values.lifted_on} type="date" />
        <SelectField
          id="region"
          label={t('fieldRegion')}
          value={values.region}
          options={RegionOptions(regions, lang, '—')}
        />
        <LocalizedFields
          name="description"
          label={(name) => t('fieldDescription', { lang: name })}
          values={values.description}
          t={t}
        />
        <InputField id="incidents" label={t('fieldIncidents')} value={values.incidents} />
        <div class="field">
          <label for="editorial_note">{t('fieldEditorialNote')}</label>
          <textarea id="editorial_note" name="editorial_note" rows={3}>
            {values.editorial_note}
          </textarea>
        </div>
        <button type="submit">{t('save')}</button>
      </form>
      {record ? (
        <section aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">{t('evidenceHeading')}</h2>
          {evidence.length === 0 ? <p>{t('noEvidence')}</p> : null}
          <ul>
            {evidence.map((item) => (
              <li key={item.id} class="break-anywhere">
                {formatDate(item.checked_on, lang)}:{' '}
                {item.still_blocked ? t('evidenceStillBlocked') : t('evidenceNotBlocked')}
                {item.link ? ` · ${item.link}` : ''}
                {item.content_sha256 ? ` · ${item.content_sha256}` : ''}
                {item.screenshot_sha256
                  ? ` · ${t('evidenceScreenshot', { hash: item.screenshot_sha256 })}`
                  : ''}
              </li>
            ))}
          </ul>
          <form
            method="post"
            action={`${base}/evidence`}
            enctype="multipart/form-data"
            class="editorial-form"
          >
            <input type="hidden" name="_csrf" value={csrf} />
            <InputField id="checked_on" label={t('fieldCheckedOn')} value="" type="date" required />
            <div class="field">
              <input id="still_blocked" name="still_blocked" type="checkbox" value="yes" checked />{' '}
              <label for="still_blocked">{t('fieldStillBlocked')}</label>
            </div>
            <InputField id="link" label={t('fieldLink')} value="" type="url" />
            <InputField id="content_sha256" label={t('fieldContentHash')} value="" />
            <div class="field">
              <label for="screenshot">{t('fieldScreenshot')}</label>
              <input id="screenshot" name="screenshot" type="file" accept="image/png,image/jpeg,image/webp" />
            </div>
            <button type="submit">{t('addEvidence')}</button>
          </form>
        </section>
      ) : null}
    </EditorialLayout>
  );
}

export function BlockingEditorialTable({
  lang,
  records,
}: {
  lang: Lang;
  records: Array<{
    id: number;
    resource: string;
    blocked_on: string;
    lifted_on: string | null;
    status: string;
  }>;
}) {
  const t = tFor(lang);
  return (
    <section aria-labelledby="editorial-blocking">
      <h2 id="editorial-blocking">{t('blockingTitle')}</h2>
      {records.length === 0 ? (
        <p>{t('noneYet')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colResource')}</th>
                <th scope="col">{t('colBlockedOn')}</th>
                <th scope="col">{t('colState')}</th>
                <th scope="col">{t('colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={record.id}>
                  <td class="break-anywhere">
                    <a href={`/${lang}/editorial/registers/blocking/${record.id}`}>{record.resource}</a>
                  </td>
                  <td>{formatDate(record.blocked_on, lang)}</td>
                  <td>{stateText(record, lang, t)}</td>
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
