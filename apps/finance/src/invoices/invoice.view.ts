import { z } from 'zod';
import { CurrencySchema, INVOICE_STATUSES, MoneySchema, PAYMENT_METHODS, ReconciliationSchema, SettlementLineSchema } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import type { FinanceSettlement, Invoice, Payment } from './invoice.entities';
import { invoiceBalance } from './receivables';

const at = () => z.iso.datetime({ offset: true });

export const InvoiceView = apiView(
  'Invoice',
  z.object({
    id: z.uuid(),
    number: z.string().describe('INV-yyyy-nnnnnn, gap-free per year'),
    orderId: z.uuid(),
    orderNumber: z.string(),
    customerId: z.uuid(),
    settlementId: z.uuid(),
    amount: MoneySchema,
    currency: CurrencySchema,
    paymentTerms: z.string().nullable(),
    issuedAt: at(),
    dueDate: z.iso.date(),
    dueDateSource: z.enum(['PAYMENT_TERMS', 'FINANCE']).describe("computed from the order's payment terms, or set by the finance head"),
    issuedBy: z.string(),
    status: z.enum(INVOICE_STATUSES),
    paid: MoneySchema.describe('the sum of the payments'),
    outstanding: MoneySchema.describe('amount less the payments, derived from them (never stored)'),
    payments: z.array(
      z.object({ id: z.uuid(), amount: MoneySchema, method: z.enum(PAYMENT_METHODS), paidAt: at(), reference: z.string().nullable(), recordedBy: z.string(), recordedAt: at() }),
    ),
    version: z.number().int().positive(),
  }),
);
export type InvoiceView = ViewOf<typeof InvoiceView>;

export function toInvoiceView(i: Invoice, payments: Payment[]): InvoiceView {
  const balance = invoiceBalance(i.amount, payments.map((p) => p.amount));
  return {
    id: i.id,
    number: i.number,
    orderId: i.orderId,
    orderNumber: i.orderNumber,
    customerId: i.customerId,
    settlementId: i.settlementId,
    amount: i.amount,
    currency: i.currency,
    paymentTerms: i.paymentTerms,
    issuedAt: i.issuedAt.toISOString(),
    dueDate: i.dueDate,
    dueDateSource: i.dueDateSource,
    issuedBy: i.issuedBy,
    status: i.status,
    paid: balance.paid,
    outstanding: balance.outstanding,
    payments: [...payments]
      .sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime())
      .map((p) => ({ id: p.id, amount: p.amount, method: p.method, paidAt: p.paidAt.toISOString(), reference: p.reference, recordedBy: p.recordedBy, recordedAt: p.recordedAt.toISOString() })),
    version: i.version,
  };
}

export const FinanceSettlementView = apiView(
  'FinanceSettlement',
  z.object({
    orderId: z.uuid(),
    settlementId: z.uuid(),
    revision: z.number().int().positive().describe('the submission finance holds (the latest)'),
    orderNumber: z.string(),
    customerId: z.uuid(),
    currency: CurrencySchema,
    paymentTerms: z.string().nullable(),
    lines: z.array(SettlementLineSchema),
    totalAmount: MoneySchema,
    reconciliation: ReconciliationSchema,
    submittedBy: z.string(),
    submittedAt: at(),
    status: z.enum(['SUBMITTED', 'APPROVED', 'REJECTED']),
    reviewedBy: z.string().nullable(),
    reviewedAt: at().nullable(),
    comment: z.string().nullable(),
    invoice: InvoiceView.schema.nullable().describe('issued on approval'),
  }),
);
export type FinanceSettlementView = ViewOf<typeof FinanceSettlementView>;

export const toFinanceSettlementView = (s: FinanceSettlement, invoice: InvoiceView | null): FinanceSettlementView => ({
  orderId: s.orderId,
  settlementId: s.settlementId,
  revision: s.revision,
  orderNumber: s.orderNumber,
  customerId: s.customerId,
  currency: s.currency,
  paymentTerms: s.paymentTerms,
  lines: s.lines,
  totalAmount: s.totalAmount,
  reconciliation: s.reconciliation,
  submittedBy: s.submittedBy,
  submittedAt: s.submittedAt.toISOString(),
  status: s.status,
  reviewedBy: s.reviewedBy,
  reviewedAt: s.reviewedAt?.toISOString() ?? null,
  comment: s.comment,
  invoice,
});

export const INVOICE_EXAMPLE: InvoiceView = {
  id: '2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d',
  number: 'INV-2027-000001',
  orderId: '3f1c2a9e-7b4d-4e1a-9c3b-2d5e6f7a8b90',
  orderNumber: 'SO-2026-000042',
  customerId: '0b7f9c1e-5d2a-4c3b-9a1e-000000000001',
  settlementId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  amount: '1250.00',
  currency: 'CNY',
  paymentTerms: '30 days net',
  issuedAt: '2027-03-03T02:00:00.000Z',
  dueDate: '2027-04-02',
  dueDateSource: 'PAYMENT_TERMS',
  issuedBy: 'finance.head',
  status: 'PARTIALLY_PAID',
  paid: '500.00',
  outstanding: '750.00',
  payments: [{ id: '4d5e6f70-8192-4a3b-8c4d-5e6f7a8b9c0d', amount: '500.00', method: 'BANK_TRANSFER', paidAt: '2027-03-20T02:00:00.000Z', reference: 'TT20270320-0042', recordedBy: 'finance.staff', recordedAt: '2027-03-20T03:00:00.000Z' }],
  version: 2,
};
