import type { RecordStatus } from '../../../db/types.ts';
import { allowedActions, type RecordKind } from '../../../lib/workflow.ts';
import { type Editorial, offeredActions } from '../editorial.http.tsx';
import { ButtonForm, StatusBadge } from './shell.tsx';

/** Steps that take a record back or aside look secondary, so publishing never looks like undoing. */
const stepsBack: ReadonlySet<string> = new Set(['return', 'unpublish', 'archive', 'withdraw']);

/**
 * The record's status and one button per step the signed-in user may take now, straight from the
 * workflow's table (a hidden button is not a permission: the service checks again).
 */
export function WorkflowPanel({
  ed,
  status,
  kind,
  createdBy,
  action,
}: {
  ed: Editorial;
  status: RecordStatus;
  kind: RecordKind;
  createdBy: number | null;
  action: string;
}) {
  const { t } = ed;
  const actions = offeredActions(
    allowedActions(status, ed.user.role, { kind, isAuthor: createdBy === ed.user.id }),
  );
  return (
    <section aria-labelledby="workflow-title" class="workflow-panel">
      <h2 id="workflow-title">{t('actionsTitle')}</h2>
      <p>
        <StatusBadge status={status} t={t} />
      </p>
      {actions.length === 0 ? <p class="hint">{t('noActions')}</p> : null}
      <div>
        {actions.map((name) => (
          <ButtonForm
            key={name}
            ed={ed}
            action={action}
            label={t(`action_${name}`)}
            fields={{ action: name }}
            secondary={stepsBack.has(name)}
          />
        ))}
      </div>
    </section>
  );
}
