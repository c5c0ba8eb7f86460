import { describe, expect, it } from 'vitest';
import type { RecordStatus, Role } from '../db/types.ts';
import { AppError } from './errors.ts';
import {
  allowedActions,
  type RecordKind,
  transition,
  type WorkflowAction,
  workflowActions,
  workflowRules,
  workflowStatuses,
} from './workflow.ts';

/**
 * The whole matrix, written out: kind × authorship × role × action, one column per status.
 * A cell is the status after the action, `x` for invalid_transition (the action does not apply to
 * that status, whoever asks) and `-` for forbidden (it applies, but not for this role).
 * "own": the acting user created the record; "other": someone else did.
 */
const expectedTable = `
kind     author role    action    draft     in_review published archived
incident own    admin   submit    in_review x         x         x
incident own    admin   withdraw  x         -         x         x
incident own    admin   return    x         draft     x         x
incident own    admin   publish   x         published x         x
incident own    admin   unpublish x         x         in_review x
incident own    admin   archive   archived  archived  archived  x
incident own    admin   restore   x         x         x         draft
incident own    editor  submit    in_review x         x         x
incident own    editor  withdraw  x         -         x         x
incident own    editor  return    x         draft     x         x
incident own    editor  publish   x         published x         x
incident own    editor  unpublish x         x         in_review x
incident own    editor  archive   archived  archived  archived  x
incident own    editor  restore   x         x         x         draft
incident own    monitor submit    in_review x         x         x
incident own    monitor withdraw  x         draft     x         x
incident own    monitor return    x         -         x         x
incident own    monitor publish   x         -         x         x
incident own    monitor unpublish x         x         -         x
incident own    monitor archive   archived  -         -         x
incident own    monitor restore   x         x         x         -
incident own    lawyer  submit    -         x         x         x
incident own    lawyer  withdraw  x         -         x         x
incident own    lawyer  return    x         -         x         x
incident own    lawyer  publish   x         -         x         x
incident own    lawyer  unpublish x         x         -         x
incident own    lawyer  archive   -         -         -         x
incident own    lawyer  restore   x         x         x         -
incident other  admin   submit    in_review x         x         x
incident other  admin   withdraw  x         -         x         x
incident other  admin   return    x         draft     x         x
incident other  admin   publish   x         published x         x
incident other  admin   unpublish x         x         in_review x
incident other  admin   archive   archived  archived  archived  x
incident other  admin   restore   x         x         x         draft
incident other  editor  submit    in_review x         x         x
incident other  editor  withdraw  x         -         x         x
incident other  editor  return    x         draft     x         x
incident other  editor  publish   x         published x         x
incident other  editor  unpublish x         x         in_review x
incident other  editor  archive   archived  archived  archived  x
incident other  editor  restore   x         x         x         draft
incident other  monitor submit    -         x         x         x
incident other  monitor withdraw  x         -         x         x
incident other  monitor return    x         -         x         x
incident other  monitor publish   x         -         x         x
incident other  monitor unpublish x         x         -         x
incident other  monitor archive   -         -         -         x
incident other  monitor restore   x         x         x         -
incident other  lawyer  submit    -         x         x         x
incident other  lawyer  withdraw  x         -         x         x
incident other  lawyer  return    x         -         x         x
incident other  lawyer  publish   x         -         x         x
incident other  lawyer  unpublish x         x         -         x
incident other  lawyer  archive   -         -         -         x
incident other  lawyer  restore   x         x         x         -
case     own    admin   submit    in_review x         x         x
case     own    admin   withdraw  x         -         x         x
case     own    admin   return    x         draft     x         x
case     own    admin   publish   x         published x         x
case     own    admin   unpublish x         x         in_review x
case     own    admin   archive   archived  archived  archived  x
case     own    admin   restore   x         x         x         draft
case     own    editor  submit    in_review x         x         x
case     own    editor  withdraw  x         -         x         x
case     own    editor  return    x         draft     x         x
case     own    editor  publish   x         published x         x
case     own    editor  unpublish x         x         in_review x
case     own    editor  archive   archived  archived  archived  x
case     own    editor  restore   x         x         x         draft
case     own    monitor submit    in_review x         x         x
case     own    monitor withdraw  x         draft     x         x
case     own    monitor return    x         -         x         x
case     own    monitor publish   x         -         x         x
case     own    monitor unpublish x         x         -         x
case     own    monitor archive   archived  -         -         x
case     own    monitor restore   x         x         x         -
case     own    lawyer  submit    in_review x         x         x
case     own    lawyer  withdraw  x         draft     x         x
case     own    lawyer  return    x         -         x         x
case     own    lawyer  publish   x         -         x         x
case     own    lawyer  unpublish x         x         -         x
case     own    lawyer  archive   archived  -         -         x
case     own    lawyer  restore   x         x         x         -
case     other  admin   submit    in_review x         x         x
case     other  admin   withdraw  x         -         x         x
case     other  admin   return    x         draft     x         x
case     other  admin   publish   x         published x         x
case     other  admin   unpublish x         x         in_review x
case     other  admin   archive   archived  archived  archived  x
case     other  admin   restore   x         x         x         draft
case     other  editor  submit    in_review x         x         x
case     other  editor  withdraw  x         -         x         x
case     other  editor  return    x         draft     x         x
case     other  editor  publish   x         published x         x
case     other  editor  unpublish x         x         in_review x
case     other  editor  archive   archived  archived  archived  x
case     other  editor  restore   x         x         x         draft
case     other  monitor submit    -         x         x         x
case     other  monitor withdraw  x         -         x         x
case     other  monitor return    x         -         x         x
case     other  monitor publish   x         -         x         x
case     other  monitor unpublish x         x         -         x
case     other  monitor archive   -         -         -         x
case     other  monitor restore   x         x         x         -
case     other  lawyer  submit    -         x         x         x
case     other  lawyer  withdraw  x         -         x         x
case     other  lawyer  return    x         -         x         x
case     other  lawyer  publish   x         -         x         x
case     other  lawyer  unpublish x         x         -         x
case     other  lawyer  archive   -         -         -         x
case     other  lawyer  restore   x         x         x         -
`;

type Cell = RecordStatus | 'invalid_transition' | 'forbidden';
type Row = { kind: RecordKind; isAuthor: boolean; role: Role; action: WorkflowAction; cells: Cell[] };

const roles: Role[] = ['admin', 'editor', 'monitor', 'lawyer'];
const kinds: RecordKind[] = ['incident', 'case'];

function parseTable(text: string): Row[] {
  const [header, ...lines] = text.trim().split('\n');
  expect(header?.split(/\s+/).slice(4)).toEqual([...workflowStatuses]);
  return lines.map((line) => {
    const [kind, author, role, action, ...cells] = line.trim().split(/\s+/);
    return {
      kind: kind as RecordKind,
      isAuthor: author === 'own',
      role: role as Role,
      action: action as WorkflowAction,
      cells: cells.map(
        (cell): Cell =>
          cell === 'x' ? 'invalid_transition' : cell === '-' ? 'forbidden' : (cell as RecordStatus),
      ),
    };
  });
}

function outcome(fire: () => RecordStatus): Cell {
  try {
    return fire();
  } catch (error) {
    if (error instanceof AppError && (error.code === 'invalid_transition' || error.code === 'forbidden')) {
      return error.code;
    }
    throw error;
  }
}

const rows = parseTable(expectedTable);

describe('the workflow matrix', () => {
  it('lists every kind × authorship × role × action exactly once, with a cell for every status', () => {
    const keys = rows.map((row) => `${row.kind}/${row.isAuthor}/${row.role}/${row.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(kinds.length * 2 * roles.length * workflowActions.length);
    for (const row of rows) expect(row.cells).toHaveLength(workflowStatuses.length);
  });

  it.each(rows)('$kind, author $isAuthor, $role, $action', (row) => {
    workflowStatuses.forEach((status, index) => {
      const got = outcome(() =>
        transition(status, row.action, row.role, { kind: row.kind, isAuthor: row.isAuthor }),
      );
      expect({ status, got }).toEqual({ status, got: row.cells[index] });
    });
  });

  it('offers in allowedActions exactly the actions the matrix allows', () => {
    for (const kind of kinds) {
      for (const isAuthor of [true, false]) {
        for (const role of roles) {
          workflowStatuses.forEach((status, index) => {
            const expected = rows
              .filter((row) => row.kind === kind && row.isAuthor === isAuthor && row.role === role)
              .filter((row) => {
                const cell = row.cells[index];
                return cell !== 'invalid_transition' && cell !== 'forbidden';
              })
              .map((row) => row.action);
            expect(allowedActions(status, role, { kind, isAuthor })).toEqual(expected);
          });
        }
      }
    }
  });
});

describe('transition', () => {
  it('defaults to the least privilege: an incident the user did not create', () => {
    for (const role of roles) {
      for (const action of workflowActions) {
        for (const status of workflowStatuses) {
          expect(outcome(() => transition(status, action, role))).toBe(
            outcome(() => transition(status, action, role, { kind: 'incident', isAuthor: false })),
          );
        }
      }
    }
  });

  it('explains a refusal in one line that names the action and the status or role', () => {
    expect(() => transition('draft', 'publish', 'editor')).toThrowError(
      /^cannot publish a record whose status is draft$/,
    );
    expect(() => transition('in_review', 'publish', 'monitor', { isAuthor: true })).toThrowError(
      /^the monitor role cannot publish this incident$/,
    );
    expect(() => transition('draft', 'submit', 'monitor')).toThrowError(
      'the monitor role cannot submit this incident (only on records they created)',
    );
    expect(() => transition('draft', 'submit', 'lawyer', { kind: 'incident', isAuthor: true })).toThrowError(
      /^the lawyer role cannot submit this incident$/,
    );
  });

  it('lets a record travel from draft to archive and back through the desk', () => {
    let status: RecordStatus = 'draft';
    status = transition(status, 'submit', 'monitor', { isAuthor: true });
    status = transition(status, 'return', 'editor');
    status = transition(status, 'submit', 'monitor', { isAuthor: true });
    status = transition(status, 'publish', 'editor');
    status = transition(status, 'unpublish', 'admin');
    status = transition(status, 'publish', 'editor');
    status = transition(status, 'archive', 'editor');
    status = transition(status, 'restore', 'admin');
    expect(status).toBe('draft');
  });

  it('reaches every status, and every status can be left', () => {
    const reached = new Set(workflowRules.map((rule) => rule.to));
    const left = new Set(workflowRules.map((rule) => rule.from));
    for (const status of workflowStatuses) {
      expect(reached.has(status)).toBe(true);
      expect(left.has(status)).toBe(true);
    }
  });
});
