import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';

export type OutgoingMail = {
  to: string | null;
  recipient: 'sender' | 'staff';
  subject: string;
  body: string;
  questionId: number | null;
};

/** Queues a message in the same transaction as the change that causes it. */
export async function enqueueMail(trx: Db, now: Date, mail: OutgoingMail): Promise<number> {
  const row = await trx
    .insertInto('outbox')
    .values({
      to_address: mail.to,
      recipient: mail.recipient,
      subject: mail.subject,
      body: mail.body,
      question_id: mail.questionId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const SMTP_NOT_CONFIGURED = 'SMTP not configured';

/**
 * Sends the given queued messages (or every pending one) and records the outcome of each on its row:
 * 'sent', 'failed' with the reason, or 'not_sent' when there is no SMTP server. Nothing is dropped
 * without a trace; the inbox shows every status.
 */
export async function deliverMail(
  db: Db,
  smtp: Config['smtp'],
  now: () => Date,
  ids?: readonly number[],
): Promise<void> {
  if (ids && ids.length === 0) return;
  let query = db
    .selectFrom('outbox')
    .select(['id', 'to_address', 'subject', 'body'])
    .where('status', '=', 'pending');
  if (ids) query = query.where('id', 'in', ids);
  const pending = await query.orderBy('id').limit(200).execute();
  if (pending.length === 0) return;
  // nodemailer is loaded with the first message to send, not with the server (it adds ~70 ms to a start).
  const transport = smtp
    ? (await import('nodemailer')).default.createTransport({
        url: smtp.url,
        connectionTimeout: 10_000,
        socketTimeout: 20_000,
      })
    : null;
  try {
    for (const mail of pending) {
      let status: 'sent' | 'failed' | 'not_sent';
      let detail: string | null = null;
      if (!transport || !smtp) {
        status = 'not_sent';
        detail = SMTP_NOT_CONFIGURED;
      } else if (!mail.to_address) {
        status = 'not_sent';
        detail = 'no address';
      } else {
        try {
          await transport.sendMail({
            from: smtp.from,
            to: mail.to_address,
            subject: mail.subject,
            text: mail.body,
          });
          status = 'sent';
        } catch (error) {
          status = 'failed';
          detail =
            (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300) ?? '';
        }
      }
      await db
        .updateTable('outbox')
        .set((eb) => ({
          status,
          status_detail: detail,
          attempts: eb('attempts', '+', 1),
          attempted_at: now(),
        }))
        .where('id', '=', mail.id)
        .execute();
    }
  } finally {
    transport?.close();
  }
}
