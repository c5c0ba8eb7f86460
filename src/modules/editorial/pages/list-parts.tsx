import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../../i18n/format.ts';
import type { FormBody } from '../editorial.form.ts';
import type { Editorial } from '../editorial.http.tsx';

/**
 * Filters are a GET form, so a filtered list is a URL that can be bookmarked and shared; the page
 * number rides along in the same query.
 */
export function FilterForm({
  ed,
  action,
  children,
}: {
  ed: Editorial;
  action: string;
  children: ComponentChildren;
}) {
  return (
    <form method="get" action={action} class="filters" aria-labelledby="filters-title">
      <h2 id="filters-title" class="visually-hidden">
        {ed.t('filtersTitle')}
      </h2>
      <div class="filter-fields">{children}</div>
      <div class="filter-buttons">
        <button type="submit">{ed.t('applyFilters')}</button> <a href={action}>{ed.t('clearFilters')}</a>
      </div>
    </form>
  );
}

/** The same list with another page number, every filter kept. */
export function pageHref(action: string, filters: FormBody, page: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (name === 'page' || name === 'done' || value === undefined) continue;
    for (const item of typeof value === 'string' ? [value] : value)
      if (item !== '') params.append(name, item);
  }
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${action}?${query}` : action;
}

export function Pagination({
  ed,
  action,
  filters,
  page,
  pageSize,
  total,
}: {
  ed: Editorial;
  action: string;
  filters: FormBody;
  page: number;
  pageSize: number;
  total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={ed.t('paginationLabel')} class="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <a href={pageHref(action, filters, page - 1)} rel="prev">
              {ed.t('previousPage')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">
          {ed.t('pageOf', { page: formatNumber(page, ed.lang), pages: formatNumber(pages, ed.lang) })}
        </li>
        {page < pages ? (
          <li>
            <a href={pageHref(action, filters, page + 1)} rel="next">
              {ed.t('nextPage')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function ResultCount({ ed, total }: { ed: Editorial; total: number }) {
  return (
    <p class="result-count" role="status">
      {total === 0 ? ed.t('noResults') : ed.t('resultsCount', { count: formatNumber(total, ed.lang) })}
    </p>
  );
}
