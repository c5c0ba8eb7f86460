import type { Revision } from '../../../lib/revisions.ts';
import type { EditorialSection } from '../../auth/index.ts';
import type { FieldErrors } from '../editorial.form.ts';
import type { Editorial } from '../editorial.http.tsx';
import { ErrorSummary } from './form-controls.tsx';
import { ButtonForm, EditorialPage, Notice } from './shell.tsx';

/**
 * The revision history of one record, newest first: who changed what and when, the line diff of
 * each change, and a button that restores the content a revision left behind (as a new revision).
 */
export function HistoryPage({
  ed,
  title,
  current,
  recordHref,
  revisions,
  restoreAction,
  notice,
  errors,
}: {
  ed: Editorial;
  title: string;
  current: EditorialSection;
  recordHref: string;
  revisions: readonly Revision[];
  /** The POST address of restoring one revision, or null where the role may not restore. */
  restoreAction: ((auditId: number) => string) | null;
  notice?: string | undefined;
  errors?: FieldErrors;
}) {
  const { t } = ed;
  const errorMap = errors ?? new Map<string, string>();
  return (
    <EditorialPage ed={ed} title={title} current={current} errors={errorMap}>
      <h1>{title}</h1>
      <Notice text={notice} />
      <ErrorSummary errors={errorMap} title={t('errorSummaryTitle')} labelFor={() => undefined} />
      <p>
        <a href={recordHref}>{t('cancel')}</a>
      </p>
      {revisions.length === 0 ? <p>{t('noRevisions')}</p> : null}
      <ol class="revisions" reversed>
        {revisions.map((revision, index) => {
          const when = new Date(revision.occurred_at);
          const who = revision.user?.display_name;
          const heading = who
            ? t('revisionBy', { action: revision.action, who })
            : t('revisionVia', { action: revision.action, via: revision.via });
          return (
            <li key={revision.audit_id} class="revision">
              <h2 id={`revision-${revision.audit_id}`}>
                <time dateTime={when.toISOString()}>{formatWhen(when)}</time> · {heading}
              </h2>
              {revision.changed_fields.length > 0 ? (
                <p>{t('changedFields', { fields: revision.changed_fields.join(', ') })}</p>
              ) : null}
              <Diff ed={ed} parts={revision.diff} />
              {restoreAction && index > 0 && revision.changed_fields.length > 0 ? (
                <ButtonForm
                  ed={ed}
                  action={restoreAction(revision.audit_id)}
                  label={t('restoreRevision')}
                  secondary
                />
              ) : null}
            </li>
          );
        })}
      </ol>
    </EditorialPage>
  );
}

/** Only changed lines and a line of context either side; marks say added/removed in words too. */
function Diff({ ed, parts }: { ed: Editorial; parts: Revision['diff'] }) {
  const lines: Array<{ op: 'add' | 'remove' | 'same'; text: string }> = [];
  for (const part of parts) {
    for (const line of part.text.replace(/\n$/, '').split('\n')) lines.push({ op: part.op, text: line });
  }
  const keep = lines.map(
    (line, index) => line.op !== 'same' || lines[index - 1]?.op !== 'same' || lines[index + 1]?.op !== 'same',
  );
  if (!lines.some((line) => line.op !== 'same')) return null;
  return (
    <pre class="diff">
      {lines.map((line, index) =>
        keep[index] ? (
          line.op === 'add' ? (
            <ins key={String(index)}>
              <span class="visually-hidden">{ed.t('diffAdded')}: </span>+ {line.text}
              {'\n'}
            </ins>
          ) : line.op === 'remove' ? (
            <del key={String(index)}>
              <span class="visually-hidden">{ed.t('diffRemoved')}: </span>- {line.text}
              {'\n'}
            </del>
          ) : (
            <span key={String(index)}>
              {'  '}
              {line.text}
              {'\n'}
            </span>
          )
        ) : null,
      )}
    </pre>
  );
}

function formatWhen(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
