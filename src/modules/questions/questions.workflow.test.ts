import { describe, expect, it } from 'vitest';
import type { QuestionStatus } from '../../db/types.ts';
import {
  availableQuestionEvents,
  type QuestionActor,
  type QuestionEvent,
  questionEvents,
  questionStatuses,
  questionTransition,
} from './questions.workflow.ts';

// The whole matrix, written out by hand: status × event → the next status, or '-' when refused.
const _ = '-';
const matrix: Record<QuestionStatus, Record<QuestionEvent, QuestionStatus | typeof _>> = {
  new: {
    assign: 'assigned',
    request_info: 'awaiting_info',
    sender_reply: _,
    answer: 'answered',
    close: 'closed',
    publish: _,
    unpublish: _,
    reopen: _,
  },
  assigned: {
    assign: 'assigned',
    request_info: 'awaiting_info',
    sender_reply: _,
    answer: 'answered',
    close: 'closed',
    publish: _,
    unpublish: _,
    reopen: _,
  },
  awaiting_info: {
    assign: 'awaiting_info',
    request_info: _,
    sender_reply: 'assigned',
    answer: 'answered',
    close: 'closed',
    publish: _,
    unpublish: _,
    reopen: _,
  },
  answered: {
    assign: _,
    request_info: _,
    sender_reply: _,
    answer: _,
    close: 'closed',
    publish: 'published',
    unpublish: _,
    reopen: _,
  },
  closed: {
    assign: _,
    request_info: _,
    sender_reply: _,
    answer: _,
    close: _,
    publish: _,
    unpublish: _,
    reopen: 'assigned',
  },
  published: {
    assign: _,
    request_info: _,
    sender_reply: _,
    answer: _,
    close: _,
    publish: _,
    unpublish: 'closed',
    reopen: _,
  },
};

// Event × actor: who may fire it at all.
const actors: QuestionActor[] = ['lawyer', 'admin', 'editor', 'monitor', 'sender'];
const allowedActors: Record<QuestionEvent, QuestionActor[]> = {
  assign: ['lawyer', 'admin', 'editor'],
  request_info: ['lawyer', 'admin'],
  sender_reply: ['sender'],
  answer: ['lawyer', 'admin'],
  close: ['lawyer', 'admin', 'editor'],
  publish: ['lawyer', 'admin', 'editor'],
  unpublish: ['lawyer', 'admin', 'editor'],
  reopen: ['lawyer', 'admin'],
};

describe('the question workflow', () => {
  const cases = questionStatuses.flatMap((status) =>
    questionEvents.flatMap((event) => actors.map((actor) => [status, event, actor] as const)),
  );

  it('covers every status, event and actor', () => {
    expect(cases).toHaveLength(6 * 8 * 5);
  });

  it.each(cases)('%s --%s--> by %s', (status, event, actor) => {
    const expectedStatus = matrix[status][event];
    const result = questionTransition(status, event, actor);
    if (expectedStatus === _) {
      expect(result).toEqual({ ok: false, reason: 'not_allowed_from_status' });
    } else if (!allowedActors[event].includes(actor)) {
      expect(result).toEqual({ ok: false, reason: 'not_allowed_for_actor' });
    } else {
      expect(result).toEqual({ ok: true, to: expectedStatus });
    }
  });

  it('offers a monitor nothing and a sender only the reply', () => {
    for (const status of questionStatuses) {
      expect(availableQuestionEvents(status, 'monitor')).toEqual([]);
      expect(availableQuestionEvents(status, 'sender')).toEqual(
        status === 'awaiting_info' ? ['sender_reply'] : [],
      );
    }
  });

  it('lets a question reach publication only through an answer', () => {
    const reachable = new Set<QuestionStatus>(['new']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const status of [...reachable]) {
        for (const event of questionEvents.filter((e) => e !== 'answer')) {
          const result = questionTransition(status, event, 'admin');
          if (result.ok && !reachable.has(result.to)) {
            reachable.add(result.to);
            grew = true;
          }
        }
      }
    }
    expect(reachable.has('published')).toBe(false);
  });
});
