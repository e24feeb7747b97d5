import type { InvoiceStatus } from '@opm/contracts';

/**
 * Finance's part of a cancellation (R8.5): an invoice nothing was paid on (open, or disputed) is void; one with money
 * received cannot simply be voided (the customer is owed a refund first), so finance cannot comply and names it.
 */
export function invoicesToVoid(invoices: readonly { number: string; status: InvoiceStatus }[]): { void: string[]; paid: string[] } {
  return {
    void: invoices.filter((i) => i.status === 'OPEN' || i.status === 'DISPUTED').map((i) => i.number),
    paid: invoices.filter((i) => i.status === 'PARTIALLY_PAID' || i.status === 'PAID').map((i) => i.number),
  };
}
