import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { expectedDeliveryDate, type OrderOutlook, type ReportEntry } from './weekly-report';

/**
 * Where the leadership report gets an order's number, customer, status, promised and expected delivery dates. The
 * expected date belongs to live monitoring (R6.4); until it provides this, `LedgerOrderOutlook` stands in.
 */
export abstract class OrderOutlookSource {
  abstract outlooks(m: EntityManager, orderIds: string[]): Promise<{ orderId: string; number: string; customer: string; status: string; promisedDate: string | null; expectedDate: string | null }[]>;
}

/** The order as sales holds it, with the expected delivery the ledger knows (`expectedDeliveryDate`). */
@Injectable()
export class LedgerOrderOutlook extends OrderOutlookSource {
  async outlooks(m: EntityManager, orderIds: string[]): Promise<OrderOutlook[]> {
    if (orderIds.length === 0) return [];
    const orders: { id: string; number: string; status: string; deliveryDate: string | null; customer: string | null }[] = await m.query(
      `SELECT o.id, o.number, o.status, o."deliveryDate"::text AS "deliveryDate", c.name AS customer
         FROM sales_order o LEFT JOIN sales_customer c ON c.id = o."customerId" WHERE o.id = ANY($1)`,
      [orderIds],
    );
    const lines: { orderId: string; lineNo: number; quantity: number }[] = await m.query(`SELECT "orderId", "lineNo", quantity FROM sales_order_line WHERE "orderId" = ANY($1)`, [orderIds]);
    const entries = await ledgerEntriesOf(m, orderIds);
    return orders.map((o) => ({
      orderId: o.id,
      number: o.number,
      customer: o.customer ?? '',
      status: o.status,
      promisedDate: o.deliveryDate,
      expectedDate: expectedDeliveryDate(
        lines.filter((l) => l.orderId === o.id),
        entries.filter((e) => e.orderId === o.id),
      ),
    }));
  }
}

/** Every ledger entry of the orders, as the reports read them. */
export async function ledgerEntriesOf(m: EntityManager, orderIds: string[]): Promise<ReportEntry[]> {
  if (orderIds.length === 0) return [];
  const rows: { orderId: string; seq: number; at: Date; kind: ReportEntry['kind']; refId: string; data: Record<string, unknown> }[] = await m.query(
    `SELECT "orderId", seq, at, kind, "refId", data FROM sales_ledger_entry WHERE "orderId" = ANY($1) ORDER BY "orderId", seq`,
    [orderIds],
  );
  return rows.map((r) => ({ orderId: r.orderId, seq: r.seq, at: new Date(r.at).toISOString(), kind: r.kind, refId: r.refId, data: r.data }));
}
