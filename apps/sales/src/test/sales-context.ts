import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Assessment, ReviewDepartment, ReviewTaskCompleted } from '@opm/contracts';
import { AppContext, startAppContext } from '@opm/testing';
import { SalesAppModule } from '../app.module';
import { CustomersService } from '../customers/customers.service';
import { IntakeService } from '../intake/intake.service';
import type { CreateOrderDto } from '../lifecycle/dto/create-order.dto';
import type { OrderView } from '../lifecycle/order-view';
import { ReviewService } from '../review/review.service';

/** Sales' modules on a fresh database of the real PostgreSQL (no HTTP, no Kafka), for the middle-level tests. */
export async function startSales(database: string, env: Record<string, string> = {}): Promise<AppContext> {
  return startAppContext('sales', (config) => SalesAppModule.register(config), {
    database,
    // The schedulers are driven by the tests, not by time.
    env: { INTAKE_SCAN_MS: '3600000', ISSUE_ACK_SCAN_MS: '3600000', ...env },
  });
}

/** A registered customer; with a limit, sales also has finance's credit standing for it (as if the event had arrived). */
export async function customer(ctx: AppContext, creditLimit: string | null = '1000000.00'): Promise<string> {
  const customers = ctx.app.get(CustomersService);
  const { id } = await customers.create({ name: `Customer ${randomUUID().slice(0, 8)}`, contactPerson: 'Li Wei', phone: '+86 21 5555 0101' });
  if (creditLimit !== null) await ctx.dataSource.transaction((m) => customers.applyCredit(m, credit(id, creditLimit)));
  return id;
}

export const credit = (customerId: string, creditLimit: string | null, updatedAt = new Date().toISOString()) => ({
  customerId,
  creditLimit,
  currency: 'CNY',
  openOrderAmount: '0.00',
  openInvoiceAmount: '0.00',
  exposure: '0.00',
  overdueAmount: '0.00',
  updatedAt,
});

/** A complete order of free-text lines (no catalog needed), delivered in about five months. */
export function newOrder(customerId: string, overrides: Partial<CreateOrderDto> = {}): CreateOrderDto {
  const delivery = new Date(Date.now() + 150 * 86_400_000).toISOString().slice(0, 10);
  return {
    channel: 'PHONE',
    customerId,
    contactPerson: 'Li Wei',
    contactPhone: '+86 21 5555 0101',
    orderDate: new Date().toISOString().slice(0, 10),
    deliveryDate: delivery,
    deliveryPlace: 'Pudong warehouse 3, Shanghai',
    paymentTerms: '30 days net',
    currency: 'CNY',
    lines: [{ productName: 'Custom bracket', specification: '304 steel', quantity: 10, unitPrice: '12.50' }],
    ...overrides,
  } as CreateOrderDto;
}

/** The events an order published, oldest first, as their types (from the outbox table). */
export async function eventTypes(m: EntityManager, orderId: string): Promise<string[]> {
  const rows: { type: string }[] = await m.query(`SELECT value->>'type' AS type FROM outbox WHERE message_key = $1 ORDER BY seq`, [orderId]);
  return rows.map((r) => r.type);
}

/** The order's audit trail in this service, oldest first, as action names. */
export async function auditActions(m: EntityManager, orderId: string): Promise<string[]> {
  const rows: { action: string }[] = await m.query(`SELECT action FROM audit_entry WHERE order_id = $1 ORDER BY seq`, [orderId]);
  return rows.map((r) => r.action);
}

/** Records an order through intake (its preliminary review runs, as for a clerk's POST /orders). */
export function recordOrder(ctx: AppContext, dto: CreateOrderDto): Promise<OrderView> {
  return ctx.app.get(IntakeService).create(dto);
}

/**
 * What the reviewing departments tell sales, applied as sales' consumers apply their events (in one transaction):
 * a task opened with its assessment and due time, and an answer.
 */
export function reviewEvents(ctx: AppContext, assessment: Assessment) {
  const review = ctx.app.get(ReviewService);
  return {
    open: (orderId: string, round: number, department: ReviewDepartment, dueInMs = 3_600_000) =>
      ctx.dataSource.transaction((m) =>
        review.applyOpened(m, { orderId, round, department, taskId: randomUUID(), dueAt: new Date(Date.now() + dueInMs).toISOString(), assessment, openedAt: new Date().toISOString() }),
      ),
    answer: (orderId: string, round: number, department: ReviewDepartment, conclusion: 'PASS' | 'FAIL', overrides: Partial<ReviewTaskCompleted> = {}) =>
      ctx.dataSource.transaction((m) =>
        review.applyCompleted(m, {
          orderId,
          round,
          department,
          taskId: randomUUID(),
          conclusion,
          opinion: `${department} says ${conclusion}`,
          proposals: [],
          assessment,
          reviewer: `${department.toLowerCase()}.head`,
          reviewerRole: 'HEAD',
          autoConfirmed: false,
          decidedAt: new Date().toISOString(),
          ...overrides,
        }),
      ),
  };
}
