import type { RecordStatus, Role, WorkflowAction } from '../domain/vocabularies.ts';
import { workflowActions } from '../domain/vocabularies.ts';
import { AppError } from './errors.ts';

/**
 * The editorial workflow of incidents and legal cases, as one pure transition table. Every status
 * write goes through `transition`, inside the transaction that locks the record's row.
 *
 *   draft ──submit──▶ in_review ──publish──▶ published
 *     ▲  ◀─return/withdraw─┘  ◀────unpublish─────┘
 *     │                                          │
 *     └──restore── archived ◀──────archive───────┘  (archive also from draft and in_review)
 *
 * Why these steps:
 * - Only the review queue leads to publication, so every published record passed a second pair of
 *   eyes; the figures count published records only.
 * - `unpublish` goes back to the review queue, not to draft: a record taken down after a complaint
 *   or an error stays in front of the desk until it is fixed and republished, returned to its author,
 *   or archived.
 * - `archive` sets a record aside without deleting it (a duplicate, an unverifiable report, a
 *   retraction); the audit trail keeps why. `restore` brings it back as a draft, so it is reviewed
 *   again before it can be published.
 * - Authors (monitors; lawyers for cases) submit, withdraw and discard their own drafts. Editors and
 *   admins run the desk: return, publish, unpublish, archive and restore any record.
 */
export {
  recordStatuses as workflowStatuses,
  type WorkflowAction,
  workflowActions,
} from '../domain/vocabularies.ts';

export type RecordKind = 'incident' | 'case';

/**
 * What the workflow must know about the record besides its status. Both default to the least
 * privilege: a record of unknown kind is an incident, and the acting user is not its author.
 */
export type WorkflowSubject = { kind?: RecordKind; isAuthor?: boolean };

/** 'any': on every record; 'own': only on records the user created. */
type Grant = Partial<Record<Role, 'any' | 'own'>>;

export type WorkflowRule = {
  action: WorkflowAction;
  from: RecordStatus;
  to: RecordStatus;
  grant: Grant;
};

const desk: Grant = { editor: 'any', admin: 'any' };
const authorsAndDesk: Grant = { monitor: 'own', lawyer: 'own', editor: 'any', admin: 'any' };

export const workflowRules: readonly WorkflowRule[] = [
  { action: 'submit', from: 'draft', to: 'in_review', grant: authorsAndDesk },
  { action: 'withdraw', from: 'in_review', to: 'draft', grant: { monitor: 'own', lawyer: 'own' } },
  { action: 'return', from: 'in_review', to: 'draft', grant: desk },
  { action: 'publish', from: 'in_review', to: 'published', grant: desk },
  { action: 'unpublish', from: 'published', to: 'in_review', grant: desk },
  { action: 'archive', from: 'draft', to: 'archived', grant: authorsAndDesk },
  { action: 'archive', from: 'in_review', to: 'archived', grant: desk },
  { action: 'archive', from: 'published', to: 'archived', grant: desk },
  { action: 'restore', from: 'archived', to: 'draft', grant: desk },
];

/** Lawyers follow legal cases; incidents are the monitors' and the desk's. */
const rolesByKind: Record<RecordKind, readonly Role[]> = {
  incident: ['admin', 'editor', 'monitor'],
  case: ['admin', 'editor', 'monitor', 'lawyer'],
};

function ruleFor(status: RecordStatus, action: WorkflowAction): WorkflowRule | undefined {
  return workflowRules.find((rule) => rule.action === action && rule.from === status);
}

function mayFire(rule: WorkflowRule, role: Role, subject: WorkflowSubject): boolean {
  if (!rolesByKind[subject.kind ?? 'incident'].includes(role)) return false;
  const grant = rule.grant[role];
  return grant === 'any' || (grant === 'own' && subject.isAuthor === true);
}

/**
 * The status after `action`, or an AppError: 'invalid_transition' when the action does not apply to
 * a record in `status` (whoever asks), 'forbidden' when it does but `role` may not fire it.
 */
export function transition(
  status: RecordStatus,
  action: WorkflowAction,
  role: Role,
  subject: WorkflowSubject = {},
): RecordStatus {
  const rule = ruleFor(status, action);
  if (!rule) {
    // The message keeps no field prefix: a refused step is shown at the top of the record's page.
    throw new AppError('invalid_transition', `cannot ${action} a record whose status is ${status}`, {
      field: 'status',
      detail: { key: 'invalidTransition', params: { action, status } },
    });
  }
  if (!mayFire(rule, role, subject)) {
    const kind = subject.kind ?? 'incident';
    const own =
      rolesByKind[kind].includes(role) && rule.grant[role] === 'own' ? ' (only on records they created)' : '';
    throw new AppError('forbidden', `the ${role} role cannot ${action} this ${kind}${own}`);
  }
  return rule.to;
}

/** The actions `role` may fire on a record in `status`, in the order of `workflowActions`. */
export function allowedActions(
  status: RecordStatus,
  role: Role,
  subject: WorkflowSubject = {},
): WorkflowAction[] {
  return workflowActions.filter((action) => {
    const rule = ruleFor(status, action);
    return rule !== undefined && mayFire(rule, role, subject);
  });
}

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && (workflowActions as readonly string[]).includes(value);
}
