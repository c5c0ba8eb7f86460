import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverMail, enqueueMail } from './questions.mail.ts';
import { askThroughForm, signIn, startTestApp, type TestApp, validQuestion } from './questions.testkit.ts';

/** A tiny SMTP server on 127.0.0.1 that keeps what it receives, or rejects every recipient. */
async function startSmtpServer(mode: 'accept' | 'reject') {
  const received: Array<{ from: string; to: string[]; data: string }> = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [] as string[], data: '' };
    socket.write('220 test-smtp ready\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      while (true) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: '', to: [], data: '' };
          socket.write('250 queued\r\n');
          continue;
        }
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd < 0) return;
        const line = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test-smtp\r\n');
        else if (verb === 'MAIL') {
          current.from = line;
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          if (mode === 'reject') socket.write('550 mailbox unavailable\r\n');
          else {
            current.to.push(line);
            socket.write('250 ok\r\n');
          }
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'RSET' || verb === 'NOOP') socket.write('250 ok\r\n');
        else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('502 not implemented\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let rejecting: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpServer('accept');
  rejecting = await startSmtpServer('reject');
  t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'questions@example.test' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
  await rejecting.close();
});

describe('mail through SMTP', () => {
  it('sends the confirmation to the sender and the notice to the lawyers, and records them as sent', async () => {
    const lawyer = await signIn(t, 'lawyer');
    const asked = await askThroughForm(
      t,
      { ...validQuestion, contact: 'reader@example.test' },
      '192.0.2.150',
    );
    const mail = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('question_id', '=', asked.id)
      .orderBy('id')
      .execute();
    expect(mail.map((item) => [item.recipient, item.to_address, item.status])).toEqual([
      ['sender', 'reader@example.test', 'sent'],
      ['staff', lawyer.user.email, 'sent'],
    ]);
    expect(smtp.received).toHaveLength(2);
    const toSender = smtp.received[0];
    expect(toSender?.to).toEqual(['RCPT TO:<reader@example.test>']);
    expect(toSender?.data).toContain(`Subject: Your question ${asked.reference} has been received`);
    expect(toSender?.data).not.toContain(asked.code);
    const toStaff = smtp.received[1];
    expect(toStaff?.to).toEqual([`RCPT TO:<${lawyer.user.email}>`]);
    expect(mail[1]?.body).toContain(`/editorial/questions/${asked.id}`);
    expect(toStaff?.data).not.toContain('reader@example.test');
    const inbox = await t.app.inject({ url: '/en/editorial/questions', headers: { cookie: lawyer.cookie } });
    expect(inbox.body).not.toContain('Mail is not configured');
  });

  it('records a refusal by the server as failed, with the reason, and shows it', async () => {
    const id = await enqueueMail(t.database.db, t.clock.now, {
      to: 'nobody@example.test',
      recipient: 'staff',
      subject: 'A test',
      body: 'Text',
      questionId: null,
    });
    await deliverMail(
      t.database.db,
      { url: `smtp://127.0.0.1:${rejecting.port}`, from: 'q@example.test' },
      () => t.clock.now,
      [id],
    );
    const row = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.status_detail).toMatch(/550|mailbox unavailable|rejected/i);
    const lawyer = await signIn(t, 'lawyer');
    const outbox = await t.app.inject({
      url: '/en/editorial/questions/outbox',
      headers: { cookie: lawyer.cookie },
    });
    expect(outbox.body).toMatch(/Failed: [^<]*550/);
  });

  it('without SMTP leaves every message visible as not sent', async () => {
    const id = await enqueueMail(t.database.db, t.clock.now, {
      to: 'x@example.test',
      recipient: 'staff',
      subject: 'Offline',
      body: 'Text',
      questionId: null,
    });
    await deliverMail(t.database.db, undefined, () => t.clock.now, [id]);
    const row = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'not_sent', status_detail: 'SMTP not configured', attempts: 1 });
  });
});
