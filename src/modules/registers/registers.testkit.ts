import { insertIncident, insertUser } from '../../../test/factories.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { addBlockingEvidence, saveBlocking, setBlockingStatus } from './blocking.service.ts';
import { addRequestAppeal, saveRequest, setRequestStatus } from './refusals.service.ts';

/** Private values of the registers: none may reach a public page, API answer, export or mirror. */
export const registerMarkers = {
  anonymousRequester: 'zqxAnonRequesterName',
  requestEditorialNote: 'zqxRequestEditorialNote',
  blockingEditorialNote: 'zqxBlockingEditorialNote',
  draftBlockingResource: 'zqxDraftBlockedResource',
  draftRequestBody: 'zqxDraftRequestBody',
  restrictedIncidentTitle: 'zqxRegisterRestrictedIncident',
} as const;

/** A 1×1 PNG, as a screenshot. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export const blockingInput = (fields: Record<string, unknown> = {}) => ({
  resource: 'https://demo-news.example/investigation',
  resource_kind: 'page',
  ordered_by: 'Demo ministry of information (test data)',
  legal_basis: 'Law on mass media, article 41-1 (test data)',
  blocked_on: '2023-03-10',
  lifted_on: null,
  region: 'almaty_city',
  description: { en: 'A test page blocked by a test order.', ru: 'Тестовая страница.', kk: '' },
  editorial_note: '',
  incidents: [],
  ...fields,
});

export const requestInput = (fields: Record<string, unknown> = {}) => ({
  requester_kind: 'journalist',
  requester_name: 'Demo Reporter Aliyeva (test data)',
  requester_anonymous: false,
  body_name: 'Demo city akimat',
  region: 'karaganda',
  requested_on: '2024-02-01',
  subject: { en: 'The budget of a public festival (test data)', ru: 'Бюджет праздника', kk: '' },
  deadline_on: '2024-02-16',
  answer: 'refused',
  answered_on: '2024-02-10',
  grounds: 'Official use only',
  incident: null,
  editorial_note: '',
  ...fields,
});

/**
 * Register records for the privacy and mirror tests: published ones linked to a public, a restricted
 * and a draft incident, with a marker in every private field, and drafts that must stay unseen.
 */
export async function plantRegisterRecords(db: Db) {
  const user = await insertUser(db, { role: 'editor', displayName: 'Register test editor' });
  const ctx: ServiceContext = { db, user, via: 'web', now: () => new Date('2024-07-01T10:00:00Z') };
  const m = registerMarkers;
  const publicIncident = await insertIncident(db, {
    date: '2024-02-12',
    region: 'karaganda',
    categories: ['info_refusal'],
    title: { en: 'Akimat refused a reporter (register test data)' },
  });
  const restricted = await insertIncident(db, {
    date: '2024-02-13',
    visibility: 'restricted',
    categories: ['blocking'],
    title: { en: m.restrictedIncidentTitle },
  });
  const blocked = await saveBlocking(ctx, {
    input: blockingInput({
      editorial_note: m.blockingEditorialNote,
      incidents: [publicIncident, restricted],
    }),
  });
  await addBlockingEvidence(ctx, {
    id: blocked,
    input: {
      checked_on: '2023-03-11',
      still_blocked: true,
      link: 'https://archive.example/x',
      content_sha256: '',
    },
    screenshot: tinyPng,
  });
  await setBlockingStatus(ctx, { id: blocked, version: 1, status: 'published' });
  const lifted = await saveBlocking(ctx, {
    input: blockingInput({
      resource: '@demo_channel',
      resource_kind: 'channel',
      blocked_on: '2022-05-01',
      lifted_on: '2023-01-20',
    }),
  });
  await setBlockingStatus(ctx, { id: lifted, version: 1, status: 'published' });
  await saveBlocking(ctx, { input: blockingInput({ resource: m.draftBlockingResource }) });

  const anonymous = await saveRequest(ctx, {
    input: requestInput({
      requester_name: m.anonymousRequester,
      requester_anonymous: true,
      editorial_note: m.requestEditorialNote,
      incident: publicIncident,
    }),
  });
  await addRequestAppeal(ctx, {
    id: anonymous,
    input: {
      filed_on: '2024-02-20',
      appealed_to: 'Demo regional prosecutor',
      outcome: 'rejected',
      decided_on: '2024-03-05',
    },
  });
  await setRequestStatus(ctx, { id: anonymous, version: 1, status: 'published' });
  const late = await saveRequest(ctx, {
    input: requestInput({ answer: 'answered', answered_on: '2024-03-01', incident: restricted }),
  });
  await setRequestStatus(ctx, { id: late, version: 1, status: 'published' });
  const silent = await saveRequest(ctx, {
    input: requestInput({
      body_name: 'Demo health department',
      answer: 'silent',
      answered_on: null,
      region: 'abai',
    }),
  });
  await setRequestStatus(ctx, { id: silent, version: 1, status: 'published' });
  await saveRequest(ctx, { input: requestInput({ body_name: m.draftRequestBody }) });
  return { ctx, publicIncident, restricted, blocked, lifted, anonymous, late, silent };
}
