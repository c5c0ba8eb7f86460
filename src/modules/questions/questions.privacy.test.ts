import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertIncident } from '../../../test/factories.ts';
import {
  askThroughForm,
  cookieFrom,
  formField,
  signIn,
  staffPost,
  startTestApp,
  type TestApp,
  validQuestion,
} from './questions.testkit.ts';

// Marker contact data: if any of these strings appears anywhere public, the test fails.
const MARKER_NAME = 'Zhanmarker Qoshqarbekova';
const MARKER_EMAIL = 'zhanmarker.q@example.test';
const MARKER_PHONE = '+7 705 918 27 36';
const markers = [/Zhanmarker/i, /Qoshqarbekova/i, /zhanmarker\.q/i, /918 ?27 ?36/, /9182736/];

let t: TestApp;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-privacy-'));
const publicPaths: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  const lawyer = await signIn(t, 'lawyer');
  const editor = await signIn(t, 'editor');
  const act = async (id: number, action: string, fields: Record<string, string | string[]> = {}) => {
    const { version } = await t.database.db
      .selectFrom('questions')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const response = await staffPost(t.app, lawyer, `/en/editorial/questions/${id}/${action}`, {
      version: String(version),
      ...fields,
    });
    expect(response.statusCode).toBe(303);
  };
  const body = `My name is ${MARKER_NAME}, write to ${MARKER_EMAIL}. A court refused to let me record a public hearing. Was that lawful?`;
  const published = await askThroughForm(
    t,
    { ...validQuestion, body, name: MARKER_NAME, contact: MARKER_EMAIL, topic: 'access_to_information' },
    '198.18.0.1',
  );
  await act(published.id, 'answer', {
    answer: `Dear ${MARKER_NAME}, a judge may limit recording only by a reasoned decision.`,
  });
  await act(published.id, 'publish', {
    public_question: 'A court refused to let a journalist record a public hearing. Was that lawful?',
    public_answer: 'A judge may limit recording of an open hearing only by a reasoned decision.',
    articles: ['CONST-20'],
  });
  const byPhone = await askThroughForm(
    t,
    { ...validQuestion, body: `${body} Call ${MARKER_PHONE}.`, name: MARKER_NAME, contact: MARKER_PHONE },
    '198.18.0.2',
  );
  await act(byPhone.id, 'request_info', { text: `${MARKER_NAME}, which court was it?` });
  await askThroughForm(
    t,
    { ...validQuestion, name: MARKER_NAME, contact: MARKER_EMAIL, consent: '' },
    '198.18.0.3',
  );

  // An appeal built from an incident, published, so its pages, feed and files are in the sweep too.
  const incident = await insertIncident(t.database.db, { title: { en: 'A hearing closed to the press' } });
  const created = await staffPost(t.app, editor, '/en/editorial/appeals', { incidents: incident });
  const appealUrl = String(created.headers.location);
  const appealId = Number(appealUrl.split('/').at(-1));
  await staffPost(t.app, editor, appealUrl, {
    version: '1',
    title_en: 'Statement on closed hearings',
    body_en: 'Courts must stay open to the press.',
    date: '2026-03-01',
    addressees: 'The Supreme Court',
    signatories: 'The foundation',
    incidents: incident,
  });
  await staffPost(t.app, editor, `${appealUrl}/publish`, { version: '2', confirm: 'yes' });
  publicPaths.push(
    `/en/answers/${published.id}`,
    `/api/v1/answers/${published.id}`,
    `/en/appeals/${appealId}.pdf`,
    `/ru/appeals/${appealId}.docx`,
  );
});
afterAll(async () => {
  await t.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

function textOf(contentType: string, payload: Buffer): string {
  if (contentType.includes('pdf')) {
    const file = path.join(scratch, 'sweep.pdf');
    fs.writeFileSync(file, payload);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  }
  if (contentType.includes('wordprocessingml')) {
    // Every deflated entry of the DOCX, inflated and joined.
    const parts: string[] = [];
    let offset = payload.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    while (offset >= 0) {
      const method = payload.readUInt16LE(offset + 8);
      const size = payload.readUInt32LE(offset + 18);
      const start = offset + 30 + payload.readUInt16LE(offset + 26) + payload.readUInt16LE(offset + 28);
      const data = payload.subarray(start, start + size);
      parts.push((method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8'));
      offset = payload.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), start + size);
    }
    return parts.join('\n');
  }
  return payload.toString('utf8');
}

describe("the sender's contact data", () => {
  it('reaches no public page, API response, feed, PDF or DOCX (a crawl of every public link)', async () => {
    const queue = [
      '/en/',
      '/ru/',
      '/kk/',
      '/en/ask',
      '/en/ask/status',
      '/en/answers',
      '/ru/answers?topic=access_to_information',
      '/kk/answers',
      '/en/appeals',
      '/en/appeals/feed.xml',
      '/kk/appeals/feed.xml',
      '/api/v1/answers',
      ...publicPaths,
    ];
    const seen = new Set<string>();
    const kinds = new Set<string>();
    while (queue.length > 0 && seen.size < 300) {
      const url = queue.shift() ?? '';
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await t.app.inject(url);
      if (response.statusCode === 404) continue;
      expect(response.statusCode, url).toBeLessThan(400);
      const contentType = String(response.headers['content-type']);
      kinds.add(contentType.split(';')[0] ?? '');
      const text = textOf(contentType, response.rawPayload);
      for (const marker of markers) expect(text, `${url} holds ${marker}`).not.toMatch(marker);
      for (const match of text.matchAll(/href="(\/(?:kk|ru|en)\/(?!editorial)[^"#]*)"/g)) {
        const link = (match[1] ?? '').replaceAll('&amp;', '&');
        if (!seen.has(link)) queue.push(link);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining(['application/atom+xml', 'application/json', 'application/pdf', 'text/html']),
    );
  });

  it("is not shown back on the sender's own status page or the confirmation page", async () => {
    const asked = await askThroughForm(
      t,
      { ...validQuestion, name: MARKER_NAME, contact: MARKER_EMAIL },
      '198.18.0.9',
    );
    for (const marker of markers) expect(asked.response.body).not.toMatch(marker);
    const page = await t.app.inject({ url: '/en/ask/status', remoteAddress: '198.18.0.9' });
    const status = await t.app.inject({
      method: 'POST',
      url: '/en/ask/status',
      remoteAddress: '198.18.0.9',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: cookieFrom(page, 'sozwatch_form'),
      },
      payload: new URLSearchParams({
        _csrf: formField(page.body, '_csrf'),
        reference: asked.reference,
        code: asked.code,
      }).toString(),
    });
    expect(status.statusCode).toBe(200);
    for (const marker of markers) expect(status.body).not.toMatch(marker);
  });

  it('stays out of the audit log', async () => {
    const audit = JSON.stringify(
      await t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'question').execute(),
    );
    for (const marker of markers) expect(audit).not.toMatch(marker);
  });
});
