import { fromMinorUnits, toMinorUnits } from '@opm/contracts';

export type PaymentStatus = 'OPEN' | 'PARTIALLY_PAID' | 'PAID';

export interface InvoiceBalance {
  paid: string;
  /** The invoice amount less its payments: derived every time, never stored (R7.2). */
  outstanding: string;
  status: PaymentStatus;
}

/** What is paid and outstanding of an invoice, and its status: nothing paid OPEN, some PARTIALLY_PAID, all PAID. Exact (N3). */
export function invoiceBalance(amount: string, payments: readonly string[]): InvoiceBalance {
  const total = toMinorUnits(amount);
  const paid = payments.reduce((sum, p) => sum + toMinorUnits(p), 0n);
  const outstanding = total - paid;
  if (outstanding < 0n) throw new Error(`payments of ${fromMinorUnits(paid)} exceed the invoice amount ${amount}`);
  return { paid: fromMinorUnits(paid), outstanding: fromMinorUnits(outstanding), status: paid === 0n ? 'OPEN' : outstanding === 0n ? 'PAID' : 'PARTIALLY_PAID' };
}

/** Why a payment cannot be recorded against what is outstanding (more than outstanding, R7.2), or null. */
export function paymentRefusal(amount: string, outstanding: string): string | null {
  const pay = toMinorUnits(amount);
  if (pay <= 0n) return `a payment must be more than 0.00, not ${amount}`;
  if (pay > toMinorUnits(outstanding)) return `${fromMinorUnits(pay)} is more than the ${outstanding} outstanding`;
  return null;
}

/** An invoice as a customer's receivables see it: its amount, what is paid of it, when it is due. */
export interface ReceivableInvoice {
  amount: string;
  paid: string;
  dueDate: string;
  status: string;
}

/**
 * A customer's receivables (R2.4, R7.3): open = what is outstanding on invoices not PAID or VOID; overdue = the part of
 * it on invoices whose due date is before `today` (due today is not yet overdue). Exact (N3).
 */
export function receivablesOf(invoices: readonly ReceivableInvoice[], today: string): { openInvoiceAmount: string; overdueAmount: string } {
  let open = 0n;
  let overdue = 0n;
  for (const i of invoices) {
    if (i.status === 'PAID' || i.status === 'VOID') continue;
    const outstanding = toMinorUnits(i.amount) - toMinorUnits(i.paid);
    open += outstanding;
    if (i.dueDate < today) overdue += outstanding;
  }
  return { openInvoiceAmount: fromMinorUnits(open), overdueAmount: fromMinorUnits(overdue) };
}
