import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Envelope, EventDefinition } from '@opm/contracts';
import { type EventContext, NotFoundProblem, NotYetApplicable, type Principal } from '@opm/platform';
import { Order } from '../../lifecycle/order.entity';
import { LedgerEntry } from './ledger-entry.entity';
import { ledgerEntryOf, type LedgerFact } from './ledger-entry';
import type { LedgerView } from './ledger.view';

/** Where a fact was read: kept beside the entry so the replay compares what it read up to a point. */
export interface ReadAt {
  topic: string;
  partition: number;
  offset: string;
}

export const readAt = (ctx: EventContext): ReadAt => ({ topic: ctx.getTopic(), partition: ctx.getPartition(), offset: ctx.getMessage().offset });

export const toLedgerView = (rows: LedgerEntry[]): LedgerView => ({
  entries: rows.map((r) => ({ seq: r.seq, at: r.at.toISOString(), department: r.department, actor: r.actor, kind: r.kind, summary: r.summary, ref: { type: r.refType, id: r.refId } })),
});

/**
 * The tracking ledger (R6.2).
 *
 * Order per order: every order event is keyed by the order id, so each topic hands sales an order's facts in the
 * order its publisher committed them (one partition per key, read one message at a time, a retry pausing that
 * partition rather than skipping ahead). `record` numbers the entry under the order row's lock (the lock every write
 * on an order takes first), so two consumers entering facts of one order at once queue and never take one `seq`
 * twice; a fact is therefore after every fact sales had already taken for the order, and never placed by a clock of
 * another machine. The per-topic order is the one the replay command checks again (tracking/replay/).
 */
@Injectable()
export class LedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Enters one event's fact, once (its event id is unique), in the consumer's transaction. */
  async record<P>(m: EntityManager, definition: EventDefinition<P>, event: Envelope<P>, at: ReadAt): Promise<LedgerFact> {
    const fact = ledgerEntryOf(definition, event);
    const [order] = await m.query(`SELECT id FROM sales_order WHERE id = $1 FOR UPDATE`, [fact.orderId]);
    // Sales writes an order before any event of it, so this is a message ahead of its order's commit: wait for it.
    if (!order) throw new NotYetApplicable(`order ${fact.orderId} is not recorded yet`);
    const [{ next }] = await m.query(`SELECT coalesce(max(seq), 0) + 1 AS next FROM sales_ledger_entry WHERE "orderId" = $1`, [fact.orderId]);
    await m.query(
      `INSERT INTO sales_ledger_entry ("eventId", "orderId", seq, at, department, actor, kind, summary, "refType", "refId", data, topic, "partition", "offset")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT ("eventId") DO NOTHING`,
      [fact.eventId, fact.orderId, Number(next), fact.at, fact.department, fact.actor, fact.kind, fact.summary, fact.refType, fact.refId, JSON.stringify(fact.data), at.topic, at.partition, at.offset],
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
