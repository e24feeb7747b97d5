import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { sumMoney, type OrderStatus } from '@opm/contracts';
import { NotFoundProblem } from '@opm/platform';
import { countsAgainstCredit, statusesWhere } from './order-state-machine';
import { Order } from './order.entity';

export interface OrderListQuery {
  status?: OrderStatus;
  customerId?: string;
  page: number;
  pageSize: number;
}

/**
 * Reading orders, and the lock every write on an order takes first. Lock order rule: a transaction that
 * writes an order, or anything of it (rounds, tasks, approval steps, issuance), locks the order row before
 * any of those rows, so two writers of one order queue on that row and never deadlock.
 */
@Injectable()
export class OrderRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Locks the order row for the rest of the caller's transaction and loads the order; 404 if there is none. */
  async lock(m: EntityManager, id: string): Promise<Order> {
    const [row] = await m.query(`SELECT id FROM sales_order WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw new NotFoundProblem(`order ${id} not found`);
    return this.load(m, id);
  }

  load(m: EntityManager, id: string): Promise<Order> {
    return m.findOneOrFail(Order, { where: { id }, relations: { lines: true } });
  }

  async find(id: string, m: EntityManager = this.dataSource.manager): Promise<Order> {
    const order = await m.findOne(Order, { where: { id }, relations: { lines: true } });
    if (!order) throw new NotFoundProblem(`order ${id} not found`);
    return order;
  }

  async assertExists(id: string, m: EntityManager = this.dataSource.manager): Promise<void> {
    if (!(await m.existsBy(Order, { id }))) throw new NotFoundProblem(`order ${id} not found`);
  }

  async list(query: OrderListQuery): Promise<{ items: Order[]; total: number }> {
    const [items, total] = await this.dataSource.getRepository(Order).findAndCount({
      where: { ...(query.status ? { status: query.status } : {}), ...(query.customerId ? { customerId: query.customerId } : {}) },
      relations: { lines: true },
      order: { createdAt: 'DESC', number: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items, total };
  }

  /** The customer's other orders that still use credit (R2.4): sales owns orders, so this is exact. */
  async openAmountOf(m: EntityManager, customerId: string, exceptOrderId: string): Promise<string> {
    const [{ open }] = await m.query(
      `SELECT coalesce(sum("totalAmount"), 0)::text AS open FROM sales_order WHERE "customerId" = $1 AND id <> $2 AND status = ANY($3)`,
      [customerId, exceptOrderId, statusesWhere(countsAgainstCredit)],
    );
    return sumMoney([open]);
  }

  /** Orders of a customer in a status, oldest first (a stage re-examining what waits for it). */
  async idsOf(m: EntityManager, customerId: string, status: OrderStatus): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM sales_order WHERE "customerId" = $1 AND status = $2 ORDER BY "createdAt"`, [customerId, status]);
    return rows.map((r) => r.id);
  }
}
