import type { DataSource, EntityManager } from 'typeorm';
import type { OrderMailer, SentOrderMail } from './order-mailer';

/** A plain-text mail as `OrderMailer.sendText` takes it. */
export interface TextMail {
  to: string;
  toName?: string | null;
  subject: string;
  text: string;
}

/**
 * A table of mails recorded in the transaction that decided them and sent after its commit (dunning reminders,
 * escalations): how to lock the next row still PENDING, what to send for it, and how to record the outcome.
 */
export interface PendingMailQueue<Row> {
  /** The next PENDING row, locked `FOR UPDATE SKIP LOCKED` so two scans never send one row twice; null when none is left. */
  claim(m: EntityManager): Promise<Row | null>;
  /** The mail for the row, or null when it has nowhere to go (the row is then marked so by `unsendable`). */
  compose(m: EntityManager, row: Row): Promise<TextMail | null>;
  unsendable(m: EntityManager, row: Row): Promise<void>;
  sent(m: EntityManager, row: Row, mail: TextMail, sent: SentOrderMail): Promise<void>;
  /** The SMTP server refused or was unreachable: the row stays PENDING with its error, for the next scan. */
  failed(m: EntityManager, row: Row, error: string): Promise<void>;
}

/**
 * One scan of a queue: each row in a transaction of its own (lock, send, record), until none is left or a send fails
 * (the server is then likely down: the next scan tries again). Returns how many were sent.
 */
export async function sendPendingMails<Row>(dataSource: DataSource, mailer: OrderMailer | null, queue: PendingMailQueue<Row>): Promise<number> {
  if (!mailer) return 0;
  let sent = 0;
  for (;;) {
    const outcome = await dataSource.transaction(async (m) => {
      const row = await queue.claim(m);
      if (row === null) return 'empty';
      const mail = await queue.compose(m, row);
      if (!mail) {
        await queue.unsendable(m, row);
        return 'unsendable';
      }
      try {
        await queue.sent(m, row, mail, await mailer.sendText(mail));
        return 'sent';
      } catch (error) {
        await queue.failed(m, row, error instanceof Error ? error.message : String(error));
        return 'failed';
      }
    });
    if (outcome === 'empty' || outcome === 'failed') return sent;
    if (outcome === 'sent') sent += 1;
  }
}
