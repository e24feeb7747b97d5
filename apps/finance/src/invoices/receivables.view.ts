import { z } from 'zod';
import { CurrencySchema, MoneySchema } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import { DISPUTE_STATUSES } from './dispute-rules';
import { DUNNING_LEVELS } from './dunning';
import type { Dispute } from './invoice.entities';

export const ReceivablesAgeingView = apiView(
  'ReceivablesAgeing',
  z.object({
    asOf: z.iso.date(),
    currency: CurrencySchema,
    buckets: z
      .array(z.object({ bucket: z.string().describe('CURRENT (not yet due), then days past due: 1-30, 31-60, 61-90, 90+ (FINANCE_AGEING_BOUNDS)'), amount: MoneySchema, count: z.number().int().nonnegative() }))
      .describe('every bucket, by due date; they add up to the total exactly'),
    total: MoneySchema.describe('the outstanding amount of every unpaid invoice in this currency'),
  }),
);
export type ReceivablesAgeingView = ViewOf<typeof ReceivablesAgeingView>;

const at = () => z.iso.datetime({ offset: true });

export const DisputeView = apiView(
  'InvoiceDispute',
  z.object({
    id: z.uuid(),
    invoiceId: z.uuid(),
    invoiceNumber: z.string(),
    invoiceStatus: z.string().describe('DISPUTED while the dispute is open or escalated'),
    status: z.enum(DISPUTE_STATUSES).describe('ESCALATED: handed to legal'),
    reason: z.string(),
    openedBy: z.string(),
    openedAt: at(),
    escalationNote: z.string().nullable(),
    escalatedBy: z.string().nullable(),
    escalatedAt: at().nullable(),
    resolution: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: at().nullable(),
  }),
);
export type DisputeView = ViewOf<typeof DisputeView>;

export const toDisputeView = (d: Dispute, invoice: { number: string; status: string }): DisputeView => ({
  id: d.id,
  invoiceId: d.invoiceId,
  invoiceNumber: invoice.number,
  invoiceStatus: invoice.status,
  status: d.status,
  reason: d.reason,
  openedBy: d.openedBy,
  openedAt: d.openedAt.toISOString(),
  escalationNote: d.escalationNote,
  escalatedBy: d.escalatedBy,
  escalatedAt: d.escalatedAt?.toISOString() ?? null,
  resolution: d.resolution,
  resolvedBy: d.resolvedBy,
  resolvedAt: d.resolvedAt?.toISOString() ?? null,
});

export const SettlementRecordView = apiView(
  'SettlementRecord',
  z.object({
    paymentId: z.uuid(),
    paidAt: at(),
    amount: MoneySchema,
    currency: CurrencySchema,
    method: z.string().describe('BANK_TRANSFER, CHEQUE, CASH or OTHER'),
    reference: z.string().nullable(),
    customerId: z.uuid(),
    customerName: z.string().nullable(),
    orderId: z.uuid(),
    orderNumber: z.string(),
    invoiceId: z.uuid(),
    invoiceNumber: z.string(),
    recordedBy: z.string(),
  }),
);

export const DunningNoticeListView = apiView(
  'DunningNoticeList',
  z.object({
    items: z.array(
      z.object({
        id: z.uuid(),
        invoiceId: z.uuid(),
        level: z.enum(DUNNING_LEVELS).describe('REMINDER, FINAL_NOTICE, then LEGAL, by days overdue (FINANCE_DUNNING_DAYS)'),
        daysOverdue: z.number().int().positive(),
        outstanding: MoneySchema,
        noticeDate: z.iso.date(),
        recordedAt: at(),
      }),
    ),
  }),
);
export type DunningNoticeListView = ViewOf<typeof DunningNoticeListView>;
