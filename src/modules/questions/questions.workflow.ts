import type { QuestionStatus, Role } from '../../db/types.ts';

/**
 * The one place that says how a question's status may change. Pure: the service looks up the move
 * here (inside the transaction that locks the row) and writes what it returns.
 */
export { questionStatuses } from '../../domain/vocabularies.ts';

export const questionEvents = [
  'assign',
  'request_info',
  'sender_reply',
  'answer',
  'close',
  'publish',
  'unpublish',
  'reopen',
] as const;
export type QuestionEvent = (typeof questionEvents)[number];

/** Who fires an event: a staff role, or the sender (with the reference number and access code). */
export type QuestionActor = Role | 'sender';

type Rule = {
  from: readonly QuestionStatus[];
  to: QuestionStatus | 'same';
  actors: readonly QuestionActor[];
};

const handling: readonly QuestionActor[] = ['lawyer', 'admin'];
const managing: readonly QuestionActor[] = ['lawyer', 'admin', 'editor'];
const open: readonly QuestionStatus[] = ['new', 'assigned', 'awaiting_info'];

export const questionTransitions: Record<QuestionEvent, Rule> = {
  // Assigning an open question moves a new one into work and leaves the others where they are.
  assign: { from: open, to: 'same', actors: managing },
  request_info: { from: ['new', 'assigned'], to: 'awaiting_info', actors: handling },
  sender_reply: { from: ['awaiting_info'], to: 'assigned', actors: ['sender'] },
  answer: { from: open, to: 'answered', actors: handling },
  close: { from: [...open, 'answered'], to: 'closed', actors: managing },
  // Only an answered question can be published; a closed one is reopened and answered first.
  publish: { from: ['answered'], to: 'published', actors: managing },
  unpublish: { from: ['published'], to: 'closed', actors: managing },
  reopen: { from: ['closed'], to: 'assigned', actors: handling },
};

export type TransitionResult =
  | { ok: true; to: QuestionStatus }
  | { ok: false; reason: 'not_allowed_from_status' | 'not_allowed_for_actor' };

export function questionTransition(
  from: QuestionStatus,
  event: QuestionEvent,
  actor: QuestionActor,
): TransitionResult {
  const rule = questionTransitions[event];
  if (!rule.from.includes(from)) return { ok: false, reason: 'not_allowed_from_status' };
  if (!rule.actors.includes(actor)) return { ok: false, reason: 'not_allowed_for_actor' };
  if (rule.to !== 'same') return { ok: true, to: rule.to };
  return { ok: true, to: event === 'assign' && from === 'new' ? 'assigned' : from };
}

/** The events an actor may fire from a status: what the inbox offers as buttons. */
export function availableQuestionEvents(from: QuestionStatus, actor: QuestionActor): QuestionEvent[] {
  return questionEvents.filter((event) => questionTransition(from, event, actor).ok);
}

/** Closed and published questions count as closed for the contact-data retention clock. */
export function isClosedStatus(status: QuestionStatus): boolean {
  return status === 'closed' || status === 'published';
}
