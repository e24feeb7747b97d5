import { z } from 'zod';
import { MoneySchema } from './money';

/** A settlement list's status in sales (R7.1-7.2): drafted, submitted to finance, approved (invoiced). A rejection sends it back to DRAFT. */
export const SETTLEMENT_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED'] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];

/** An invoice's status (API.md "Settlement (R7)"); DISPUTED and VOID are named by the contract for disputes and cancellation. */
export const INVOICE_STATUSES = ['OPEN', 'PARTIALLY_PAID', 'PAID', 'DISPUTED', 'VOID'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const PAYMENT_METHODS = ['BANK_TRANSFER', 'CHEQUE', 'CASH', 'OTHER'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const SETTLEMENT_DECISIONS = ['APPROVE', 'REJECT'] as const;
export type SettlementDecision = (typeof SETTLEMENT_DECISIONS)[number];

/** One line of a settlement list: what was delivered of an order line, at the order's price (R7.1-7.2). */
export const SettlementLineSchema = z.object({
  lineNo: z.number().int().positive(),
  productName: z.string().nullable().describe("the catalog product's name or the free-text line's"),
  specification: z.string().nullable(),
  quantityOrdered: z.number().int().positive(),
  quantityDelivered: z.number().int().nonnegative().describe('confirmed by proofs of delivery (R7.1), not the ordered quantity'),
  unitPrice: MoneySchema.describe("the order's price"),
  amount: MoneySchema.describe('quantityDelivered x unitPrice, exactly'),
});
export type SettlementLine = z.infer<typeof SettlementLineSchema>;

/** The customer's reconciliation of the delivered quantities, recorded when sales submits the list (R7.1). */
export const ReconciliationSchema = z.object({
  agreedBy: z.string().describe("who agreed the quantities on the customer's side"),
  agreedAt: z.iso.datetime({ offset: true }),
  note: z.string().nullable(),
});
export type Reconciliation = z.infer<typeof ReconciliationSchema>;


