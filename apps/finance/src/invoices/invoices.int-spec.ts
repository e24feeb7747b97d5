import { randomUUID } from 'node:crypto';
import { addDays, isoDay, type SalesSettlementSubmitted } from '@opm/contracts';
import type { Principal } from '@opm/platform';
import { AppContext, startAppContext } from '@opm/testing';
import { FinanceAppModule } from '../app.module';
import { CreditService } from '../credit/credit.service';
import { InvoicesService } from './invoices.service';
import { ReceivablesService } from './receivables.service';

const head: Principal = { username: 'finance.head', department: 'FINANCE', role: 'HEAD' };
const staff: Principal = { username: 'finance.staff', department: 'FINANCE', role: 'STAFF' };
const DAY = 86_400_000;

/** Invoices against the real PostgreSQL: the overdue scan on a fixed clock, and payments of one invoice racing. */
describe('finance invoices (PostgreSQL)', () => {
  let ctx: AppContext;
  let invoices: InvoicesService;
  let credit: CreditService;
  let receivables: ReceivablesService;

  beforeAll(async () => {
    ctx = await startAppContext('finance', (config) => FinanceAppModule.register(config), { database: 'finance_invoices', env: { REVIEW_SCAN_MS: '3600000', FINANCE_OVERDUE_SCAN_MS: '3600000' } });
    invoices = ctx.app.get(InvoicesService);
    credit = ctx.app.get(CreditService);
    receivables = ctx.app.get(ReceivablesService);
  });
  afterAll(() => ctx?.close());

  /** A customer with an account, and an invoice of 1250.00 for it, approved on the order's terms. */
  const invoiced = async (paymentTerms: string) => {
    const customerId = randomUUID();
    const orderId = randomUUID();
    await ctx.dataSource.transaction((m) => credit.openAccount(m, { customerId, name: 'Dalian Valve Works', contactPerson: 'Zhou Min', phone: '+86 411 5555 0505', email: null, address: null }));
    const submitted: SalesSettlementSubmitted = {
      orderId,
      settlementId: randomUUID(),
      revision: 1,
      orderNumber: 'SO-2027-000777',
      customerId,
      currency: 'CNY',
      paymentTerms,
      lines: [{ lineNo: 1, productName: 'P-100', specification: null, quantityOrdered: 100, quantityDelivered: 100, unitPrice: '12.50', amount: '1250.00' }],
      totalAmount: '1250.00',
      reconciliation: { agreedBy: 'Wang Fang', agreedAt: new Date().toISOString(), note: null },
      submittedBy: 'sales.staff',
      submittedAt: new Date().toISOString(),
    };
    await ctx.dataSource.transaction((m) => invoices.applySubmitted(m, submitted));
    const reviewed = await invoices.review(orderId, { decision: 'APPROVE', comment: null }, head);
    return { customerId, orderId, invoice: reviewed.invoice as NonNullable<typeof reviewed.invoice> };
  };
  const standings = async (customerId: string): Promise<{ overdueAmount: string; openInvoiceAmount: string }[]> =>
    (await ctx.dataSource.query(`SELECT value->'payload' AS payload FROM outbox WHERE message_key = $1 AND topic = 'finance.credit.updated.v1' ORDER BY seq`, [customerId])).map(
      (r: { payload: { overdueAmount: string; openInvoiceAmount: string } }) => r.payload,
    );

  it('R2.4 R7.3 an invoice falling due unpaid is announced by the scan once, on the clock\'s day after its due date, with the overdue debt', async () => {
    const { customerId, invoice } = await invoiced('30 days net');
    const today = new Date();
    expect(invoice.dueDate).toBe(addDays(isoDay(today), 30));
    const announced = (await standings(customerId)).length;
    expect((await standings(customerId)).at(-1)).toMatchObject({ openInvoiceAmount: '1250.00', overdueAmount: '0.00' });

    // Due today or earlier in the clock's life: nothing to announce.
    expect(await invoices.announceOverdue(new Date(today.getTime() + 30 * DAY))).toBe(0);
    expect(await standings(customerId)).toHaveLength(announced);
    // The day after the due date: announced with the overdue debt, once that day, and not again later while unpaid.
    const dayAfter = new Date(today.getTime() + 31 * DAY);
    expect(await invoices.announceOverdue(dayAfter)).toBeGreaterThanOrEqual(1);
    expect(await standings(customerId)).toHaveLength(announced + 1);
    expect((await standings(customerId)).at(-1)).toMatchObject({ openInvoiceAmount: '1250.00', overdueAmount: '1250.00' });
    await invoices.announceOverdue(dayAfter);
    await invoices.announceOverdue(new Date(today.getTime() + 40 * DAY));
    expect(await standings(customerId)).toHaveLength(announced + 1);
  });

  it('R7.2 two payments of one invoice racing queue on its row: the one that would pay more than outstanding is refused (422)', async () => {
    const { customerId, invoice } = await invoiced('net 60');
    const paidAt = new Date().toISOString();
    const results = await Promise.allSettled([
      invoices.recordPayment(invoice.id, { amount: '750.00', method: 'BANK_TRANSFER', paidAt, reference: 'A' }, staff),
      invoices.recordPayment(invoice.id, { amount: '750.00', method: 'BANK_TRANSFER', paidAt, reference: 'B' }, staff),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as { getStatus(): number }).getStatus()).toBe(422);
    expect(await invoices.get(invoice.id)).toMatchObject({ status: 'PARTIALLY_PAID', paid: '750.00', outstanding: '500.00' });
    // The credit standing announced with the payment shows what remains.
    expect((await standings(customerId)).at(-1)).toMatchObject({ openInvoiceAmount: '500.00' });
  });

  it('R7.3 dunning on a fixed clock (each level published as finance.invoice.dunned): a reminder, a final notice and legal as the days overdue reach 1, 30 and 60, each once; a dispute suspends it while open', async () => {
    const { invoice } = await invoiced('30 days net');
    const { invoice: disputed } = await invoiced('30 days net');
    const day = (n: number) => new Date(Date.parse(`${invoice.dueDate}T12:00:00Z`) + n * DAY);
    const levels = async (id: string) => (await receivables.dunningOf(id)).map((n) => `${n.level}@${n.daysOverdue}`);
    const dispute = await receivables.open(disputed.id, { reason: 'quantity contested' }, staff);

    await receivables.runDunning(day(0));
    expect(await levels(invoice.id)).toEqual([]);
    for (const n of [1, 2, 29]) await receivables.runDunning(day(n));
    expect(await levels(invoice.id)).toEqual(['REMINDER@1']);
    for (const n of [30, 31]) await receivables.runDunning(day(n));
    expect(await levels(invoice.id)).toEqual(['REMINDER@1', 'FINAL_NOTICE@30']);
    for (const n of [60, 61, 200]) await receivables.runDunning(day(n));
    expect(await levels(invoice.id)).toEqual(['REMINDER@1', 'FINAL_NOTICE@30', 'LEGAL@60']);
    // Disputed all that time: nothing; resolved at 200 days overdue, the level reached is sent, once.
    expect(await levels(disputed.id)).toEqual([]);
    await receivables.resolve(dispute.id, { resolution: 'delivery confirmed' }, head);
    await receivables.runDunning(day(200));
    await receivables.runDunning(day(201));
    expect(await levels(disputed.id)).toEqual(['LEGAL@200']);
    // Issue 16 item 4: each recorded level went out through the outbox with it, once, for sales to mail.
    type Dunned = { level: string; daysOverdue: number; outstanding: number; currency: string; dueDate: string; number: string };
    const dunned = async (invoiceId: string): Promise<Dunned[]> =>
      (await ctx.dataSource.query(`SELECT value->'payload' AS payload FROM outbox WHERE topic = 'finance.invoice.dunned.v1' AND value->'payload'->>'invoiceId' = $1 ORDER BY seq`, [invoiceId])).map(
        (r: { payload: Dunned }) => r.payload,
      );
    expect((await dunned(invoice.id)).map((p) => `${p.level}@${p.daysOverdue}`)).toEqual(['REMINDER@1', 'FINAL_NOTICE@30', 'LEGAL@60']);
    expect((await dunned(invoice.id))[0]).toMatchObject({ number: invoice.number, outstanding: 125000, currency: 'CNY', dueDate: invoice.dueDate });
    expect((await dunned(disputed.id)).map((p) => `${p.level}@${p.daysOverdue}`)).toEqual(['LEGAL@200']);
  });

  it('R7.3 a paid invoice is not dunned, however late', async () => {
    const { invoice } = await invoiced('30 days net');
    await invoices.recordPayment(invoice.id, { amount: '1250.00', method: 'CASH', paidAt: new Date().toISOString(), reference: null }, staff);
    await receivables.runDunning(new Date(Date.parse(`${invoice.dueDate}T12:00:00Z`) + 90 * DAY));
    expect(await receivables.dunningOf(invoice.id)).toEqual([]);
  });
});
