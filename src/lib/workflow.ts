import type { RecordStatus, Role } from '../db/types.ts';
import { AppError } from './errors.ts';

/**
 * A minimal stand-in for the editorial workflow (draft → in review → published → archived). The
 * auth branch owns the real state machine; this keeps the same signature so the records services
 * compile and run until that lands.
 */
export const workflowActions = ['submit', 'return', 'publish', 'unpublish', 'archive', 'restore'] as const;
export type WorkflowAction = (typeof workflowActions)[number];

const editors: readonly Role[] = ['admin', 'editor'];
const everyone: readonly Role[] = ['admin', 'editor', 'monitor', 'lawyer'];

const steps: Record<
  WorkflowAction,
  { from: readonly RecordStatus[]; to: RecordStatus; roles: readonly Role[] }
> = {
  submit: { from: ['draft'], to: 'in_review', roles: everyone },
  return: { from: ['in_review'], to: 'draft', roles: editors },
  publish: { from: ['in_review'], to: 'published', roles: editors },
  unpublish: { from: ['published'], to: 'in_review', roles: editors },
  archive: { from: ['draft', 'in_review', 'published'], to: 'archived', roles: editors },
  restore: { from: ['archived'], to: 'draft', roles: editors },
};

export function transition(from: RecordStatus, action: WorkflowAction, role: Role): RecordStatus {
  const step = steps[action];
  if (!step) throw new AppError('bad_request', `unknown workflow action: ${String(action)}`);
  if (!step.from.includes(from)) {
    throw new AppError('invalid_transition', `cannot ${action} a record that is ${from}`);
  }
  if (!step.roles.includes(role)) {
    throw new AppError('forbidden', `the role ${role} may not ${action} a record`);
  }
  return step.to;
}
