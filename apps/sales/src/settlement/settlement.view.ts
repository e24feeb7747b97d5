import { z } from 'zod';
import { CurrencySchema, MoneySchema, ReconciliationSchema, SETTLEMENT_STATUSES, SettlementLineSchema } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import type { Settlement } from './settlement.entity';

export const SettlementListView = apiView(
  'SettlementList',
  z.object({
    id: z.uuid(),
    orderId: z.uuid(),
    status: z.enum(SETTLEMENT_STATUSES).describe('DRAFT until submitted; a rejection sends it back to DRAFT; APPROVED once invoiced'),
    lines: z.array(SettlementLineSchema).describe('every order line: ordered and delivered quantity, the order price, the amount of what was delivered (R7.1-7.2)'),
    totalAmount: MoneySchema.describe('the sum of the line amounts'),
    orderedAmount: MoneySchema.describe("the order's amount at the ordered quantities, so a difference is visible"),
    differsFromOrder: z.boolean().describe('some line was delivered in another quantity than ordered'),
    currency: CurrencySchema,
    paymentTerms: z.string().nullable().describe("the order's, from which finance computes the due date"),
    revision: z.number().int().nonnegative().describe('how many times the list was submitted'),
    draftedBy: z.string(),
    draftedAt: z.iso.datetime({ offset: true }),
    reconciliation: ReconciliationSchema.nullable().describe("the customer's agreement, recorded on submit (R7.1)"),
    submittedBy: z.string().nullable(),
    submittedAt: z.iso.datetime({ offset: true }).nullable(),
    review: z
      .object({
        decision: z.enum(['APPROVE', 'REJECT']),
        comment: z.string().nullable(),
        reviewedBy: z.string(),
        reviewedAt: z.iso.datetime({ offset: true }),
        revision: z.number().int().positive(),
      })
      .nullable()
      .describe("finance's last decision; a rejection's comment is shown here"),
    invoice: z
      .object({ invoiceId: z.uuid(), number: z.string(), amount: MoneySchema, currency: CurrencySchema, issuedAt: z.iso.datetime({ offset: true }), dueDate: z.iso.date(), outstanding: MoneySchema.nullable().optional().describe("what remained to pay after finance's last payment sales heard of; absent while none was") })
      .nullable()
      .describe('the invoice finance issued on approval'),
    paidAt: z.iso.datetime({ offset: true }).nullable().describe('when the invoice was paid in full'),
    version: z.number().int().positive(),
  }),
);
export type SettlementListView = ViewOf<typeof SettlementListView>;

export const toSettlementView = (s: Settlement): SettlementListView => ({
  id: s.id,
  orderId: s.orderId,
  status: s.status,
  lines: s.lines,
  totalAmount: s.totalAmount,
  orderedAmount: s.orderedAmount,
  differsFromOrder: s.lines.some((l) => l.quantityDelivered !== l.quantityOrdered),
  currency: s.currency,
  paymentTerms: s.paymentTerms,
  revision: s.revision,
  draftedBy: s.draftedBy,
  draftedAt: s.draftedAt.toISOString(),
  reconciliation: s.reconciliation,
  submittedBy: s.submittedBy,
  submittedAt: s.submittedAt?.toISOString() ?? null,
  review: s.review,
  invoice: s.invoice,
  paidAt: s.paidAt?.toISOString() ?? null,
  version: s.version,
});

export const SETTLEMENT_EXAMPLE: SettlementListView = {
  id: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  orderId: '3f1c2a9e-7b4d-4e1a-9c3b-2d5e6f7a8b90',
  status: 'DRAFT',
  lines: [{ lineNo: 1, productName: 'P-100 Steel flange DN100', specification: 'DN100 PN16', quantityOrdered: 100, quantityDelivered: 100, unitPrice: '12.50', amount: '1250.00' }],
  totalAmount: '1250.00',
  orderedAmount: '1250.00',
  differsFromOrder: false,
  currency: 'CNY',
  paymentTerms: '30 days net',
  revision: 0,
  draftedBy: 'sales.staff',
  draftedAt: '2027-03-02T08:00:00.000Z',
  reconciliation: null,
  submittedBy: null,
  submittedAt: null,
  review: null,
  invoice: null,
  paidAt: null,
  version: 1,
};
