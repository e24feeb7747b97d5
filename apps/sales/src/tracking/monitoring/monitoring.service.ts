import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { OrderStatus } from '@opm/contracts';
import { isDeliveredOrLater, statusesWhere } from '../../lifecycle/order-state-machine';
import { MonitoringItem, MonitoringOrder } from './monitoring.entity';
import { expectedDate, isMonitored, isOverdue, type MonitoringItemKind } from './monitoring-rules';
import type { MonitoringItemView, MonitoringRowView } from './monitoring.view';

/** The channel the projection notifies on commit; every sales instance listening forwards it to its streams. */
export const MONITORING_CHANNEL = 'sales_monitoring';
/** Notified when an escalation is committed, so it is mailed at once rather than at the next scan. */
export const ESCALATION_CHANNEL = 'sales_escalation';

export interface OpenItem {
  orderId: string;
  department: string;
  kind: MonitoringItemKind;
  refType: string;
  refId: string;
  summary: string;
  dueAt: Date | null;
  at: Date;
}

export interface RowQuery {
  orderIds?: string[];
  status?: OrderStatus;
  overdue?: boolean;
  now?: Date;
  page?: number;
  pageSize?: number;
}

interface OrderRow {
  id: string;
  number: string;
  status: OrderStatus;
  customerId: string;
  customerName: string | null;
  deliveryDate: string | null;
  planStart: Date | null;
  planEnd: Date | null;
  planStatus: string | null;
  tasksTotal: number | null;
  tasksDone: number | null;
  delayedSupplyDate: string | null;
  shipmentPlannedDate: string | null;
  actualDeliveryDate: string | null;
}

const itemView = (i: MonitoringItem): MonitoringItemView => ({
  department: i.department,
  kind: i.kind,
  summary: i.summary,
  dueAt: i.dueAt?.toISOString() ?? null,
  ref: { type: i.refType, id: i.refId },
});

/**
 * The monitoring projection (R6.4): the departments' events open and close an order's items and keep the facts its
 * expected date is computed from; every write appends to the change log and notifies in the same transaction, so a
 * stream never announces what did not commit and a client that missed it resumes from the log.
 */
@Injectable()
export class MonitoringService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Sales knows the order: department events about another one change nothing here. */
  async knows(m: EntityManager, orderId: string): Promise<boolean> {
    const [row] = await m.query('SELECT 1 FROM sales_order WHERE id = $1', [orderId]);
    return row !== undefined;
  }

  /** Opens an item, or moves its due time; an item closed earlier (its close arrived first, on another topic) stays closed. */
  async open(m: EntityManager, item: OpenItem): Promise<void> {
    await m.query(
      `INSERT INTO sales_monitoring_item (id, "orderId", department, kind, "refType", "refId", summary, "dueAt", "openedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (kind, "refId", department) DO UPDATE SET "dueAt" = EXCLUDED."dueAt", summary = EXCLUDED.summary`,
      [randomUUID(), item.orderId, item.department, item.kind, item.refType, item.refId, item.summary, item.dueAt, item.at],
    );
  }

  /** Closes an item; one not opened yet is recorded closed so its late opening does not reopen it. */
  async close(m: EntityManager, item: Omit<OpenItem, 'dueAt' | 'summary'> & { summary?: string }): Promise<void> {
    await m.query(
      `INSERT INTO sales_monitoring_item (id, "orderId", department, kind, "refType", "refId", summary, "dueAt", "openedAt", "closedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $8)
       ON CONFLICT (kind, "refId", department) DO UPDATE SET "closedAt" = COALESCE(sales_monitoring_item."closedAt", EXCLUDED."closedAt")`,
      [randomUUID(), item.orderId, item.department, item.kind, item.refType, item.refId, item.summary ?? '', item.at],
    );
  }

  /** Closes every open item of a kind of the order (a completed plan's tasks). */
  async closeAll(m: EntityManager, orderId: string, kind: MonitoringItemKind, at: Date): Promise<void> {
    await m.query(`UPDATE sales_monitoring_item SET "closedAt" = $3 WHERE "orderId" = $1 AND kind = $2 AND "closedAt" IS NULL`, [orderId, kind, at]);
  }

  /** The order's facts row, locked for this transaction (created empty on first use). */
  async facts(m: EntityManager, orderId: string): Promise<MonitoringOrder> {
    await m.query(`INSERT INTO sales_monitoring_order ("orderId") VALUES ($1) ON CONFLICT DO NOTHING`, [orderId]);
    const [row] = await m.query(
      `SELECT "orderId", "planStart", "planEnd", "planStatus", "tasksTotal", "tasksDone", to_char("delayedSupplyDate", 'YYYY-MM-DD') AS "delayedSupplyDate",
              to_char("shipmentPlannedDate", 'YYYY-MM-DD') AS "shipmentPlannedDate", to_char("actualDeliveryDate", 'YYYY-MM-DD') AS "actualDeliveryDate"
       FROM sales_monitoring_order WHERE "orderId" = $1 FOR UPDATE`,
      [orderId],
    );
    return row as MonitoringOrder;
  }

  async saveFacts(m: EntityManager, orderId: string, change: Partial<Omit<MonitoringOrder, 'orderId'>>): Promise<void> {
    await this.facts(m, orderId);
    await m.update(MonitoringOrder, { orderId }, change);
  }

  /** The order's row changed: appended to the change log and notified, both at commit with the change itself. */
  async changed(m: EntityManager, orderId: string): Promise<void> {
    const [{ seq }] = await m.query(`INSERT INTO sales_monitoring_change ("orderId") VALUES ($1) RETURNING seq`, [orderId]);
    await m.query(`SELECT pg_notify($1, $2)`, [MONITORING_CHANNEL, `${seq}:${orderId}`]);
  }

  /** The newest change's seq ('0' for none). */
  async lastChange(): Promise<string> {
    const [{ seq }] = await this.dataSource.query('SELECT coalesce(max(seq), 0)::text AS seq FROM sales_monitoring_change');
    return seq;
  }

  /** Changes after `seq`, one per order (its latest), oldest first: what a resuming stream sends. */
  async changesAfter(seq: string, limit = 1000): Promise<{ seq: string; orderId: string }[]> {
    const rows: { seq: string; orderId: string }[] = await this.dataSource.query(
      `SELECT max(seq)::text AS seq, "orderId" FROM sales_monitoring_change WHERE seq > $1 GROUP BY "orderId" ORDER BY max(seq) LIMIT $2`,
      [seq, limit],
    );
    return rows;
  }

  /**
   * The monitoring rows of these orders (or of all, newest first), in the caller's transaction if given (R6.4): what
   * other tracking code (the weekly leadership report) reads expected dates and overdue items from. Archived orders
   * are never among them.
   */
  async rows(m: EntityManager | null, q: Omit<RowQuery, 'page' | 'pageSize'> = {}): Promise<MonitoringRowView[]> {
    return (await this.page(m, { ...q, page: 1, pageSize: q.orderIds ? Math.max(q.orderIds.length, 1) : 10_000 })).items;
  }

  /** A page of rows and the total matching, for `GET /monitoring/orders`. */
  async page(m: EntityManager | null, q: RowQuery = {}): Promise<{ items: MonitoringRowView[]; total: number }> {
    const em = m ?? this.dataSource.manager;
    const now = q.now ?? new Date();
    const monitored = statusesWhere(isMonitored);
    const where: string[] = ['o.status = ANY($1)'];
    const params: unknown[] = [monitored];
    if (q.status) {
      params.push(q.status);
      where.push(`o.status = $${params.length}`);
    }
    if (q.orderIds) {
      params.push(q.orderIds);
      where.push(`o.id = ANY($${params.length}::uuid[])`);
    }
    if (q.overdue) {
      params.push(now);
      where.push(`EXISTS (SELECT 1 FROM sales_monitoring_item i WHERE i."orderId" = o.id AND i."closedAt" IS NULL AND i."dueAt" < $${params.length})`);
    }
    const from = `FROM sales_order o LEFT JOIN sales_customer c ON c.id = o."customerId" LEFT JOIN sales_monitoring_order s ON s."orderId" = o.id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await em.query(`SELECT count(*)::int AS total ${from}`, params);
    const pageSize = q.pageSize ?? 50;
    const offset = ((q.page ?? 1) - 1) * pageSize;
    const orders: OrderRow[] = await em.query(
      `SELECT o.id, o.number, o.status, o."customerId", c.name AS "customerName", to_char(o."deliveryDate", 'YYYY-MM-DD') AS "deliveryDate",
              s."planStart", s."planEnd", s."planStatus", s."tasksTotal", s."tasksDone",
              to_char(s."delayedSupplyDate", 'YYYY-MM-DD') AS "delayedSupplyDate", to_char(s."shipmentPlannedDate", 'YYYY-MM-DD') AS "shipmentPlannedDate",
              to_char(s."actualDeliveryDate", 'YYYY-MM-DD') AS "actualDeliveryDate"
       ${from} ORDER BY o."createdAt" DESC, o.id LIMIT ${pageSize} OFFSET ${offset}`,
      params,
    );
    const items = orders.length ? await em.getRepository(MonitoringItem).createQueryBuilder('i').where('i."orderId" = ANY(:ids)', { ids: orders.map((o) => o.id) }).andWhere('i."closedAt" IS NULL').orderBy('i."dueAt"', 'ASC', 'NULLS LAST').getMany() : [];
    return {
      total,
      items: orders.map((o) => {
        const open = items.filter((i) => i.orderId === o.id);
        return {
          orderId: o.id,
          number: o.number,
          status: o.status,
          customer: { id: o.customerId, name: o.customerName },
          promisedDate: o.deliveryDate,
          expectedDate: expectedDate({
            promisedDate: o.deliveryDate,
            planStart: o.planStart,
            planEnd: o.planEnd,
            delayedSupplyDate: o.delayedSupplyDate,
            shipmentPlannedDate: o.shipmentPlannedDate,
            actualDeliveryDate: o.actualDeliveryDate,
            delivered: isDeliveredOrLater(o.status),
          }),
          progress: { planStatus: o.planStatus, tasksDone: o.tasksDone ?? 0, tasksTotal: o.tasksTotal ?? 0 },
          overdueItems: open.filter((i) => isOverdue(i, now)).map(itemView),
          openItems: open.map(itemView),
        };
      }),
    };
  }

  async row(m: EntityManager | null, orderId: string, now?: Date): Promise<MonitoringRowView | null> {
    const [row] = await this.rows(m, { orderIds: [orderId], now });
    return row ?? null;
  }
}
