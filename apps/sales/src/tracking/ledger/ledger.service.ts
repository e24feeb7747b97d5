import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Envelope, EventDefinition } from '@opm/contracts';
import { type EventContext, NotFoundProblem, type Principal } from '@opm/platform';
import { Order } from '../../lifecycle/order.entity';
import { LedgerEntry } from './ledger-entry.entity';
import { ledgerEntryOf, type LedgerFact } from './ledger-entry';
import { ledgerPosition, type OrderingKey, outboxSeqOf } from './ledger-order';
import type { LedgerView } from './ledger.view';

/** Where a fact was read, and the publisher's outbox seq it carried: kept beside the entry for its place and the replay. */
export interface ReadAt {
  topic: string;
  partition: number;
  offset: string;
  publisherSeq: string | null;
}

export const readAt = (ctx: EventContext): ReadAt => {
  const message = ctx.getMessage();
  return { topic: ctx.getTopic(), partition: ctx.getPartition(), offset: message.offset, publisherSeq: outboxSeqOf(message.headers) };
};

export const toLedgerView = (rows: LedgerEntry[]): LedgerView => ({
  entries: rows.map((r) => ({ seq: r.seq, at: r.at.toISOString(), department: r.department, actor: r.actor, kind: r.kind, summary: r.summary, ref: { type: r.refType, id: r.refId } })),
});

/**
 * The tracking ledger (R6.2).
 *
 * Order per order (R6.2): every order event is keyed by the order id, so each topic hands sales an order's facts in
 * the order its publisher committed them (one partition per key, read one message at a time, a retry pausing that
 * partition rather than skipping ahead). Across topics Kafka promises nothing, so each entry also keeps its
 * publisher's outbox seq and its cause, and `record` places it by them (ledger-order.ts) under the order row's lock
 * (the lock every write on an order takes first): two consumers entering facts of one order queue and never take one
 * `seq` twice, and no clock of another machine decides the order. The replay command checks the same relations.
 */
@Injectable()
export class LedgerService {
  private readonly logger = new Logger(LedgerService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Enters one event's fact, once (its event id is unique), in the consumer's transaction, at its place among the
   * order's entries (`ledgerPosition`): usually last; before entries it happened before (a fact of the same
   * publisher written earlier, which another topic brought late), which then move down by one.
   */
  async record<P>(m: EntityManager, definition: EventDefinition<P>, event: Envelope<P>, at: ReadAt): Promise<LedgerFact | null> {
    const fact = ledgerEntryOf(definition, event);
    const [order] = await m.query(`SELECT id FROM sales_order WHERE id = $1 FOR UPDATE`, [fact.orderId]);
    // Every department learns of an order from sales' committed event, and sales publishes after its commit: a fact
    // of an order sales does not hold is about no order of this database (a topic outlives it). Waiting for it would
    // hold its partition back; it is skipped (the inbox keeps it as handled).
    if (!order) {
      this.logger.warn(`${definition.type} ${event.eventId}: order ${fact.orderId} is not one of sales' orders; not entered`);
      return null;
    }
    const existing: OrderingKey[] = await m.query(
      `SELECT seq, "eventId", publisher, "publisherSeq"::text AS "publisherSeq", "causationId" FROM sales_ledger_entry WHERE "orderId" = $1`,
      [fact.orderId],
    );
    if (existing.some((e) => e.eventId === fact.eventId)) return fact;
    const seq = ledgerPosition(existing, { eventId: fact.eventId, publisher: fact.publisher, publisherSeq: at.publisherSeq, causationId: fact.causationId });
    if (seq <= existing.length) await m.query(`UPDATE sales_ledger_entry SET seq = seq + 1 WHERE "orderId" = $1 AND seq >= $2`, [fact.orderId, seq]);
    await m.query(
      `INSERT INTO sales_ledger_entry ("eventId", "orderId", seq, at, department, actor, kind, summary, "refType", "refId", data, publisher, "publisherSeq", "causationId", topic, "partition", "offset")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [fact.eventId, fact.orderId, seq, fact.at, fact.department, fact.actor, fact.kind, fact.summary, fact.refType, fact.refId, JSON.stringify(fact.data), fact.publisher, at.publisherSeq, fact.causationId, at.topic, at.partition, at.offset],
    );
    return fact;
  }

  /** Any signed-in user reads the ledger of an order that is not archived (the archive reads archived ones). */
  async ledger(orderId: string, principal: Principal): Promise<LedgerView> {
    const order = await this.dataSource.getRepository(Order).findOne({ where: { id: orderId }, select: { id: true, status: true } });
    if (!order || (order.status === 'ARCHIVED' && principal.department !== 'ARCHIVE')) throw new NotFoundProblem(`order ${orderId} not found`);
    return toLedgerView(await this.entries(this.dataSource.manager, orderId));
  }

  entries(m: EntityManager, orderId: string): Promise<LedgerEntry[]> {
    return m.getRepository(LedgerEntry).find({ where: { orderId }, order: { seq: 'ASC' } });
  }
}
