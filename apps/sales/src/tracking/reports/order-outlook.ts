import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MonitoringService } from '../monitoring/monitoring.service';
import type { OrderOutlook, ReportEntry } from './weekly-report';

/**
 * Where the leadership report gets an order's number, customer, status, promised and expected delivery dates.
 */
export abstract class OrderOutlookSource {
  abstract outlooks(m: EntityManager, orderIds: string[]): Promise<OrderOutlook[]>;
}

/**
 * The leadership report's view of each order is live monitoring's row (R6.4): one rule for the expected delivery date
 * (`expectedDate` in monitoring-rules.ts), whichever report or screen shows it.
 */
@Injectable()
export class MonitoringOrderOutlook extends OrderOutlookSource {
  constructor(private readonly monitoring: MonitoringService) {
    super();
  }

  async outlooks(m: EntityManager, orderIds: string[]): Promise<OrderOutlook[]> {
    if (orderIds.length === 0) return [];
    const rows = await this.monitoring.rows(m, { orderIds });
    return rows.map((r) => ({ orderId: r.orderId, number: r.number, customer: r.customer.name ?? '', status: r.status, promisedDate: r.promisedDate, expectedDate: r.expectedDate }));
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
